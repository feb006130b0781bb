/**
 * A change that did not go through (refused by the server, or dropped by "keep theirs"), told until
 * the technician has read it: why, who moved the request, what the technician had written, and
 * whether the server kept their comment as a note. A request's notices show on its page.
 */
import { Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { noticeRequest } from '../../sync/local-view.ts';
import type { SyncRecord } from '../../sync/tech-sync.ts';
import { OpSummary } from './op-summary.tsx';
import { useTechSync } from './tech-context.tsx';
import { formatDateTime, lastStateChange, refusalReason } from './tech.format.ts';

export function ChangeNotice(props: { record: SyncRecord }) {
  const { t, language } = useI18n();
  const sync = useTechSync();
  const reason = () => refusalReason(props.record);
  const request = () => noticeRequest(props.record);
  const lastChange = () => lastStateChange(request());
  const keptAsNote = () => props.record.outcome === 'rejected' && props.record.keptAsNote === true;
  const reasonText = () => {
    const current = reason();
    switch (current.kind) {
      case 'dropped':
        return t('conflict.dropped', { subject: request()?.subject ?? '' });
      case 'not_yours':
        return t('tech.refused.notYours');
      case 'moved':
        return t('tech.refused.moved', { state: t(`tech.state.${current.state}`), to: t(`tech.state.${current.to}`) });
      case 'other':
        return t('tech.refused.other', { code: current.code });
    }
  };
  return (
    <section class="notice sync-notice" role="status" data-testid="change-notice" data-outcome={props.record.outcome} data-reason={reason().kind}>
      <h2>{t('tech.refused.title')}</h2>
      <p data-testid="notice-reason">{reasonText()}</p>
      <Show when={reason().kind === 'moved' && lastChange()}>
        {(event) => (
          <p class="muted" data-testid="notice-last-change">
            {event().comment
              ? t('tech.refused.lastChange', { name: event().authorName, date: formatDateTime(language(), event().at), comment: event().comment ?? '' })
              : t('tech.refused.lastChangeNoComment', { name: event().authorName, date: formatDateTime(language(), event().at) })}
          </p>
        )}
      </Show>
      <p class="muted">{t('tech.refused.mine')}</p>
      <p data-testid="notice-mine">
        <OpSummary op={props.record.op} />
      </p>
      <Show when={keptAsNote()}>
        <p data-testid="notice-kept">{t('tech.refused.keptAsNote')}</p>
      </Show>
      <button type="button" class="button" data-testid="notice-read" onClick={() => void sync.dismiss(props.record.opId)}>
        {t('tech.refused.read')}
      </button>
    </section>
  );
}
