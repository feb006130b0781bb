/**
 * Conflicts waiting for the technician: their change beside the server's version of the request,
 * and the two ways out. Below them, the changes that did not go through (dropped by "keep theirs",
 * refused by the server), so nothing disappears unseen; readings and counter resets show theirs in
 * the device panel.
 */
import { For, Show } from 'solid-js';
import type { MaintenanceRequest } from '@parc/shared/contracts/tickets';
import { useI18n } from '../../app-context.tsx';
import type { HeldConflict, SyncRecord } from '../../sync/tech-sync.ts';
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

type Notice = Extract<SyncRecord, { outcome: 'dropped' | 'rejected' }>;
/** Refused readings and counter resets are shown beside their counters, with what was typed. */
const isNotice = (record: SyncRecord): record is Notice =>
  record.outcome === 'dropped' || (record.outcome === 'rejected' && record.op.kind !== 'reading' && record.op.kind !== 'counter.reset');

function SyncNotice(props: { record: Notice }) {
  const { t } = useI18n();
  const sync = useTechSync();
  const text = () => (props.record.outcome === 'dropped' ? t('conflict.dropped', { subject: props.record.server.subject }) : t('tech.rejected', { reason: props.record.reason }));
  return (
    <div class="notice sync-notice" role="status" data-testid={`sync-${props.record.outcome}`}>
      <p>{text()}</p>
      <p class="muted">
        <OpSummary op={props.record.op} />
      </p>
      <button type="button" class="button button--quiet" onClick={() => void sync.dismiss(props.record.opId)}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}

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
      <For each={sync.state.records.filter(isNotice)}>{(record) => <SyncNotice record={record} />}</For>
    </>
  );
}
