import { and, asc, count, desc, eq, getTableColumns, gt, gte, lt, lte, ne, type SQL } from 'drizzle-orm';
import type { Reading, ReadingListQuery } from '@parc/shared/contracts/readings';
import type { Db } from '../../db/client.ts';
import { counters, devices, readings } from '../../db/schema/index.ts';
import { pageOffset, toIso, visibleTo, type Scope } from '../customers/scope.ts';

type ReadingRow = typeof readings.$inferSelect;
type ReadingWithKind = ReadingRow & { counterKind: Reading['counterKind'] };
export type ReadingValues = Omit<typeof readings.$inferInsert, 'id' | 'partnerId' | 'createdAt'>;

export function toReading({ partnerId: _partner, ...row }: ReadingWithKind): Reading {
  return { ...row, takenAt: toIso(row.takenAt), lockedAt: row.lockedAt ? toIso(row.lockedAt) : null, createdAt: toIso(row.createdAt) };
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

export async function findReadings(db: Db, scope: Scope, deviceId: string, query: ReadingListQuery): Promise<{ items: Reading[]; total: number }> {
  const conditions: (SQL | undefined)[] = [ofScope(scope), eq(readings.deviceId, deviceId)];
  if (query.counterId) conditions.push(eq(readings.counterId, query.counterId));
  if (query.from) conditions.push(gte(readings.takenAt, new Date(query.from)));
  if (query.to) conditions.push(lt(readings.takenAt, new Date(query.to)));
  const where = and(...conditions);
  const [rows, [totals]] = await Promise.all([
    selectReadings(db).where(where).orderBy(desc(readings.takenAt), asc(counters.kind)).limit(query.pageSize).offset(pageOffset(query)),
    db.select({ total: count() }).from(readings).innerJoin(devices, eq(devices.id, readings.deviceId)).where(where),
  ]);
  return { items: rows.map(toReading), total: totals?.total ?? 0 };
}

export async function findReading(db: Db, scope: Scope, id: string): Promise<ReadingWithKind | null> {
  const [row] = await selectReadings(db).where(and(ofScope(scope), eq(readings.id, id)));
  return row ?? null;
}

/** Any tenant's reading with this client id: client ids are unique across Parc. */
export async function findReadingByClientId(db: Db, clientId: string): Promise<ReadingRow | null> {
  const [row] = await db.select().from(readings).where(eq(readings.clientId, clientId));
  return row ?? null;
}

/**
 * Locks the counter's row until the transaction ends, so two readings for one counter are checked
 * against each other in turn rather than both against the same last value.
 */
export async function lockCounter(db: Db, partnerId: string, counterId: string) {
  const [row] = await db
    .select()
    .from(counters)
    .where(and(eq(counters.partnerId, partnerId), eq(counters.id, counterId)))
    .for('update');
  return row ?? null;
}

/** The counter's readings just before (or at) and just after `takenAt`, refused ones left out. */
export async function neighbouringReadings(db: Db, counterId: string, takenAt: Date, exceptId?: string) {
  const usable = and(eq(readings.counterId, counterId), ne(readings.status, 'refused'), exceptId ? ne(readings.id, exceptId) : undefined);
  const [[previous], [next]] = await Promise.all([
    db.select().from(readings).where(and(usable, lte(readings.takenAt, takenAt))).orderBy(desc(readings.takenAt)).limit(1),
    db.select().from(readings).where(and(usable, gt(readings.takenAt, takenAt))).orderBy(asc(readings.takenAt)).limit(1),
  ]);
  return { previous: previous ?? null, next: next ?? null };
}

/** Null when a reading with the same client id got there first. */
export async function insertReading(db: Db, partnerId: string, values: ReadingValues): Promise<ReadingRow | null> {
  const [row] = await db
    .insert(readings)
    .values({ ...values, partnerId })
    .onConflictDoNothing({ target: readings.clientId })
    .returning();
  return row ?? null;
}

export async function updateReading(db: Db, partnerId: string, id: string, values: Partial<Pick<ReadingValues, 'value' | 'note'>>): Promise<void> {
  await db
    .update(readings)
    .set(values)
    .where(and(eq(readings.partnerId, partnerId), eq(readings.id, id)));
}
