/** The technician's sync state, always in view: network, pending changes, conflicts, last sync, and "sync now". */
import { Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { useTechSync } from './tech-context.tsx';
import { formatDateTime } from './tech.format.ts';
import { pluralForm } from '../plural/plural.ts';

export function SyncStatus() {
  const { t, language } = useI18n();
  const sync = useTechSync();
  const state = sync.state;

  return (
    <section class="sync-status" aria-label={t('sync.label')} data-online={state.online ? 'true' : 'false'}>
      <span class="sync-status__network" data-testid="sync-network">
        {state.online ? t('sync.online') : t('sync.offline')}
      </span>
      <span class="sync-status__pending" data-testid="sync-pending" data-count={state.pending.length}>
        {t('sync.pending', { count: state.pending.length })}
      </span>
      <Show when={state.conflicts.length > 0}>
        <a class="sync-status__conflicts" href="#conflicts" data-testid="sync-conflicts" data-count={state.conflicts.length}>
          {t(`sync.conflicts.${pluralForm(language(), state.conflicts.length)}`, { count: state.conflicts.length })}
        </a>
      </Show>
      <span class="sync-status__last muted" data-testid="sync-last" data-synced={state.lastSyncAt ? 'true' : 'false'}>
        {state.lastSyncAt ? t('sync.last', { time: formatDateTime(language(), state.lastSyncAt) }) : t('sync.never')}
      </span>
      <button type="button" class="button button--quiet sync-status__now" data-testid="sync-now" disabled={!state.online || state.syncing} onClick={() => void sync.syncNow()}>
        {state.syncing ? t('sync.running') : t('sync.now')}
      </button>
      <Show when={state.error && state.error !== 'offline'}>
        <p class="sync-status__error" role="alert">
          {t('sync.failed', { code: state.error ?? '' })}
        </p>
      </Show>
    </section>
  );
}
