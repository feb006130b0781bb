import type { SyncOp, SyncOutcome } from '../contracts/tickets.ts';
import type { Outbox } from '../sync/queue.ts';

/** The technician app's outbox of sync ops. */
export type TechOutbox = Outbox<SyncOp, SyncOutcome>;

/** Ops that change a request's fields conflict and wait behind each other; ops that only add never do. */
export function entityKeyOf(op: SyncOp): string | null {
  return op.kind === 'request.transition' || op.kind === 'request.edit' ? `request:${op.requestId}` : null;
}

/** "Keep mine": the same change again, based on the version the server answered with, under a new opId. */
export function rebaseOp<Op extends SyncOp>(op: Op, serverVersion: number, opId: string, createdAt: string): Op {
  return 'baseVersion' in op ? { ...op, opId, createdAt, baseVersion: serverVersion } : { ...op, opId, createdAt };
}
