import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchPort, type BatchResult } from './batch.ts';
import { changeNow, mergeChange, type VersionedRecord } from './merge.ts';
import { acknowledge, enqueue, nextBatch, resolveConflict, type Outbox } from './queue.ts';

/**
 * A model of the whole loop: two app installations with their outboxes, a partner changing records
 * on the server, and a network that loses requests, loses responses and delivers twice. The server
 * side uses the same runBatch and mergeChange as the backend.
 */
type Fields = { a: number; b: number; c: number };
const FIELD_NAMES = ['a', 'b', 'c'] as const;
const ENTITIES = ['e1', 'e2'];

/** `add` ops only append (like notes and readings); `edit` ops change fields; `e9` does not exist (rejected). */
type Op = { opId: string; client: number; seq: number } & ({ kind: 'edit'; entity: string; baseVersion: number; changes: Partial<Fields> } | { kind: 'add'; entity: string });
type O = { status: 'applied'; version: number | null } | { status: 'conflict'; blockedBy: string | null; version: number } | { status: 'rejected'; reason: string };

const entityKeyOf = (op: Op) => (op.kind === 'edit' ? op.entity : null);

class ModelServer {
  records = new Map<string, VersionedRecord<Fields>>(ENTITIES.map((id) => [id, { version: 1, fields: { a: 0, b: 0, c: 0 }, stamps: {} }]));
  recorded = new Map<string, O>();
  /** Every op that took effect, in order. */
  log: Op[] = [];

  snapshot() {
    return JSON.stringify({ records: [...this.records], recorded: [...this.recorded], log: this.log.map((op) => op.opId) });
  }

  partnerChange(entity: string, changes: Partial<Fields>) {
    const merged = changeNow(this.records.get(entity)!, 'partner', changes);
    if (merged.status === 'applied') this.records.set(entity, merged.record);
  }

  private readonly port: BatchPort<Op, O> = {
    recall: async (opId) => this.recorded.get(opId),
    apply: async (op) => {
      const outcome = this.run(op);
      this.recorded.set(op.opId, outcome);
      if (outcome.status === 'applied') this.log.push(op);
      return outcome;
    },
    blocked: async (op, blockedBy) => ({ status: 'conflict', blockedBy, version: this.records.get((op as { entity: string }).entity)!.version }),
  };

  private run(op: Op): O {
    const record = this.records.get(op.entity);
    if (!record) return { status: 'rejected', reason: 'no such entity' };
    if (op.kind === 'add') return { status: 'applied', version: null };
    const merged = mergeChange(record, { baseVersion: op.baseVersion, by: `client:${op.client}`, changes: op.changes });
    if (merged.status === 'rejected') return { status: 'rejected', reason: merged.reason };
    if (merged.status === 'conflict') return { status: 'conflict', blockedBy: null, version: record.version };
    this.records.set(op.entity, merged.record);
    return { status: 'applied', version: merged.record.version };
  }

  receive(batch: Op[]): Promise<BatchResult<O>[]> {
    return runBatch(batch, this.port, entityKeyOf);
  }
}

type Fate = 'ok' | 'lost_request' | 'lost_response' | 'twice';
type Step =
  | { type: 'create'; client: number; entity: string; kind: 'edit' | 'add'; changes: Partial<Fields> }
  | { type: 'partner'; entity: string; changes: Partial<Fields> }
  | { type: 'send'; client: number; fate: Fate; max: number }
  | { type: 'resolve'; client: number; choice: 'mine' | 'theirs' };

const changesArb = fc.record({ a: fc.integer({ min: 0, max: 3 }), b: fc.integer({ min: 0, max: 3 }), c: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('create' as const), client: fc.integer({ min: 0, max: 1 }), entity: fc.constantFrom(...ENTITIES, 'e9'), kind: fc.constantFrom('edit' as const, 'add' as const), changes: changesArb }),
  fc.record({ type: fc.constant('partner' as const), entity: fc.constantFrom(...ENTITIES), changes: changesArb }),
  fc.record({ type: fc.constant('send' as const), client: fc.integer({ min: 0, max: 1 }), fate: fc.constantFrom<Fate>('ok', 'lost_request', 'lost_response', 'twice'), max: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ type: fc.constant('resolve' as const), client: fc.integer({ min: 0, max: 1 }), choice: fc.constantFrom('mine' as const, 'theirs' as const) }),
);

/** Where each op the client ever made ended, from the client's own point of view. */
type Fate_ = 'applied' | 'rejected' | 'replaced' | 'discarded';

class ModelClient {
  outbox: Outbox<Op, O> = [];
  known = new Map<string, number>(ENTITIES.map((id) => [id, 1]));
  made: Op[] = [];
  ended = new Map<string, Fate_>();
  private counter = 0;
  private seq = 0;
  constructor(readonly id: number) {}

  newOpId() {
    return `c${this.id}-${++this.counter}`;
  }

  create(step: Extract<Step, { type: 'create' }>) {
    const base = { opId: this.newOpId(), client: this.id, seq: ++this.seq };
    const op: Op = step.kind === 'add' ? { ...base, kind: 'add', entity: step.entity } : { ...base, kind: 'edit', entity: step.entity, baseVersion: this.known.get(step.entity) ?? 1, changes: step.changes };
    this.made.push(op);
    this.outbox = enqueue(this.outbox, op);
  }

  receive(results: BatchResult<O>[]) {
    const { outbox, settled } = acknowledge(this.outbox, results);
    this.outbox = outbox;
    for (const { op, outcome } of settled) {
      this.ended.set(op.opId, outcome.status === 'applied' ? 'applied' : 'rejected');
      if (outcome.status === 'applied' && outcome.version !== null) this.known.set(op.entity, Math.max(this.known.get(op.entity)!, outcome.version));
    }
    for (const item of this.outbox) if (item.conflict) this.known.set(item.op.entity, Math.max(this.known.get(item.op.entity)!, item.conflict.version));
  }

  resolveFirst(choice: 'mine' | 'theirs') {
    const item = this.outbox.find((candidate) => candidate.conflict);
    if (!item || item.op.kind !== 'edit' || !item.conflict || item.conflict.status !== 'conflict') return;
    if (choice === 'theirs') {
      this.ended.set(item.op.opId, 'discarded');
      this.outbox = resolveConflict(this.outbox, item.op.opId, { choice: 'theirs' });
      return;
    }
    // The rebased op keeps the order number of the one it replaces: it takes its place in the outbox.
    const rebased: Op = { ...item.op, opId: this.newOpId(), baseVersion: item.conflict.version };
    this.made.push(rebased);
    this.ended.set(item.op.opId, 'replaced');
    this.outbox = resolveConflict(this.outbox, item.op.opId, { choice: 'mine', op: rebased });
  }
}

async function play(steps: Step[]) {
  const server = new ModelServer();
  const clients = [new ModelClient(0), new ModelClient(1)];
  const deliver = async (client: ModelClient, fate: Fate, max: number) => {
    const batch = nextBatch(client.outbox, max, entityKeyOf);
    if (batch.length === 0 || fate === 'lost_request') return;
    const first = await server.receive(batch);
    if (fate === 'twice') {
      // (d) Replaying a batch changes nothing and answers the same, applied ops now as duplicates.
      const before = server.snapshot();
      const second = await server.receive(batch);
      expect(server.snapshot()).toBe(before);
      expect(second.map(answerOf)).toEqual(first.map(answerOf));
      client.receive(second);
    } else if (fate === 'ok') client.receive(first);
  };
  for (const step of steps) {
    if (step.type === 'create') clients[step.client]!.create(step);
    else if (step.type === 'partner') server.partnerChange(step.entity, step.changes);
    else if (step.type === 'send') await deliver(clients[step.client]!, step.fate, step.max);
    else clients[step.client]!.resolveFirst(step.choice);
  }
  // The network comes back for good; people resolve what conflicts (alternating their choices).
  for (let round = 0; round < 200 && clients.some((client) => client.outbox.length > 0); round++) {
    for (const client of clients) {
      client.resolveFirst(round % 2 === 0 ? 'mine' : 'theirs');
      await deliver(client, 'ok', 10);
    }
  }
  return { server, clients };
}

/** What a result says happened, duplicates seen through to their first answer. */
const answerOf = (result: BatchResult<O>) => (result.status === 'duplicate' ? result.original : (({ opId: _opId, ...rest }) => rest)(result));

describe('offline sync, any interleaving of ops, partner changes and network faults', () => {
  it('applies every op at most once, in order per client and entity, loses none, and replays idempotently', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 60 }), async (steps) => {
        const { server, clients } = await play(steps);
        const appliedIds = server.log.map((op) => op.opId);
        // (a) at most once
        expect(new Set(appliedIds).size).toBe(appliedIds.length);
        for (const client of clients) {
          // (b) in order: per entity, a client's ops took effect in the order they were made (a rebased op takes its original's place).
          for (const entity of [...ENTITIES, 'e9']) {
            const order = server.log.filter((op) => op.client === client.id && op.entity === entity && op.kind === 'edit').map((op) => op.seq);
            expect(order).toEqual([...order].sort((x, y) => x - y));
          }
          // (c) none lost: the outbox drained and every op ended applied, rejected with a reason, or by the person's choice.
          expect(client.outbox).toEqual([]);
          for (const op of client.made) {
            const ended = client.ended.get(op.opId);
            expect(ended, op.opId).toBeDefined();
            expect(appliedIds.includes(op.opId)).toBe(ended === 'applied');
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a lost response followed by a resend answers duplicate and applies nothing twice', async () => {
    const { server, clients } = await play([
      { type: 'create', client: 0, entity: 'e1', kind: 'edit', changes: { a: 1 } },
      { type: 'create', client: 0, entity: 'e1', kind: 'add', changes: {} },
      { type: 'send', client: 0, fate: 'lost_response', max: 5 },
      { type: 'send', client: 0, fate: 'ok', max: 5 },
    ]);
    expect(server.log.map((op) => op.opId)).toEqual(['c0-1', 'c0-2']);
    expect(clients[0]!.ended.get('c0-1')).toBe('applied');
  });

  it('a conflict holds the later ops on its entity until the person resolves it', async () => {
    const server = new ModelServer();
    const client = new ModelClient(0);
    client.create({ type: 'create', client: 0, entity: 'e1', kind: 'edit', changes: { a: 1 } });
    client.create({ type: 'create', client: 0, entity: 'e1', kind: 'edit', changes: { b: 2 } });
    client.create({ type: 'create', client: 0, entity: 'e2', kind: 'edit', changes: { a: 3 } });
    server.partnerChange('e1', { a: 2 });
    client.receive(await server.receive(nextBatch(client.outbox, 10, entityKeyOf)));
    expect(client.outbox.map((item) => [item.op.opId, item.conflict?.status ?? 'pending'])).toEqual([
      ['c0-1', 'conflict'],
      ['c0-2', 'pending'],
    ]);
    expect(nextBatch(client.outbox, 10, entityKeyOf)).toEqual([]);
    expect(server.records.get('e1')!.fields).toEqual({ a: 2, b: 0, c: 0 });
    client.resolveFirst('mine');
    client.receive(await server.receive(nextBatch(client.outbox, 10, entityKeyOf)));
    expect(server.records.get('e1')!.fields).toEqual({ a: 1, b: 2, c: 0 });
    expect(client.outbox).toEqual([]);
  });
});
