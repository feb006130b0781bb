import { describe, expect, it } from 'vitest';
import type { CounterEntryState, MeterEntryResult } from '@parc/shared/contracts/meters';
import type { ReadingReason } from '@parc/shared/meters/reasons';
import {
  applyResults,
  brandTheme,
  counterKey,
  counterView,
  dealerFromErrorDetails,
  isEditable,
  isMachineDone,
  latestPendingByCounter,
  parseCounterInput,
  type CounterView,
  type EntryOutcome,
  type PendingEntry,
} from './meter-entry.state.ts';
import { ricohColour, ricohMono, seedPage } from './meter-entry.testing.ts';

const belowLast: ReadingReason = { code: 'below_last', params: { lastValue: 344_805, lastDate: '2014-01-24', otherCounter: null } };
const firstReading: ReadingReason = { code: 'first_reading', params: {} };
const settledReason = { code: 'settled', params: { value: 358_000 } } as const satisfies ReadingReason;
const enteredAt = '2014-09-08T10:00:00+02:00';
const pending = (clientId: string, value: number, deviceId = ricohMono, counter: PendingEntry['counter'] = 'mono'): PendingEntry => ({
  token: 't',
  clientId,
  deviceId,
  counter,
  value,
});

describe('counterView', () => {
  const entered: CounterEntryState = { state: 'entered', value: 358_965, enteredAt };
  const sent: CounterEntryState = { state: 'sent', value: 358_965, enteredAt };
  const refused: EntryOutcome = { kind: 'refused', value: 12_305, reason: belowLast };
  const rejected: EntryOutcome = { kind: 'rejected', value: 1, code: 'locked', message: 'already sent' };
  const settled: CounterEntryState = { state: 'settled', value: 358_000, enteredAt };
  const settledRefusal: EntryOutcome = { kind: 'refused', value: 360_000, reason: settledReason };

  it.each<[string, CounterEntryState, PendingEntry | undefined, EntryOutcome | undefined, CounterView]>([
    ['the server state alone', entered, undefined, undefined, entered],
    ['a pending entry over the server state', entered, pending('a', 360_000), undefined, { state: 'pending', value: 360_000 }],
    ['a pending entry over an older refusal', { state: 'to_enter' }, pending('a', 360_000), refused, { state: 'pending', value: 360_000 }],
    ['a refusal over the stored value', entered, undefined, refused, { state: 'refused', value: 12_305, reason: belowLast }],
    ['a rejection', entered, undefined, rejected, { state: 'rejected', value: 1, code: 'locked', message: 'already sent' }],
    ['sent over everything', sent, pending('a', 1), refused, sent],
    ['a dealer refusal from the server', { state: 'refused', value: 5, enteredAt, reason: null }, undefined, undefined, { state: 'refused', value: 5, enteredAt, reason: null }],
    ['settled by the dealer', settled, undefined, undefined, { ...settled, refusal: null }],
    ['settled over a pending entry', settled, pending('a', 400_000), undefined, { ...settled, refusal: null }],
    ['settled with the refusal of a later value', settled, undefined, settledRefusal, { ...settled, refusal: settledReason }],
    [
      'a settled refusal on a page that still shows the customer’s value: the dealer’s value at once',
      { state: 'to_check', value: 400_000, enteredAt, reason: firstReading },
      undefined,
      settledRefusal,
      { state: 'settled', value: 358_000, enteredAt, refusal: settledReason },
    ],
  ])('%s', (_case, entry, pendingEntry, outcome, expected) => {
    expect(counterView(entry, pendingEntry, outcome)).toEqual(expected);
  });
});

describe('isMachineDone', () => {
  it.each<[string, CounterView[], boolean]>([
    ['all entered or waiting', [{ state: 'entered', value: 1, enteredAt }, { state: 'pending', value: 2 }], true],
    ['to check and sent count as done', [{ state: 'to_check', value: 1, enteredAt, reason: firstReading }, { state: 'sent', value: 2, enteredAt }], true],
    ['one counter still to enter', [{ state: 'entered', value: 1, enteredAt }, { state: 'to_enter' }], false],
    ['a refused value is not a reading', [{ state: 'refused', value: 1, reason: belowLast }], false],
    ['a value the dealer settled is done', [{ state: 'settled', value: 1, enteredAt, refusal: null }], true],
  ])('%s: %s', (_case, views, done) => {
    expect(isMachineDone(views)).toBe(done);
  });
});

describe('isEditable', () => {
  it.each<[CounterView, boolean]>([
    [{ state: 'to_enter' }, true],
    [{ state: 'to_check', value: 1, enteredAt, reason: firstReading }, true],
    [{ state: 'refused', value: 1, reason: belowLast }, true],
    [{ state: 'sent', value: 1, enteredAt }, false],
    [{ state: 'settled', value: 1, enteredAt, refusal: null }, false],
  ])('%j: %s', (view, editable) => {
    expect(isEditable(view)).toBe(editable);
  });
});

describe('latestPendingByCounter', () => {
  it('keeps the newest entry per counter', () => {
    const latest = latestPendingByCounter([pending('a', 1), pending('b', 2, ricohColour, 'colour'), pending('c', 3)]);
    expect(latest.get(counterKey(ricohMono, 'mono'))?.clientId).toBe('c');
    expect(latest.get(counterKey(ricohColour, 'colour'))?.clientId).toBe('b');
    expect(latest.size).toBe(2);
  });
});

describe('applyResults', () => {
  const sent = [pending('a', 358_965), pending('b', 12, ricohColour, 'colour'), pending('c', 50_000, ricohColour, 'mono')];
  const results: MeterEntryResult[] = [
    { clientId: 'a', status: 'saved', entry: { state: 'entered', value: 358_965, enteredAt } },
    { clientId: 'b', status: 'refused', reason: belowLast },
    { clientId: 'stranger', status: 'saved', entry: { state: 'entered', value: 9, enteredAt } },
  ];

  it('stores saved states, remembers refusals and answers only the ids it sent and got a result for', () => {
    const applied = applyResults(seedPage(), sent, results);
    expect(applied.page.machines[0]?.counters[0]?.entry).toEqual({ state: 'entered', value: 358_965, enteredAt });
    expect(applied.page.machines[1]?.counters[0]?.entry).toEqual({ state: 'to_enter' });
    expect(applied.outcomes).toEqual(
      new Map([
        [counterKey(ricohMono, 'mono'), null],
        [counterKey(ricohColour, 'colour'), { kind: 'refused', value: 12, reason: belowLast }],
      ]),
    );
    expect(applied.answered).toEqual(['a', 'b']);
    expect(applied.needsReload).toBe(false);
  });

  it('asks for a reload after a rejection and leaves the page it was given untouched', () => {
    const page = seedPage();
    const applied = applyResults(page, sent, [{ clientId: 'c', status: 'rejected', error: { code: 'locked', message: 'sent' } }]);
    expect(applied.needsReload).toBe(true);
    expect(applied.outcomes.get(counterKey(ricohColour, 'mono'))).toEqual({ kind: 'rejected', value: 50_000, code: 'locked', message: 'sent' });
    expect(page).toEqual(seedPage());
  });

  it('asks for a reload when the dealer settled the counter since the page was loaded', () => {
    const applied = applyResults(seedPage(), sent, [{ clientId: 'a', status: 'refused', reason: settledReason }]);
    expect(applied.outcomes.get(counterKey(ricohMono, 'mono'))).toEqual({ kind: 'refused', value: 358_965, reason: settledReason });
    expect(applied.needsReload).toBe(true);
  });

  it('lets the later of two answers for one counter win', () => {
    const applied = applyResults(seedPage(), [pending('a', 1), pending('b', 400_000)], [
      { clientId: 'a', status: 'refused', reason: belowLast },
      { clientId: 'b', status: 'saved', entry: { state: 'to_check', value: 400_000, enteredAt, reason: firstReading } },
    ]);
    expect(applied.outcomes.get(counterKey(ricohMono, 'mono'))).toBeNull();
    expect(applied.page.machines[0]?.counters[0]?.entry.state).toBe('to_check');
  });
});

describe('parseCounterInput', () => {
  it.each<[string, ReturnType<typeof parseCounterInput>]>([
    ['358965', { ok: true, value: 358_965 }],
    [' 358 965 ', { ok: true, value: 358_965 }],
    ["358'965", { ok: true, value: 358_965 }],
    ['358\u202f965', { ok: true, value: 358_965 }],
    ['0', { ok: true, value: 0 }],
    ['', { ok: 'empty' }],
    ['   ', { ok: 'empty' }],
    ['358.965', { ok: false, reason: { code: 'not_integer', params: {} } }],
    ['12,5', { ok: false, reason: { code: 'not_integer', params: {} } }],
    ['1e5', { ok: false, reason: { code: 'not_integer', params: {} } }],
    ['-4', { ok: false, reason: { code: 'negative', params: {} } }],
  ])('%j', (text, expected) => {
    expect(parseCounterInput(text)).toEqual(expected);
  });
});

describe('brandTheme', () => {
  it.each<[string | null, ReturnType<typeof brandTheme>]>([
    ['#E30613', { brand: '#e30613', contrast: '#ffffff' }],
    ['#1d4f7c', { brand: '#1d4f7c', contrast: '#ffffff' }],
    ['#ffd400', { brand: '#ffd400', contrast: '#1b1f24' }],
    ['red', null],
    ['#fff', null],
    ['#e30613;background:url(x)', null],
    [null, null],
  ])('%j', (colour, expected) => {
    expect(brandTheme(colour)).toEqual(expected);
  });
});

describe('dealerFromErrorDetails', () => {
  it.each<[string, Record<string, unknown> | undefined, ReturnType<typeof dealerFromErrorDetails>]>([
    ['no details', undefined, null],
    ['a null dealer', { dealer: null }, null],
    ['a dealer without name', { dealer: { phone: '1' } }, null],
    [
      'a dealer, dropping fields of the wrong type and empty ones',
      { dealer: { name: 'Devillard', phone: '+41 848 912 912', email: 42, website: '', logoUrl: null, brandColour: '#e30613', boss: 'x' } },
      { name: 'Devillard', phone: '+41 848 912 912', email: null, website: null, logoUrl: null, brandColour: '#e30613' },
    ],
  ])('%s', (_case, details, expected) => {
    expect(dealerFromErrorDetails(details)).toEqual(expected);
  });
});
