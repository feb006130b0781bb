import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { CounterKind } from '@parc/shared';
import type { Counter } from '@parc/shared/contracts/counters';
import type { Db } from '../../db/client.ts';
import { counters, devices } from '../../db/schema/index.ts';
import { toIso, visibleTo, type Scope } from '../customers/scope.ts';

type CounterRow = typeof counters.$inferSelect;

export function toCounter({ partnerId: _partner, ...row }: CounterRow): Counter {
  return { ...row, createdAt: toIso(row.createdAt) };
}

/** Counters hang off devices: the device carries the customer the scope is checked against. */
function ofScope(scope: Scope) {
  return and(eq(counters.partnerId, scope.partnerId), visibleTo(scope, devices));
}

export async function findCounters(db: Db, scope: Scope, deviceId: string): Promise<CounterRow[]> {
  return db
    .select(getTableColumns(counters))
    .from(counters)
    .innerJoin(devices, eq(devices.id, counters.deviceId))
    .where(and(ofScope(scope), eq(counters.deviceId, deviceId)))
    .orderBy(asc(counters.createdAt), asc(counters.kind));
}

export async function findCounter(db: Db, scope: Scope, id: string): Promise<CounterRow | null> {
  const [row] = await db
    .select(getTableColumns(counters))
    .from(counters)
    .innerJoin(devices, eq(devices.id, counters.deviceId))
    .where(and(ofScope(scope), eq(counters.id, id)));
  return row ?? null;
}

/** Adds the kinds to a device; a kind it had and lost is switched back on rather than duplicated. */
export async function upsertCounters(db: Db, partnerId: string, deviceId: string, kinds: readonly CounterKind[]): Promise<CounterRow[]> {
  if (kinds.length === 0) return [];
  return db
    .insert(counters)
    .values(kinds.map((kind) => ({ partnerId, deviceId, kind })))
    .onConflictDoUpdate({ target: [counters.deviceId, counters.kind], set: { active: true } })
    .returning();
}

export async function setCounterActive(db: Db, scope: Scope, id: string, active: boolean): Promise<CounterRow | null> {
  const visible = await findCounter(db, scope, id);
  if (!visible) return null;
  const [row] = await db
    .update(counters)
    .set({ active })
    .where(and(eq(counters.partnerId, scope.partnerId), eq(counters.id, id)))
    .returning();
  return row ?? null;
}
