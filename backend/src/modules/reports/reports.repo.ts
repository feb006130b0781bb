import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reportDefinitions, reportDeliveries, reportRunChunks, reportRuns, reportSchedules, users } from '../../db/schema/index.ts';

/** The only SQL on the reports tables (the rows of reports themselves are in rows.ts and sources.ts). */

export type DefinitionRow = typeof reportDefinitions.$inferSelect & { ownerName: string };
export type RunRow = typeof reportRuns.$inferSelect;
export type NewRun = typeof reportRuns.$inferInsert;
export type ScheduleRow = typeof reportSchedules.$inferSelect;
export type DeliveryRow = typeof reportDeliveries.$inferSelect;

/** Own reports the user sees: theirs, and the ones others of the dealer shared. */
export async function visibleDefinitions(db: Db, partnerId: string, userId: string): Promise<DefinitionRow[]> {
  return db
    .select({ ...definitionColumns, ownerName: users.name })
    .from(reportDefinitions)
    .innerJoin(users, eq(users.id, reportDefinitions.ownerId))
    .where(and(eq(reportDefinitions.partnerId, partnerId), or(eq(reportDefinitions.ownerId, userId), eq(reportDefinitions.shared, true))))
    .orderBy(asc(reportDefinitions.name));
}

const definitionColumns = {
  id: reportDefinitions.id,
  partnerId: reportDefinitions.partnerId,
  ownerId: reportDefinitions.ownerId,
  name: reportDefinitions.name,
  source: reportDefinitions.source,
  body: reportDefinitions.body,
  shared: reportDefinitions.shared,
  createdAt: reportDefinitions.createdAt,
  updatedAt: reportDefinitions.updatedAt,
};

export async function insertDefinition(db: Db, values: typeof reportDefinitions.$inferInsert): Promise<string> {
  const [row] = await db.insert(reportDefinitions).values(values).returning({ id: reportDefinitions.id });
  return row!.id;
}

export async function updateDefinition(db: Db, id: string, values: Partial<typeof reportDefinitions.$inferInsert>): Promise<void> {
  await db.update(reportDefinitions).set(values).where(eq(reportDefinitions.id, id));
}

export async function deleteDefinition(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(reportSchedules).where(eq(reportSchedules.reportKey, id));
    await tx.delete(reportDefinitions).where(eq(reportDefinitions.id, id));
  });
}

export async function insertRun(db: Db, values: NewRun): Promise<RunRow> {
  const [row] = await db.insert(reportRuns).values(values).returning();
  return row!;
}

export async function findRun(db: Db, partnerId: string, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(reportRuns).where(and(eq(reportRuns.partnerId, partnerId), eq(reportRuns.id, id)));
  return row;
}

export async function runsOf(db: Db, partnerId: string, userId: string, now: Date): Promise<RunRow[]> {
  return db
    .select()
    .from(reportRuns)
    .where(and(eq(reportRuns.partnerId, partnerId), eq(reportRuns.requestedBy, userId), sql`${reportRuns.scheduleId} is null`, gt(reportRuns.expiresAt, now)))
    .orderBy(desc(reportRuns.createdAt))
    .limit(50);
}

export async function activeRunCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reportRuns)
    .where(and(eq(reportRuns.requestedBy, userId), inArray(reportRuns.status, ['queued', 'running']), sql`${reportRuns.scheduleId} is null`));
  return row?.n ?? 0;
}

/** Moves a run from one status to another; false when it was no longer in `from` (cancelled meanwhile). */
export async function moveRun(db: Db, id: string, from: RunRow['status'][], values: Partial<NewRun>): Promise<boolean> {
  const rows = await db
    .update(reportRuns)
    .set(values)
    .where(and(eq(reportRuns.id, id), inArray(reportRuns.status, from)))
    .returning({ id: reportRuns.id });
  return rows.length > 0;
}

export async function runStatus(db: Db, id: string): Promise<RunRow['status'] | undefined> {
  const [row] = await db.select({ status: reportRuns.status }).from(reportRuns).where(eq(reportRuns.id, id));
  return row?.status;
}

export async function insertChunk(db: Db, runId: string, seq: number, data: Uint8Array): Promise<void> {
  await db.insert(reportRunChunks).values({ runId, seq, data });
}

export async function deleteChunks(db: Db, runId: string): Promise<void> {
  await db.delete(reportRunChunks).where(eq(reportRunChunks.runId, runId));
}

/** The chunk after `seq` (-1 for the first), or undefined at the end. */
export async function chunkAfter(db: Db, runId: string, seq: number): Promise<{ seq: number; data: Uint8Array } | undefined> {
  const [row] = await db
    .select({ seq: reportRunChunks.seq, data: reportRunChunks.data })
    .from(reportRunChunks)
    .where(and(eq(reportRunChunks.runId, runId), gt(reportRunChunks.seq, seq)))
    .orderBy(asc(reportRunChunks.seq))
    .limit(1);
  return row;
}

/** Files past their day, and runs a stopped server left running (no progress for an hour): their chunks go with them. */
export async function removeExpiredRuns(db: Db, now: Date): Promise<number> {
  await db
    .update(reportRuns)
    .set({ status: 'failed', errorCode: 'server.internal', finishedAt: now })
    .where(and(inArray(reportRuns.status, ['queued', 'running']), lt(reportRuns.createdAt, new Date(now.getTime() - 3_600_000))));
  const removed = await db.delete(reportRuns).where(lt(reportRuns.expiresAt, now)).returning({ id: reportRuns.id });
  return removed.length;
}

// --- schedules -----------------------------------------------------------------------------

export async function schedulesOf(db: Db, partnerId: string): Promise<ScheduleRow[]> {
  return db.select().from(reportSchedules).where(eq(reportSchedules.partnerId, partnerId)).orderBy(asc(reportSchedules.createdAt));
}

export async function findSchedule(db: Db, partnerId: string, id: string): Promise<ScheduleRow | undefined> {
  const [row] = await db.select().from(reportSchedules).where(and(eq(reportSchedules.partnerId, partnerId), eq(reportSchedules.id, id)));
  return row;
}

export async function insertSchedule(db: Db, values: typeof reportSchedules.$inferInsert): Promise<ScheduleRow> {
  const [row] = await db.insert(reportSchedules).values(values).returning();
  return row!;
}

export async function updateSchedule(db: Db, id: string, values: Partial<typeof reportSchedules.$inferInsert>): Promise<void> {
  await db.update(reportSchedules).set(values).where(eq(reportSchedules.id, id));
}

export async function deleteSchedule(db: Db, id: string): Promise<void> {
  await db.delete(reportSchedules).where(eq(reportSchedules.id, id));
}

export async function activeSchedules(db: Db): Promise<ScheduleRow[]> {
  return db.select().from(reportSchedules).where(eq(reportSchedules.active, true));
}

/** Claims a schedule's due time; false when another run (or instance) already did. */
export async function claimDelivery(db: Db, scheduleId: string, dueAt: Date): Promise<string | null> {
  const rows = await db.insert(reportDeliveries).values({ scheduleId, dueAt }).onConflictDoNothing().returning({ id: reportDeliveries.id });
  return rows[0]?.id ?? null;
}

export async function finishDelivery(db: Db, id: string, values: Partial<typeof reportDeliveries.$inferInsert>): Promise<void> {
  await db.update(reportDeliveries).set(values).where(eq(reportDeliveries.id, id));
}

export async function deliveriesOf(db: Db, scheduleIds: string[]): Promise<DeliveryRow[]> {
  if (scheduleIds.length === 0) return [];
  return db.select().from(reportDeliveries).where(inArray(reportDeliveries.scheduleId, scheduleIds)).orderBy(desc(reportDeliveries.dueAt)).limit(20 * scheduleIds.length);
}

export async function runOfTokenHash(db: Db, tokenHash: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(reportRuns).where(eq(reportRuns.downloadTokenHash, tokenHash));
  return row;
}
