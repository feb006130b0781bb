/**
 * The client's outbox, as pure functions over an immutable list (the PWA stores it in IndexedDB).
 * Ops leave it only on an answer: applied, duplicate of an applied or rejected op, or rejected.
 * A conflict stays where it is until the person resolves it (keep mine / merge: a rebased op with a
 * new opId takes its place; keep theirs: it is removed by that explicit choice). Later ops on the
 * same entity wait behind it, so one entity's ops always reach the server in the order they were made.
 */
import type { BatchOp, BatchResult, EntityKeyOf, Outcome } from './batch.ts';

export interface QueueItem<Op extends BatchOp, O extends Outcome> {
  op: Op;
  /** The server's conflict answer while the person has not resolved it. */
  conflict: (O & { status: 'conflict' }) | null;
}
export type Outbox<Op extends BatchOp, O extends Outcome> = readonly QueueItem<Op, O>[];

export function enqueue<Op extends BatchOp, O extends Outcome>(outbox: Outbox<Op, O>, op: Op): Outbox<Op, O> {
  if (outbox.some((item) => item.op.opId === op.opId)) return outbox;
  return [...outbox, { op, conflict: null }];
}

/** The next ops to send, in order: pending ops not held behind an unresolved conflict on their entity. */
export function nextBatch<Op extends BatchOp, O extends Outcome>(outbox: Outbox<Op, O>, max: number, entityKeyOf: EntityKeyOf<Op>): Op[] {
  const held = new Set<string>();
  const batch: Op[] = [];
  for (const item of outbox) {
    const entity = entityKeyOf(item.op);
    if (item.conflict) {
      if (entity !== null) held.add(entity);
      continue;
    }
    if (entity !== null && held.has(entity)) continue;
    if (batch.length < max) batch.push(item.op);
  }
  return batch;
}

export interface Acknowledged<Op extends BatchOp, O extends Outcome> {
  outbox: Outbox<Op, O>;
  /** Ops that left the outbox with their (first) answer: show rejections to the person. */
  settled: { op: Op; outcome: O }[];
}

/** Applies the server's answers; answers for ops no longer queued (a late duplicate response) change nothing. */
export function acknowledge<Op extends BatchOp, O extends Outcome>(outbox: Outbox<Op, O>, results: readonly BatchResult<O>[]): Acknowledged<Op, O> {
  const answers = new Map(results.map((result) => [result.opId, result.status === 'duplicate' ? (result as { original: O }).original : (result as O)]));
  const settled: { op: Op; outcome: O }[] = [];
  const next: QueueItem<Op, O>[] = [];
  for (const item of outbox) {
    const outcome = answers.get(item.op.opId);
    if (!outcome || item.conflict) next.push(item);
    else if (outcome.status === 'conflict') next.push(outcome.blockedBy ? item : { op: item.op, conflict: outcome as O & { status: 'conflict' } });
    else settled.push({ op: item.op, outcome });
  }
  return { outbox: next, settled };
}

export type Resolution<Op> = { choice: 'theirs' } | { choice: 'mine'; op: Op };

/**
 * The person's answer to a conflict. `mine` (keep mine, or a merge they edited) puts the rebased op,
 * with a new opId, where the conflicted one was; `theirs` removes it.
 */
export function resolveConflict<Op extends BatchOp, O extends Outcome>(outbox: Outbox<Op, O>, opId: string, resolution: Resolution<Op>): Outbox<Op, O> {
  const index = outbox.findIndex((item) => item.op.opId === opId && item.conflict !== null);
  if (index < 0) return outbox;
  const replacement = resolution.choice === 'mine' ? [{ op: resolution.op, conflict: null }] : [];
  return [...outbox.slice(0, index), ...replacement, ...outbox.slice(index + 1)];
}

export function pendingCount<Op extends BatchOp, O extends Outcome>(outbox: Outbox<Op, O>): number {
  return outbox.filter((item) => !item.conflict).length;
}

export function conflicts<Op extends BatchOp, O extends Outcome>(outbox: Outbox<Op, O>): QueueItem<Op, O>[] {
  return outbox.filter((item) => item.conflict !== null);
}
