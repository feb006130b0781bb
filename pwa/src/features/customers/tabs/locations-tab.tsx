/**
 * Customers' requests to change where a machine stands: the open ones (oldest first) with Apply
 * (the device takes the requested location) and Dismiss, offered only to users allowed to; on
 * demand, the handled ones (outcome, who, when). One customer's on its tab, every customer's on the
 * dealer's list (`/console/location-requests`), where each names and links to its customer.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { LocationRequest } from '@parc/shared/contracts/locations';
import { formatDateTime } from '../../console/format.ts';
import { useFeatureText } from '../../console/feature-text.ts';
import { Loaded } from '../../console/loaded.tsx';
import { allowedActions, createLocationRequestsApi, createRequestHandler, type LocationRequestAction, type LocationRequestsApi } from '../location-requests.api.ts';
import { customersText } from '../messages/index.ts';
import './locations-tab.css';
import { apiErrorText } from '../../../i18n/api-error.ts';

/** Handled requests shown at first, then this many more per "Show more". */
const HANDLED_PAGE = 20;

export function LocationsTab(props: { customerId: string }) {
  return <LocationRequests customerId={props.customerId} />;
}

export function LocationRequests(props: { customerId?: string; api?: LocationRequestsApi }) {
  const { t, language } = useFeatureText(customersText);
  const api = props.api ?? createLocationRequestsApi();
  const everyCustomer = () => !props.customerId;

  const [open, { refetch: refetchOpen, mutate: mutateOpen }] = createResource(
    () => ({ customerId: props.customerId }),
    (query) => api.list({ ...query, state: 'open' }),
  );
  const [showHandled, setShowHandled] = createSignal(false);
  const [handledShown, setHandledShown] = createSignal(HANDLED_PAGE);
  const [all, { refetch: refetchAll }] = createResource(
    () => (showHandled() ? { customerId: props.customerId } : false),
    (query) => api.list({ ...query, state: 'all' }),
  );
  // Loaded renders its children once per success, so the lists are read here, where they stay reactive
  // (and the previous answer stays on screen while the list is asked again).
  const openItems = () => {
    const result = open.latest;
    return result?.ok ? result.data.items : [];
  };
  const handledItems = () => {
    const result = all.latest;
    return result?.ok ? result.data.items.filter((request) => request.handledAt !== null) : [];
  };

  // Until the permissions are known, nothing that writes is offered.
  const [permissions] = createResource(async () => {
    const result = await api.myPermissions();
    return result.ok ? result.data.permissions : null;
  });
  const actions = () => allowedActions(permissions());

  const [pending, setPending] = createSignal<ReadonlySet<string>>(new Set());
  const handler = createRequestHandler(api, setPending);
  const [notice, setNotice] = createSignal<{ ok: boolean; text: string } | null>(null);

  async function handle(request: LocationRequest, action: LocationRequestAction) {
    const result = await handler.handle(request.id, action);
    if (result.kind === 'busy') return;
    if (result.kind === 'done') {
      setNotice({
        ok: true,
        text: action === 'apply' ? t('locations.applied', { device: request.deviceCode, location: request.location }) : t('locations.dismissed', { device: request.deviceCode }),
      });
      // Gone from the open ones at once; the list is then asked again.
      const current = open.latest;
      if (current?.ok) mutateOpen({ ok: true, data: { items: current.data.items.filter((item) => item.id !== request.id) } });
    } else if (result.kind === 'already-handled') {
      setNotice({ ok: false, text: t('locations.alreadyHandled') });
    } else {
      setNotice({ ok: false, text: t('locations.failed', { message: apiErrorText(result.error, language()) }) });
    }
    await Promise.all([refetchOpen(), showHandled() ? refetchAll() : undefined]);
  }

  const card = (request: LocationRequest) => (
    <li class="location-request" classList={{ 'location-request--handled': request.handledAt !== null }} data-testid="location-request" data-request-id={request.id} data-device-code={request.deviceCode}>
      <div class="location-request__head">
        <div class="location-request__what">
          <Show when={everyCustomer()}>
            <A class="location-request__customer" href={`/console/customers/${request.customerId}/locations`}>
              {request.customerName} <span class="muted">{request.customerNumber}</span>
            </A>
          </Show>
          <span>
            <A class="location-request__device" href={`/console/devices/${request.deviceId}`}>
              {request.deviceCode}
            </A>{' '}
            <span class="muted">{request.model}</span>
          </span>
        </div>
        <time class="location-request__date muted" dateTime={request.createdAt}>
          {t('locations.receivedAt', { date: formatDateTime(language(), request.createdAt) })}
        </time>
      </div>
      <dl class="location-request__change">
        <div>
          <dt>{t('locations.current')}</dt>
          <dd data-testid="current-location">
            <Show when={request.currentLocation} fallback={<span class="muted">{t('locations.none')}</span>}>
              {request.currentLocation}
            </Show>
          </dd>
        </div>
        <div class="location-request__requested">
          <dt>{t('locations.requested')}</dt>
          <dd data-testid="requested-location">{request.location}</dd>
        </div>
        <Show when={request.message.trim()}>
          <div class="location-request__message">
            <dt>{t('locations.message')}</dt>
            <dd>{request.message}</dd>
          </div>
        </Show>
      </dl>
      <Show
        when={request.outcome}
        fallback={
          <Show when={actions().apply || actions().dismiss}>
            <div class="actions">
              <Show when={actions().apply}>
                <button
                  type="button"
                  class="button button--primary"
                  data-testid="apply-request"
                  disabled={pending().has(request.id)}
                  aria-busy={pending().has(request.id)}
                  onClick={() => void handle(request, 'apply')}
                >
                  {t('locations.apply')}
                </button>
              </Show>
              <Show when={actions().dismiss}>
                <button
                  type="button"
                  class="button"
                  data-testid="dismiss-request"
                  disabled={pending().has(request.id)}
                  aria-busy={pending().has(request.id)}
                  onClick={() => void handle(request, 'dismiss')}
                >
                  {t('locations.dismiss')}
                </button>
              </Show>
            </div>
          </Show>
        }
      >
        {(outcome) => (
          <p class="location-request__outcome" data-testid="request-outcome">
            <span class="badge" classList={{ 'badge--ok': outcome() === 'applied' }}>
              {t(`locations.outcome.${outcome()}`)}
            </span>{' '}
            <span class="muted">{t('locations.handledBy', { who: request.handledBy ?? '—', date: formatDateTime(language(), request.handledAt) })}</span>
          </p>
        )}
      </Show>
    </li>
  );

  return (
    <div class="location-requests">
      <section class="card" aria-labelledby="location-requests-open">
        <h2 id="location-requests-open">{t('locations.title')}</h2>
        <Show when={notice()}>
          {(shown) => (
            <p class={shown().ok ? 'success' : 'form__error'} role={shown().ok ? 'status' : 'alert'} data-testid="location-requests-notice">
              {shown().text}
            </p>
          )}
        </Show>
        <Show when={permissions.state === 'ready' && !actions().apply && !actions().dismiss}>
          <p class="muted">{t('locations.readOnly')}</p>
        </Show>
        <Loaded result={open.latest} retry={refetchOpen}>
          {() => (
            <Show when={openItems().length > 0} fallback={<p class="muted" data-testid="location-requests-empty">{t('locations.empty')}</p>}>
              <ul class="location-requests__list" data-testid="open-location-requests">
                <For each={openItems()}>{card}</For>
              </ul>
            </Show>
          )}
        </Loaded>
      </section>

      <section class="card" aria-labelledby="location-requests-handled">
        <h2 id="location-requests-handled" class="visually-hidden">
          {t('locations.handledTitle')}
        </h2>
        <label class="check">
          <input type="checkbox" checked={showHandled()} onChange={(event) => setShowHandled(event.currentTarget.checked)} data-testid="show-handled" />
          {t('locations.showHandled')}
        </label>
        <Show when={showHandled()}>
          <Loaded result={all.latest} retry={refetchAll}>
            {() => (
              <Show when={handledItems().length > 0} fallback={<p class="muted">{t('locations.handledEmpty')}</p>}>
                <ul class="location-requests__list" data-testid="handled-location-requests">
                  <For each={handledItems().slice(0, handledShown())}>{card}</For>
                </ul>
                <Show when={handledItems().length > handledShown()}>
                  <button type="button" class="button button--quiet" onClick={() => setHandledShown(handledShown() + HANDLED_PAGE)}>
                    {t('locations.more')}
                  </button>
                </Show>
              </Show>
            )}
          </Loaded>
        </Show>
      </section>
    </div>
  );
}
