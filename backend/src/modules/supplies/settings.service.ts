import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import type {
  Carrier,
  CarrierInput,
  OrderConfigView,
  OrderRouteInput,
  OrderRouteView,
  Supplier,
  SupplierInput,
  SupplyModel,
  SupplyModelListQuery,
  SupplyModelUpdate,
} from '@parc/shared/contracts/supplies';
import { orderRouteInputSchema } from '@parc/shared/contracts/supplies';
import type { Page } from '@parc/shared/contracts/paging';
import { effectiveOrderConfig, type OrderConfigLevel } from '@parc/shared/supplies/order-config';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { carriers, orderRoutes, suppliers } from '../../db/schema/index.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { isUniqueViolation } from '../customers/scope.ts';
import { getDevice } from '../devices/devices.service.ts';
import { findModel, listCarriers, listModels, listRoutes, listSuppliers, modelConsumption, modelUsage, updateModel, type SupplyModelRow } from './settings.repo.ts';
import { orderConfigLevels, saveOrderConfigLevel } from './supplies.repo.ts';

/** The consumables settings: catalogue, suppliers, carriers, the order configuration at its three levels, routing. */

const CONSUMPTION_MONTHS = 12;

/** The last 12 months as YYYY-MM, oldest first, ending with `now`'s (UTC). */
export function lastMonths(now: Date, months = CONSUMPTION_MONTHS): string[] {
  return Array.from({ length: months }, (_, back) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - back), 1));
    return date.toISOString().slice(0, 7);
  });
}

async function modelViews(db: Db, rows: readonly SupplyModelRow[], now: Date): Promise<SupplyModel[]> {
  const ids = rows.map((row) => row.id);
  const months = lastMonths(now);
  const [usage, consumption] = await Promise.all([modelUsage(db, ids), modelConsumption(db, ids, new Date(`${months[0]}-01T00:00:00Z`))]);
  return rows.map((row) => {
    const used = usage.find((each) => each.modelId === row.id);
    return {
      id: row.id,
      name: row.name,
      partNumber: row.partNumber,
      kind: row.kind,
      colour: row.colour,
      ratedYield: row.ratedYield,
      dealerReference: row.dealerReference,
      price: row.price,
      supplierId: row.supplierId,
      supplierName: row.supplierName,
      deviceCount: used?.deviceCount ?? 0,
      printerModels: (used?.printerModels ?? []).sort(),
      consumption: months.map((month) => ({ month, count: consumption.find((each) => each.model_id === row.id && each.month === month)?.count ?? 0 })),
    };
  });
}

export async function listSupplyModels(db: Db, user: SessionUser, query: SupplyModelListQuery & { page: number; pageSize: number }, now: Date): Promise<Page<SupplyModel>> {
  const { rows, total } = await listModels(db, user.partnerId, query);
  return { items: await modelViews(db, rows, now), total, page: query.page, pageSize: query.pageSize };
}

export async function changeSupplyModel(db: Db, user: SessionUser, id: string, change: SupplyModelUpdate, now: Date): Promise<SupplyModel> {
  if (change.supplierId) await supplierOf(db, user, change.supplierId);
  const updated = await updateModel(db, user.partnerId, id, change);
  if (!updated) throw new DomainError('supply_model.not_found');
  const [view] = await modelViews(db, [(await findModel(db, user.partnerId, id))!], now);
  return view!;
}

// ---- Suppliers and carriers -----------------------------------------------------------------

const supplierView = (row: typeof suppliers.$inferSelect): Supplier => ({ id: row.id, name: row.name, email: row.email, phone: row.phone });
const carrierView = (row: typeof carriers.$inferSelect): Carrier => ({ id: row.id, name: row.name, trackingUrl: row.trackingUrl });

async function supplierOf(db: Db, user: SessionUser, id: string) {
  const [row] = await db.select().from(suppliers).where(and(eq(suppliers.partnerId, user.partnerId), eq(suppliers.id, id)));
  if (!row) throw new DomainError('supplier.not_found', { field: 'supplierId' });
  return row;
}

/** A second entry of the same name (any case) says so, by name. */
function nameTaken(error: unknown, list: 'suppliers' | 'carriers', name: string): never {
  if (list === 'suppliers' && isUniqueViolation(error, 'suppliers_name')) throw new DomainError('supplier.name_taken', { name, field: 'name' });
  if (list === 'carriers' && isUniqueViolation(error, 'carriers_name')) throw new DomainError('carrier.name_taken', { name, field: 'name' });
  throw error;
}

export async function suppliersOf(db: Db, user: SessionUser): Promise<{ items: Supplier[] }> {
  return { items: (await listSuppliers(db, user.partnerId)).map(supplierView) };
}

export async function saveSupplier(db: Db, user: SessionUser, id: string | null, input: Partial<SupplierInput>): Promise<Supplier> {
  const values = { name: input.name, email: input.email ?? null, phone: input.phone ?? null };
  try {
    if (id === null) {
      const [row] = await db.insert(suppliers).values({ partnerId: user.partnerId, ...values, name: values.name! }).returning();
      return supplierView(row!);
    }
    await supplierOf(db, user, id);
    const change = Object.fromEntries(Object.entries({ name: input.name, email: input.email, phone: input.phone }).filter(([, value]) => value !== undefined));
    const [row] = await db.update(suppliers).set(change).where(eq(suppliers.id, id)).returning();
    return supplierView(row!);
  } catch (error) {
    return nameTaken(error, 'suppliers', input.name ?? '');
  }
}

export async function deleteSupplier(db: Db, user: SessionUser, id: string): Promise<void> {
  await supplierOf(db, user, id);
  await db.delete(suppliers).where(eq(suppliers.id, id));
}

async function carrierOf(db: Db, user: SessionUser, id: string) {
  const [row] = await db.select().from(carriers).where(and(eq(carriers.partnerId, user.partnerId), eq(carriers.id, id)));
  if (!row) throw new DomainError('carrier.not_found', { field: 'carrierId' });
  return row;
}

export async function carriersOf(db: Db, user: SessionUser): Promise<{ items: Carrier[] }> {
  return { items: (await listCarriers(db, user.partnerId)).map(carrierView) };
}

export async function saveCarrier(db: Db, user: SessionUser, id: string | null, input: Partial<CarrierInput>): Promise<Carrier> {
  try {
    if (id === null) {
      const [row] = await db.insert(carriers).values({ partnerId: user.partnerId, name: input.name!, trackingUrl: input.trackingUrl ?? null }).returning();
      return carrierView(row!);
    }
    await carrierOf(db, user, id);
    const change = Object.fromEntries(Object.entries({ name: input.name, trackingUrl: input.trackingUrl }).filter(([, value]) => value !== undefined));
    const [row] = await db.update(carriers).set(change).where(eq(carriers.id, id)).returning();
    return carrierView(row!);
  } catch (error) {
    return nameTaken(error, 'carriers', input.name ?? '');
  }
}

export async function deleteCarrier(db: Db, user: SessionUser, id: string): Promise<void> {
  await carrierOf(db, user, id);
  await db.delete(carriers).where(eq(carriers.id, id));
}

/** A carrier given to an order must be the dealer's. */
export async function assertCarrier(db: Db, user: SessionUser, id: string | null | undefined): Promise<void> {
  if (id) await carrierOf(db, user, id);
}

// ---- Order configuration ----------------------------------------------------------------------

export type ConfigTarget = { level: 'dealer' } | { level: 'customer'; customerId: string } | { level: 'device'; deviceId: string };

async function levelsOf(db: Db, user: SessionUser, target: ConfigTarget) {
  if (target.level === 'dealer') return { targetId: user.partnerId, levels: await orderConfigLevels(db, user.partnerId, null, null) };
  if (target.level === 'customer') {
    const customer = await getCustomer(db, user, target.customerId);
    return { targetId: customer.id, levels: await orderConfigLevels(db, user.partnerId, customer.id, null) };
  }
  const device = await getDevice(db, user, target.deviceId);
  return { targetId: device.id, levels: await orderConfigLevels(db, user.partnerId, device.customerId, device.id) };
}

/** A level's own settings and what applies there, each with where it comes from. */
export async function orderConfigOf(db: Db, user: SessionUser, target: ConfigTarget): Promise<OrderConfigView> {
  const { levels } = await levelsOf(db, user, target);
  const own = levels[target.level];
  const { config, from } = effectiveOrderConfig(levels.dealer?.settings ?? null, levels.customer?.settings ?? null, levels.device?.settings ?? null);
  return { level: target.level, own: own?.settings ?? {}, effective: config, from, updatedAt: own?.updatedAt.toISOString() ?? null };
}

/** Replaces a level's own settings (what it leaves out, it inherits). */
export async function saveOrderConfig(db: Db, user: SessionUser, target: ConfigTarget, settings: OrderConfigLevel, now: Date): Promise<OrderConfigView> {
  const { targetId } = await levelsOf(db, user, target);
  await saveOrderConfigLevel(db, user.partnerId, target.level, targetId, settings, user.id, now);
  return orderConfigOf(db, user, target);
}

// ---- Routing ---------------------------------------------------------------------------------

type RouteInput = z.output<typeof orderRouteInputSchema>;

const routeView = (row: typeof orderRoutes.$inferSelect): OrderRouteView => ({ id: row.id, name: row.name, position: row.position, filters: row.filters, recipients: row.recipients });

export async function routesOf(db: Db, user: SessionUser): Promise<{ items: OrderRouteView[] }> {
  return { items: (await listRoutes(db, user.partnerId)).map(routeView) };
}

async function assertRouteFilters(db: Db, user: SessionUser, input: RouteInput): Promise<void> {
  if (input.filters.deviceId) await getDevice(db, user, input.filters.deviceId);
  if (input.filters.supplierId) await supplierOf(db, user, input.filters.supplierId);
}

/** A new rule goes last: it catches what the earlier ones do not. */
export async function createRoute(db: Db, user: SessionUser, input: RouteInput, now: Date): Promise<OrderRouteView> {
  await assertRouteFilters(db, user, input);
  const [row] = await db
    .insert(orderRoutes)
    .values({
      partnerId: user.partnerId,
      position: sql`(select coalesce(max(${orderRoutes.position}) + 1, 0) from ${orderRoutes} where ${orderRoutes.partnerId} = ${user.partnerId})`,
      name: input.name,
      filters: input.filters,
      recipients: input.recipients,
      createdAt: now,
    })
    .returning();
  return routeView(row!);
}

export async function replaceRoute(db: Db, user: SessionUser, id: string, input: RouteInput): Promise<OrderRouteView> {
  await assertRouteFilters(db, user, input);
  const [row] = await db
    .update(orderRoutes)
    .set({ name: input.name, filters: input.filters, recipients: input.recipients })
    .where(and(eq(orderRoutes.partnerId, user.partnerId), eq(orderRoutes.id, id)))
    .returning();
  if (!row) throw new DomainError('order_route.not_found');
  return routeView(row);
}

export async function deleteRoute(db: Db, user: SessionUser, id: string): Promise<void> {
  const [row] = await db.delete(orderRoutes).where(and(eq(orderRoutes.partnerId, user.partnerId), eq(orderRoutes.id, id))).returning({ id: orderRoutes.id });
  if (!row) throw new DomainError('order_route.not_found');
}

/** The new order of every rule; refused unless it names exactly the dealer's rules (one was added or removed meanwhile). */
export async function reorderRoutes(db: Db, user: SessionUser, ids: readonly string[]): Promise<{ items: OrderRouteView[] }> {
  const current = await listRoutes(db, user.partnerId);
  const same = ids.length === current.length && new Set(ids).size === ids.length && current.every((row) => ids.includes(row.id));
  if (!same) throw new DomainError('order_route.order_mismatch');
  await db.transaction(async (tx) => {
    for (const [position, id] of ids.entries()) await tx.update(orderRoutes).set({ position }).where(and(eq(orderRoutes.partnerId, user.partnerId), eq(orderRoutes.id, id)));
  });
  return routesOf(db, user);
}
