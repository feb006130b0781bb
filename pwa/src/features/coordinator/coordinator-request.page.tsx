/**
 * `/coordinator/requests/:id`, where the "view the request" link of the coordinator's emails leads:
 * one request of their customer's devices as they may read it (state, subject, the steps they can
 * take, the shared part of its history, which opens with their own report's words), from this
 * device's last copy when offline.
 */
import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { MaintenanceRequest, RequestEvent } from '@parc/shared/contracts/tickets';
import { useI18n } from '../../app-context.tsx';
import { Loading } from '../shell/loading.tsx';
import { formatDateTime } from '../tech/tech.format.ts';
import { useCoordinator } from './coordinator-context.tsx';

function History(props: { events: RequestEvent[] }) {
  const { t, language } = useI18n();
  const title = (event: RequestEvent) =>
    event.kind === 'state' && event.fromState && event.toState
      ? t('coordinator.request.event.state', { from: t(`tech.state.${event.fromState}`), to: t(`tech.state.${event.toState}`) })
      : event.kind === 'note'
        ? t('coordinator.request.event.note')
        : t('coordinator.request.event.created');
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('coordinator.request.history')}</h2>
      <ol class="plain-list events" data-testid="coordinator-history">
        <For each={[...props.events].reverse()}>
          {(event) => (
            <li class="event" data-testid="coordinator-event" data-kind={event.kind}>
              <span class="muted">
                {formatDateTime(language(), event.at)} · {event.authorName}
              </span>
              <strong>{title(event)}</strong>
              <Show when={event.comment}>
                <span>{event.comment}</span>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

function RequestView(props: { request: MaintenanceRequest; fromCache: boolean }) {
  const { t, language } = useI18n();
  const request = () => props.request;
  return (
    <>
      <h1 id="page-title">{request().subject}</h1>
      <p class="request-detail__state">
        <span class={`state-badge state-badge--${request().state}`} data-testid="request-state" data-state={request().state}>
          {t(`tech.state.${request().state}`)}
        </span>
      </p>
      <Show when={props.fromCache}>
        <p class="notice" data-testid="request-from-cache">
          {t('coordinator.request.fromCache')}
        </p>
      </Show>
      <section class="card">
        <p>
          <strong>
            {request().device.manufacturer} {request().device.model}
          </strong>
        </p>
        <p class="muted">
          {request().device.deviceCode}
          {request().device.location ? ` · ${request().device.location}` : ''}
        </p>
        <p class="muted">{t('coordinator.request.opened', { name: request().createdBy, date: formatDateTime(language(), request().createdAt) })}</p>
        <Show when={request().technicianName}>{(name) => <p class="muted">{t('coordinator.request.technician', { name: name() })}</p>}</Show>
      </section>
      <Show when={request().userCanFix && request().steps.length > 0}>
        <section class="card">
          <h2>{t('coordinator.request.steps')}</h2>
          <ol>
            <For each={request().steps}>{(step) => <li>{step}</li>}</For>
          </ol>
        </section>
      </Show>
      <History events={request().events} />
    </>
  );
}

export function CoordinatorRequestPage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const store = useCoordinator();
  // Loaded again when the network comes back, so an offline copy gives way to the current request.
  const [loaded] = createResource(() => ({ id: params.id, online: store.state.online }), ({ id }) => store.request(id));
  const ready = () => {
    const current = loaded.latest;
    return current?.status === 'ready' ? current : undefined;
  };
  return (
    <section class="page tech request-detail" aria-labelledby="page-title">
      <A class="back-link" href="/coordinator">
        ← {t('coordinator.request.back')}
      </A>
      <Show when={loaded.latest} fallback={<Loading />}>
        <Switch>
          <Match when={ready()}>{(current) => <RequestView request={current().request} fromCache={current().fromCache} />}</Match>
          <Match when={loaded.latest?.status === 'not_found'}>
            <h1 id="page-title">{t('coordinator.title')}</h1>
            <p class="notice" data-testid="request-not-found">
              {t('coordinator.request.notFound')}
            </p>
          </Match>
          <Match when={true}>
            <h1 id="page-title">{t('coordinator.title')}</h1>
            <p class="notice" data-testid="request-unavailable">
              {t('coordinator.request.unavailable')}
            </p>
          </Match>
        </Switch>
      </Show>
    </section>
  );
}
