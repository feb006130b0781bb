/**
 * The device page's supplies: per supply its level, kind and colour, part number and serial, days to
 * empty as a range (early to median, the dates in the tooltip) or why there is none, the order on its
 * way, its open alarms, and "Order now" for those who may edit consumables (one request at a time; a
 * refusal such as an order already on its way is worded). Below, the device's orders and, in a
 * fold, its own order configuration. Without the consumables permission the levels alone are shown.
 */
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { DeviceSupply, SupplyOrderView } from '@parc/shared/contracts/supplies';
import { supplyDisplayName } from '@parc/shared/supplies/identity';
import { createApiClient, type ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { useFeatureText } from '../console/feature-text.ts';
import { formatCount, formatDate, formatDateTime } from '../console/format.ts';
import { usePermission } from '../console/permissions.tsx';
import { FormError } from '../shell/form-error.tsx';
import { suppliesText } from '../supplies/messages/index.ts';
import { OrderConfigForm } from '../supplies/order-config-form.tsx';
import { supplyKindText, supplySettingsText } from '../supplies/settings-messages/index.ts';
import { createSuppliesApi } from '../supplies/supplies.api.ts';
import { forecastView, historyNote, orderBlocker } from './supplies-section.rules.ts';
import { SupplyAlarmText } from './supply-alarm-text.tsx';
import { SupplyBars, TrackingLink, type SupplyView } from './supply-bars.tsx';
import './supplies-section.css';

const api = createSuppliesApi(createApiClient());

export function SuppliesSection(props: { deviceId: string; levels: readonly SupplyView[] }) {
  const { t, language } = useI18n();
  const orderText = useFeatureText(suppliesText).t;
  const settings = useFeatureText(supplySettingsText).t;
  const canView = usePermission('consumables', 'view');
  const canEdit = usePermission('consumables', 'edit');
  const [supplies, { refetch }] = createResource(
    () => props.deviceId,
    (deviceId) => api.deviceSupplies(deviceId),
  );
  const [busy, setBusy] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<{ index: string; error: ApiError } | null>(null);
  const [placed, setPlaced] = createSignal<{ index: string; code: string } | null>(null);
  // The configuration is asked for once someone opens it.
  const [configOpen, setConfigOpen] = createSignal(false);

  const count = (value: number) => formatCount(language(), value);
  const loaded = () => {
    const result = supplies();
    return result?.ok ? result.data : undefined;
  };

  async function order(supply: DeviceSupply) {
    if (busy() || orderBlocker(supply)) return;
    setBusy(supply.index);
    setFailure(null);
    setPlaced(null);
    const result = await api.createOrder({ deviceId: props.deviceId, supplyIndex: supply.index });
    setBusy(null);
    if (result.ok) setPlaced({ index: supply.index, code: result.data.code });
    else setFailure({ index: supply.index, error: result.error });
    // Placed, or refused because one is on its way meanwhile: either way the supplies are shown as they are now.
    if (result.ok || result.error.code === 'conflict') void refetch();
  }

  const kindText = (supply: { kind: DeviceSupply['kind']; colour: DeviceSupply['colour'] }) => supplyKindText(settings, supply, t('device.supplies.kindUnknown'));

  function Forecast(forecastProps: { supply: DeviceSupply }) {
    const view = () => forecastView(forecastProps.supply.forecast);
    const note = () => historyNote(forecastProps.supply.forecast);
    const date = (localDate: string | null) => formatDate(language(), localDate);
    const text = () => {
      const shown = view();
      switch (shown.kind) {
        case 'empty':
          return { text: t('device.supplies.forecast.empty'), title: undefined };
        case 'soon':
          return { text: t('device.supplies.forecast.soon'), title: shown.date ? t('device.supplies.forecast.on', { date: date(shown.date) }) : undefined };
        case 'range':
          return {
            text: shown.low === shown.high ? t('device.supplies.forecast.about', { days: count(shown.low) }) : t('device.supplies.forecast.range', { low: count(shown.low), high: count(shown.high) }),
            title: t('device.supplies.forecast.dates', { early: date(shown.lowDate), median: date(shown.highDate) }),
          };
        case 'none':
          return { text: shown.reason ? t('device.supplies.forecast.noneBecause', { reason: t(`device.supplies.reason.${shown.reason}`) }) : t('device.supplies.forecast.none'), title: undefined };
      }
    };
    return (
      <p class="supplies-section__forecast" data-testid="supply-forecast">
        <span title={text().title}>{text().text}</span>
        <Show when={note()}>{(shown) => <small class="muted"> {t(`device.supplies.history.${shown()}`)}</small>}</Show>
      </p>
    );
  }

  function OrderOnItsWay(orderProps: { order: SupplyOrderView }) {
    return (
      <p class="supplies-section__order" data-testid="supply-order">
        {t('device.supplies.onItsWay', { code: orderProps.order.code, status: orderText(`orders.status.${orderProps.order.status}`) })}
        <Show when={orderProps.order.heldBack}>
          {(held) => (
            <>
              {' '}
              {orderText('orders.heldBack')} <SupplyAlarmText alarm={{ code: held().reason, params: held().params }} />
            </>
          )}
        </Show>
        <TrackingLink url={orderProps.order.trackingLink} />
      </p>
    );
  }

  function Alarms(alarmProps: { supply: DeviceSupply }) {
    return (
      <Show when={alarmProps.supply.alarms.length > 0}>
        <ul class="plain-list supplies-section__alarms">
          <For each={alarmProps.supply.alarms}>
            {(alarm) => (
              <li data-alarm={alarm.code}>
                <span class="alert-chip alert-chip--warning">{t('device.supplies.alarmChip')}</span> <SupplyAlarmText alarm={alarm} /> <small class="muted">{formatDateTime(language(), alarm.openedAt)}</small>
              </li>
            )}
          </For>
        </ul>
      </Show>
    );
  }

  return (
    <Show when={loaded()} fallback={<SupplyBars supplies={props.levels.map((level) => ({ ...level, name: supplyDisplayName(level.name) }))} wide emptyText={t('device.supplies.none')} />}>
      {(data) => (
        <div class="supplies-section">
          <Show when={data().localStock}>
            {(stock) => (
              <p class="muted">
                {t('device.supplies.servedBy')} <A href={`/console/consumables/stocks?stock=${stock().id}`}>{stock().name}</A>
              </p>
            )}
          </Show>
          <ul class="plain-list supplies-section__list">
            <For each={data().items} fallback={<li class="muted">{t('device.supplies.none')}</li>}>
              {(supply) => (
                <li class="supplies-section__supply" data-testid="device-supply" data-index={supply.index}>
                  <SupplyBars supplies={[{ name: supplyDisplayName(supply.name), colour: supply.colour, level: supply.percent }]} wide />
                  <p class="muted supplies-section__facts">
                    {kindText(supply)}
                    <Show when={supply.partNumber}>{(part) => <> · {t('device.supplies.partNumber', { part: part() })}</>}</Show>
                    <Show when={supply.serial}>{(serial) => <> · {t('device.supplies.serial', { serial: serial() })}</>}</Show>
                    <Show when={data().localStock && supply.stockQuantity !== null}>
                      {' · '}
                      <span data-testid="stock-quantity">{t('device.supplies.inStock', { count: count(supply.stockQuantity!) })}</span>
                    </Show>
                  </p>
                  <Forecast supply={supply} />
                  <Show when={supply.order}>{(inFlight) => <OrderOnItsWay order={inFlight()} />}</Show>
                  <Alarms supply={supply} />
                  <Show when={canEdit()}>
                    <div class="supplies-section__actions">
                      <button
                        type="button"
                        class="button"
                        disabled={busy() !== null || orderBlocker(supply) !== null}
                        aria-busy={busy() === supply.index}
                        title={orderBlocker(supply) ? t(`device.supplies.cannotOrder.${orderBlocker(supply)!}`) : undefined}
                        onClick={() => void order(supply)}
                      >
                        {t('device.supplies.orderNow')}
                      </button>
                      <Show when={placed()?.index === supply.index}>
                        <span role="status">{t('device.supplies.ordered', { code: placed()!.code })}</span>
                      </Show>
                    </div>
                    <Show when={failure()?.index === supply.index}>
                      <FormError message={failure()!.error} />
                    </Show>
                  </Show>
                </li>
              )}
            </For>
          </ul>

          <h3>{t('device.supplies.orders')}</h3>
          <Show when={data().orders.length > 0} fallback={<p class="muted">{orderText('orders.empty')}</p>}>
            <div class="table-scroll">
              <table class="table supplies-section__orders" data-testid="device-orders">
                <thead>
                  <tr>
                    <th scope="col">{orderText('orders.column.code')}</th>
                    <th scope="col">{t('device.supplies.column.supply')}</th>
                    <th scope="col">{orderText('orders.column.status')}</th>
                    <th scope="col">{orderText('orders.column.placed')}</th>
                    <th scope="col">{t('device.supplies.column.shipped')}</th>
                    <th scope="col">{t('device.supplies.column.replaced')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().orders}>
                    {(each) => (
                      <tr data-order={each.code} data-status={each.status}>
                        <th scope="row" class="supplies-section__order-code">
                          {each.code}
                        </th>
                        <td data-label={t('device.supplies.column.supply')} class="supplies-section__order-supply">
                          {supplyDisplayName(each.supplyName)} <small class="muted">{kindText(each)}</small>
                        </td>
                        <td data-label={orderText('orders.column.status')}>{orderText(`orders.status.${each.status}`)}</td>
                        <td data-label={orderText('orders.column.placed')}>{formatDateTime(language(), each.createdAt)}</td>
                        <td data-label={t('device.supplies.column.shipped')}>
                          <Show when={each.trackingLink} fallback={formatDateTime(language(), each.shippedAt)}>
                            {(link) => (
                              <a href={link()} target="_blank" rel="noopener noreferrer">
                                {formatDateTime(language(), each.shippedAt)}
                              </a>
                            )}
                          </Show>
                        </td>
                        <td data-label={t('device.supplies.column.replaced')}>{formatDateTime(language(), each.replacedAt)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>

          <Show when={canView()}>
            <details class="supplies-section__config" onToggle={(event) => setConfigOpen(event.currentTarget.open)}>
              <summary>{t('device.supplies.config')}</summary>
              <Show when={configOpen()}>
                <OrderConfigForm target={{ level: 'device', deviceId: props.deviceId }} canEdit={canEdit()} />
              </Show>
            </details>
          </Show>
        </div>
      )}
    </Show>
  );
}
