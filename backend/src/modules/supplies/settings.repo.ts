import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SupplyModelListQuery } from '@parc/shared/contracts/supplies';
import type { SupplyKind } from '@parc/shared/supplies/kinds';
import { selectRows, type Db } from '../../db/client.ts';
import { carriers, deviceSupplies, devices, orderRoutes, suppliers, supplyModels } from '../../db/schema/index.ts';
import { searchCondition } from '../customers/scope.ts';

/** SQL of the consumables settings: catalogue, suppliers, carriers, routing rules. */

export type SupplyModelRow = typeof supplyModels.$inferSelect & { supplierName: string | null };

export async function listModels(db: Db, partnerId: string, query: SupplyModelListQuery & { page: number; pageSize: number }) {
  const conditions: SQL[] = [eq(supplyModels.partnerId, partnerId)];
  if (query.kind) conditions.push(eq(supplyModels.kind, query.kind));
  if (query.search) conditions.push(searchCondition(query.search, [supplyModels.name, supplyModels.partNumber, supplyModels.dealerReference]));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ model: supplyModels, supplierName: suppliers.name })
      .from(supplyModels)
      .leftJoin(suppliers, eq(suppliers.id, supplyModels.supplierId))
      .where(where)
      .orderBy(asc(supplyModels.kind), asc(supplyModels.name), asc(supplyModels.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ count: count() }).from(supplyModels).where(where),
  ]);
  return { rows: rows.map((row) => ({ ...row.model, supplierName: row.supplierName })), total: total?.count ?? 0 };
}

export async function findModel(db: Db, partnerId: string, id: string): Promise<SupplyModelRow | undefined> {
  const [row] = await db
    .select({ model: supplyModels, supplierName: suppliers.name })
    .from(supplyModels)
    .leftJoin(suppliers, eq(suppliers.id, supplyModels.supplierId))
    .where(and(eq(supplyModels.partnerId, partnerId), eq(supplyModels.id, id)));
  return row ? { ...row.model, supplierName: row.supplierName } : undefined;
}

export async function updateModel(db: Db, partnerId: string, id: string, change: Partial<{ ratedYield: number | null; dealerReference: string | null; price: string | null; supplierId: string | null; kind: SupplyKind }>) {
  const [row] = await db.update(supplyModels).set(change).where(and(eq(supplyModels.partnerId, partnerId), eq(supplyModels.id, id))).returning({ id: supplyModels.id });
  return row;
}

/** Per catalogue entry, the devices reporting it and their printer models. */
export async function modelUsage(db: Db, modelIds: readonly string[]) {
  if (modelIds.length === 0) return [];
  return db
    .select({ modelId: deviceSupplies.supplyModelId, deviceCount: sql<number>`count(distinct ${devices.id})::int`, printerModels: sql<string[]>`array_agg(distinct ${devices.manufacturer} || ' ' || ${devices.model})` })
    .from(deviceSupplies)
    .innerJoin(devices, eq(devices.id, deviceSupplies.deviceId))
    .where(and(inArray(deviceSupplies.supplyModelId, [...modelIds]), eq(devices.active, true)))
    .groupBy(deviceSupplies.supplyModelId);
}

/** Replacements per catalogue entry and month (in UTC) since `from`: what the fleet consumed. */
export function modelConsumption(db: Db, modelIds: readonly string[], from: Date) {
  if (modelIds.length === 0) return Promise.resolve([]);
  return selectRows<{ model_id: string; month: string; count: number }>(
    db,
    sql`
      select s.supply_model_id as model_id, to_char(r.replaced_at at time zone 'UTC', 'YYYY-MM') as month, count(*)::int as count
      from supply_replacements r
      join device_supplies s on s.device_id = r.device_id and s.supply_index = r.supply_index
      where s.supply_model_id in (${sql.join(modelIds.map((id) => sql`${id}`), sql`, `)}) and r.replaced_at >= ${from.toISOString()}::timestamptz
      group by 1, 2`,
  );
}

// ---- Suppliers and carriers: the same small list each -------------------------------------------

export function listSuppliers(db: Db, partnerId: string) {
  return db.select().from(suppliers).where(eq(suppliers.partnerId, partnerId)).orderBy(asc(suppliers.name));
}
export function listCarriers(db: Db, partnerId: string) {
  return db.select().from(carriers).where(eq(carriers.partnerId, partnerId)).orderBy(asc(carriers.name));
}

// ---- Routing rules ----------------------------------------------------------------------------

export function listRoutes(db: Db, partnerId: string) {
  return db.select().from(orderRoutes).where(eq(orderRoutes.partnerId, partnerId)).orderBy(asc(orderRoutes.position), asc(orderRoutes.createdAt));
}
