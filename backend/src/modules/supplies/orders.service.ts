import { DomainError } from '@parc/shared';
import type { BundleSupply } from '@parc/shared/contracts/tickets';
import type { OrderCreate, OrderListQuery, OrderUpdate, SupplyOrderView } from '@parc/shared/contracts/supplies';
import type { Page } from '@parc/shared/contracts/paging';
import { orderTransition, type OrderStatus } from '@parc/shared/supplies/kinds';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { isUniqueViolation } from '../customers/scope.ts';
import { getDevice } from '../devices/devices.service.ts';
import { findInFlight, findOrder, findOrderViews, inFlightOrdersOf, insertOrder, listOrderViews, orderFor, trackingLink, updateOrder } from './orders.repo.ts';
import { notifyPlacedOrders } from './order-notices.ts';
import { deviceSupplyForOrder } from './supplies.repo.ts';

/** Orders as the console sees and changes them; the automatic ones are placed by supplies.evaluate. */

async function orderView(db: Db, partnerId: string, id: string): Promise<SupplyOrderView> {
  const [view] = await findOrderViews(db, partnerId, [id]);
  if (!view) throw new DomainError('supply_order.not_found');
  return view;
}

export function listOrders(db: Db, user: SessionUser, query: OrderListQuery & { page: number; pageSize: number }): Promise<Page<SupplyOrderView>> {
  return listOrderViews(db, user.partnerId, query);
}

/** An order placed by hand (device page, consumables list); refused while one is on its way for the supply. */
export async function createOrder(deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>, user: SessionUser, input: OrderCreate): Promise<SupplyOrderView> {
  const { db } = deps;
  const device = await getDevice(db, user, input.deviceId);
  const supply = await deviceSupplyForOrder(db, device.id, input.supplyIndex);
  if (!supply) throw new DomainError('supply_order.no_supply', { field: 'supplyIndex' });
  const { kind } = supply;
  if (!kind) throw new DomainError('supply_order.not_orderable', { field: 'supplyIndex' });
  // One transaction: a request that loses the race reads the winner's order with its code.
  const placed = await db.transaction((tx) =>
    insertOrder(tx, orderFor({ ...device, partnerId: user.partnerId }, supply, kind, { trigger: 'manual', createdBy: user.id, note: input.note ?? null }), deps.clock()),
  );
  if (!placed) {
    const inFlight = await findInFlight(db, device.id, supply.supplyIndex);
    throw new DomainError('supply_order.in_flight', { code: inFlight?.code ?? '' });
  }
  await notifyPlacedOrders(deps, user.partnerId, [placed.id]);
  return orderView(db, user.partnerId, placed.id);
}

const STAMP: Partial<Record<OrderStatus, 'shippedAt' | 'deliveredAt' | 'replacedAt' | 'cancelledAt'>> = {
  shipped: 'shippedAt',
  to_replace: 'deliveredAt',
  replaced: 'replacedAt',
  cancelled: 'cancelledAt',
};

/**
 * Moves an order on (ship, deliver, replace, cancel, reopen) and/or changes its details. The change
 * applies only to the status it was read with, so two clerks acting at once get a clear conflict
 * rather than a double transition. Reopening is refused while another order for the supply is on its way.
 */
export async function changeOrder(db: Db, user: SessionUser, clock: () => Date, id: string, change: OrderUpdate): Promise<SupplyOrderView> {
  const order = await findOrder(db, user.partnerId, id);
  if (!order) throw new DomainError('supply_order.not_found');
  const now = clock();
  const { action, ...details } = change;
  const next = action ? orderTransition(order.status, action) : order.status;
  if (next === null) throw new DomainError('supply_order.transition', { status: order.status, action: action! });
  if (action === 'reopen') {
    const inFlight = await findInFlight(db, order.deviceId, order.supplyIndex);
    if (inFlight) throw new DomainError('supply_order.in_flight', { code: inFlight.code ?? '' });
  }
  const stamp = STAMP[next];
  const cleared = action === 'reopen' ? { shippedAt: null, deliveredAt: null, replacedAt: null, cancelledAt: null } : {};
  const updated = await updateOrder(db, order.id, order.status, {
    ...details,
    status: next,
    ...cleared,
    ...(action && stamp ? { [stamp]: now } : {}),
    updatedAt: now,
  }).catch(async (error: unknown) => {
    // Reopened while another request placed one: the one-in-flight index refuses.
    if (action !== 'reopen' || !isUniqueViolation(error, 'supply_orders_one_in_flight')) throw error;
    const inFlight = await findInFlight(db, order.deviceId, order.supplyIndex);
    throw new DomainError('supply_order.in_flight', { code: inFlight?.code ?? '' });
  });
  if (!updated) throw new DomainError('supply_order.transition', { status: order.status, action: action ?? 'edit' });
  return orderView(db, user.partnerId, order.id);
}

/** Per device and supply, the order on its way, as the coordinator's and technician's views show it. */
export async function ordersOnTheirWay(db: Db, partnerId: string, deviceIds: readonly string[]): Promise<Map<string, NonNullable<BundleSupply['order']>>> {
  const rows = await inFlightOrdersOf(db, partnerId, deviceIds);
  return new Map(
    rows.map((row) => [
      `${row.deviceId}\u0000${row.supplyIndex}`,
      {
        code: row.code ?? '',
        status: row.status as NonNullable<BundleSupply['order']>['status'],
        shippedAt: row.shippedAt?.toISOString() ?? null,
        trackingLink: trackingLink(row.trackingUrl, row.trackingNumber),
        kind: row.kind,
        colour: row.colour,
        partNumber: row.orderedPartNumber ?? row.partNumber,
      },
    ]),
  );
}
