import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jobRuns } from '../../db/schema/index.ts';

/**
 * The only writer of job_runs. A claim is one INSERT … ON CONFLICT on the (job, slot) primary key:
 * of every instance firing for the same slot, exactly one gets the row back and runs the job.
 */

/** A claim not finished after this long is taken to belong to a crashed instance and may be taken again. */
export const CLAIM_LEASE_MS = 2 * 3_600_000;
/** Finished runs are kept this long (what ran when, and where), then swept. */
export const RUNS_KEPT_MS = 35 * 86_400_000;

/** True when this caller now holds (job, slot): no one had it, or its holder's lease ran out unfinished. */
export async function claimRun(db: Db, job: string, slot: string, now: Date, by: string): Promise<boolean> {
  const staleBefore = new Date(now.getTime() - CLAIM_LEASE_MS).toISOString();
  const rows = await db
    .insert(jobRuns)
    .values({ job, slot, claimedAt: now, claimedBy: by })
    .onConflictDoUpdate({
      target: [jobRuns.job, jobRuns.slot],
      set: { claimedAt: now, claimedBy: by, attempts: sql`${jobRuns.attempts} + 1` },
      setWhere: sql`${jobRuns.finishedAt} is null and ${jobRuns.claimedAt} < ${staleBefore}::timestamptz`,
    })
    .returning({ job: jobRuns.job });
  return rows.length === 1;
}

export async function finishRun(db: Db, job: string, slot: string, claimedAt: Date, finishedAt: Date): Promise<void> {
  await db
    .update(jobRuns)
    .set({ finishedAt })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.slot, slot), eq(jobRuns.claimedAt, claimedAt)));
}

/** Gives a failed run's slot back, so the next tick (on any instance) tries it again. */
export async function releaseRun(db: Db, job: string, slot: string, claimedAt: Date): Promise<void> {
  await db.delete(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.slot, slot), eq(jobRuns.claimedAt, claimedAt), sql`${jobRuns.finishedAt} is null`));
}

/** Deletes runs finished before `before`; answers how many. */
export async function sweepFinishedRuns(db: Db, before: Date): Promise<number> {
  const gone = await db.delete(jobRuns).where(and(isNotNull(jobRuns.finishedAt), lt(jobRuns.finishedAt, before))).returning({ job: jobRuns.job });
  return gone.length;
}

export interface JobRunRow {
  job: string;
  slot: string;
  attempts: number;
  claimedBy: string;
  finished: boolean;
}

/** What ran (tests and a person checking a deployment). */
export async function listRuns(db: Db): Promise<JobRunRow[]> {
  const rows = await db.select().from(jobRuns).orderBy(jobRuns.job, jobRuns.slot);
  return rows.map((row) => ({ job: row.job, slot: row.slot, attempts: row.attempts, claimedBy: row.claimedBy, finished: row.finishedAt !== null }));
}
