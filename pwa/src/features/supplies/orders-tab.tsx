/**
 * The supply orders: those in flight (pending) or all, filtered by customer, kind, status and a
 * search (order code, device code, part number), a page at a time. Each row offers what its status
 * allows (ORDER_ACTIONS) to those who may edit consumables; shipping and "add info" open a dialog,
 * cancelling asks first. A request goes once (the row's buttons wait while it is out); a conflict
 * (changed meanwhile, another order in flight) is worded and the list reloaded.
 */
import { useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import type { OrderUpdate, SupplyOrderView } from '@parc/shared/contracts/supplies';
import { supplyDisplayName } from '@parc/shared/supplies/identity';
import { ORDER_STATUSES, SUPPLY_KINDS, type OrderAction } from '@parc/shared/supplies/kinds';
import { createApiClient, type ApiError } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { formatCount, formatDateTime } from '../console/format.ts';
import { usePermission } from '../console/permissions.tsx';
import { SupplyAlarmText } from '../devices/supply-alarm-text.tsx';
import { FormError } from '../shell/form-error.tsx';
import { createTicketsApi, customerOptions } from '../tickets/tickets.api.ts';
import { createPagedFilters, CustomerCell, DeviceCell, FilterSelect, NamedOptions, PAGE_SIZE, PagedTable } from '../tickets/tickets-bits.tsx';
import { suppliesText } from './messages/index.ts';
import { OrderDialog, type OrderDialogMode } from './order-dialog.tsx';
import { daysRange, orderActions, ordersQuery, ORDER_VIEWS, type OrderFilters, type OrderView } from './orders.rules.ts';
import { supplySettingsText } from './settings-messages/index.ts';
import { createSuppliesApi } from './supplies.api.ts';
import '../tickets/tickets.css';

/** The actions a row takes at once (cancel after a confirmation); ship opens the dialog. */
type DirectAction = Exclude<OrderAction, 'ship'>;

export default function OrdersTab() {
  const { t, language } = useFeatureText(suppliesText);
  const settings = useFeatureText(supplySettingsText).t;
  const api = createSuppliesApi(createApiClient());
  const canEdit = usePermission('consumables', 'edit');
  const [view, setView] = createSignal<OrderView>('pending');
  // The order email's link names its order: the list opens on it.
  const [searchParams] = useSearchParams<{ order?: string }>();
  const linked = searchParams.order?.trim() ?? '';
  if (linked) setView('all');
  const { filters, filter, page, setPage } = createPagedFilters<OrderFilters>({ customerId: '', kind: '', status: '', search: linked });
  const [customers] = createResource(() => customerOptions(createTicketsApi(createApiClient())));
  const [orders, { refetch, mutate }] = createResource(
    () => ordersQuery(view(), filters(), page(), PAGE_SIZE),
    (params) => api.orders(params),
  );
  // Carriers are asked for once someone may ship.
  const [carriers] = createResource(canEdit, async () => {
    const result = await api.carriers();
    return result.ok ? result.data.items : [];
  });
  const [busy, setBusy] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<{ code: string; error: ApiError } | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [dialog, setDialog] = createSignal<{ order: SupplyOrderView; mode: OrderDialogMode } | null>(null);
  // A failure is said above the list, which may have lost the row: brought into view from wherever the button was.
  const [failureBox, setFailureBox] = createSignal<HTMLElement>();
  createEffect(() => failure() && failureBox()?.scrollIntoView({ block: 'nearest' }));

  const choose = (next: OrderView) => {
    setView(next);
    setPage(1);
  };
  const showSaved = (saved: SupplyOrderView) => {
    const current = orders();
    if (current?.ok) mutate({ ok: true, data: { ...current.data, items: current.data.items.map((order) => (order.id === saved.id ? saved : order)) } });
  };

  async function send(order: SupplyOrderView, change: OrderUpdate) {
    setBusy(order.id);
    setNotice(null);
    const result = await api.updateOrder(order.id, change);
    setBusy(null);
    if (result.ok) {
      setFailure(null);
      setDialog(null);
      showSaved(result.data);
      setNotice(t('orders.updated', { code: result.data.code, status: t(`orders.status.${result.data.status}`) }));
    } else if (result.error.code === 'conflict' || result.error.code === 'not_found') {
      // Changed or gone meanwhile: say so and show the orders as they are now.
      setDialog(null);
      setFailure({ code: order.code, error: result.error });
      void refetch();
    } else if (!dialog()) {
      setFailure({ code: order.code, error: result.error });
    }
    return result;
  }

  function act(order: SupplyOrderView, action: DirectAction) {
    if (busy()) return;
    if (action === 'cancel' && !confirm(t('orders.confirmCancel', { code: order.code }))) return;
    void send(order, { action });
  }

  const open = (order: SupplyOrderView, mode: OrderDialogMode) => {
    setNotice(null);
    setDialog({ order, mode });
  };

  const days = (order: SupplyOrderView) => {
    const range = daysRange(order.p90Days, order.p50Days);
    if (!range) return '—';
    const count = (value: number) => formatCount(language(), value);
    return range.low === range.high ? t('orders.daysOne', { days: count(range.low) }) : t('orders.days', { low: count(range.low), high: count(range.high) });
  };

  return (
    <section class="supply-orders" aria-labelledby="orders-title">
      <h2 id="orders-title" class="visually-hidden">
        {t('orders.title')}
      </h2>
      <div class="segmented supply-orders__views" role="group" aria-label={t('orders.views')}>
        <For each={ORDER_VIEWS}>
          {(each) => (
            <button type="button" class="button" classList={{ 'is-active': view() === each }} aria-pressed={view() === each} data-view={each} onClick={() => choose(each)}>
              {t(`orders.view.${each}`)}
            </button>
          )}
        </For>
      </div>
      <div class="filters">
        <FilterSelect label={t('orders.filter.customer')} name="customerId" value={filters().customerId} onChange={(customerId) => filter({ customerId })}>
          <NamedOptions each={customers()} />
        </FilterSelect>
        <FilterSelect label={t('orders.filter.kind')} name="kind" value={filters().kind} onChange={(kind) => filter({ kind })}>
          <For each={SUPPLY_KINDS}>{(kind) => <option value={kind}>{settings(`kind.${kind}`)}</option>}</For>
        </FilterSelect>
        <Show when={view() === 'all'}>
          <FilterSelect label={t('orders.filter.status')} name="status" value={filters().status} onChange={(status) => filter({ status })}>
            <For each={ORDER_STATUSES}>{(status) => <option value={status}>{t(`orders.status.${status}`)}</option>}</For>
          </FilterSelect>
        </Show>
        <label class="field">
          <span>{t('orders.filter.search')}</span>
          <input type="search" name="search" placeholder={t('orders.filter.searchHint')} value={filters().search} onChange={(event) => filter({ search: event.currentTarget.value })} />
        </label>
      </div>
      <Show when={failure()}>
        {(failed) => (
          <div data-failed-order={failed().code} ref={setFailureBox}>
            <FormError message={failed().error} />
          </div>
        )}
      </Show>
      <Show when={notice()}>
        <p class="notice" role="status">
          {notice()}
        </p>
      </Show>

      <div class="card-table">
        <PagedTable
          result={orders()}
          retry={refetch}
          testId="orders-table"
          columnCount={11}
          empty={view() === 'pending' ? t('orders.emptyPending') : t('orders.empty')}
          page={page()}
          onPage={setPage}
          head={
            <>
              <th scope="col">{t('orders.column.code')}</th>
              <th scope="col">{t('orders.column.supply')}</th>
              <th scope="col">{t('orders.column.partNumber')}</th>
              <th scope="col">{t('orders.column.orderedPartNumber')}</th>
              <th scope="col">{t('orders.column.carrier')}</th>
              <th scope="col">{t('orders.column.tracking')}</th>
              <th scope="col">{t('orders.column.device')}</th>
              <th scope="col">{t('orders.column.placed')}</th>
              <th scope="col" title={t('orders.daysHint')}>
                {t('orders.column.days')}
              </th>
              <th scope="col">{t('orders.column.status')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('orders.column.actions')}</span>
              </th>
            </>
          }
        >
          {(order) => (
            <tr data-order-code={order.code} data-status={order.status}>
              <th scope="row" class="supply-orders__code">
                {order.code}
              </th>
              <td data-label={t('orders.column.supply')}>
                <div>
                  <span class={`supply-colour supply-colour--${order.colour}`} aria-hidden="true" />
                  {settings(`kind.${order.kind}`)}
                  <Show when={order.colour !== 'none'}> · {settings(`colour.${order.colour}`)}</Show>
                  <small class="muted tickets__model">{supplyDisplayName(order.supplyName)}</small>
                </div>
              </td>
              <td data-label={t('orders.column.partNumber')}>
                <div>{order.partNumber ?? '—'}</div>
              </td>
              <td data-label={t('orders.column.orderedPartNumber')}>
                <div>{order.orderedPartNumber ?? '—'}</div>
              </td>
              <td data-label={t('orders.column.carrier')}>
                <div>{order.carrier?.name ?? '—'}</div>
              </td>
              <td data-label={t('orders.column.tracking')}>
                <div>
                  <Show when={order.trackingLink} fallback={order.trackingNumber ?? '—'}>
                    {(link) => (
                      <a href={link()} target="_blank" rel="noopener noreferrer">
                        {order.trackingNumber}
                      </a>
                    )}
                  </Show>
                </div>
              </td>
              <td data-label={t('orders.column.device')}>
                <div>
                  <DeviceCell device={{ ...order.device, location: null }} />
                  <span class="supply-orders__customer">
                    <CustomerCell device={{ ...order.device, location: order.device.siteName }} />
                  </span>
                </div>
              </td>
              <td data-label={t('orders.column.placed')}>
                <div>
                  {formatDateTime(language(), order.createdAt)}
                  <small class="muted tickets__model">{t('orders.placedBy', { who: order.createdBy ?? t('orders.parc'), trigger: t(`orders.trigger.${order.trigger}`) })}</small>
                </div>
              </td>
              <td data-label={t('orders.column.days')} class="number">
                <div>{days(order)}</div>
              </td>
              <td data-label={t('orders.column.status')}>
                <div>
                  <span class={`supply-order-status supply-order-status--${order.status}`}>{t(`orders.status.${order.status}`)}</span>
                  <Show when={order.heldBack}>
                    {(held) => (
                      <small class="supply-orders__held">
                        {t('orders.heldBack')} <SupplyAlarmText alarm={{ code: held().reason, params: held().params }} />
                      </small>
                    )}
                  </Show>
                </div>
              </td>
              <td class="card-table__actions supply-orders__actions">
                <Show when={canEdit()}>
                  <div class="supply-orders__buttons" role="group" aria-label={t('orders.actionsOf', { code: order.code })}>
                    <For each={orderActions(order.status)}>
                      {(action) => (
                        <button
                          type="button"
                          class="button"
                          classList={{ 'button--quiet': action === 'cancel' }}
                          data-action={action}
                          disabled={busy() !== null}
                          aria-busy={busy() === order.id}
                          onClick={() => (action === 'ship' ? open(order, 'ship') : act(order, action))}
                        >
                          {t(`orders.action.${action}`)}
                        </button>
                      )}
                    </For>
                    <button type="button" class="button button--quiet" data-action="details" disabled={busy() !== null} onClick={() => open(order, 'details')}>
                      {t('orders.action.details')}
                    </button>
                  </div>
                </Show>
              </td>
            </tr>
          )}
        </PagedTable>
      </div>

      <Show when={dialog()}>
        {(opened) => (
          <OrderDialog order={opened().order} mode={opened().mode} carriers={carriers() ?? []} send={(change) => send(opened().order, change)} onClose={() => setDialog(null)} />
        )}
      </Show>
    </section>
  );
}
