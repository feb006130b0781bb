/**
 * Local stocks at customers' sites (the manual's "stock local"): the list, filtered by customer, with
 * each stock's devices and its low and empty supplies; a stock opens (?stock=<id>, the link of the
 * low-stock email) on its supplies (count, minimum and target), replenishments (place, ship, receive,
 * cancel), the devices it serves and its last movements. Those who may not edit consumables only see.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { LocalStock, Replenishment, ReplenishmentUpdate, StockItem } from '@parc/shared/contracts/stocks';
import type { ReplenishmentAction } from '@parc/shared/supplies/stock';
import { LANGUAGE_LOCALES } from '@parc/shared/languages';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { formatCount, formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { FormError } from '../shell/form-error.tsx';
import { createTicketsApi, customerOptions } from '../tickets/tickets.api.ts';
import { FilterSelect, NamedOptions } from '../tickets/tickets-bits.tsx';
import { ReplenishmentDialog, ShipDialog } from './replenishment-dialog.tsx';
import { StockDialog } from './stock-dialog.tsx';
import { StockItemDialog } from './stock-item-dialog.tsx';
import { stocksText } from './stocks-messages/index.ts';
import { createStocksApi } from './stocks.api.ts';
import { movementText, replenishmentActions, STATE_BADGES, stockAlerts, stockUpdateOf, type ItemMode } from './stocks.rules.ts';
import { createSuppliesApi } from './supplies.api.ts';

/** A loaded list's items; none while loading or failed (Loaded shows why). */
const itemsOf = <T,>(result: ApiResult<{ items: T[] }> | undefined): T[] => (result?.ok ? result.data.items : []);
import './stocks.css';

const STOCKS_PATH = '/console/consumables/stocks';

export default function StocksTab() {
  const [searchParams] = useSearchParams<{ stock?: string }>();
  return (
    <Show when={searchParams.stock} keyed fallback={<StockList />}>
      {(id) => <StockDetail id={id} />}
    </Show>
  );
}

function StockList() {
  const { t, language } = useFeatureText(stocksText);
  const client = createApiClient();
  const api = createStocksApi(client);
  const canEdit = usePermission('consumables', 'edit');
  const [, setSearchParams] = useSearchParams<{ stock?: string }>();
  const [customerId, setCustomerId] = createSignal('');
  const [customers] = createResource(() => customerOptions(createTicketsApi(client)));
  const [stocks, { refetch }] = createResource(() => ({ customerId: customerId() }), (query) => api.list(query.customerId));
  const [adding, setAdding] = createSignal(false);

  return (
    <section class="stocks" aria-labelledby="stocks-title">
      <div class="stocks__head">
        <h2 id="stocks-title">{t('stocks.title')}</h2>
        <Show when={canEdit()}>
          <button type="button" class="button button--primary" data-action="add-stock" onClick={() => setAdding(true)}>
            {t('stocks.add')}
          </button>
        </Show>
      </div>
      <div class="filters">
        <FilterSelect label={t('stocks.filter.customer')} name="customerId" value={customerId()} onChange={setCustomerId}>
          <NamedOptions each={customers()} />
        </FilterSelect>
      </div>
      <Loaded result={stocks()} retry={refetch}>
        {() => (
          <div class="stock-table card-table">
            <table class="table" data-testid="stocks-table">
              <thead>
                <tr>
                  <th scope="col">{t('stocks.column.name')}</th>
                  <th scope="col">{t('stocks.column.customer')}</th>
                  <th scope="col">{t('stocks.column.site')}</th>
                  <th scope="col" class="number">
                    {t('stocks.column.devices')}
                  </th>
                  <th scope="col">{t('stocks.column.alerts')}</th>
                </tr>
              </thead>
              <tbody>
                <For
                  each={itemsOf(stocks())}
                  fallback={
                    <tr>
                      <td colSpan={5} class="muted">
                        {t('stocks.empty')}
                      </td>
                    </tr>
                  }
                >
                  {(stock) => (
                    <tr data-stock={stock.name}>
                      <th scope="row">
                        <A href={`${STOCKS_PATH}?stock=${stock.id}`} aria-label={t('stocks.openOf', { name: stock.name })}>
                          {stock.name}
                        </A>
                      </th>
                      <td data-label={t('stocks.column.customer')}>
                        <div>{stock.customer.name}</div>
                      </td>
                      <td data-label={t('stocks.column.site')}>
                        <div>{stock.site.name}</div>
                      </td>
                      <td data-label={t('stocks.column.devices')} class="number">
                        <div>{formatCount(language(), stock.devices.length)}</div>
                      </td>
                      <td data-label={t('stocks.column.alerts')}>
                        <div>
                          <StockAlerts items={stock.items} />
                        </div>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
      <Show when={adding()}>
        <Show when={customers()}>
          {(options) => (
            <StockDialog
              customers={options()}
              save={(input) => api.create(input)}
              onSaved={(stock) => {
                setAdding(false);
                setSearchParams({ stock: stock.id });
              }}
              onClose={() => setAdding(false)}
            />
          )}
        </Show>
      </Show>
    </section>
  );
}

function StockAlerts(props: { items: readonly StockItem[] }) {
  const { t, language } = useFeatureText(stocksText);
  return (
    <span class="stock-alerts">
      <For each={stockAlerts(props.items)} fallback={<span class="badge badge--ok">{t('stocks.alert.none')}</span>}>
        {(alert) => (
          <span class={`badge badge--${STATE_BADGES[alert.state]}`} data-alert={alert.state}>
            {t(`stocks.alert.${alert.state}`, { count: formatCount(language(), alert.count) })}
          </span>
        )}
      </For>
    </span>
  );
}

type Dialog =
  | { kind: 'edit' }
  | { kind: 'item'; mode: ItemMode; item?: StockItem }
  | { kind: 'replenish' }
  | { kind: 'ship'; replenishment: Replenishment };

function StockDetail(props: { id: string }) {
  const { t, language } = useFeatureText(stocksText);
  const client = createApiClient();
  const api = createStocksApi(client);
  const canEdit = usePermission('consumables', 'edit');
  const [, setSearchParams] = useSearchParams<{ stock?: string }>();
  const [stock, { mutate, refetch }] = createResource(() => api.get(props.id));
  const [movements, { refetch: refetchMovements }] = createResource(() => api.movements(props.id));
  const [replenishments, { refetch: refetchReplenishments }] = createResource(() => api.replenishments(props.id));
  const [carriers] = createResource(canEdit, async () => {
    const result = await createSuppliesApi(client).carriers();
    return result.ok ? result.data.items : [];
  });
  const [dialog, setDialog] = createSignal<Dialog | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const current = (): LocalStock | null => {
    const result = stock();
    return result?.ok ? result.data : null;
  };
  const delta = (value: number) => new Intl.NumberFormat(LANGUAGE_LOCALES[language()], { signDisplay: 'exceptZero' }).format(value);

  /** A stock the server sent back: shown, with the movements it may have added. */
  const showStock = (saved: LocalStock) => {
    mutate({ ok: true, data: saved });
    void refetchMovements();
  };

  async function removeStock(stock: LocalStock) {
    if (busy() || !confirm(t('stocks.confirmDelete', { name: stock.name }))) return;
    setBusy(true);
    const result = await api.remove(stock.id);
    setBusy(false);
    if (!result.ok && result.error.code !== 'not_found') return setFailure(result.error);
    setSearchParams({ stock: undefined });
  }

  async function removeItem(stock: LocalStock, item: StockItem) {
    if (busy() || !confirm(t('stocks.item.confirmRemove', { name: item.name }))) return;
    setBusy(true);
    setFailure(null);
    const result = await api.removeItem(stock.id, item.supplyModelId);
    setBusy(false);
    if (result.ok) showStock(result.data);
    else setFailure(result.error);
  }

  async function sendReplenishment(replenishment: Replenishment, change: ReplenishmentUpdate) {
    setBusy(true);
    setNotice(null);
    const result = await api.updateReplenishment(replenishment.id, change);
    setBusy(false);
    if (result.ok) {
      setFailure(null);
      setDialog(null);
      setNotice(t('stocks.replenishment.updated', { code: result.data.code, status: t(`stocks.replenishment.status.${result.data.status}`) }));
      // Received or cancelled, it changes what is on the shelf or on its way.
      void refetch();
      void refetchMovements();
      void refetchReplenishments();
    } else if (!dialog() || result.error.code === 'conflict') {
      setDialog(null);
      setFailure(result.error);
      void refetchReplenishments();
    }
    return result;
  }

  function act(replenishment: Replenishment, action: ReplenishmentAction) {
    if (busy()) return;
    if (action === 'ship') return setDialog({ kind: 'ship', replenishment });
    if (action === 'cancel' && !confirm(t('stocks.replenishment.confirmCancel', { code: replenishment.code }))) return;
    void sendReplenishment(replenishment, { action });
  }

  return (
    <section class="stocks stock-detail" aria-labelledby="stock-title">
      <p class="stock-detail__back">
        <A href={STOCKS_PATH}>← {t('stocks.back')}</A>
      </p>
      <Loaded result={stock()} retry={refetch}>
        {() => (
          <Show when={current()}>
            {(stock) => (
              <>
                <div class="stocks__head">
                  <div>
                    <h2 id="stock-title">{stock().name}</h2>
                    <p class="muted stock-detail__where">
                      {stock().customer.name} · {stock().site.name}
                    </p>
                    <p class="muted stock-detail__where">
                      {stock().manager.coordinatorName || stock().manager.email
                        ? t('stocks.manager', { who: [stock().manager.coordinatorName, stock().manager.email].filter(Boolean).join(' · ') })
                        : t('stocks.noManager')}
                    </p>
                  </div>
                  <Show when={canEdit()}>
                    <div class="actions">
                      <button type="button" class="button" data-action="edit-stock" onClick={() => setDialog({ kind: 'edit' })}>
                        {t('stocks.edit')}
                      </button>
                      <button type="button" class="button button--quiet" data-action="delete-stock" disabled={busy()} onClick={() => void removeStock(stock())}>
                        {t('stocks.delete')}
                      </button>
                    </div>
                  </Show>
                </div>
                <FormError message={failure()} />
                <Show when={notice()}>
                  <p class="notice" role="status">
                    {notice()}
                  </p>
                </Show>

                <section class="card stock-detail__section" aria-labelledby="stock-items-title">
                  <div class="stocks__head">
                    <h3 id="stock-items-title">{t('stocks.items.title')}</h3>
                    <Show when={canEdit()}>
                      <div class="actions">
                        <button type="button" class="button" data-action="add-item" onClick={() => setDialog({ kind: 'item', mode: 'add' })}>
                          {t('stocks.item.add')}
                        </button>
                        <Show when={stock().items.length > 0}>
                          <button type="button" class="button button--primary" data-action="replenish" onClick={() => setDialog({ kind: 'replenish' })}>
                            {t('stocks.replenishments.new')}
                          </button>
                        </Show>
                      </div>
                    </Show>
                  </div>
                  <div class="stock-table card-table">
                    <table class="table" data-testid="stock-items">
                      <thead>
                        <tr>
                          <th scope="col">{t('stocks.item.supply')}</th>
                          <th scope="col">{t('stocks.item.reference')}</th>
                          <th scope="col" class="number">
                            {t('stocks.item.quantity')}
                          </th>
                          <th scope="col" class="number">
                            {t('stocks.item.minimum')}
                          </th>
                          <th scope="col" class="number">
                            {t('stocks.item.target')}
                          </th>
                          <th scope="col">{t('stocks.item.state')}</th>
                          <th scope="col" class="number">
                            {t('stocks.item.inTransit')}
                          </th>
                          <th scope="col">
                            <span class="visually-hidden">{t('stocks.item.actions')}</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        <For
                          each={stock().items}
                          fallback={
                            <tr>
                              <td colSpan={8} class="muted">
                                {t('stocks.items.empty')}
                              </td>
                            </tr>
                          }
                        >
                          {(item) => (
                            <tr data-supply-model={item.supplyModelId} data-state={item.state}>
                              <th scope="row">
                                <span class={`supply-colour supply-colour--${item.colour}`} aria-hidden="true" />
                                {item.name}
                              </th>
                              <td data-label={t('stocks.item.reference')}>
                                <div>
                                  {item.partNumber ?? '—'}
                                  <Show when={item.dealerReference}>{(reference) => <small class="muted stock-table__sub">{t('stocks.item.yourReference', { reference: reference() })}</small>}</Show>
                                </div>
                              </td>
                              <td data-label={t('stocks.item.quantity')} class="number" data-field="quantity">
                                <div>{formatCount(language(), item.quantity)}</div>
                              </td>
                              <td data-label={t('stocks.item.minimum')} class="number">
                                <div>{formatCount(language(), item.minimum)}</div>
                              </td>
                              <td data-label={t('stocks.item.target')} class="number">
                                <div>{formatCount(language(), item.target)}</div>
                              </td>
                              <td data-label={t('stocks.item.state')}>
                                <div>
                                  <span class={`badge badge--${STATE_BADGES[item.state]}`}>{t(`stocks.state.${item.state}`)}</span>
                                </div>
                              </td>
                              <td data-label={t('stocks.item.inTransit')} class="number" data-field="inTransit">
                                <div>{formatCount(language(), item.inTransit)}</div>
                              </td>
                              <td class="card-table__actions">
                                <Show when={canEdit()}>
                                  <div class="supply-orders__buttons" role="group" aria-label={t('stocks.item.actionsOf', { name: item.name })}>
                                    <button type="button" class="button" data-action="count" onClick={() => setDialog({ kind: 'item', mode: 'count', item })}>
                                      {t('stocks.item.count')}
                                    </button>
                                    <button type="button" class="button button--quiet" data-action="limits" onClick={() => setDialog({ kind: 'item', mode: 'limits', item })}>
                                      {t('stocks.item.limits')}
                                    </button>
                                    <button type="button" class="button button--quiet" data-action="remove" disabled={busy()} onClick={() => void removeItem(stock(), item)}>
                                      {t('stocks.item.remove')}
                                    </button>
                                  </div>
                                </Show>
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </section>

                <section class="card stock-detail__section" aria-labelledby="stock-replenishments-title">
                  <h3 id="stock-replenishments-title">{t('stocks.replenishments.title')}</h3>
                  <Loaded result={replenishments()} retry={refetchReplenishments}>
                    {() => (
                      <ul class="stock-list" data-testid="replenishments">
                        <For
                          each={itemsOf(replenishments())}
                          fallback={<li class="muted">{t('stocks.replenishments.empty')}</li>}
                        >
                          {(replenishment) => (
                            <li data-replenishment={replenishment.code} data-status={replenishment.status}>
                              <div class="stock-list__text">
                                <strong>{replenishment.code}</strong>{' '}
                                <span class={`supply-order-status supply-order-status--${replenishment.status === 'received' ? 'replaced' : replenishment.status}`}>
                                  {t(`stocks.replenishment.status.${replenishment.status}`)}
                                </span>
                                <small class="muted">
                                  {t('stocks.replenishment.placed', { date: formatDateTime(language(), replenishment.createdAt), who: replenishment.createdBy ?? t('stocks.replenishment.someone') })}
                                </small>
                                <small>
                                  {replenishment.lines.map((line) => t('stocks.replenishment.line', { quantity: formatCount(language(), line.quantity), name: line.name })).join(', ')}
                                </small>
                                <Show when={replenishment.trackingNumber}>
                                  <small>
                                    {t('stocks.replenishment.tracking')} {replenishment.carrier?.name}{' '}
                                    <Show when={replenishment.trackingLink} fallback={replenishment.trackingNumber}>
                                      {(link) => (
                                        <a href={link()} target="_blank" rel="noopener noreferrer">
                                          {replenishment.trackingNumber}
                                        </a>
                                      )}
                                    </Show>
                                  </small>
                                </Show>
                                <Show when={replenishment.note}>
                                  <small class="muted">{replenishment.note}</small>
                                </Show>
                              </div>
                              <Show when={canEdit() && replenishmentActions(replenishment.status).length > 0}>
                                <div class="supply-orders__buttons" role="group" aria-label={t('stocks.replenishment.actionsOf', { code: replenishment.code })}>
                                  <For each={replenishmentActions(replenishment.status)}>
                                    {(action) => (
                                      <button
                                        type="button"
                                        class="button"
                                        classList={{ 'button--quiet': action === 'cancel' }}
                                        data-action={action}
                                        disabled={busy()}
                                        aria-busy={busy()}
                                        onClick={() => act(replenishment, action)}
                                      >
                                        {t(`stocks.replenishment.action.${action}`)}
                                      </button>
                                    )}
                                  </For>
                                </div>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    )}
                  </Loaded>
                </section>

                <section class="card stock-detail__section" aria-labelledby="stock-devices-title">
                  <h3 id="stock-devices-title">{t('stocks.devices.title')}</h3>
                  <ul class="stock-list" data-testid="stock-served">
                    <For each={stock().devices} fallback={<li class="muted">{t('stocks.devices.empty')}</li>}>
                      {(device) => (
                        <li>
                          <div class="stock-list__text">
                            <A href={`/console/devices/${device.id}`}>{device.deviceCode}</A>
                            <small class="muted">{[`${device.manufacturer} ${device.model}`, device.serial, device.location].filter(Boolean).join(' · ')}</small>
                          </div>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>

                <section class="card stock-detail__section" aria-labelledby="stock-movements-title">
                  <h3 id="stock-movements-title">{t('stocks.movements.title')}</h3>
                  <Loaded result={movements()} retry={refetchMovements}>
                    {() => (
                      <ul class="stock-list" data-testid="stock-movements">
                        <For
                          each={itemsOf(movements())}
                          fallback={<li class="muted">{t('stocks.movements.empty')}</li>}
                        >
                          {(movement) => {
                            const reason = movementText(movement);
                            return (
                            <li data-reason={movement.reason}>
                              <div class="stock-list__text">
                                <span>
                                  <strong class="stock-movement__delta" classList={{ 'stock-movement__delta--out': movement.delta < 0 }}>
                                    {delta(movement.delta)}
                                  </strong>{' '}
                                  {movement.supplyName}
                                </span>
                                <small class="muted">
                                  {t(reason.key, reason.params)} · {formatDateTime(language(), movement.at)}
                                  <Show when={movement.actorName}>{(who) => <> · {t('stocks.movement.by', { who: who() })}</>}</Show>
                                </small>
                              </div>
                            </li>
                            );
                          }}
                        </For>
                      </ul>
                    )}
                  </Loaded>
                </section>

                <Show when={dialog()} keyed>
                  {(shown) => {
                    const close = () => setDialog(null);
                    if (shown.kind === 'edit')
                      return (
                        <StockDialog
                          stock={stock()}
                          save={(input) => api.update(stock().id, stockUpdateOf(input))}
                          onSaved={(saved) => {
                            close();
                            showStock(saved);
                          }}
                          onClose={close}
                        />
                      );
                    if (shown.kind === 'item')
                      return (
                        <StockItemDialog
                          stock={stock()}
                          mode={shown.mode}
                          item={shown.item}
                          save={async (supplyModelId, input) => {
                            const result = await api.saveItem(stock().id, supplyModelId, input);
                            if (result.ok) {
                              close();
                              showStock(result.data);
                            }
                            return result;
                          }}
                          onClose={close}
                        />
                      );
                    if (shown.kind === 'replenish')
                      return (
                        <ReplenishmentDialog
                          stock={stock()}
                          carriers={carriers() ?? []}
                          place={async (input) => {
                            const result = await api.replenish(stock().id, input);
                            if (result.ok) {
                              close();
                              setNotice(t('stocks.replenishment.placedNotice', { code: result.data.code }));
                              void refetch();
                              void refetchReplenishments();
                            }
                            return result;
                          }}
                          onClose={close}
                        />
                      );
                    return <ShipDialog replenishment={shown.replenishment} carriers={carriers() ?? []} send={(change) => sendReplenishment(shown.replenishment, change)} onClose={close} />;
                  }}
                </Show>
              </>
            )}
          </Show>
        )}
      </Loaded>
    </section>
  );
}
