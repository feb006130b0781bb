/**
 * `/tech/requests/:id`: one request on site, from the phone's copy with the queued changes applied,
 * and on top what became of changes to it that did not go through, until read.
 */
import { For, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { MaintenanceRequest } from '@parc/shared/contracts/tickets';
import { useI18n } from '../../app-context.tsx';
import { noticesOf } from '../../sync/local-view.ts';
import { Loading } from '../shell/loading.tsx';
import { VisibilityTag } from '../tickets/visibility-choice.tsx';
import { ChangeNotice } from './change-notice.tsx';
import { DevicePanel } from './device-panel.tsx';
import { NoteForm, PendingPhoto, PhotoInput, StateChange } from './request-actions.tsx';
import { useTechSync } from './tech-context.tsx';
import { formatDateTime } from './tech.format.ts';

function Events(props: { request: MaintenanceRequest }) {
  const { t, language } = useI18n();
  const sync = useTechSync();
  const pendingIds = () => new Set(sync.state.pending.map((op) => op.opId));
  return (
    <section class="card" aria-labelledby="events-title">
      <h2 id="events-title">{t('tech.comments')}</h2>
      <Show when={props.request.events.length > 0} fallback={<p class="muted">{t('tech.comments.none')}</p>}>
        <ol class="plain-list events">
          <For each={[...props.request.events].reverse()}>
            {(event) => (
              <li class="event" data-testid="event" data-kind={event.kind} data-visibility={event.visibility} classList={{ 'is-pending': pendingIds().has(event.id) }}>
                <span class="muted">
                  {formatDateTime(language(), event.at)} · {event.authorName}
                  <Show when={pendingIds().has(event.id)}> · {t('tech.pendingChange')}</Show>
                </span>
                <strong>
                  {event.kind === 'state' && event.fromState && event.toState
                    ? t('tech.event.state', { from: t(`tech.state.${event.fromState}`), to: t(`tech.state.${event.toState}`) })
                    : t(`tech.event.${event.kind}`)}
                </strong>
                <Show when={event.comment}>
                  <span>
                    {event.comment} <VisibilityTag visibility={event.visibility} />
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

function Attachments(props: { request: MaintenanceRequest }) {
  const { t } = useI18n();
  const sync = useTechSync();
  const queued = () => sync.state.pending.flatMap((op) => (op.kind === 'request.attachment' && op.requestId === props.request.id ? [op.attachment] : []));
  return (
    <Show when={props.request.attachments.length > 0 || queued().length > 0}>
      <section class="card" aria-labelledby="attachments-title">
        <h2 id="attachments-title">{t('tech.attachments')}</h2>
        <ul class="plain-list attachments">
          <For each={props.request.attachments}>
            {(attachment) => (
              <li data-testid="attachment">
                <a href={`/api/requests/${props.request.id}/attachments/${attachment.id}`} target="_blank" rel="noopener">
                  {attachment.fileName}
                </a>
              </li>
            )}
          </For>
          <For each={queued()}>
            {(photo) => (
              <li>
                <PendingPhoto blob={photo.blob} name={photo.fileName} />
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

export function RequestDetailPage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const sync = useTechSync();
  const request = () => sync.view()?.requests.find((candidate) => candidate.id === params.id);
  const device = () => sync.view()?.devices.find((candidate) => candidate.id === request()?.device.id);

  return (
    <section class="page request-detail" aria-labelledby="page-title">
      <A class="back-link" href="/tech">
        ← {t('tech.back')}
      </A>
      <Show when={sync.view()} fallback={<Loading />}>
        <Show
          when={request()}
          fallback={
            <>
              <h1 id="page-title">{t('tech.today')}</h1>
              <p class="notice">{t('tech.notFound')}</p>
            </>
          }
        >
          {(current) => (
            <>
              <h1 id="page-title">{current().subject}</h1>
              <p class="request-detail__state">
                <span class={`state-badge state-badge--${current().state}`} data-testid="request-state" data-state={current().state}>
                  {t(`tech.state.${current().state}`)}
                </span>
                <Show when={current().complexity}>{(complexity) => <span class={`priority priority--${complexity()}`}>{t(`tech.complexity.${complexity()}`)}</span>}</Show>
              </p>
              <For each={noticesOf(current().id, sync.state.records)}>{(record) => <ChangeNotice record={record} />}</For>
              <Show when={current().description}>
                <p>{current().description}</p>
              </Show>
              <Show when={current().userCanFix && current().steps.length > 0}>
                <section class="card">
                  <h2>{t('tech.userCanFix')}</h2>
                  <ol>
                    <For each={current().steps}>{(step) => <li>{step}</li>}</For>
                  </ol>
                </section>
              </Show>
              <StateChange request={current()} />
              <NoteForm requestId={current().id} />
              <PhotoInput requestId={current().id} />
              <Attachments request={current()} />
              <Events request={current()} />
              <Show when={device()}>{(found) => <DevicePanel device={found()} requestId={current().id} />}</Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
