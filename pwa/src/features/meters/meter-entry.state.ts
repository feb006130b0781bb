/**
 * Pure logic of the meter entry page: what each counter shows, given the server's state, the
 * entries still waiting in the outbox and the outcome of the last submission. No clock, no I/O.
 */
import type { CounterKind } from '@parc/shared/meters/counters';
import type { ReadingReason } from '@parc/shared/meters/reasons';
import type {
  CounterEntryState,
  MeterEntry,
  MeterEntryDealer,
  MeterEntryMachine,
  MeterEntryPage,
  MeterEntryResult,
} from '@parc/shared/contracts/meters';

/** An entry saved on this device and not yet answered by the server (an outbox item's payload). */
export interface PendingEntry extends MeterEntry {
  token: string;
}

/** What the last answer said about a value the server did not store. Kept in memory only. */
export type EntryOutcome =
  | { kind: 'refused'; value: number; reason: ReadingReason }
  | { kind: 'rejected'; value: number; code: string; message: string };

export type CounterView =
  | { state: 'to_enter' }
  /** Saved on the device, waiting for the network. */
  | { state: 'pending'; value: number }
  | { state: 'entered'; value: number; enteredAt: string }
  | { state: 'to_check'; value: number; enteredAt: string; reason: ReadingReason }
  /** Refused by the server's check just now, or by the dealer on review (reason may then be null). */
  | { state: 'refused'; value: number; reason: ReadingReason | null; enteredAt?: string }
  /** Not stored for a reason unrelated to the value (already sent, unknown machine...). */
  | { state: 'rejected'; value: number; code: string; message: string }
  /** Passed on to the dealer: no longer editable. */
  | { state: 'sent'; value: number; enteredAt: string }
  /**
   * The dealer accepted or corrected the value (`value` is the dealer's): only the dealer changes it
   * now. `refusal` is the server's answer to a value the customer typed afterwards, if any.
   */
  | { state: 'settled'; value: number; enteredAt?: string; refusal: SettledReason | null };

/** The reason the server gives for a customer's value on a counter the dealer settled. */
export type SettledReason = Extract<ReadingReason, { code: 'settled' }>;

const isSettledRefusal = (outcome: EntryOutcome | undefined): outcome is { kind: 'refused'; value: number; reason: SettledReason } =>
  outcome?.kind === 'refused' && outcome.reason.code === 'settled';

export type CounterKey = `${string}:${CounterKind}`;

export function counterKey(deviceId: string, counter: CounterKind): CounterKey {
  return `${deviceId}:${counter}`;
}

/** The newest pending entry per counter: entries are listed oldest first, so later ones win. */
export function latestPendingByCounter(entries: readonly PendingEntry[]): Map<CounterKey, PendingEntry> {
  const latest = new Map<CounterKey, PendingEntry>();
  for (const entry of entries) latest.set(counterKey(entry.deviceId, entry.counter), entry);
  return latest;
}

export function counterView(entry: CounterEntryState, pending: PendingEntry | undefined, outcome: EntryOutcome | undefined): CounterView {
  // A sent counter is final: a pending edit of it can only come back rejected.
  if (entry.state === 'sent') return entry;
  // Settled by the dealer: a value the customer sends can only come back refused, and the dealer's value stays.
  if (entry.state === 'settled') return { ...entry, refusal: isSettledRefusal(outcome) ? outcome.reason : null };
  if (pending) return { state: 'pending', value: pending.value };
  // The server says the dealer settled it before the page knew: show the dealer's value at once.
  if (isSettledRefusal(outcome)) {
    return { state: 'settled', value: outcome.reason.params.value, ...('enteredAt' in entry ? { enteredAt: entry.enteredAt } : {}), refusal: outcome.reason };
  }
  if (outcome?.kind === 'refused') return { state: 'refused', value: outcome.value, reason: outcome.reason };
  if (outcome?.kind === 'rejected') return { state: 'rejected', value: outcome.value, code: outcome.code, message: outcome.message };
  return entry;
}

/** Sent counters are final; settled ones are the dealer's to change. */
export function isEditable(view: CounterView): boolean {
  return view.state !== 'sent' && view.state !== 'settled';
}

const DONE_STATES: ReadonlySet<CounterView['state']> = new Set(['pending', 'entered', 'to_check', 'sent', 'settled']);

/** A machine is done when every counter has a value on its way or stored; refused values don't count. */
export function isMachineDone(views: readonly CounterView[]): boolean {
  return views.every((view) => DONE_STATES.has(view.state));
}

export function progress(doneFlags: readonly boolean[]): { done: number; total: number } {
  return { done: doneFlags.filter(Boolean).length, total: doneFlags.length };
}

export interface ResultsApplied {
  page: MeterEntryPage;
  /** Per counter: the outcome to show, or null to clear the previous one (the value was stored). */
  outcomes: Map<CounterKey, EntryOutcome | null>;
  /** Outbox ids the server answered: only these may be forgotten. */
  answered: string[];
  /** True when something was rejected or found settled: the page should be reloaded to learn the counter's real state. */
  needsReload: boolean;
}

function withCounterEntry(page: MeterEntryPage, deviceId: string, counter: CounterKind, entry: CounterEntryState): MeterEntryPage {
  const updateMachine = (machine: MeterEntryMachine): MeterEntryMachine =>
    machine.deviceId !== deviceId
      ? machine
      : { ...machine, counters: machine.counters.map((row) => (row.counter === counter ? { ...row, entry } : row)) };
  return { ...page, machines: page.machines.map(updateMachine) };
}

/**
 * Folds the server's per-entry answers into the page, in submission order (the last answer for a
 * counter wins). Results for ids that were not sent are ignored; sent ids without a result stay pending.
 */
export function applyResults(page: MeterEntryPage, sent: readonly PendingEntry[], results: readonly MeterEntryResult[]): ResultsApplied {
  const sentById = new Map(sent.map((entry) => [entry.clientId, entry]));
  const outcomes = new Map<CounterKey, EntryOutcome | null>();
  const answered: string[] = [];
  let next = page;
  let needsReload = false;
  for (const result of results) {
    const entry = sentById.get(result.clientId);
    if (!entry) continue;
    answered.push(entry.clientId);
    const key = counterKey(entry.deviceId, entry.counter);
    if (result.status === 'saved') {
      next = withCounterEntry(next, entry.deviceId, entry.counter, result.entry);
      outcomes.set(key, null);
    } else if (result.status === 'refused') {
      outcomes.set(key, { kind: 'refused', value: entry.value, reason: result.reason });
      // Settled by the dealer since the page was loaded: the page's state of the counter is stale.
      if (result.reason.code === 'settled') needsReload = true;
    } else {
      outcomes.set(key, { kind: 'rejected', value: entry.value, code: result.error.code, message: result.error.message });
      needsReload = true;
    }
  }
  return { page: next, outcomes, answered, needsReload };
}

export type ParsedInput = { ok: true; value: number } | { ok: false; reason: ReadingReason } | { ok: 'empty' };

/**
 * What the customer typed, as a counter value. Thousands separators people type (spaces,
 * apostrophes as in 344'805) are dropped; anything else that is not digits is refused on the spot
 * with the same reason the server would give, so nothing impossible waits in the outbox.
 */
export function parseCounterInput(text: string): ParsedInput {
  const compact = text.replace(/[\s\u00a0\u202f'’]/g, '');
  if (compact === '') return { ok: 'empty' };
  if (/^-\d+$/.test(compact)) return { ok: false, reason: { code: 'negative', params: {} } };
  if (!/^\d+$/.test(compact)) return { ok: false, reason: { code: 'not_integer', params: {} } };
  return { ok: true, value: Number(compact) };
}

/** The dealer's colour and a readable text colour on it, or null to keep Parc's own. */
export function brandTheme(colour: string | null | undefined): { brand: string; contrast: string } | null {
  if (!colour || !/^#[0-9a-f]{6}$/i.test(colour)) return null;
  const channel = (offset: number) => {
    const value = parseInt(colour.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // WCAG contrast against white is (1.05) / (L + 0.05); white wins while that stays above 4.5 ≈ L < 0.18.
  return { brand: colour.toLowerCase(), contrast: luminance < 0.18 ? '#ffffff' : '#1b1f24' };
}

const DEALER_FIELDS = ['phone', 'email', 'website', 'logoUrl', 'brandColour'] as const;

/** The dealer named in a 410 body, trusting only fields of the expected type; null when there is none. */
export function dealerFromErrorDetails(details: Readonly<Record<string, unknown>> | undefined): MeterEntryDealer | null {
  const dealer = details?.dealer;
  if (typeof dealer !== 'object' || dealer === null) return null;
  const fields = dealer as Record<string, unknown>;
  if (typeof fields.name !== 'string' || fields.name === '') return null;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return {
    name: fields.name,
    ...(Object.fromEntries(DEALER_FIELDS.map((field) => [field, text(fields[field])])) as Record<(typeof DEALER_FIELDS)[number], string | null>),
  };
}
