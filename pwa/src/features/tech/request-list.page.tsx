/** `/tech`: the technician's requests for the day, from the phone's copy (works offline once downloaded). */
import { For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import type { MaintenanceRequest, TechBundle } from '@parc/shared/contracts/tickets';
import { useI18n } from '../../app-context.tsx';
import { noticesOf } from '../../sync/local-view.ts';
import { Loading } from '../shell/loading.tsx';
import { useTechSync } from './tech-context.tsx';

function RequestCard(props: { request: MaintenanceRequest; device: TechBundle['devices'][number] | undefined; pending: boolean; unread: boolean }) {
  const { t } = useI18n();
  const device = () => props.request.device;
  return (
    <li>
      <A
        class="card request-card"
        classList={{ 'request-card--notice': props.unread }}
        href={`/tech/requests/${props.request.id}`}
        data-testid="request-card"
        data-request-id={props.request.id}
        data-state={props.request.state}
        data-notice={props.unread ? 'unread' : undefined}
      >
        <span class="request-card__top">
          <span class={`state-badge state-badge--${props.request.state}`} data-testid="request-state">
            {t(`tech.state.${props.request.state}`)}
          </span>
          <Show when={props.request.complexity}>{(complexity) => <span class={`priority priority--${complexity()}`}>{t(`tech.complexity.${complexity()}`)}</span>}</Show>
          <Show when={props.pending}>
            <span class="pending-dot" title={t('tech.pendingChange')} aria-label={t('tech.pendingChange')} />
          </Show>
        </span>
        <strong class="request-card__subject">{props.request.subject}</strong>
        <span>
          {device().manufacturer} {device().model} · {device().deviceCode}
        </span>
        <span class="muted">
          {device().customerName}
          <Show when={props.device?.siteName}>{(site) => <> · {site()}</>}</Show>
          <Show when={device().location}>{(location) => <> · {location()}</>}</Show>
        </span>
        <Show when={props.unread}>
          <span class="request-card__notice" data-testid="card-notice">
            {t('tech.refused.card')}
          </span>
        </Show>
      </A>
    </li>
  );
}

export function RequestListPage() {
  const { t } = useI18n();
  const sync = useTechSync();
  const view = () => sync.view();
  const pendingRequests = () => new Set(sync.state.pending.flatMap((op) => (op.requestId ? [op.requestId] : [])));

  return (
    <section class="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('tech.today')}</h1>
      <Switch>
        <Match when={view()}>
          {(bundle) => (
            <Show when={bundle().requests.length > 0} fallback={<p class="notice">{t('tech.empty')}</p>}>
              <ul class="plain-list request-list" data-testid="request-list">
                <For each={bundle().requests}>
                  {(request) => (
                    <RequestCard
                      request={request}
                      device={bundle().devices.find((device) => device.id === request.device.id)}
                      pending={pendingRequests().has(request.id)}
                      unread={noticesOf(request.id, sync.state.records).length > 0}
                    />
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={sync.state.status === 'unavailable'}>
          <p class="notice" data-testid="tech-unavailable">
            {t('tech.unavailable')}
          </p>
        </Match>
        <Match when={true}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
