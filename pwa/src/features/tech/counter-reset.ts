/**
 * The technician's "counter reset / board replaced" form, without the screen: the rows it shows
 * (prefilled from the phone's view of the counters), the op it queues, and what became of the last
 * one declared on this phone. Pure, so tested with tables.
 */
import type { TechBundle } from '@parc/shared/contracts/tickets';
import { MAX_READING_VALUE } from '@parc/shared/contracts/readings';
import type { CounterKind, ResetKind } from '@parc/shared/meters/counters';
import type { ReadingReason } from '@parc/shared/meters/reasons';
import type { SyncRecord } from '../../sync/tech-sync.ts';
import type { LocalOp } from '../../sync/tech-ops.ts';

export type ResetOp = Extract<LocalOp, { kind: 'counter.reset' }>;
type Counter = TechBundle['devices'][number]['counters'][number];

/** One counter's line in the form, as typed. */
export interface ResetRow {
  counter: CounterKind;
  included: boolean;
  finalValue: string;
  startValue: string;
}

/** What the technician changed in a row; what they did not touch follows the counter's last known value. */
export type ResetEdits = Partial<Record<CounterKind, Partial<Omit<ResetRow, 'counter'>>>>;

export interface ResetDraft {
  resetKind: ResetKind;
  edits: ResetEdits;
  note: string;
  linkRequest: boolean;
}

export const emptyResetDraft = (): ResetDraft => ({ resetKind: 'counter_reset', edits: {}, note: '', linkRequest: true });

/** Every counter of the device: included, its last known value as the final one, restarting at 0, unless typed otherwise. */
export function resetRows(counters: readonly Counter[], edits: ResetEdits): ResetRow[] {
  return counters.map((counter) => ({
    counter: counter.kind,
    included: true,
    finalValue: counter.lastValue === null ? '' : String(counter.lastValue),
    startValue: '0',
    ...edits[counter.kind],
  }));
}

/** A counter value as typed: digits, possibly grouped with spaces or apostrophes; null when not a valid value. */
export function parseCount(text: string): number | null {
  const digits = text.replace(/[\s'’]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) && value <= MAX_READING_VALUE ? value : null;
}

export type ResetDraftError = { code: 'noCounter' } | { code: 'invalidValue'; counter: CounterKind };
export type ResetChange = Omit<ResetOp, 'opId' | 'createdAt'>;

/** The op the form queues, or why it cannot. `at` is the moment of the declaration: now. */
export function resetChange(
  draft: ResetDraft,
  rows: readonly ResetRow[],
  target: { deviceId: string; requestId: string; at: string },
): { ok: true; change: ResetChange } | { ok: false; error: ResetDraftError } {
  const included = rows.filter((row) => row.included);
  if (included.length === 0) return { ok: false, error: { code: 'noCounter' } };
  const counters: ResetChange['counters'] = [];
  for (const row of included) {
    const finalValue = parseCount(row.finalValue);
    const startValue = parseCount(row.startValue);
    if (finalValue === null || startValue === null) return { ok: false, error: { code: 'invalidValue', counter: row.counter } };
    counters.push({ counter: row.counter, finalValue, startValue });
  }
  const note = draft.note.trim();
  return {
    ok: true,
    change: {
      kind: 'counter.reset',
      deviceId: target.deviceId,
      resetKind: draft.resetKind,
      at: target.at,
      counters,
      note: note || null,
      ...(draft.linkRequest ? { requestId: target.requestId } : {}),
    },
  };
}

/** A declared op back in the form, as it was typed: to correct a refused declaration and send it again. */
export function draftOf(op: ResetOp, counters: readonly Counter[], currentRequestId: string): ResetDraft {
  const edits: ResetEdits = {};
  for (const counter of counters) {
    const declared = op.counters.find((entry) => entry.counter === counter.kind);
    edits[counter.kind] = declared ? { included: true, finalValue: String(declared.finalValue), startValue: String(declared.startValue) } : { included: false };
  }
  return { resetKind: op.resetKind, edits, note: op.note ?? '', linkRequest: op.requestId === currentRequestId };
}

export type ResetState = 'pending' | 'declared' | 'refused';

export interface ResetStatus {
  state: ResetState;
  op: ResetOp;
  /** For a refused one: the server's code, its sentence and, for a refused value, the structured reason. */
  code: string | null;
  reason: string | null;
  readingReason: ReadingReason | null;
}

const isResetOf = (deviceId: string) => (op: LocalOp): op is ResetOp => op.kind === 'counter.reset' && op.deviceId === deviceId;

/** The latest reset of the device declared on this phone: still queued, or as the server answered it. */
export function resetStatus(deviceId: string, pending: readonly LocalOp[], records: readonly SyncRecord[]): ResetStatus | null {
  const queued = pending.filter(isResetOf(deviceId)).at(-1);
  if (queued) return { state: 'pending', op: queued, code: null, reason: null, readingReason: null };
  // Records are newest first.
  const answered = records.find((record) => isResetOf(deviceId)(record.op));
  if (!answered || answered.op.kind !== 'counter.reset') return null;
  if (answered.outcome === 'applied') return { state: 'declared', op: answered.op, code: null, reason: null, readingReason: null };
  if (answered.outcome === 'rejected') return { state: 'refused', op: answered.op, code: answered.code, reason: answered.reason, readingReason: answered.readingReason ?? null };
  return null;
}
