import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../sync/tech-sync.ts';
import type { LocalOp } from '../../sync/tech-ops.ts';
import { draftOf, emptyResetDraft, parseCount, resetChange, resetRows, resetStatus, type ResetOp, type ResetState } from './counter-reset.ts';

const deviceId = 'd1';
const requestId = 'r1';
const at = '2026-03-02T10:00:00.000Z';
const counters = [
  { kind: 'mono' as const, lastValue: 1250, lastTakenAt: at },
  { kind: 'colour' as const, lastValue: null, lastTakenAt: null },
];
const target = { deviceId, requestId, at };

const reset = (opId: string, finalValue = 1250): ResetOp => ({
  kind: 'counter.reset',
  opId,
  createdAt: at,
  deviceId,
  resetKind: 'counter_reset',
  at,
  counters: [{ counter: 'mono', finalValue, startValue: 0 }],
  note: null,
  requestId,
});

describe('resetRows', () => {
  it('prefills every counter with its last known value and a start at 0', () => {
    expect(resetRows(counters, {})).toEqual([
      { counter: 'mono', included: true, finalValue: '1250', startValue: '0' },
      { counter: 'colour', included: true, finalValue: '', startValue: '0' },
    ]);
  });

  it('keeps what was typed over the prefill', () => {
    expect(resetRows(counters, { mono: { finalValue: '1300' }, colour: { included: false } })).toEqual([
      { counter: 'mono', included: true, finalValue: '1300', startValue: '0' },
      { counter: 'colour', included: false, finalValue: '', startValue: '0' },
    ]);
  });
});

describe('parseCount', () => {
  it.each<[string, number | null]>([
    ['0', 0],
    ['1250', 1250],
    ['1 250', 1250],
    ["1'250", 1250],
    ['', null],
    ['-3', null],
    ['1.5', null],
    ['12a', null],
    ['99999999999', null],
  ])('%j → %j', (text, value) => expect(parseCount(text)).toBe(value));
});

describe('resetChange', () => {
  it('builds the op of the included counters, linked to the request, at the moment given', () => {
    const draft = { ...emptyResetDraft(), resetKind: 'board_replaced' as const, note: '  New board  ' };
    const rows = resetRows(counters, { colour: { finalValue: '480', startValue: '2' } });
    expect(resetChange(draft, rows, target)).toEqual({
      ok: true,
      change: {
        kind: 'counter.reset',
        deviceId,
        resetKind: 'board_replaced',
        at,
        counters: [
          { counter: 'mono', finalValue: 1250, startValue: 0 },
          { counter: 'colour', finalValue: 480, startValue: 2 },
        ],
        note: 'New board',
        requestId,
      },
    });
  });

  it('leaves out the request when not linked, an empty note, and the counters not included', () => {
    const rows = resetRows(counters, { colour: { included: false } });
    const result = resetChange({ ...emptyResetDraft(), linkRequest: false, note: '   ' }, rows, target);
    expect(result).toEqual({ ok: true, change: { kind: 'counter.reset', deviceId, resetKind: 'counter_reset', at, counters: [{ counter: 'mono', finalValue: 1250, startValue: 0 }], note: null } });
  });

  it.each<[string, Parameters<typeof resetRows>[1], unknown]>([
    ['no counter', { mono: { included: false }, colour: { included: false } }, { code: 'noCounter' }],
    ['an unknown final value', {}, { code: 'invalidValue', counter: 'colour' }],
    ['an empty start value', { mono: { startValue: '' }, colour: { included: false } }, { code: 'invalidValue', counter: 'mono' }],
    ['a negative value', { mono: { finalValue: '-1' }, colour: { included: false } }, { code: 'invalidValue', counter: 'mono' }],
  ])('refuses %s', (_case, edits, error) => {
    expect(resetChange(emptyResetDraft(), resetRows(counters, edits), target)).toEqual({ ok: false, error });
  });
});

describe('draftOf', () => {
  it('puts a declared op back in the form as typed, for a correction', () => {
    const op = { ...reset('a'), resetKind: 'board_replaced' as const, note: 'Swapped', counters: [{ counter: 'colour' as const, finalValue: 480, startValue: 5 }] };
    const draft = draftOf(op, counters, requestId);
    expect(draft).toMatchObject({ resetKind: 'board_replaced', note: 'Swapped', linkRequest: true });
    expect(resetRows(counters, draft.edits)).toEqual([
      { counter: 'mono', included: false, finalValue: '1250', startValue: '0' },
      { counter: 'colour', included: true, finalValue: '480', startValue: '5' },
    ]);
    const again = resetChange(draft, resetRows(counters, draft.edits), { ...target, at: '2026-03-02T11:00:00.000Z' });
    expect(again.ok && again.change.counters).toEqual(op.counters);
    expect(draftOf({ ...op, requestId: undefined }, counters, requestId).linkRequest).toBe(false);
  });
});

describe('resetStatus', () => {
  const reading: LocalOp = { kind: 'reading', opId: 'x', createdAt: at, deviceId, counter: 'mono', value: 10, takenAt: at };
  it.each<[string, LocalOp[], SyncRecord[], ResetState | null, number | null]>([
    ['nothing declared here', [reading], [], null, null],
    ['queued', [reset('a', 1250)], [], 'pending', 1250],
    ['queued again after an answer', [reset('b', 1300)], [{ opId: 'a', op: reset('a'), at, outcome: 'applied' }], 'pending', 1300],
    ['declared', [], [{ opId: 'a', op: reset('a', 1250), at, outcome: 'applied' }], 'declared', 1250],
    ['refused', [], [{ opId: 'a', op: reset('a', 900), at, outcome: 'rejected', code: 'reading_refused', reason: 'below' }], 'refused', 900],
    ['the newest record wins', [], [
      { opId: 'b', op: reset('b', 1300), at, outcome: 'applied' },
      { opId: 'a', op: reset('a', 900), at, outcome: 'rejected', code: 'reading_refused', reason: 'below' },
    ], 'declared', 1300],
    ['another device does not count', [{ ...reset('a'), deviceId: 'd2' }], [], null, null],
  ])('%s', (_case, pending, records, state, finalValue) => {
    const status = resetStatus(deviceId, pending, records);
    expect(status?.state ?? null).toBe(state);
    expect(status?.op.counters[0]?.finalValue ?? null).toBe(finalValue);
  });

  it('keeps the refusal with its structured reason', () => {
    const readingReason = { code: 'below_last', params: { lastValue: 1250, lastDate: '2026-03-01', otherCounter: null } } as const;
    const status = resetStatus(deviceId, [], [{ opId: 'a', op: reset('a', 900), at, outcome: 'rejected', code: 'reading_refused', reason: 'Below the last reading', readingReason }]);
    expect(status).toMatchObject({ state: 'refused', code: 'reading_refused', reason: 'Below the last reading', readingReason });
  });
});
