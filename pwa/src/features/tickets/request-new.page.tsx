/** A maintenance request by hand on a device (device picker), or generated from an error (prefilled through the address). */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createApiClient, type ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { createTicketsApi, technicianOptions } from './tickets.api.ts';
import { createBody, deviceLabel, draftFromQuery, type RequestDraft } from './tickets.rules.ts';
import './tickets.css';
import { apiErrorText } from '../../i18n/api-error.ts';

const api = createTicketsApi(createApiClient());

export default function RequestNewPage() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [draft, setDraft] = createSignal<RequestDraft>(draftFromQuery(searchParams));
  const [description, setDescription] = createSignal('');
  const [stepsText, setStepsText] = createSignal('');
  const [technicianId, setTechnicianId] = createSignal('');
  const [search, setSearch] = createSignal('');
  const [failure, setFailure] = createSignal<ApiError>();
  const [sending, setSending] = createSignal(false);
  const [technicians] = createResource(() => technicianOptions(api));
  const [matches] = createResource(
    () => (draft().deviceId ? false : search()),
    async (text) => {
      const result = await api.devices(text);
      return result.ok ? result.data.items : [];
    },
  );
  const update = (patch: Partial<RequestDraft>) => setDraft({ ...draft(), ...patch });

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!draft().deviceId) {
      setFailure({ code: 'bad_request', message: t('tickets.new.deviceRequired'), field: 'deviceId' });
      return;
    }
    setSending(true);
    setFailure(undefined);
    const created = await api.create(createBody({ draft: draft(), description: description(), stepsText: stepsText(), technicianId: technicianId() }));
    setSending(false);
    if (created.ok) navigate(`/console/requests/${created.data.id}`);
    else setFailure(created.error);
  }

  return (
    <section class="page page--narrow tickets" aria-labelledby="new-request-title">
      <header class="page__heading">
        <h1 id="new-request-title">{t('tickets.new.title')}</h1>
      </header>
      <form class="card form" data-testid="request-form" onSubmit={(event) => void submit(event)}>
        <Show when={draft().alertText}>
          <p class="notice">{t('tickets.new.fromError', { alert: draft().alertText })}</p>
        </Show>
        <fieldset class="tickets__device-picker">
          <legend>{t('tickets.new.device')}</legend>
          <Show
            when={draft().deviceId}
            fallback={
              <>
                <input
                  type="search"
                  name="deviceSearch"
                  placeholder={t('tickets.new.deviceSearch')}
                  aria-label={t('tickets.new.deviceSearch')}
                  value={search()}
                  onInput={(e) => setSearch(e.currentTarget.value)}
                />
                <ul class="tickets__matches" data-testid="device-matches">
                  <For each={matches()} fallback={<li class="muted">{t('tickets.new.noDevice')}</li>}>
                    {(device) => (
                      <li>
                        <button type="button" class="button button--quiet" data-device-code={device.deviceCode} onClick={() => update({ deviceId: device.id, deviceLabel: deviceLabel(device) })}>
                          {deviceLabel(device)}
                          {device.siteName ? ` · ${device.siteName}` : ''}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </>
            }
          >
            <p data-testid="chosen-device">
              {t('tickets.new.deviceChosen', { device: draft().deviceLabel || draft().deviceId })}{' '}
              <Show when={!draft().alertId}>
                <button type="button" class="button button--quiet" onClick={() => update({ deviceId: '', deviceLabel: '' })}>
                  {t('tickets.new.deviceChange')}
                </button>
              </Show>
            </p>
          </Show>
        </fieldset>
        <label class="field">
          <span>{t('tickets.field.subject')}</span>
          <input name="subject" required maxLength={200} value={draft().subject} onInput={(e) => update({ subject: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span>{t('tickets.field.description')}</span>
          <textarea name="description" rows={4} maxLength={5000} value={description()} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input type="checkbox" name="userCanFix" checked={draft().userCanFix} onChange={(e) => update({ userCanFix: e.currentTarget.checked })} />
          {t('tickets.field.userCanFix')}
        </label>
        <Show when={draft().userCanFix}>
          <label class="field">
            <span>{t('tickets.field.steps')}</span>
            <textarea name="steps" rows={4} value={stepsText()} onInput={(e) => setStepsText(e.currentTarget.value)} />
          </label>
        </Show>
        <label class="field">
          <span>{t('tickets.field.technician')}</span>
          <select name="technicianId" value={technicianId()} onChange={(e) => setTechnicianId(e.currentTarget.value)}>
            <option value="">{t('tickets.requests.unassigned')}</option>
            <For each={technicians()}>{(technician) => <option value={technician.id}>{technician.name}</option>}</For>
          </select>
        </label>
        <Show when={failure()}>
          {(error) => (
            <p class="form__error" role="alert">
              {t('tickets.detail.failed', { message: apiErrorText(error(), language()) })}
            </p>
          )}
        </Show>
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={sending()}>
            {t('tickets.new.submit')}
          </button>
          <A href="/console/requests" class="button button--quiet">
            {t('common.cancel')}
          </A>
        </div>
      </form>
    </section>
  );
}
