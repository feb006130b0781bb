/** `/coordinator`: the coordinator's devices with their supply levels, the open requests, and "report a problem". */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import type { CoordinatorOverview } from '@parc/shared/contracts/tickets';
import { useI18n, useServices, useSession } from '../../app-context.tsx';
import { createApiClient } from '../../api/client.ts';
import { randomId } from '../../platform/ids.ts';
import { Loading } from '../shell/loading.tsx';
import { bundleSupplyViews, SupplyBars } from '../devices/supply-bars.tsx';
import '../tech/tech.css';
import { createCoordinatorApi } from './coordinator.api.ts';
import { createCoordinatorStore, type CoordinatorStore } from './coordinator.store.ts';

function ReportProblem(props: { store: CoordinatorStore; devices: CoordinatorOverview['devices'] }) {
  const { t } = useI18n();
  const [deviceId, setDeviceId] = createSignal('');
  const [subject, setSubject] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [outcome, setOutcome] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [sending, setSending] = createSignal(false);
  // One id per report, kept until it is sent: resending after a lost answer opens no second request.
  const [clientId, setClientId] = createSignal(randomId());
  const chosenDevice = () => deviceId() || props.devices[0]?.id || '';

  async function send(event: SubmitEvent) {
    event.preventDefault();
    setSending(true);
    const error = await props.store.report({ clientId: clientId(), deviceId: chosenDevice(), subject: subject().trim(), description: description().trim(), attachments: [] });
    setSending(false);
    if (error) {
      setOutcome({ ok: false, text: error.code === 'offline' ? t('coordinator.report.offline') : t('coordinator.report.failed', { message: error.message }) });
      return;
    }
    setClientId(randomId());
    setSubject('');
    setDescription('');
    setOutcome({ ok: true, text: t('coordinator.report.sent') });
  }

  return (
    <form class="card form" data-testid="report-form" onSubmit={(event) => void send(event)}>
      <h2>{t('coordinator.report.title')}</h2>
      <Show when={!props.store.state.online}>
        <p class="notice" data-testid="report-offline">
          {t('coordinator.report.offline')}
        </p>
      </Show>
      <label class="field">
        <span>{t('coordinator.report.device')}</span>
        <select name="device" value={chosenDevice()} onChange={(event) => setDeviceId(event.currentTarget.value)}>
          <For each={props.devices}>
            {(device) => (
              <option value={device.id}>
                {device.manufacturer} {device.model} · {device.deviceCode}
                {device.location ? ` · ${device.location}` : ''}
              </option>
            )}
          </For>
        </select>
      </label>
      <label class="field">
        <span>{t('coordinator.report.subject')}</span>
        <input name="subject" required maxlength="200" value={subject()} onInput={(event) => setSubject(event.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('coordinator.report.description')}</span>
        <textarea name="description" rows="3" value={description()} onInput={(event) => setDescription(event.currentTarget.value)} />
      </label>
      <button type="submit" class="button button--primary" disabled={sending() || !props.store.state.online || subject().trim() === '' || chosenDevice() === ''}>
        {t('coordinator.report.send')}
      </button>
      <Show when={outcome()}>
        {(shown) => (
          <p class={shown().ok ? 'notice' : 'form__error'} role={shown().ok ? 'status' : 'alert'} data-testid="report-outcome">
            {shown().text}
          </p>
        )}
      </Show>
    </form>
  );
}

export default function CoordinatorPage() {
  const { t } = useI18n();
  const { storage, network } = useServices();
  const session = useSession();
  const store = createCoordinatorStore({ owner: session.state.user?.id ?? 'unknown', api: createCoordinatorApi(createApiClient()), storage, network });
  onCleanup(store.dispose);
  void store.load();

  return (
    <section class="page tech" aria-labelledby="page-title">
      <h1 id="page-title">{t('coordinator.title')}</h1>
      <Show when={store.state.fromCache}>
        <p class="notice">{t('coordinator.fromCache')}</p>
      </Show>
      <Show when={store.state.status !== 'unavailable'} fallback={<p class="notice">{t('coordinator.unavailable')}</p>}>
        <Show when={store.state.overview} fallback={<Loading />}>
          {(overview) => (
            <>
              <section aria-labelledby="open-title">
                <h2 id="open-title">{t('coordinator.openRequests')}</h2>
                <Show when={overview().openRequests.length > 0} fallback={<p class="muted">{t('coordinator.openRequests.none')}</p>}>
                  <ul class="plain-list">
                    <For each={overview().openRequests}>
                      {(request) => (
                        <li class="card request-card" data-testid="open-request" data-state={request.state}>
                          <span class="request-card__top">
                            <span class={`state-badge state-badge--${request.state}`}>{t(`tech.state.${request.state}`)}</span>
                          </span>
                          <strong class="request-card__subject">{request.subject}</strong>
                          <span class="muted">
                            {request.device.manufacturer} {request.device.model} · {request.device.deviceCode}
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <ReportProblem store={store} devices={overview().devices} />
              <section aria-labelledby="devices-title">
                <h2 id="devices-title">{t('coordinator.devices')}</h2>
                <Show when={overview().devices.length > 0} fallback={<p class="muted">{t('coordinator.devices.none')}</p>}>
                  <ul class="plain-list">
                    <For each={overview().devices}>
                      {(device) => (
                        <li class="card" data-testid="coordinator-device">
                          <strong>
                            {device.manufacturer} {device.model}
                          </strong>
                          <p class="muted">
                            {device.deviceCode} · {device.customerName}
                            {device.siteName ? ` · ${device.siteName}` : ''}
                            {device.location ? ` · ${device.location}` : ''}
                          </p>
                          <Show when={device.openRequestCount > 0}>
                            <p>{t('coordinator.openRequestCount', { count: device.openRequestCount })}</p>
                          </Show>
                          <SupplyBars supplies={bundleSupplyViews(device.supplies)} wide emptyText={t('tech.supplies.none')} />
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
