import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { COUNTING_STATUSES } from '@parc/shared';
import type { Reading, ReadingListQuery } from '@parc/shared/contracts/readings';
import type { Db } from '../../db/client.ts';
import { counterResets, counters, devices, readingChecks, readingRevisions, readings } from '../../db/schema/index.ts';
import { pageOffset, toIso, visibleTo, type Scope } from '../customers/scope.ts';

type ReadingRow = typeof readings.$inferSelect;
type ReadingWithKind = ReadingRow & { counterKind: Reading['counterKind'] };

/** Readings as the API shows them: with the policy's reason and every revision (provenance). */
export async function withProvenance(db: Db, partnerId: string, rows: readonly ReadingWithKind[]): Promise<Reading[]> {
  const ids = rows.map((row) => row.id);
  const [checks, revisions] = await Promise.all([findChecks(db, ids), findRevisions(db, partnerId, ids)]);
  return rows.map(({ partnerId: _partner, idempotencyKey, linkId: _link, ...row }) => ({
    ...row,
    clientId: idempotencyKey,
    takenAt: toIso(row.takenAt),
    lockedAt: row.lockedAt ? toIso(row.lockedAt) : null,
    createdAt: toIso(row.createdAt),
    reason: checks.find((check) => check.readingId === row.id)?.reason ?? null,
    revisions: revisions
      .filter((revision) => revision.readingId === row.id)
      .map(({ id: _id, partnerId: _p, readingId: _r, at, ...revision }) => ({ ...revision, at: toIso(at) })),
  }));
}

/** Readings carry no customer: the device they belong to is what the scope is checked against. */
const ofScope = (scope: Scope) => and(eq(readings.partnerId, scope.partnerId), visibleTo(scope, devices));
const withKind = { ...getTableColumns(readings), counterKind: counters.kind };

function selectReadings(db: Db) {
  return db
    .select(withKind)
    .from(readings)
    .innerJoin(devices, eq(devices.id, readings.deviceId))
    .innerJoin(counters, eq(counters.id, readings.counterId));
}

export async function findReadings(db: Db, scope: Scope, deviceId: string, query: ReadingListQuery): Promise<{ items: ReadingWithKind[]; total: number }> {
  const conditions: (SQL | undefined)[] = [ofScope(scope), eq(readings.deviceId, deviceId)];
  if (query.counterId) conditions.push(eq(readings.counterId, query.counterId));
  if (query.from) conditions.push(gte(readings.takenAt, new Date(query.from)));
  if (query.to) conditions.push(lt(readings.takenAt, new Date(query.to)));
  const where = and(...conditions);
  const [rows, [totals]] = await Promise.all([
    selectReadings(db).where(where).orderBy(desc(readings.takenAt), asc(counters.kind)).limit(query.pageSize).offset(pageOffset(query)),
    db.select({ total: count() }).from(readings).innerJoin(devices, eq(devices.id, readings.deviceId)).where(where),
  ]);
  return { items: rows, total: totals?.total ?? 0 };
}

export async function findReading(db: Db, scope: Scope, id: string): Promise<ReadingWithKind | null> {
  const [row] = await selectReadings(db).where(and(ofScope(scope), eq(readings.id, id)));
  return row ?? null;
}

/** `status in (...)` of the values that count, for the raw SQL laterals that pick a counter's current value. */
export const COUNTING_STATUS_LIST = sql.raw(`(${COUNTING_STATUSES.map((status) => `'${status}'`).join(', ')})`);

/** Drizzle condition: the reading's value counts (not to check, refused or deleted). */
export const isCountingReading = (status: AnyPgColumn = readings.status) => inArray(status, [...COUNTING_STATUSES]);

/** The revisions of the given readings, oldest first. */
export async function findRevisions(db: Db, partnerId: string, readingIds: string[]) {
  if (readingIds.length === 0) return [];
  return db
    .select()
    .from(readingRevisions)
    .where(and(eq(readingRevisions.partnerId, partnerId), inArray(readingRevisions.readingId, readingIds)))
    .orderBy(asc(readingRevisions.at));
}

/** The checks (policy verdict and reason) of the given readings. */
export async function findChecks(db: Db, readingIds: string[]) {
  if (readingIds.length === 0) return [];
  return db.select().from(readingChecks).where(inArray(readingChecks.readingId, readingIds));
}

/** A device's declared resets, oldest first. */
export async function findResets(db: Db, partnerId: string, deviceIds: string[]) {
  if (deviceIds.length === 0) return [];
  return db
    .select({ resetId: counterResets.id, deviceId: counterResets.deviceId, counterId: counterResets.counterId, counterKind: counters.kind, kind: counterResets.kind, at: counterResets.at, finalValue: counterResets.finalValue, startValue: counterResets.startValue, note: counterResets.note, declaredBy: counterResets.declaredBy })
    .from(counterResets)
    .innerJoin(counters, eq(counters.id, counterResets.counterId))
    .where(and(eq(counterResets.partnerId, partnerId), inArray(counterResets.deviceId, deviceIds)))
    .orderBy(asc(counterResets.at));
}

/** The resets of the given counters (any device), for volumes on the continuous series. */
export async function findResetsOfCounters(db: Db, counterIds: string[]) {
  if (counterIds.length === 0) return [];
  return db
    .select({ counterId: counterResets.counterId, at: counterResets.at, finalValue: counterResets.finalValue, startValue: counterResets.startValue })
    .from(counterResets)
    .where(inArray(counterResets.counterId, counterIds));
}
