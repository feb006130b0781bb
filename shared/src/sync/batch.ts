/**
 * How the server answers a batch of queued ops, whatever they change. Ops run one after the other,
 * each in its own transaction (the `apply` port): one refused op never undoes the others, and a
 * response lost halfway leaves a committed prefix that the resent batch answers as duplicates.
 *
 *  - an op already recorded is answered `duplicate` with its first answer, and not run again
 *    (checked first: an op that ran is always answered from its record);
 *  - an op behind an earlier conflict on the same entity in this batch is not run nor recorded:
 *    it is answered `conflict` with `blockedBy`, and the client keeps it queued behind that conflict;
 *  - otherwise `apply` runs it and records its answer (applied, conflict or rejected) with it.
 */
export interface BatchOp {
  opId: string;
}

/** The record an op changes (`request:<id>`); null for ops that only add (readings, notes…) and never conflict. */
export type EntityKeyOf<Op> = (op: Op) => string | null;

export type Outcome = { status: 'applied' } | { status: 'conflict'; blockedBy?: string | null } | { status: 'rejected' };

export type BatchResult<O extends Outcome> = (O & { opId: string }) | { opId: string; status: 'duplicate'; original: O };

export interface BatchPort<Op extends BatchOp, O extends Outcome> {
  /** The recorded first answer of an op, if it was run before. */
  recall(opId: string): Promise<O | undefined>;
  /** Runs the op and records its answer atomically with its effects; must not record a blocked op. */
  apply(op: Op): Promise<O>;
  /** The answer for an op held behind `blockedBy` (the entity's current state); nothing is recorded. */
  blocked(op: Op, blockedBy: string): Promise<O>;
}

export async function runBatch<Op extends BatchOp, O extends Outcome>(ops: readonly Op[], port: BatchPort<Op, O>, entityKeyOf: EntityKeyOf<Op>): Promise<BatchResult<O>[]> {
  const conflictedEntities = new Map<string, string>();
  const results: BatchResult<O>[] = [];
  for (const op of ops) {
    const recalled = await port.recall(op.opId);
    const entity = entityKeyOf(op);
    const blocker = entity === null ? undefined : conflictedEntities.get(entity);
    let outcome: O;
    if (recalled) {
      outcome = recalled;
      results.push({ opId: op.opId, status: 'duplicate', original: recalled });
    } else if (blocker !== undefined) {
      outcome = await port.blocked(op, blocker);
      results.push({ ...outcome, opId: op.opId });
    } else {
      outcome = await port.apply(op);
      results.push({ ...outcome, opId: op.opId });
    }
    if (outcome.status === 'conflict' && entity !== null && !conflictedEntities.has(entity)) conflictedEntities.set(entity, op.opId);
  }
  return results;
}
