import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../sync/tech-sync.ts';
import type { LocalOp } from '../../sync/tech-ops.ts';
import { sampleRequest } from '../../sync/tech-sync.testing.ts';
import { lastStateChange, readingReasonText, readingStatus, refusalReason, type ReadingState, type RefusalReason } from './tech.format.ts';

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

describe('why a change to a request did not go through', () => {
  const requestId = '11111111-1111-4111-8111-111111111111';
  const finish: LocalOp = { kind: 'request.transition', opId: 'f', createdAt: at, requestId, baseVersion: 2, to: 'done', comment: 'Drum replaced', visibility: 'internal' };
  const note: LocalOp = { kind: 'request.note', opId: 'n', createdAt: at, requestId, text: 'Drum replaced', visibility: 'shared' };
  const rejected = sampleRequest({ state: 'rejected' });
  const refused = (op: LocalOp, code: string, request?: typeof rejected): SyncRecord => ({ opId: op.opId, op, at, outcome: 'rejected', code, reason: 'in English', ...(request ? { request } : {}) });

  it.each<[string, SyncRecord, RefusalReason]>([
    ['dropped by "keep theirs"', { opId: 'f', op: finish, at, outcome: 'dropped', server: rejected }, { kind: 'dropped' }],
    ['a change of state the moved request no longer allows', refused(finish, 'conflict', rejected), { kind: 'moved', state: 'rejected', to: 'done' }],
    ['a change of state a technician may no longer make', refused(finish, 'forbidden', rejected), { kind: 'moved', state: 'rejected', to: 'done' }],
    ['a change of state refused without the request (an older record)', refused(finish, 'conflict'), { kind: 'other', code: 'conflict' }],
    ['a note on a request reassigned to someone else', refused(note, 'not_found'), { kind: 'not_yours' }],
    ['a note refused for another reason', refused(note, 'bad_request', rejected), { kind: 'other', code: 'bad_request' }],
  ])('%s', (_case, record, reason) => {
    expect(refusalReason(record)).toEqual(reason);
  });

  it('finds who last moved the request', () => {
    const event = (id: string, kind: 'state' | 'note', comment: string) => ({ id, kind, at, authorName: 'Claire', comment, visibility: 'internal' as const, fromState: null, toState: null, technicianId: null, fields: [] });
    expect(lastStateChange(sampleRequest({ events: [event('1', 'state', 'Started'), event('2', 'state', 'Customer cancelled'), event('3', 'note', 'Call first')] }))?.comment).toBe('Customer cancelled');
    expect(lastStateChange(sampleRequest())).toBeUndefined();
    expect(lastStateChange(undefined)).toBeUndefined();
  });
});
