import { and, asc, desc, eq, ne, type SQL } from 'drizzle-orm';
import type { Coordinator } from '@parc/shared/contracts/coordinators';
import type { Db } from '../../db/client.ts';
import { coordinators } from '../../db/schema/index.ts';
import { toIso, visibleTo, type Scope } from '../customers/scope.ts';

type CoordinatorRow = typeof coordinators.$inferSelect;
export type CoordinatorValues = Pick<typeof coordinators.$inferInsert, 'name' | 'email' | 'phone' | 'isMain' | 'overageAlerts' | 'active'>;

export function toCoordinator({ partnerId: _partner, userId: _user, ...row }: CoordinatorRow): Coordinator {
  return { ...row, createdAt: toIso(row.createdAt) };
}

const ofScope = (scope: Scope) => visibleTo(scope, coordinators);

export async function findCoordinators(db: Db, scope: Scope, customerId: string, active?: boolean): Promise<CoordinatorRow[]> {
  const conditions: (SQL | undefined)[] = [ofScope(scope), eq(coordinators.customerId, customerId)];
  if (active !== undefined) conditions.push(eq(coordinators.active, active));
  return db
    .select()
    .from(coordinators)
    .where(and(...conditions))
    .orderBy(desc(coordinators.isMain), asc(coordinators.name));
}

export async function findCoordinator(db: Db, scope: Scope, id: string): Promise<CoordinatorRow | null> {
  const [row] = await db.select().from(coordinators).where(and(ofScope(scope), eq(coordinators.id, id)));
  return row ?? null;
}

export async function insertCoordinator(db: Db, partnerId: string, customerId: string, values: CoordinatorValues): Promise<CoordinatorRow> {
  const [row] = await db.insert(coordinators).values({ ...values, partnerId, customerId }).returning();
  return row!;
}

export async function updateCoordinator(db: Db, scope: Scope, id: string, values: Partial<CoordinatorValues>): Promise<CoordinatorRow | null> {
  const [row] = await db.update(coordinators).set(values).where(and(ofScope(scope), eq(coordinators.id, id))).returning();
  return row ?? null;
}

/** Makes every other coordinator of the customer ordinary, so `keepId` can become the main one. */
export async function clearMainCoordinator(db: Db, scope: Scope, customerId: string, keepId?: string): Promise<void> {
  await db
    .update(coordinators)
    .set({ isMain: false })
    .where(and(ofScope(scope), eq(coordinators.customerId, customerId), eq(coordinators.isMain, true), keepId ? ne(coordinators.id, keepId) : undefined));
}
