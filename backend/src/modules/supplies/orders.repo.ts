import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { OrderListQuery, SupplyOrderView } from '@parc/shared/contracts/supplies';
import type { Page } from '@parc/shared/contracts/paging';
import { IN_FLIGHT_ORDER_STATUSES, type SupplyColour, type SupplyKind } from '@parc/shared/supplies/kinds';
import type { Db } from '../../db/client.ts';
import { searchCondition } from '../customers/scope.ts';
import { carriers, customers, devices, sites, supplyModels, supplyOrderNumbers, supplyOrders, users } from '../../db/schema/index.ts';

/** SQL of supply orders: only `modules/supplies` reads and writes them. */

type OrderRow = typeof supplyOrders.$inferSelect;

const viewColumns = {
  order: supplyOrders,
  device: { id: devices.id, deviceCode: devices.deviceCode, manufacturer: devices.manufacturer, model: devices.model, customerId: devices.customerId },
  customerName: customers.name,
  siteName: sites.name,
  carrier: { id: carriers.id, name: carriers.name, trackingUrl: carriers.trackingUrl },
  createdByName: users.name,
  dealerReference: supplyModels.dealerReference,
};

function viewQuery(db: Db) {
  return db
    .select(viewColumns)
    .from(supplyOrders)
    .innerJoin(devices, eq(devices.id, supplyOrders.deviceId))
    .innerJoin(customers, eq(customers.id, supplyOrders.customerId))
    .leftJoin(sites, eq(sites.id, devices.siteId))
    .leftJoin(carriers, eq(carriers.id, supplyOrders.carrierId))
    .leftJoin(users, eq(users.id, supplyOrders.createdBy))
    .leftJoin(supplyModels, eq(supplyModels.id, supplyOrders.supplyModelId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** A carrier's page for a parcel: its address with the tracking number in place of `{tracking}`. */
export function trackingLink(trackingUrl: string | null | undefined, trackingNumber: string | null): string | null {
  if (!trackingUrl || !trackingNumber || !trackingUrl.includes('{tracking}')) return null;
  return trackingUrl.replaceAll('{tracking}', encodeURIComponent(trackingNumber));
}

function toView(row: ViewRow): SupplyOrderView {
  const { order } = row;
  return {
    id: order.id,
    code: order.code ?? '',
    status: order.status,
    trigger: order.trigger,
    device: { ...row.device, customerName: row.customerName, siteName: row.siteName },
    supplyIndex: order.supplyIndex,
    supplyName: order.supplyName,
    kind: order.kind,
    colour: order.colour,
    partNumber: order.partNumber ?? row.dealerReference,
    orderedPartNumber: order.orderedPartNumber,
    carrier: row.carrier?.id ? { id: row.carrier.id, name: row.carrier.name, trackingUrl: row.carrier.trackingUrl } : null,
    trackingNumber: order.trackingNumber,
    trackingLink: trackingLink(row.carrier?.trackingUrl, order.trackingNumber),
    note: order.note,
    heldBack: order.heldBack ? { reason: order.heldBack as NonNullable<SupplyOrderView['heldBack']>['reason'], params: order.heldBackParams ?? {} } : null,
    percentAtOrder: order.percentAtOrder,
    p50Days: order.p50Days,
    p90Days: order.p90Days,
    createdAt: order.createdAt.toISOString(),
    createdBy: order.createdBy ? (row.createdByName ?? null) : null,
    notifiedAt: iso(order.notifiedAt),
    shippedAt: iso(order.shippedAt),
    deliveredAt: iso(order.deliveredAt),
    replacedAt: iso(order.replacedAt),
    cancelledAt: iso(order.cancelledAt),
  };
}

export async function findOrderViews(db: Db, partnerId: string, ids: readonly string[]): Promise<SupplyOrderView[]> {
  if (ids.length === 0) return [];
  const rows = await viewQuery(db).where(and(eq(supplyOrders.partnerId, partnerId), inArray(supplyOrders.id, [...ids])));
  const byId = new Map(rows.map((row) => [row.order.id, toView(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findOrder(db: Db, partnerId: string, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(supplyOrders).where(and(eq(supplyOrders.partnerId, partnerId), eq(supplyOrders.id, id)));
  return row;
}

/** One page of orders, newest first; `pending` is every order in flight. */
export async function listOrderViews(db: Db, partnerId: string, query: OrderListQuery & { page: number; pageSize: number }): Promise<Page<SupplyOrderView>> {
  const conditions: SQL[] = [eq(supplyOrders.partnerId, partnerId)];
  if (query.status === 'pending') conditions.push(inArray(supplyOrders.status, [...IN_FLIGHT_ORDER_STATUSES]));
  else if (query.status) conditions.push(eq(supplyOrders.status, query.status));
  if (query.customerId) conditions.push(eq(supplyOrders.customerId, query.customerId));
  if (query.deviceId) conditions.push(eq(supplyOrders.deviceId, query.deviceId));
  if (query.kind) conditions.push(eq(supplyOrders.kind, query.kind));
  if (query.search) {
    conditions.push(searchCondition(query.search, [supplyOrders.code, devices.deviceCode, supplyOrders.partNumber, supplyOrders.orderedPartNumber, supplyOrders.supplyName, supplyOrders.trackingNumber]));
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    viewQuery(db)
      .where(where)
      .orderBy(desc(supplyOrders.createdAt), desc(supplyOrders.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(supplyOrders).innerJoin(devices, eq(devices.id, supplyOrders.deviceId)).where(where),
  ]);
  return { items: rows.map(toView), total: count?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

/** The orders of some supplies of a device, newest first. */
export async function ordersOfSupplies(db: Db, deviceId: string, supplyIndexes: readonly string[]): Promise<OrderRow[]> {
  if (supplyIndexes.length === 0) return [];
  return db
    .select()
    .from(supplyOrders)
    .where(and(eq(supplyOrders.deviceId, deviceId), inArray(supplyOrders.supplyIndex, [...supplyIndexes])))
    .orderBy(desc(supplyOrders.createdAt));
}

export interface NewOrder {
  partnerId: string;
  customerId: string;
  deviceId: string;
  supplyIndex: string;
  supplyModelId: string | null;
  kind: SupplyKind;
  colour: SupplyColour;
  supplyName: string;
  partNumber: string | null;
  trigger: OrderRow['trigger'];
  heldBack?: string | null;
  heldBackParams?: Record<string, number> | null;
  percentAtOrder: number | null;
  p50Days: number | null;
  p90Days: number | null;
  note?: string | null;
  createdBy: string | null;
}

/** A new order for a supply as the device reports it; the rest (trigger, who, forecast) is the caller's. */
export function orderFor(
  device: { partnerId: string; customerId: string; id: string },
  supply: { supplyIndex: string; supplyModelId: string | null; colour: SupplyColour; description: string; partNumber: string | null; percent: number | null },
  kind: SupplyKind,
  rest: Pick<NewOrder, 'trigger' | 'createdBy'> & Partial<Pick<NewOrder, 'heldBack' | 'heldBackParams' | 'p50Days' | 'p90Days' | 'note'>>,
): NewOrder {
  return {
    partnerId: device.partnerId,
    customerId: device.customerId,
    deviceId: device.id,
    supplyIndex: supply.supplyIndex,
    supplyModelId: supply.supplyModelId,
    kind,
    colour: supply.colour,
    supplyName: supply.description,
    partNumber: supply.partNumber,
    percentAtOrder: supply.percent,
    p50Days: null,
    p90Days: null,
    ...rest,
  };
}

/**
 * Places an order unless one is in flight for the supply: the partial unique index decides, so two
 * samples or two clicks at once still make one order. The winner then takes the customer's next
 * PREFIX-ORDER-n. Null when one was in flight.
 */
export async function insertOrder(tx: Db, order: NewOrder, placedAt: Date): Promise<OrderRow | null> {
  const [placed] = await tx
    .insert(supplyOrders)
    .values({ ...order, status: 'new', createdAt: placedAt, updatedAt: placedAt })
    .onConflictDoNothing()
    .returning();
  if (!placed) return null;
  const code = await nextOrderCode(tx, order.customerId);
  const [coded] = await tx.update(supplyOrders).set({ code }).where(eq(supplyOrders.id, placed.id)).returning();
  return coded!;
}

/** The customer's next PREFIX-ORDER-n, shared by supply orders and stock replenishments; the counter row's lock orders concurrent takers. */
export async function nextOrderCode(tx: Db, customerId: string): Promise<string> {
  const [number] = await tx
    .insert(supplyOrderNumbers)
    .values({ customerId, next: 2 })
    .onConflictDoUpdate({ target: supplyOrderNumbers.customerId, set: { next: sql`${supplyOrderNumbers.next} + 1` } })
    .returning({ taken: sql<number>`${supplyOrderNumbers.next} - 1` });
  const [customer] = await tx.select({ prefix: customers.prefix }).from(customers).where(eq(customers.id, customerId));
  return `${customer!.prefix}-ORDER-${number!.taken}`;
}

export async function findInFlight(db: Db, deviceId: string, supplyIndex: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(supplyOrders)
    .where(and(eq(supplyOrders.deviceId, deviceId), eq(supplyOrders.supplyIndex, supplyIndex), inArray(supplyOrders.status, [...IN_FLIGHT_ORDER_STATUSES])));
  return row;
}

/** Changes an order only if it still has the status it was read with; undefined when it moved meanwhile. */
export async function updateOrder(db: Db, id: string, expectedStatus: OrderRow['status'], change: Partial<OrderRow>): Promise<OrderRow | undefined> {
  const [row] = await db
    .update(supplyOrders)
    .set(change)
    .where(and(eq(supplyOrders.id, id), eq(supplyOrders.status, expectedStatus)))
    .returning();
  return row;
}

/** Every device's order in flight per supply, for the coordinator's and technician's views. */
export async function inFlightOrdersOf(db: Db, partnerId: string, deviceIds: readonly string[]) {
  if (deviceIds.length === 0) return [];
  return db
    .select({
      deviceId: supplyOrders.deviceId,
      supplyIndex: supplyOrders.supplyIndex,
      code: supplyOrders.code,
      status: supplyOrders.status,
      kind: supplyOrders.kind,
      colour: supplyOrders.colour,
      partNumber: supplyOrders.partNumber,
      orderedPartNumber: supplyOrders.orderedPartNumber,
      shippedAt: supplyOrders.shippedAt,
      trackingNumber: supplyOrders.trackingNumber,
      trackingUrl: carriers.trackingUrl,
    })
    .from(supplyOrders)
    .leftJoin(carriers, eq(carriers.id, supplyOrders.carrierId))
    .where(and(eq(supplyOrders.partnerId, partnerId), inArray(supplyOrders.deviceId, [...deviceIds]), inArray(supplyOrders.status, [...IN_FLIGHT_ORDER_STATUSES])));
}
