import { describe, expect, it } from 'vitest';
import type { TechBundle } from '@parc/shared/contracts/tickets';
import { applyOp, localView, noticesOf, withUnread } from './local-view.ts';
import type { LocalOp } from './tech-ops.ts';
import type { SyncRecord } from './tech-sync.ts';
import { deviceId, requestId, sampleBundle, sampleRequest } from './tech-sync.testing.ts';

const otherDeviceId = '66666666-6666-4666-8666-666666666666';

/** The sample day with a colour counter and a second device that nothing here touches. */
function bundle(): TechBundle {
  const base = sampleBundle();
  const device = base.devices[0]!;
  return {
    ...base,
    devices: [
      {
        ...device,
        counters: [...device.counters, { kind: 'colour', lastValue: 400, lastTakenAt: '2026-02-01T08:00:00.000Z' }],
        history: [{ kind: 'reading', at: '2026-02-01T08:00:00.000Z', requestId: null, counter: 'mono', value: 1000, source: 'technician' }],
      },
      { ...device, id: otherDeviceId, counters: [{ kind: 'mono', lastValue: 77, lastTakenAt: null }], history: [] },
    ],
  };
}

const reset = (overrides: Partial<Extract<LocalOp, { kind: 'counter.reset' }>> = {}): LocalOp => ({
  kind: 'counter.reset',
  opId: '77777777-7777-4777-8777-777777777777',
  createdAt: '2026-03-02T10:00:00.000Z',
  deviceId,
  resetKind: 'board_replaced',
  at: '2026-03-02T10:00:00.000Z',
  counters: [{ counter: 'mono', finalValue: 1250, startValue: 0 }],
  note: null,
  requestId,
  ...overrides,
});

const reading = (value: number, takenAt: string): LocalOp => ({
  kind: 'reading',
  opId: '88888888-8888-4888-8888-888888888888',
  createdAt: takenAt,
  deviceId,
  counter: 'mono',
  value,
  takenAt,
});

const counters = (view: TechBundle, id = deviceId) => view.devices.find((device) => device.id === id)?.counters;

describe('a declared counter reset in the local view', () => {
  it('restarts the declared counters at their start value and leaves the others as they were', () => {
    const view = applyOp(bundle(), reset());
    expect(counters(view)).toEqual([
      { kind: 'mono', lastValue: 0, lastTakenAt: '2026-03-02T10:00:00.000Z' },
      { kind: 'colour', lastValue: 400, lastTakenAt: '2026-02-01T08:00:00.000Z' },
    ]);
    expect(counters(view, otherDeviceId)).toEqual([{ kind: 'mono', lastValue: 77, lastTakenAt: null }]);
  });

  it('restarts every counter a board replacement names, at any start value', () => {
    const view = applyOp(
      bundle(),
      reset({
        counters: [
          { counter: 'mono', finalValue: 1250, startValue: 12 },
          { counter: 'colour', finalValue: 480, startValue: 3 },
        ],
      }),
    );
    expect(counters(view)?.map((counter) => [counter.kind, counter.lastValue])).toEqual([
      ['mono', 12],
      ['colour', 3],
    ]);
  });

  it('adds a history entry, newest first, with the values, the note and the request', () => {
    const view = applyOp(
      bundle(),
      reset({
        counters: [
          { counter: 'mono', finalValue: 1250, startValue: 0 },
          { counter: 'colour', finalValue: 480, startValue: 0 },
        ],
        note: 'Main board swapped',
      }),
    );
    const history = view.devices[0]!.history;
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual({
      kind: 'counter_reset',
      at: '2026-03-02T10:00:00.000Z',
      requestId,
      counters: [
        { counter: 'mono', finalValue: 1250, startValue: 0 },
        { counter: 'colour', finalValue: 480, startValue: 0 },
      ],
      note: 'Main board swapped',
    });
    expect(applyOp(bundle(), reset({ requestId: undefined })).devices[0]!.history[0]?.requestId).toBeNull();
  });

  it('applies in queue order: a reading taken after the reset counts from the new start', () => {
    const view = localView(bundle(), [reading(1250, '2026-03-02T09:59:00.000Z'), reset(), reading(15, '2026-03-02T10:05:00.000Z')]);
    expect(counters(view)?.[0]).toEqual({ kind: 'mono', lastValue: 15, lastTakenAt: '2026-03-02T10:05:00.000Z' });
    expect(view.devices[0]!.history.map((entry) => (entry.kind === 'reading' ? `${entry.counter} ${entry.value}` : entry.kind))).toEqual(['mono 15', 'counter_reset', 'mono 1250', 'mono 1000']);
  });

  it('leaves the bundle it was given alone and ignores a device not in the day', () => {
    const day = bundle();
    const copy = structuredClone(day);
    applyOp(day, reset());
    expect(day).toEqual(copy);
    expect(applyOp(day, reset({ deviceId: '99999999-9999-4999-8999-999999999999' }))).toEqual(copy);
  });
});

describe('requests kept on the list until their notices are read', () => {
  const otherRequestId = '99999999-9999-4999-8999-999999999999';
  const at = '2026-03-02T10:00:00.000Z';
  const finish: LocalOp = { kind: 'request.transition', opId: 'a0000000-0000-4000-8000-000000000001', createdAt: at, requestId: otherRequestId, baseVersion: 2, to: 'done', comment: 'Drum replaced', visibility: 'internal' };
  const closed = sampleRequest({ id: otherRequestId, state: 'rejected', version: 5 });
  const older = sampleRequest({ id: otherRequestId, state: 'in_progress', version: 3 });
  const refused = (request?: typeof closed): SyncRecord => ({ opId: finish.opId, op: finish, at, outcome: 'rejected', code: 'conflict', reason: 'refused', ...(request ? { request } : {}) });
  const dropped: SyncRecord = { opId: 'a0000000-0000-4000-8000-000000000002', op: finish, at, outcome: 'dropped', server: older };
  const readingRefused: SyncRecord = { opId: 'a0000000-0000-4000-8000-000000000003', op: reading(5, at), at, outcome: 'rejected', code: 'reading_refused', reason: 'below' };

  it.each<[string, SyncRecord[], [string, string][]]>([
    ['no notice', [], [[requestId, 'unresolved']]],
    ['a refusal about a request that left the day', [refused(closed)], [[requestId, 'unresolved'], [otherRequestId, 'rejected']]],
    ['a refusal kept from an older version, with no request', [refused()], [[requestId, 'unresolved']]],
    ['a change dropped by "keep theirs"', [dropped], [[requestId, 'unresolved'], [otherRequestId, 'in_progress']]],
    ['two notices on one request: the newest copy', [refused(closed), dropped], [[requestId, 'unresolved'], [otherRequestId, 'rejected']]],
    ['a refused reading: not a request notice', [readingRefused], [[requestId, 'unresolved']]],
  ])('%s', (_case, records, shown) => {
    expect(withUnread(sampleBundle(), records).requests.map((request) => [request.id, request.state])).toEqual(shown);
  });

  it('keeps the day’s copy of a request still in the day', () => {
    const day = sampleBundle();
    const notice: SyncRecord = { ...refused(sampleRequest({ state: 'rejected' })), op: { ...finish, requestId } };
    expect(withUnread(day, [notice])).toBe(day);
  });

  it('finds the notices of one request', () => {
    expect(noticesOf(otherRequestId, [readingRefused, refused(closed), dropped]).map((record) => record.outcome)).toEqual(['rejected', 'dropped']);
    expect(noticesOf(requestId, [refused(closed)])).toEqual([]);
  });
});
