import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Site } from '@parc/shared/contracts/sites';
import type { Db } from '../../db/client.ts';
import { sites } from '../../db/schema/index.ts';
import { toIso, visibleTo, type Scope } from '../customers/scope.ts';

type SiteRow = typeof sites.$inferSelect;
export type SiteValues = Pick<typeof sites.$inferInsert, 'name' | 'address' | 'postcode' | 'city' | 'country' | 'coordinatorId' | 'active'>;

export function toSite({ partnerId: _partner, ...row }: SiteRow): Site {
  return { ...row, createdAt: toIso(row.createdAt) };
}

const ofScope = (scope: Scope) => visibleTo(scope, sites);

export async function findSites(db: Db, scope: Scope, customerId: string, active?: boolean): Promise<SiteRow[]> {
  const conditions: (SQL | undefined)[] = [ofScope(scope), eq(sites.customerId, customerId)];
  if (active !== undefined) conditions.push(eq(sites.active, active));
  return db
    .select()
    .from(sites)
    .where(and(...conditions))
    .orderBy(asc(sites.name));
}

export async function findSite(db: Db, scope: Scope, id: string): Promise<SiteRow | null> {
  const [row] = await db.select().from(sites).where(and(ofScope(scope), eq(sites.id, id)));
  return row ?? null;
}

export async function insertSites(db: Db, partnerId: string, customerId: string, values: SiteValues[]): Promise<SiteRow[]> {
  if (values.length === 0) return [];
  return db
    .insert(sites)
    .values(values.map((site) => ({ ...site, partnerId, customerId })))
    .returning();
}

export async function updateSite(db: Db, scope: Scope, id: string, values: Partial<SiteValues>): Promise<SiteRow | null> {
  const [row] = await db.update(sites).set(values).where(and(ofScope(scope), eq(sites.id, id))).returning();
  return row ?? null;
}
