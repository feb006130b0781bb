import { and, asc, desc, eq, gt, inArray, isNull, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import { IN_TRANSIT_REPLENISHMENT_STATUSES, type ReplenishmentStatus } from '@parc/shared/supplies/stock';
import type { Db } from '../../db/client.ts';
import {
  carriers,
  coordinators,
  customers,
  devices,
  localStockDevices,
  localStockItems,
  localStockMovements,
  localStocks,
  sites,
  stockReplenishmentLines,
  stockReplenishments,
  supplyModels,
  users,
} from '../../db/schema/index.ts';
import { visibleTo, type Scope } from '../customers/scope.ts';

/** SQL of local stocks and their replenishments: only `modules/supplies` reads and writes them. */

export type StockRow = Awaited<ReturnType<typeof findStocks>>[number];

/** Stocks the user may see, by customer then name; one when `stockId` is given. */
export function findStocks(db: Db, scope: Scope, filter: { stockId?: string; customerId?: string }) {
  const conditions: (SQL | undefined)[] = [
    visibleTo(scope, { partnerId: localStocks.partnerId, customerId: localStocks.customerId }),
    filter.stockId ? eq(localStocks.id, filter.stockId) : undefined,
    filter.customerId ? eq(localStocks.customerId, filter.customerId) : undefined,
  ];
  return db
    .select({
      stock: localStocks,
      customerNumber: customers.customerNumber,
      customerName: customers.name,
      siteName: sites.name,
      coordinatorName: coordinators.name,
    })
    .from(localStocks)
    .innerJoin(customers, eq(customers.id, localStocks.customerId))
    .innerJoin(sites, eq(sites.id, localStocks.siteId))
    .leftJoin(coordinators, eq(coordinators.id, localStocks.managerCoordinatorId))
    .where(and(...conditions))
    .orderBy(asc(customers.name), asc(localStocks.name));
}

export function devicesOfStocks(db: Db, stockIds: readonly string[]) {
  if (stockIds.length === 0) return Promise.resolve([]);
  return db
    .select({ stockId: localStockDevices.stockId, id: devices.id, deviceCode: devices.deviceCode, manufacturer: devices.manufacturer, model: devices.model, serial: devices.serial, location: devices.location })
    .from(localStockDevices)
    .innerJoin(devices, eq(devices.id, localStockDevices.deviceId))
    .where(inArray(localStockDevices.stockId, [...stockIds]))
    .orderBy(asc(devices.deviceCode));
}

/** Each stock's items with the catalogue's data and what replenishments not yet received bring. */
export function itemsOfStocks(db: Db, stockIds: readonly string[]) {
  if (stockIds.length === 0) return Promise.resolve([]);
  const inTransit = db
    .select({ stockId: stockReplenishments.stockId, supplyModelId: stockReplenishmentLines.supplyModelId, quantity: sql<number>`sum(${stockReplenishmentLines.quantity})::int`.as('in_transit') })
    .from(stockReplenishmentLines)
    .innerJoin(stockReplenishments, eq(stockReplenishments.id, stockReplenishmentLines.replenishmentId))
    .where(and(inArray(stockReplenishments.stockId, [...stockIds]), inArray(stockReplenishments.status, [...IN_TRANSIT_REPLENISHMENT_STATUSES])))
    .groupBy(stockReplenishments.stockId, stockReplenishmentLines.supplyModelId)
    .as('in_transit');
  return db
    .select({
      item: localStockItems,
      name: supplyModels.name,
      partNumber: supplyModels.partNumber,
      dealerReference: supplyModels.dealerReference,
      kind: supplyModels.kind,
      colour: supplyModels.colour,
      inTransit: sql<number>`coalesce(${inTransit.quantity}, 0)::int`,
    })
    .from(localStockItems)
    .innerJoin(supplyModels, eq(supplyModels.id, localStockItems.supplyModelId))
    .leftJoin(inTransit, and(eq(inTransit.stockId, localStockItems.stockId), eq(inTransit.supplyModelId, localStockItems.supplyModelId)))
    .where(inArray(localStockItems.stockId, [...stockIds]))
    .orderBy(asc(supplyModels.kind), asc(supplyModels.colour), asc(supplyModels.name));
}

export async function insertStock(tx: Db, stock: typeof localStocks.$inferInsert): Promise<string> {
  const [row] = await tx.insert(localStocks).values(stock).returning({ id: localStocks.id });
  return row!.id;
}

export async function updateStock(tx: Db, id: string, change: Partial<typeof localStocks.$inferInsert>): Promise<void> {
  await tx.update(localStocks).set(change).where(eq(localStocks.id, id));
}

export async function deleteStock(db: Db, id: string): Promise<void> {
  await db.delete(localStocks).where(eq(localStocks.id, id));
}

/** The devices a stock serves become exactly `deviceIds`; one served by another stock moves here. */
export async function setStockDevices(tx: Db, stockId: string, deviceIds: readonly string[]): Promise<void> {
  await tx.delete(localStockDevices).where(and(eq(localStockDevices.stockId, stockId), deviceIds.length ? notInArray(localStockDevices.deviceId, [...deviceIds]) : undefined));
  if (deviceIds.length === 0) return;
  await tx
    .insert(localStockDevices)
    .values(deviceIds.map((deviceId) => ({ deviceId, stockId })))
    .onConflictDoUpdate({ target: localStockDevices.deviceId, set: { stockId } });
}

/** The partner's devices among `deviceIds`, with their site. */
export function partnerDevices(db: Db, partnerId: string, deviceIds: readonly string[]) {
  if (deviceIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: devices.id, siteId: devices.siteId, deviceCode: devices.deviceCode })
    .from(devices)
    .where(and(eq(devices.partnerId, partnerId), inArray(devices.id, [...deviceIds])));
}

export async function siteOf(db: Db, partnerId: string, siteId: string) {
  const [row] = await db.select({ id: sites.id, customerId: sites.customerId }).from(sites).where(and(eq(sites.partnerId, partnerId), eq(sites.id, siteId)));
  return row;
}

export async function activeCoordinatorOf(db: Db, customerId: string, coordinatorId: string) {
  const [row] = await db
    .select({ id: coordinators.id })
    .from(coordinators)
    .where(and(eq(coordinators.customerId, customerId), eq(coordinators.id, coordinatorId), eq(coordinators.active, true)));
  return row;
}

export async function findItem(tx: Db, stockId: string, supplyModelId: string, lock = false) {
  const query = tx
    .select()
    .from(localStockItems)
    .where(and(eq(localStockItems.stockId, stockId), eq(localStockItems.supplyModelId, supplyModelId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function upsertItem(tx: Db, item: typeof localStockItems.$inferInsert): Promise<void> {
  const { stockId: _stock, supplyModelId: _model, ...change } = item;
  await tx.insert(localStockItems).values(item).onConflictDoUpdate({ target: [localStockItems.stockId, localStockItems.supplyModelId], set: change });
}

export async function deleteItem(tx: Db, stockId: string, supplyModelId: string): Promise<boolean> {
  const removed = await tx
    .delete(localStockItems)
    .where(and(eq(localStockItems.stockId, stockId), eq(localStockItems.supplyModelId, supplyModelId)))
    .returning({ stockId: localStockItems.stockId });
  return removed.length > 0;
}

/**
 * Adds `delta` to an item (creating it, with no minimum, for a supply received for the first time)
 * and records why. A draw never takes the stock below zero: false when there was none to take.
 */
export async function moveStock(
  tx: Db,
  movement: { stockId: string; supplyModelId: string; delta: number; reason: (typeof localStockMovements.$inferInsert)['reason']; deviceId?: string | null; replenishmentId?: string | null; actorId?: string | null; at: Date },
): Promise<boolean> {
  const { stockId, supplyModelId, delta, at } = movement;
  const moved =
    delta < 0
      ? await tx
          .update(localStockItems)
          .set({ quantity: sql`${localStockItems.quantity} + ${delta}`, updatedAt: at })
          .where(and(eq(localStockItems.stockId, stockId), eq(localStockItems.supplyModelId, supplyModelId), sql`${localStockItems.quantity} + ${delta} >= 0`))
          .returning({ quantity: localStockItems.quantity })
      : await tx
          .insert(localStockItems)
          .values({ stockId, supplyModelId, quantity: delta, minimum: 0, target: 0, updatedAt: at })
          .onConflictDoUpdate({ target: [localStockItems.stockId, localStockItems.supplyModelId], set: { quantity: sql`${localStockItems.quantity} + ${delta}`, updatedAt: at } })
          .returning({ quantity: localStockItems.quantity });
  if (moved.length === 0) return false;
  await tx.insert(localStockMovements).values({ ...movement });
  await clearLowNotice(tx, stockId, supplyModelId);
  return true;
}

/** Refilled above its minimum: the next fall is told again. */
export async function clearLowNotice(tx: Db, stockId: string, supplyModelId: string): Promise<void> {
  await tx
    .update(localStockItems)
    .set({ lowNoticedAt: null })
    .where(and(eq(localStockItems.stockId, stockId), eq(localStockItems.supplyModelId, supplyModelId), gt(localStockItems.quantity, localStockItems.minimum)));
}

/** The stock serving a device and how many of a catalogue entry it holds (null: no stock, or it does not keep that supply). */
export async function stockServing(tx: Db, deviceId: string, supplyModelId: string) {
  const [row] = await tx
    .select({ stockId: localStockDevices.stockId, quantity: localStockItems.quantity })
    .from(localStockDevices)
    .leftJoin(localStockItems, and(eq(localStockItems.stockId, localStockDevices.stockId), eq(localStockItems.supplyModelId, supplyModelId)))
    .where(eq(localStockDevices.deviceId, deviceId));
  return row ? { stockId: row.stockId, quantity: row.quantity } : null;
}

/** The stock serving a device, with what it holds of each catalogue entry; undefined when none does. */
export async function stockOfDevice(db: Db, deviceId: string) {
  const rows = await db
    .select({ id: localStocks.id, name: localStocks.name, supplyModelId: localStockItems.supplyModelId, quantity: localStockItems.quantity })
    .from(localStockDevices)
    .innerJoin(localStocks, eq(localStocks.id, localStockDevices.stockId))
    .leftJoin(localStockItems, eq(localStockItems.stockId, localStocks.id))
    .where(eq(localStockDevices.deviceId, deviceId));
  const [first] = rows;
  if (!first) return undefined;
  return { id: first.id, name: first.name, quantities: new Map(rows.flatMap((row) => (row.supplyModelId ? [[row.supplyModelId, row.quantity!] as const] : []))) };
}

export function movementsOf(db: Db, stockId: string, limit: number) {
  return db
    .select({
      movement: localStockMovements,
      supplyName: supplyModels.name,
      deviceCode: devices.deviceCode,
      replenishmentCode: stockReplenishments.code,
      actorName: users.name,
    })
    .from(localStockMovements)
    .innerJoin(supplyModels, eq(supplyModels.id, localStockMovements.supplyModelId))
    .leftJoin(devices, eq(devices.id, localStockMovements.deviceId))
    .leftJoin(stockReplenishments, eq(stockReplenishments.id, localStockMovements.replenishmentId))
    .leftJoin(users, eq(users.id, localStockMovements.actorId))
    .where(eq(localStockMovements.stockId, stockId))
    .orderBy(desc(localStockMovements.at), desc(localStockMovements.id))
    .limit(limit);
}

// ---- Replenishments --------------------------------------------------------------------------

export type ReplenishmentRow = typeof stockReplenishments.$inferSelect;

export function findReplenishments(db: Db, scope: Scope, filter: { ids?: readonly string[]; stockId?: string; statuses?: readonly ReplenishmentStatus[] }, limit = 200) {
  const conditions: (SQL | undefined)[] = [
    visibleTo(scope, { partnerId: localStocks.partnerId, customerId: localStocks.customerId }),
    filter.ids ? inArray(stockReplenishments.id, [...filter.ids]) : undefined,
    filter.stockId ? eq(stockReplenishments.stockId, filter.stockId) : undefined,
    filter.statuses ? inArray(stockReplenishments.status, [...filter.statuses]) : undefined,
  ];
  return db
    .select({
      replenishment: stockReplenishments,
      stockName: localStocks.name,
      customerId: localStocks.customerId,
      customerName: customers.name,
      siteName: sites.name,
      carrier: { id: carriers.id, name: carriers.name, trackingUrl: carriers.trackingUrl },
      createdByName: users.name,
    })
    .from(stockReplenishments)
    .innerJoin(localStocks, eq(localStocks.id, stockReplenishments.stockId))
    .innerJoin(customers, eq(customers.id, localStocks.customerId))
    .innerJoin(sites, eq(sites.id, localStocks.siteId))
    .leftJoin(carriers, eq(carriers.id, stockReplenishments.carrierId))
    .leftJoin(users, eq(users.id, stockReplenishments.createdBy))
    .where(and(...conditions))
    .orderBy(desc(stockReplenishments.createdAt), desc(stockReplenishments.id))
    .limit(limit);
}

export function linesOf(db: Db, replenishmentIds: readonly string[]) {
  if (replenishmentIds.length === 0) return Promise.resolve([]);
  return db
    .select({ replenishmentId: stockReplenishmentLines.replenishmentId, supplyModelId: stockReplenishmentLines.supplyModelId, quantity: stockReplenishmentLines.quantity, name: supplyModels.name, partNumber: supplyModels.partNumber, dealerReference: supplyModels.dealerReference })
    .from(stockReplenishmentLines)
    .innerJoin(supplyModels, eq(supplyModels.id, stockReplenishmentLines.supplyModelId))
    .where(inArray(stockReplenishmentLines.replenishmentId, [...replenishmentIds]))
    .orderBy(asc(supplyModels.name));
}

export async function insertReplenishment(tx: Db, replenishment: typeof stockReplenishments.$inferInsert, lines: readonly { supplyModelId: string; quantity: number }[]): Promise<string> {
  const [row] = await tx.insert(stockReplenishments).values(replenishment).returning({ id: stockReplenishments.id });
  await tx.insert(stockReplenishmentLines).values(lines.map((line) => ({ ...line, replenishmentId: row!.id })));
  return row!.id;
}

/** Changes a replenishment only if it still has the status it was read with; undefined when it moved meanwhile. */
export async function updateReplenishment(tx: Db, id: string, expectedStatus: ReplenishmentStatus, change: Partial<ReplenishmentRow>): Promise<ReplenishmentRow | undefined> {
  const [row] = await tx
    .update(stockReplenishments)
    .set(change)
    .where(and(eq(stockReplenishments.id, id), eq(stockReplenishments.status, expectedStatus)))
    .returning();
  return row;
}

/** The partner's catalogue entries among `ids`. */
export function modelsOfPartner(db: Db, partnerId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: supplyModels.id })
    .from(supplyModels)
    .where(and(eq(supplyModels.partnerId, partnerId), inArray(supplyModels.id, [...ids])));
}

// ---- Low-stock notices -------------------------------------------------------------------------

/**
 * Claims the items that fell to their minimum and were not told yet, stamping them: of two runs
 * at once one gets each item. A failed send gives them back (releaseLowNotices).
 */
export async function claimLowItems(db: Db, now: Date, partnerId?: string) {
  const stockIds = db.select({ id: localStocks.id }).from(localStocks).where(partnerId ? eq(localStocks.partnerId, partnerId) : undefined);
  return db
    .update(localStockItems)
    .set({ lowNoticedAt: now })
    .where(and(isNull(localStockItems.lowNoticedAt), lte(localStockItems.quantity, localStockItems.minimum), inArray(localStockItems.stockId, stockIds)))
    .returning({ stockId: localStockItems.stockId, supplyModelId: localStockItems.supplyModelId });
}

export async function releaseLowNotices(db: Db, stockId: string, noticedAt: Date): Promise<void> {
  await db
    .update(localStockItems)
    .set({ lowNoticedAt: null })
    .where(and(eq(localStockItems.stockId, stockId), eq(localStockItems.lowNoticedAt, noticedAt)));
}

/** A stock's manager and dealer, for the low-stock email. */
export async function stockNoticeContext(db: Db, stockId: string) {
  const [row] = await db
    .select({
      stock: localStocks,
      customerNumber: customers.customerNumber,
      customerLanguage: customers.language,
      siteName: sites.name,
      coordinatorEmail: coordinators.email,
      coordinatorActive: coordinators.active,
    })
    .from(localStocks)
    .innerJoin(customers, eq(customers.id, localStocks.customerId))
    .innerJoin(sites, eq(sites.id, localStocks.siteId))
    .leftJoin(coordinators, eq(coordinators.id, localStocks.managerCoordinatorId))
    .where(eq(localStocks.id, stockId));
  return row;
}
