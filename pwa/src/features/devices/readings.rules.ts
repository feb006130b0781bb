/** What the device page's readings section decides without a screen: pure, so tested with tables. */
import { fromCatalogue } from '../../i18n/pseudo.ts';
import type { Language } from '@parc/shared/languages';
import type { CounterKind } from '@parc/shared/meters/counters';
import { reasonMessage } from '@parc/shared/meters/messages';
import { readingReasonSchema } from '@parc/shared/meters/reasons';
import type { Reading } from '@parc/shared/contracts/readings';
import type { ApiError } from '../../api/client.ts';

/** A policy reason (from a reading or a 422 body) as a sentence in the reader's language; null when there is none to word. */
export function reasonText(reason: unknown, language: Language): string | null {
  const parsed = readingReasonSchema.safeParse(reason);
  return parsed.success ? fromCatalogue(reasonMessage(parsed.data, language)) : null;
}

/** The reason of a refusal (422 reading_refused) in the reader's language, never the server's English; null for any other error. */
export function refusalText(error: ApiError, language: Language): string | null {
  if (error.code !== 'reading_refused') return null;
  return reasonText(error.details?.reason, language);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A Date as a `datetime-local` input shows it: the browser's local time, to the minute. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (local time) as the instant the API takes; null when empty or not a date. */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(year!, month! - 1, day!, hour!, minute!, Number.isNaN(second) ? 0 : (second ?? 0));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A counter value as typed: a whole number, zero or more (blanks, apostrophes and thin spaces of grouping allowed); null otherwise. */
export function parseCount(text: string): number | null {
  const cleaned = text.replace(/[\s'’\u202f\u00a0]/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

/** Who entered a reading, as stored: an email, "link:<id>", "agent:<id>", "estimate:<period>" or a name. */
export type Who = { kind: 'link' | 'agent' } | { kind: 'estimate'; period: string } | { kind: 'person'; name: string };

export function whoOf(enteredBy: string): Who {
  const [prefix, ...rest] = enteredBy.split(':');
  const detail = rest.join(':');
  if (detail && prefix === 'link') return { kind: 'link' };
  if (detail && prefix === 'agent') return { kind: 'agent' };
  if (detail && prefix === 'estimate') return { kind: 'estimate', period: detail };
  return { kind: 'person', name: enteredBy };
}

/** A reading can be changed or deleted by a user allowed to edit readings, until it is locked, and not once deleted. */
export function isChangeable(reading: Pick<Reading, 'lockedAt' | 'status'>, canEdit: boolean): boolean {
  return canEdit && reading.lockedAt === null && reading.status !== 'deleted';
}

/** A locked reading (already sent or billed) can still be corrected, with a note saying why; never deleted. */
export function isCorrectableWhenLocked(reading: Pick<Reading, 'lockedAt' | 'status'>, canEdit: boolean): boolean {
  return canEdit && reading.lockedAt !== null && reading.status !== 'deleted';
}

/** The body of a locked reading's correction: a new value and a note explaining it, or what is missing. */
export function lockedCorrection(reading: Pick<Reading, 'value'>, form: { value: number; note: string }): { value: number; note: string } | 'nothing' | 'note_required' {
  if (form.value === reading.value) return 'nothing';
  const note = form.note.trim();
  return note ? { value: form.value, note } : 'note_required';
}

/** The body of an edit: only what changed; null when nothing did. An emptied note clears it. */
export function readingChange(reading: Pick<Reading, 'value' | 'note'>, form: { value: number; note: string }): { value?: number; note?: string | null } | null {
  const change: { value?: number; note?: string | null } = {};
  if (form.value !== reading.value) change.value = form.value;
  const note = form.note.trim();
  if (note !== (reading.note ?? '')) change.note = note || null;
  return Object.keys(change).length > 0 ? change : null;
}

/** The counters of a reset or swap form as the API takes them, or the first counter whose numbers are not whole. */
export function counterBreaks(rows: readonly { kind: CounterKind; finalValue: string; startValue: string }[]): { counters: { counter: CounterKind; finalValue: number; startValue: number }[] } | { invalid: CounterKind } {
  const counters: { counter: CounterKind; finalValue: number; startValue: number }[] = [];
  for (const row of rows) {
    const finalValue = parseCount(row.finalValue);
    const startValue = parseCount(row.startValue);
    if (finalValue === null || startValue === null) return { invalid: row.kind };
    counters.push({ counter: row.kind, finalValue, startValue });
  }
  return { counters };
}
