import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../sync/tech-sync.ts';
import type { LocalOp } from '../../sync/tech-ops.ts';
import { readingReasonText, readingStatus, type ReadingState } from './tech.format.ts';

const deviceId = 'd1';
const reading = (opId: string, value: number, counter: 'mono' | 'colour' = 'mono'): LocalOp => ({
  kind: 'reading',
  opId,
  createdAt: '2026-03-02T10:00:00.000Z',
  deviceId,
  counter,
  value,
  takenAt: '2026-03-02T10:00:00.000Z',
});
const at = '2026-03-02T10:00:00.000Z';

describe('readingStatus', () => {
  it.each<[string, LocalOp[], SyncRecord[], ReadingState | null, number | null]>([
    ['nothing taken here', [], [], null, null],
    ['queued', [reading('a', 10)], [], 'pending', 10],
    ['queued again after an answer', [reading('b', 12)], [{ opId: 'a', op: reading('a', 10), at, outcome: 'reading', verdict: 'ok', reason: null }], 'pending', 12],
    ['entered', [], [{ opId: 'a', op: reading('a', 10), at, outcome: 'reading', verdict: 'ok', reason: null }], 'entered', 10],
    ['to check', [], [{ opId: 'a', op: reading('a', 10), at, outcome: 'reading', verdict: 'to_check', reason: null }], 'to_check', 10],
    ['refused', [], [{ opId: 'a', op: reading('a', 5), at, outcome: 'rejected', code: 'reading_refused', reason: 'below' }], 'refused', 5],
    ['the newest record wins', [], [
      { opId: 'b', op: reading('b', 11), at, outcome: 'reading', verdict: 'ok', reason: null },
      { opId: 'a', op: reading('a', 5), at, outcome: 'rejected', code: 'reading_refused', reason: 'below' },
    ], 'entered', 11],
    ['another counter does not count', [reading('a', 10, 'colour')], [], null, null],
  ])('%s', (_case, pending, records, state, value) => {
    const status = readingStatus(deviceId, 'mono', pending, records);
    expect(status?.state ?? null).toBe(state);
    expect(status?.value ?? null).toBe(value);
  });
});

describe('readingReasonText', () => {
  it.each<[unknown, string | null]>([
    [{ code: 'below_last', params: { lastValue: 1200, lastDate: '2026-02-01', otherCounter: null } }, 'contains:1200'],
    ['below_last', null],
    [null, null],
    ['', null],
    [{ code: 'unknown_code', params: {} }, null],
  ])('renders %j', (reason, expected) => {
    const text = readingReasonText(reason, 'fr');
    if (expected?.startsWith('contains:')) expect(text).toContain(expected.slice('contains:'.length));
    else expect(text).toBe(expected);
  });
});
