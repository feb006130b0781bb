import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { MaintenanceRequest, SyncBatchResponse, SyncOp, SyncOutcome, SyncResult } from '@parc/shared/contracts/tickets';
import { runBatch, type BatchPort } from '@parc/shared/sync/index';
import { entityKeyOf } from '@parc/shared/tickets/sync-ops';
import type { ApiResult } from '../api/client.ts';
import { createFakeNetworkStatus } from '../platform/network.fake.ts';
import { openIdbStorage } from '../platform/storage.idb.ts';
import type { LocalStorage } from '../platform/storage.ts';
import { createTechSync, type TechSyncApi } from './tech-sync.ts';
import { deviceId, requestId, sampleBundle, sampleRequest } from './tech-sync.testing.ts';

type Answer = (op: SyncOp) => SyncResult;
const applied: Answer = (op) => ({
  opId: op.opId,
  status: 'applied',
  request: null,
  reading: op.kind === 'reading' ? { id: '55555555-5555-4555-8555-555555555555', verdict: 'ok', reason: null } : null,
});

/**
 * The server double, batching with the shared rules: a resend is `duplicate`, an op behind a
 * conflict on its request in the same batch is held back (`blockedBy`). Its day bundle shows `current`.
 */
function fakeServer() {
  const batches: SyncOp[][] = [];
  const answered = new Map<string, SyncOutcome>();
  let answer: Answer = applied;
  let reachable = true;
  let loseAnswer = false;
  let current = sampleRequest();
  let inDay = true;
  let hook = async (): Promise<unknown> => undefined;
  let bundleCount = 0;
  let largestBatch = Infinity;
  const port: BatchPort<SyncOp, SyncOutcome> = {
    recall: async (opId) => answered.get(opId),
    async apply(op) {
      const { opId: _opId, ...outcome } = answer(op) as Exclude<SyncResult, { status: 'duplicate' }>;
      answered.set(op.opId, outcome);
      return outcome;
    },
    blocked: async (_op, blockedBy) => ({ status: 'conflict', fields: [], blockedBy, server: current }),
  };
  const api: TechSyncApi = {
    async bundle() {
      bundleCount += 1;
      return reachable ? { ok: true, data: { ...sampleBundle(), requests: inDay ? [current] : [] } } : { ok: false, error: { code: 'offline', message: 'offline' } };
    },
    async sync(batch): Promise<ApiResult<SyncBatchResponse>> {
      if (!reachable) return { ok: false, error: { code: 'offline', message: 'offline' } };
      if (batch.ops.length > largestBatch) return { ok: false, error: { code: 'too_large', message: 'The request is larger than 24 MB' } };
      batches.push(batch.ops);
      const results = (await runBatch(batch.ops, port, entityKeyOf)) as SyncResult[];
      await hook();
      if (loseAnswer) {
        loseAnswer = false;
        return { ok: false, error: { code: 'offline', message: 'connection lost after the server committed' } };
      }
      return { ok: true, data: { serverTime: '2026-03-02T10:00:00.000Z', results } };
    },
  };
  return {
    api,
    batches,
    sentIds: () => batches.flat().map((op) => op.opId),
    appliedIds: () => [...answered.keys()],
    bundleCount: () => bundleCount,
    answerWith: (next: Answer) => (answer = next),
    setReachable: (next: boolean) => (reachable = next),
    loseNextAnswer: () => (loseAnswer = true),
    /** The server's body limit: a batch of photos can exceed it where each op fits. */
    refuseBatchesOver: (ops: number) => (largestBatch = ops),
    beforeAnswer: (next: () => Promise<unknown>) => (hook = next),
    /** The partner changed the request meanwhile. */
    setCurrent: (request: MaintenanceRequest) => (current = request),
    /** The partner closed or reassigned the request: the day no longer has it. */
    leaveDay: () => (inDay = false),
  };
}

let databaseCount = 0;

async function setUp(options: { online?: boolean; storage?: LocalStorage; server?: ReturnType<typeof fakeServer> } = {}) {
  const server = options.server ?? fakeServer();
  const storage = options.storage ?? (await openIdbStorage(`parc-tech-sync-${++databaseCount}`));
  const network = createFakeNetworkStatus(options.online ?? true);
  let idCount = 0;
  const sync = createTechSync({
    owner: 'tech-1',
    api: server.api,
    storage,
    network,
    newId: () => `00000000-0000-4000-8000-${String(++idCount).padStart(12, '0')}`,
    now: () => new Date(Date.UTC(2026, 2, 2, 10, 0, 0)),
  });
  return { server, storage, network, sync };
}

const transition = { kind: 'request.transition', requestId, baseVersion: 1, to: 'in_progress', comment: 'On site', visibility: 'internal' } as const;
const note = { kind: 'request.note', requestId, text: 'Fuser replaced', visibility: 'internal' } as const;
const reading = { kind: 'reading', deviceId, counter: 'mono', value: 1200, takenAt: '2026-03-02T10:00:00.000Z' } as const;
const counterReset: Omit<Extract<SyncOp, { kind: 'counter.reset' }>, 'opId' | 'createdAt'> = {
  kind: 'counter.reset',
  deviceId,
  resetKind: 'board_replaced',
  at: '2026-03-02T10:00:00.000Z',
  counters: [{ counter: 'mono', finalValue: 1250, startValue: 0 }],
  note: 'New board',
  requestId,
};

describe('the technician sync engine', () => {
  it('keeps changes made offline, shows them at once, and sends them in order once online', async () => {
    const { server, network, sync } = await setUp();
    await sync.start();
    network.set(false);
    const made = [await sync.record(transition), await sync.record(note), await sync.record(reading)];
    expect(server.batches).toEqual([]);
    expect(sync.state.pending).toHaveLength(3);
    expect(sync.view()?.requests[0]?.state).toBe('in_progress');
    expect(sync.view()?.devices[0]?.counters[0]?.lastValue).toBe(1200);

    network.set(true);
    await sync.syncNow();
    expect(server.sentIds()).toEqual(made.map((op) => op.opId));
    expect(sync.state.pending).toEqual([]);
    expect(sync.state.lastSyncAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('sends a batch the server finds too large one op at a time, losing nothing', async () => {
    const { server, network, sync } = await setUp();
    await sync.start();
    network.set(false);
    const made = [await sync.record(transition), await sync.record(note), await sync.record(reading)];
    server.refuseBatchesOver(1);
    network.set(true);
    await sync.syncNow();
    expect(server.batches.map((batch) => batch.length)).toEqual([1, 1, 1]);
    expect(server.sentIds()).toEqual(made.map((op) => op.opId));
    expect(sync.state.pending).toEqual([]);
    expect(sync.state.error).toBeNull();
  });

  it('forgets an op only after the server answered; a resend after a lost answer is a harmless duplicate', async () => {
    const { server, storage, sync } = await setUp();
    await sync.start();
    const queuedAtSend: string[][] = [];
    server.beforeAnswer(async () => queuedAtSend.push((await storage.listPending()).map((item) => item.id)));
    server.loseNextAnswer();
    const op = await sync.record(reading);
    await sync.syncNow();

    // The first answer was lost after the server committed: the op was still queued when sent again.
    expect(server.sentIds()).toEqual([op.opId, op.opId]);
    expect(queuedAtSend).toEqual([[op.opId], [op.opId]]);
    expect(server.appliedIds()).toEqual([op.opId]);
    expect(await storage.listPending()).toEqual([]);
    expect(sync.state.records).toMatchObject([{ opId: op.opId, outcome: 'reading', verdict: 'ok' }]);
  });

  it('keeps a conflict with both versions, holds later changes to that request, and resolves "keep mine" on the server version', async () => {
    const { server, network, sync } = await setUp();
    await sync.start();
    const theirs = sampleRequest({ state: 'done', version: 3 });
    server.setCurrent(theirs);
    network.set(false);
    server.answerWith((op) => (op.kind === 'request.transition' ? { opId: op.opId, status: 'conflict', fields: ['state'], blockedBy: null, server: theirs } : applied(op)));
    const mine = await sync.record(transition);
    const later = await sync.record({ ...transition, to: 'done', comment: 'Finished' });
    const addition = await sync.record(note);
    network.set(true);
    await sync.syncNow();

    expect(sync.state.conflicts).toHaveLength(1);
    expect(sync.state.conflicts[0]).toMatchObject({ op: { opId: mine.opId, to: 'in_progress' }, detail: { server: { state: 'done', version: 3 } } });
    // The second transition was held back behind the conflict and stays queued; the note went through.
    expect(server.appliedIds()).not.toContain(later.opId);
    expect(server.appliedIds()).toContain(addition.opId);
    expect(sync.state.pending.map((op) => op.opId)).toEqual([later.opId]);

    server.answerWith(applied);
    await sync.resolve(mine.opId, 'mine');
    await sync.syncNow();
    const resent = server.batches.flat().filter((op) => op.kind === 'request.transition');
    // Sent, held back by the server, sent again behind the rebased op: on its own client's change it no longer conflicts.
    expect(resent.map((op) => [op.kind === 'request.transition' && op.to, 'baseVersion' in op && op.baseVersion])).toEqual([
      ['in_progress', 1],
      ['done', 1],
      ['in_progress', 3],
      ['done', 1],
    ]);
    expect(sync.state.conflicts).toEqual([]);
    expect(sync.state.pending).toEqual([]);
  });

  it('drops the change on "keep theirs" with a record, never silently', async () => {
    const { server, sync } = await setUp();
    await sync.start();
    server.setCurrent(sampleRequest({ state: 'done', version: 2 }));
    server.answerWith((op) => ({ opId: op.opId, status: 'conflict', fields: ['state'], blockedBy: null, server: sampleRequest({ state: 'done', version: 2 }) }));
    const mine = await sync.record(transition);
    await sync.syncNow();
    await sync.resolve(mine.opId, 'theirs');
    expect(sync.state.conflicts).toEqual([]);
    expect(sync.state.records).toMatchObject([{ opId: mine.opId, outcome: 'dropped' }]);
    expect(sync.view()?.requests[0]?.state).toBe('done');
    await sync.dismiss(mine.opId);
    expect(sync.state.records).toEqual([]);
  });

  it('shows a reading\'s plausibility and a rejection once answered', async () => {
    const belowLast = { code: 'below_last', params: { lastValue: 9500, lastDate: '2026-11-19', otherCounter: null } } as const;
    const firstReading = { code: 'first_reading', params: {} } as const;
    const { server, sync } = await setUp();
    await sync.start();
    server.answerWith((op) =>
      op.kind === 'reading' && op.value > 5000
        ? { opId: op.opId, status: 'rejected', code: 'reading_refused', reason: 'Below the last reading', readingReason: belowLast }
        : { opId: op.opId, status: 'applied', request: null, reading: { id: '55555555-5555-4555-8555-555555555555', verdict: 'to_check', reason: firstReading } },
    );
    const checked = await sync.record(reading);
    const refused = await sync.record({ ...reading, value: 9000 });
    await sync.syncNow();
    expect(sync.state.records).toMatchObject([
      { opId: refused.opId, outcome: 'rejected', code: 'reading_refused', readingReason: belowLast },
      { opId: checked.opId, outcome: 'reading', verdict: 'to_check', reason: firstReading },
    ]);
  });
});

describe('a change the server refused', () => {
  it('is kept with the request as the server answered and why; the request stays on the list until read', async () => {
    const { server, sync } = await setUp();
    await sync.start();
    const closed = sampleRequest({ state: 'rejected', version: 4 });
    server.answerWith((op) => ({ opId: op.opId, status: 'rejected', code: 'conflict', reason: 'A request cannot go from rejected to in_progress.', server: closed, keptAsNote: true }));
    server.leaveDay();
    const op = await sync.record(transition);
    await sync.syncNow();
    expect(sync.state.records).toMatchObject([{ opId: op.opId, outcome: 'rejected', code: 'conflict', keptAsNote: true, request: { state: 'rejected', version: 4 }, op: { comment: 'On site' } }]);
    // The day no longer has it, the list still does.
    expect(sync.state.bundle?.requests).toEqual([]);
    expect(sync.view()?.requests.map((request) => [request.id, request.state])).toEqual([[requestId, 'rejected']]);
    await sync.dismiss(op.opId);
    expect(sync.view()?.requests).toEqual([]);
  });

  it('keeps the phone’s copy of the request when the server sends none', async () => {
    const { server, sync } = await setUp();
    await sync.start();
    server.answerWith((op) => ({ opId: op.opId, status: 'rejected', code: 'not_found', reason: 'No such maintenance request.' }));
    server.leaveDay();
    const op = await sync.record(note);
    await sync.syncNow();
    expect(sync.state.records).toMatchObject([{ opId: op.opId, outcome: 'rejected', code: 'not_found', request: { id: requestId, state: 'unresolved' } }]);
    expect(sync.state.records[0]).not.toHaveProperty('keptAsNote');
    expect(sync.view()?.requests.map((request) => request.id)).toEqual([requestId]);
  });
});

describe('a counter reset declared on site', () => {
  it('is kept offline, shown at once, sent once, and told as declared', async () => {
    const { server, network, sync } = await setUp();
    await sync.start();
    network.set(false);
    const op = await sync.record(counterReset);
    expect(sync.view()?.devices[0]?.counters[0]).toEqual({ kind: 'mono', lastValue: 0, lastTakenAt: '2026-03-02T10:00:00.000Z' });
    expect(sync.view()?.devices[0]?.history[0]).toMatchObject({ kind: 'counter_reset', at: '2026-03-02T10:00:00.000Z', requestId });

    network.set(true);
    await sync.syncNow();
    await sync.syncNow();
    expect(server.sentIds()).toEqual([op.opId]);
    expect(server.batches[0]).toEqual([{ ...counterReset, opId: op.opId, createdAt: op.createdAt }]);
    expect(sync.state.pending).toEqual([]);
    expect(sync.state.records).toMatchObject([{ opId: op.opId, outcome: 'applied' }]);
  });

  it('keeps a refusal with its reason and what was declared', async () => {
    const belowLast = { code: 'below_last', params: { lastValue: 1300, lastDate: '2026-03-01', otherCounter: null } } as const;
    const { server, sync } = await setUp();
    await sync.start();
    server.answerWith((op) => ({ opId: op.opId, status: 'rejected', code: 'reading_refused', reason: 'Sous le dernier relevé', readingReason: belowLast }));
    const op = await sync.record(counterReset);
    await sync.syncNow();
    expect(sync.state.records).toMatchObject([{ opId: op.opId, outcome: 'rejected', code: 'reading_refused', reason: 'Sous le dernier relevé', readingReason: belowLast, op: { counters: counterReset.counters } }]);
    // No longer queued: the view is the server's again.
    expect(sync.view()?.devices[0]?.counters[0]?.lastValue).toBe(1000);
  });

  it('downloads the day again once a device change went through, so the view does not fall back to the old counters', async () => {
    const { server, sync } = await setUp();
    await sync.start();
    const before = server.bundleCount();
    await sync.record(counterReset);
    await vi.waitFor(() => expect(server.bundleCount()).toBe(before + 1));
    await sync.record(note);
    await vi.waitFor(() => expect(sync.state.pending).toEqual([]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.bundleCount()).toBe(before + 1);
  });
});

describe('the technician sync engine across a reload', () => {
  it('sends what was queued before the reload, once, in order, and keeps the bundle for offline use', async () => {
    const name = `parc-tech-reload-${++databaseCount}`;
    const server = fakeServer();
    const first = await setUp({ storage: await openIdbStorage(name), server });
    await first.sync.start();
    first.network.set(false);
    const ops = [await first.sync.record(transition), await first.sync.record(note)];
    first.sync.dispose();
    first.storage.close();

    // The phone reloads with no network: the bundle and the queue come back from IndexedDB.
    server.setReachable(false);
    const second = await setUp({ storage: await openIdbStorage(name), server, online: false });
    await second.sync.start();
    expect(second.sync.state.status).toBe('ready');
    expect(second.sync.view()?.requests[0]?.state).toBe('in_progress');
    expect(second.sync.state.pending.map((op) => op.opId)).toEqual(ops.map((op) => op.opId));

    server.setReachable(true);
    second.network.set(true);
    await second.sync.syncNow();
    await second.sync.syncNow();
    expect(server.sentIds()).toEqual(ops.map((op) => op.opId));
    expect(second.sync.state.pending).toEqual([]);
  });
});
