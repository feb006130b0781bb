/**
 * Conflicts waiting for the technician: their change beside the server's version of the request,
 * and the two ways out. Below them, the refused changes that no request's page shows (a supply
 * replacement), so nothing disappears unseen.
 */
import { For, Show } from 'solid-js';
import type { MaintenanceRequest } from '@parc/shared/contracts/tickets';
import { useI18n } from '../../app-context.tsx';
import { isRequestNotice } from '../../sync/local-view.ts';
import type { HeldConflict, SyncRecord } from '../../sync/tech-sync.ts';
import { ChangeNotice } from './change-notice.tsx';
import { OpSummary } from './op-summary.tsx';
import { useTechSync } from './tech-context.tsx';
import { formatDateTime } from './tech.format.ts';

/** The server's side in words: its state and its latest comment. */
function ServerVersion(props: { request: MaintenanceRequest }) {
  const { t, language } = useI18n();
  const latest = () => props.request.events.filter((event) => event.comment).at(-1);
  return (
    <>
      <strong data-testid="conflict-server-state" data-state={props.request.state}>
        {t(`tech.state.${props.request.state}`)}
      </strong>
      <Show when={latest()}>
        {(event) => (
          <span class="muted">
            {' '}
            « {event().comment} » ({event().authorName}, {formatDateTime(language(), event().at)})
          </span>
        )}
      </Show>
    </>
  );
}

function ConflictCard(props: { conflict: HeldConflict }) {
  const { t } = useI18n();
  const sync = useTechSync();
  return (
    <li class="card conflict" data-testid="conflict" data-op-id={props.conflict.op.opId}>
      <p>{t('conflict.intro', { subject: props.conflict.detail.server.subject })}</p>
      <dl class="conflict__versions">
        <dt>{t('conflict.mine')}</dt>
        <dd data-testid="conflict-mine">
          <OpSummary op={props.conflict.op} />
        </dd>
        <dt>{t('conflict.theirs')}</dt>
        <dd data-testid="conflict-theirs">
          <ServerVersion request={props.conflict.detail.server} />
        </dd>
      </dl>
      <div class="conflict__actions">
        <button type="button" class="button button--primary" data-testid="keep-mine" onClick={() => void sync.resolve(props.conflict.op.opId, 'mine')}>
          {t('conflict.keepMine')}
        </button>
        <button type="button" class="button" data-testid="keep-theirs" onClick={() => void sync.resolve(props.conflict.op.opId, 'theirs')}>
          {t('conflict.keepTheirs')}
        </button>
      </div>
    </li>
  );
}

/**
 * Changes that did not go through and belong to no request's page: a request's notices show on it
 * (its card says so), refused readings and counter resets beside their counters.
 */
const isGlobalNotice = (record: SyncRecord): boolean =>
  record.outcome === 'rejected' && !isRequestNotice(record) && record.op.kind !== 'reading' && record.op.kind !== 'counter.reset';

export function ConflictList() {
  const { t } = useI18n();
  const sync = useTechSync();
  return (
    <>
      <Show when={sync.state.conflicts.length > 0}>
        <section id="conflicts" class="conflicts" aria-labelledby="conflicts-title">
          <h2 id="conflicts-title">{t('conflict.title')}</h2>
          <ul class="plain-list">
            <For each={sync.state.conflicts}>{(conflict) => <ConflictCard conflict={conflict} />}</For>
          </ul>
        </section>
      </Show>
      <For each={sync.state.records.filter(isGlobalNotice)}>{(record) => <ChangeNotice record={record} />}</For>
    </>
  );
}
