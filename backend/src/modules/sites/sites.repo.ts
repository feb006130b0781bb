import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { Site } from '@parc/shared/contracts/sites';
import type { Db } from '../../db/client.ts';
import { devices, floorPlans, localStocks, sites } from '../../db/schema/index.ts';
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

/** What refers to a site and must outlive it: its devices (active or retired, with their readings), floor plans and local stocks. */
export async function siteReferences(db: Db, partnerId: string, siteId: string): Promise<{ devices: number; plans: number; stocks: number }> {
  const [[device], [plan], [stock]] = await Promise.all([
    db.select({ total: count() }).from(devices).where(and(eq(devices.partnerId, partnerId), eq(devices.siteId, siteId))),
    db.select({ total: count() }).from(floorPlans).where(and(eq(floorPlans.partnerId, partnerId), eq(floorPlans.siteId, siteId))),
    db.select({ total: count() }).from(localStocks).where(and(eq(localStocks.partnerId, partnerId), eq(localStocks.siteId, siteId))),
  ]);
  return { devices: device?.total ?? 0, plans: plan?.total ?? 0, stocks: stock?.total ?? 0 };
}

export async function deleteSite(db: Db, scope: Scope, id: string): Promise<void> {
  await db.delete(sites).where(and(ofScope(scope), eq(sites.id, id)));
}
