/** What the technician's screens say about readings and queued changes; pure, so tested with tables. */
import { alertText } from '@parc/shared/agents/alert-messages';
import type { DeviceHistoryEntry, MaintenanceRequest, RequestEvent } from '@parc/shared/contracts/tickets';
import { LANGUAGE_LOCALES, type Language } from '@parc/shared/languages';
import type { CounterKind } from '@parc/shared/meters/counters';
import { COUNTER_LABELS, reasonMessage } from '@parc/shared/meters/messages';
import { readingReasonSchema } from '@parc/shared/meters/reasons';
import type { RequestState } from '@parc/shared/tickets/states';
import type { SyncRecord } from '../../sync/tech-sync.ts';
import type { LocalOp } from '../../sync/tech-ops.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { fromCatalogue } from '../../i18n/pseudo.ts';

export function formatDateTime(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function formatCount(language: Language, value: number): string {
  return new Intl.NumberFormat(LANGUAGE_LOCALES[language]).format(value);
}

/**
 * A plausibility reason in the reader's language with the shared messages. Records kept from
 * before the sync contract carried the structured reason hold a bare code, with no values to
 * render the message with: the verdict shown beside it says enough, so nothing is added.
 */
export function readingReasonText(reason: unknown, language: Language): string | null {
  const parsed = readingReasonSchema.safeParse(reason);
  return parsed.success ? fromCatalogue(reasonMessage(parsed.data, language)) : null;
}

export type ReadingState = 'pending' | 'entered' | 'to_check' | 'refused';

export interface ReadingStatus {
  state: ReadingState;
  value: number;
  reason: unknown;
}

type ReadingOp = Extract<LocalOp, { kind: 'reading' }>;
const isReadingOf = (deviceId: string, counter: CounterKind) => (op: LocalOp): op is ReadingOp =>
  op.kind === 'reading' && op.deviceId === deviceId && op.counter === counter;

/** The latest reading of a counter taken on this phone: still queued, or as the server judged it. */
export function readingStatus(deviceId: string, counter: CounterKind, pending: readonly LocalOp[], records: readonly SyncRecord[]): ReadingStatus | null {
  const queued = pending.filter(isReadingOf(deviceId, counter)).at(-1);
  if (queued) return { state: 'pending', value: queued.value, reason: null };
  // Records are newest first.
  const answered = records.find((record) => isReadingOf(deviceId, counter)(record.op));
  if (!answered || answered.op.kind !== 'reading') return null;
  if (answered.outcome === 'reading') return { state: answered.verdict === 'ok' ? 'entered' : 'to_check', value: answered.op.value, reason: answered.reason };
  if (answered.outcome === 'rejected') return { state: 'refused', value: answered.op.value, reason: answered.readingReason ?? null };
  return null;
}

/** Why a change to a request did not go through, in terms the screens word in the technician's language. */
export type RefusalReason =
  /** Dropped on purpose by "keep theirs". */
  | { kind: 'dropped' }
  /** A change of state the request, moved meanwhile by the dealer, no longer allows. */
  | { kind: 'moved'; state: RequestState; to: RequestState }
  /** The request is no longer the technician's (reassigned). */
  | { kind: 'not_yours' }
  | { kind: 'other'; code: string };

export function refusalReason(record: SyncRecord): RefusalReason {
  if (record.outcome === 'dropped') return { kind: 'dropped' };
  const code = record.outcome === 'rejected' ? record.code : '';
  if (code === 'not_found') return { kind: 'not_yours' };
  if (record.outcome === 'rejected' && record.op.kind === 'request.transition' && record.request && (code === 'conflict' || code === 'forbidden')) {
    return { kind: 'moved', state: record.request.state, to: record.op.to };
  }
  return { kind: 'other', code };
}

/** The last change of state someone made: who moved the request where it is now, and what they said. */
export function lastStateChange(request: MaintenanceRequest | undefined): RequestEvent | undefined {
  return request?.events.filter((event) => event.kind === 'state').at(-1);
}

type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** One line of the device's history in the reader's language: the server sends data, never sentences. */
export function historyText(entry: DeviceHistoryEntry, t: Translate, language: Language): string {
  const counter = (kind: CounterKind) => fromCatalogue(COUNTER_LABELS[kind][language]);
  switch (entry.kind) {
    case 'request':
      return [entry.subject, entry.toState ? t(`tickets.state.${entry.toState}`) : t(`tickets.event.${entry.event}`, { from: '', to: '', fields: '' }), entry.comment].filter(Boolean).join(' · ');
    case 'reading':
      return t('tech.history.reading', { counter: counter(entry.counter), value: formatCount(language, entry.value), source: t(`device.source.${entry.source}`) });
    case 'counter_reset':
      return [
        t('tech.reset.title'),
        ...entry.counters.map((each) => t('tech.reset.values', { counter: counter(each.counter), final: formatCount(language, each.finalValue), start: formatCount(language, each.startValue) })),
        entry.note,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'supply_replacement':
      return [t('tickets.event.supply'), entry.supplyType, entry.colour, entry.note].filter(Boolean).join(' · ');
    case 'alert':
      return [fromCatalogue(alertText(entry, entry.description, language)), entry.cleared ? t('tech.history.cleared') : null].filter(Boolean).join(' · ');
  }
}
