/**
 * One maintenance request for the partner: device, subject, description, the user's steps,
 * assignment (a conflict shows what changed and offers to retry), the state changes the partner may
 * make (each with a comment), notes, photos and the full history.
 */
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { MaintenanceRequest, RequestEvent } from '@parc/shared/contracts/tickets';
import type { RequestState } from '@parc/shared/tickets/states';
import { DEFAULT_VISIBILITY, type NoteVisibility } from '@parc/shared/tickets/visibility';
import { createApiClient } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { attachmentUrl, createTicketsApi, technicianOptions } from './tickets.api.ts';
import { createRequestStore, type RequestStore } from './request.store.ts';
import { ComplexityLabel, CustomerCell, DeviceCell, RequestStateBadge } from './tickets-bits.tsx';
import { partnerTransitions } from './tickets.rules.ts';
import { VisibilityChoice, VisibilityTag } from './visibility-choice.tsx';
import './tickets.css';
import { apiErrorText } from '../../i18n/api-error.ts';

const api = createTicketsApi(createApiClient());

export default function RequestPage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const store = createRequestStore(api, params.id);
  const result = () => {
    const error = store.loadError();
    if (error) return { ok: false as const, error };
    return store.request() ? { ok: true as const, data: true } : undefined;
  };

  return (
    <section class="page tickets request" aria-labelledby="page-title">
      <A href="/console/requests" class="tickets__back">
        ← {t('tickets.detail.back')}
      </A>
      <Loaded result={result()} retry={() => void store.reload()}>
        {() => <RequestView store={store} />}
      </Loaded>
    </section>
  );
}

/** Shown once loaded; every change the store makes replaces the request it reads. */
function RequestView(props: { store: RequestStore }) {
  const { t, language } = useI18n();
  const request = () => props.store.request()!;
  return (
    <>
      <header class="page__heading request__heading">
        <h1 id="page-title">{request().subject}</h1>
        <RequestStateBadge state={request().state} />
      </header>
      <Show when={props.store.failure()}>
        {(error) => (
          <p class="form__error" role="alert">
            {t('tickets.detail.failed', { message: apiErrorText(error(), language()) })}
          </p>
        )}
      </Show>
      <div class="request__grid">
        <div class="request__main">
          <section class="card" aria-labelledby="request-device">
            <h2 id="request-device">{t('tickets.detail.device')}</h2>
            <p class="request__device">
              <DeviceCell device={request().device} />
            </p>
            <p>
              <CustomerCell device={request().device} />
            </p>
            <p class="muted">
              {t('tickets.detail.createdBy', { name: request().createdBy, date: formatDateTime(language(), request().createdAt) })}
              <Show when={request().alertId}> · {t('tickets.detail.fromAlert')}</Show>
              <Show when={request().complexity}>
                {' · '}
                <ComplexityLabel complexity={request().complexity} />
              </Show>
            </p>
            <p class="request__description">{request().description || <span class="muted">{t('tickets.detail.noDescription')}</span>}</p>
            <Show when={request().userCanFix}>
              <h3>{t('tickets.detail.steps')}</h3>
              <ol data-testid="user-steps">
                <For each={request().steps}>{(step) => <li>{step}</li>}</For>
              </ol>
            </Show>
          </section>
          <Transitions request={request()} store={props.store} />
          <NoteForm store={props.store} />
          <Attachments request={request()} store={props.store} />
        </div>
        <div class="request__side">
          <Assignment request={request()} store={props.store} />
          <History events={request().events} />
        </div>
      </div>
    </>
  );
}

function Assignment(props: { request: MaintenanceRequest; store: RequestStore }) {
  const { t } = useI18n();
  const [technicians] = createResource(() => technicianOptions(api));
  const [chosen, setChosen] = createSignal('');
  const [saved, setSaved] = createSignal(false);
  // The select follows the request until the partner picks another technician.
  createEffect(() => setChosen(props.request.technicianId ?? ''));
  const assign = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(await props.store.assign(chosen() || null));
  };
  const retry = async () => setSaved(await props.store.retryAssignment());
  const nameOf = (id: string | null) => (id ? (technicians()?.find((technician) => technician.id === id)?.name ?? id) : t('tickets.requests.unassigned'));

  return (
    <form class="card form" data-testid="assignment" aria-labelledby="assignment-title" onSubmit={(event) => void assign(event)}>
      <h2 id="assignment-title">{t('tickets.detail.assignment')}</h2>
      <label class="field">
        <span>{t('tickets.field.technician')}</span>
        <select name="technicianId" value={chosen()} onChange={(e) => setChosen(e.currentTarget.value)}>
          <option value="">{t('tickets.requests.unassigned')}</option>
          {/* The options arrive after the select's value is set: each marks itself chosen. */}
          <For each={technicians()}>
            {(technician) => (
              <option value={technician.id} selected={technician.id === chosen()}>
                {technician.name}
              </option>
            )}
          </For>
        </select>
      </label>
      <button type="submit" class="button button--primary" disabled={props.store.busy()}>
        {t('tickets.detail.assign')}
      </button>
      <Show when={saved() && !props.store.conflict()}>
        <p class="notice" role="status">
          {t('tickets.detail.assigned')}
        </p>
      </Show>
      <Show when={props.store.conflict()}>
        {(conflict) => (
          <div class="form__error" role="alert" data-testid="assignment-conflict">
            <p>{t('tickets.detail.conflict', { fields: conflict().fields.join(', ') })}</p>
            <p>
              {t('tickets.field.technician')} : {nameOf(conflict().server.technicianId)} → {nameOf(conflict().wanted)}
            </p>
            <button type="button" class="button" disabled={props.store.busy()} onClick={() => void retry()}>
              {t('tickets.detail.conflictRetry')}
            </button>
          </div>
        )}
      </Show>
    </form>
  );
}

function Transitions(props: { request: MaintenanceRequest; store: RequestStore }) {
  const { t } = useI18n();
  const [comment, setComment] = createSignal('');
  const [visibility, setVisibility] = createSignal<NoteVisibility>(DEFAULT_VISIBILITY);
  const targets = () => partnerTransitions(props.request.state);
  const move = async (to: RequestState) => {
    if (!(await props.store.transition(to, comment().trim(), visibility()))) return;
    setComment('');
    setVisibility(DEFAULT_VISIBILITY);
  };
  return (
    <section class="card form" data-testid="transitions" aria-labelledby="transitions-title">
      <h2 id="transitions-title">{t('tickets.detail.transitions')}</h2>
      <Show when={targets().length > 0} fallback={<p class="muted">{t('tickets.detail.noTransition', { state: t(`tickets.state.${props.request.state}`) })}</p>}>
        <label class="field">
          <span>{t('tickets.field.comment')}</span>
          <textarea name="comment" rows={3} required maxLength={2000} value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
        <VisibilityChoice name="transition-visibility" value={visibility()} onChange={setVisibility} />
        <div class="actions">
          <For each={targets()}>
            {(to) => (
              <button type="button" class="button" classList={{ 'button--primary': to !== 'rejected' }} data-to={to} disabled={props.store.busy() || comment().trim() === ''} onClick={() => void move(to)}>
                {t('tickets.detail.moveTo', { state: t(`tickets.state.${to}`) })}
              </button>
            )}
          </For>
        </div>
      </Show>
    </section>
  );
}

function NoteForm(props: { store: RequestStore }) {
  const { t } = useI18n();
  const [note, setNote] = createSignal('');
  const [visibility, setVisibility] = createSignal<NoteVisibility>(DEFAULT_VISIBILITY);
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(await props.store.addNote(note().trim(), visibility()))) return;
    setNote('');
    setVisibility(DEFAULT_VISIBILITY);
  };
  return (
    <form class="card form" data-testid="note-form" aria-labelledby="notes-title" onSubmit={(event) => void add(event)}>
      <h2 id="notes-title">{t('tickets.detail.notes')}</h2>
      <label class="field">
        <span>{t('tickets.detail.note')}</span>
        <textarea name="note" rows={2} required maxLength={2000} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <VisibilityChoice name="note-visibility" value={visibility()} onChange={setVisibility} />
      <button type="submit" class="button" disabled={props.store.busy() || note().trim() === ''}>
        {t('tickets.detail.addNote')}
      </button>
    </form>
  );
}

function Attachments(props: { request: MaintenanceRequest; store: RequestStore }) {
  const { t } = useI18n();
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file) await props.store.attach(file);
    input.value = '';
  };
  return (
    <section class="card" data-testid="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('tickets.detail.attachments')}</h2>
      <ul class="request__thumbnails">
        <For each={props.request.attachments} fallback={<li class="muted">{t('tickets.detail.noAttachments')}</li>}>
          {(attachment) => (
            <li>
              <a href={attachmentUrl(props.request.id, attachment.id)} target="_blank" rel="noopener">
                <img src={attachmentUrl(props.request.id, attachment.id)} alt={attachment.fileName} loading="lazy" width="120" height="120" />
              </a>
            </li>
          )}
        </For>
      </ul>
      <label class="field">
        <span>{t('tickets.detail.upload')}</span>
        <input type="file" name="attachment" accept="image/jpeg,image/png,image/webp" disabled={props.store.busy()} onChange={(e) => void upload(e.currentTarget)} />
      </label>
    </section>
  );
}

function History(props: { events: RequestEvent[] }) {
  const { t, language } = useI18n();
  const title = (event: RequestEvent) => {
    switch (event.kind) {
      case 'state':
        return t('tickets.event.state', { from: event.fromState ? t(`tickets.state.${event.fromState}`) : '—', to: event.toState ? t(`tickets.state.${event.toState}`) : '—' });
      case 'edit':
        return t('tickets.event.edit', { fields: event.fields.join(', ') });
      default:
        return t(`tickets.event.${event.kind}`);
    }
  };
  // Newest first, as the device's history reads.
  const newestFirst = () => [...props.events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('tickets.detail.history')}</h2>
      <ol class="request__history" data-testid="history">
        <For each={newestFirst()}>
          {(event) => (
            <li data-kind={event.kind} data-to={event.toState ?? undefined} data-visibility={event.visibility}>
              <strong>{title(event)}</strong>
              <small class="muted">
                {' '}
                {formatDateTime(language(), event.at)} · {event.authorName}
              </small>
              <Show when={event.comment}>
                <p>
                  {event.comment} <VisibilityTag visibility={event.visibility} />
                </p>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
