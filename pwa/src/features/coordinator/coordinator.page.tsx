/**
 * `/coordinator`: the coordinator's requests (reports still on the device first, then the open
 * ones, each opening in detail), "report a problem", and their devices with their supply levels.
 */
import { createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { CoordinatorOverview } from '@parc/shared/contracts/tickets';
import { useI18n } from '../../app-context.tsx';
import { randomId } from '../../platform/ids.ts';
import type { RefusedReport } from '../../sync/report-outbox.ts';
import { bundleSupplyViews, SupplyBars } from '../devices/supply-bars.tsx';
import { Loading } from '../shell/loading.tsx';
import { useCoordinator } from './coordinator-context.tsx';
import { CoordinatorForecast } from './coordinator-forecast.tsx';
import { pluralForm } from '../plural/plural.ts';

type Devices = CoordinatorOverview['devices'];

const deviceText = (device: { manufacturer: string; model: string; deviceCode: string }) => `${device.manufacturer} ${device.model} · ${device.deviceCode}`;

function ReportProblem(props: { devices: Devices }) {
  const { t } = useI18n();
  const store = useCoordinator();
  const [deviceId, setDeviceId] = createSignal('');
  const [subject, setSubject] = createSignal('');
  const [description, setDescription] = createSignal('');
  /** The last report sent from this form: what became of it is told below the button. */
  const [sent, setSent] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  const chosenDevice = () => deviceId() || props.devices[0]?.id || '';
  const ready = () => !saving() && subject().trim() !== '' && chosenDevice() !== '';
  const sentState = () => {
    const clientId = sent();
    if (!clientId) return null;
    if (store.reports.state.pending.some((queued) => queued.report.clientId === clientId)) return 'queued';
    return store.reports.state.refused.some((refused) => refused.report.clientId === clientId) ? null : 'sent';
  };

  async function send(event: SubmitEvent) {
    event.preventDefault();
    // Checked before anything awaits: a second tap while the first is being saved sends nothing.
    if (!ready()) return;
    setSaving(true);
    const clientId = randomId();
    try {
      await store.report({ clientId, deviceId: chosenDevice(), subject: subject().trim(), description: description().trim(), attachments: [] });
      setSubject('');
      setDescription('');
      setSent(clientId);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="card form" data-testid="report-form" onSubmit={(event) => void send(event)} onInput={() => setSent(null)}>
      <h2>{t('coordinator.report.title')}</h2>
      <Show when={!store.state.online}>
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
                {deviceText(device)}
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
      <button type="submit" class="button button--primary" disabled={!ready()}>
        {t('coordinator.report.send')}
      </button>
      <Show when={sentState()}>
        {(state) => (
          <p class="notice" role="status" data-testid="report-outcome" data-state={state()}>
            {state() === 'queued' ? t('coordinator.report.queued') : t('coordinator.report.sent')}
          </p>
        )}
      </Show>
    </form>
  );
}

function RefusedReportNotice(props: { refused: RefusedReport }) {
  const { t } = useI18n();
  const store = useCoordinator();
  const subject = () => props.refused.report.subject;
  return (
    <div class="form__error" role="alert" data-testid="report-refused">
      <p>{props.refused.code === 'not_found' ? t('coordinator.report.refused.not_found', { subject: subject() }) : t('coordinator.report.refused.other', { subject: subject() })}</p>
      <Show when={props.refused.report.description}>
        <p class="muted">{props.refused.report.description}</p>
      </Show>
      <button type="button" class="button button--quiet" onClick={() => void store.reports.dismiss(props.refused.report.clientId)}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}

function Requests(props: { overview: CoordinatorOverview }) {
  const { t } = useI18n();
  const store = useCoordinator();
  const deviceOf = (id: string) => props.overview.devices.find((device) => device.id === id);
  const none = () => props.overview.openRequests.length === 0 && store.reports.state.pending.length === 0;
  return (
    <section aria-labelledby="open-title">
      <h2 id="open-title">{t('coordinator.openRequests')}</h2>
      <For each={store.reports.state.refused}>{(refused) => <RefusedReportNotice refused={refused} />}</For>
      <Show when={!none()} fallback={<p class="muted">{t('coordinator.openRequests.none')}</p>}>
        <ul class="plain-list">
          <For each={store.reports.state.pending}>
            {(queued) => (
              <li class="card request-card" data-testid="queued-report" data-client-id={queued.report.clientId}>
                <span class="request-card__top">
                  <span class="state-badge state-badge--queued">{t('coordinator.report.waiting')}</span>
                  <span class="pending-dot" aria-hidden="true" />
                </span>
                <strong class="request-card__subject">{queued.report.subject}</strong>
                <Show when={deviceOf(queued.report.deviceId)}>{(device) => <span class="muted">{deviceText(device())}</span>}</Show>
              </li>
            )}
          </For>
          <For each={props.overview.openRequests}>
            {(request) => (
              <li>
                <A class="card request-card" href={`/coordinator/requests/${request.id}`} data-testid="open-request" data-request-id={request.id} data-state={request.state}>
                  <span class="request-card__top">
                    <span class={`state-badge state-badge--${request.state}`}>{t(`tech.state.${request.state}`)}</span>
                  </span>
                  <strong class="request-card__subject">{request.subject}</strong>
                  <span class="muted">{deviceText(request.device)}</span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

export default function CoordinatorPage() {
  const { t, language } = useI18n();
  const store = useCoordinator();

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
              <Requests overview={overview()} />
              <ReportProblem devices={overview().devices} />
              <CoordinatorForecast />
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
                            <p>{t(`coordinator.openRequestCount.${pluralForm(language(), device.openRequestCount)}`, { count: device.openRequestCount })}</p>
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
