import { DomainError } from '@parc/shared';
import type {
  LocalStock,
  LocalStockInput,
  LocalStockListQuery,
  LocalStockUpdate,
  Replenishment,
  ReplenishmentCreate,
  ReplenishmentListQuery,
  ReplenishmentUpdate,
  StockItemInput,
  StockMovement,
} from '@parc/shared/contracts/stocks';
import { IN_TRANSIT_REPLENISHMENT_STATUSES, replenishmentSuggestion, replenishmentTransition, stockState, type ReplenishmentStatus } from '@parc/shared/supplies/stock';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { isUniqueViolation } from '../customers/scope.ts';
import { nextOrderCode, trackingLink } from './orders.repo.ts';
import { assertCarrier } from './settings.service.ts';
import {
  activeCoordinatorOf,
  clearLowNotice,
  deleteItem,
  deleteStock,
  devicesOfStocks,
  findItem,
  findReplenishments,
  findStocks,
  insertReplenishment,
  insertStock,
  itemsOfStocks,
  linesOf,
  modelsOfPartner,
  movementsOf,
  moveStock,
  partnerDevices,
  setStockDevices,
  siteOf,
  updateReplenishment,
  updateStock,
  upsertItem,
  type StockRow,
} from './stocks.repo.ts';

/** Local stocks as the console sees and changes them; replacements draw from them in replacements.ts. */

const MOVEMENTS_SHOWN = 100;

async function stockViews(db: Db, rows: readonly StockRow[]): Promise<LocalStock[]> {
  const ids = rows.map((row) => row.stock.id);
  const [devices, items] = await Promise.all([devicesOfStocks(db, ids), itemsOfStocks(db, ids)]);
  return rows.map(({ stock, ...row }) => ({
    id: stock.id,
    name: stock.name,
    customer: { id: stock.customerId, number: row.customerNumber, name: row.customerName },
    site: { id: stock.siteId, name: row.siteName },
    manager: { coordinatorId: stock.managerCoordinatorId, coordinatorName: row.coordinatorName, email: stock.managerEmail },
    devices: devices.filter((device) => device.stockId === stock.id).map(({ stockId: _stock, ...device }) => device),
    items: items
      .filter(({ item }) => item.stockId === stock.id)
      .map(({ item, ...model }) => ({
        supplyModelId: item.supplyModelId,
        name: model.name,
        partNumber: model.partNumber,
        dealerReference: model.dealerReference,
        kind: model.kind,
        colour: model.colour,
        quantity: item.quantity,
        minimum: item.minimum,
        target: item.target,
        state: stockState(item.quantity, item.minimum),
        inTransit: model.inTransit,
        suggested: replenishmentSuggestion({ ...item, inTransit: model.inTransit }),
      })),
    updatedAt: stock.updatedAt.toISOString(),
  }));
}

export async function listStocks(db: Db, user: SessionUser, query: LocalStockListQuery): Promise<{ items: LocalStock[] }> {
  return { items: await stockViews(db, await findStocks(db, user, query)) };
}

export async function getStock(db: Db, user: SessionUser, id: string): Promise<LocalStock> {
  const [view] = await stockViews(db, await findStocks(db, user, { stockId: id }));
  if (!view) throw new DomainError('local_stock.not_found');
  return view;
}

/** The devices must stand at the stock's site, the manager be one of the customer's active coordinators. */
async function checkedStock(db: Db, user: SessionUser, customerId: string, siteId: string, input: Pick<LocalStockUpdate, 'deviceIds' | 'managerCoordinatorId'>) {
  if (input.managerCoordinatorId && !(await activeCoordinatorOf(db, customerId, input.managerCoordinatorId))) {
    throw new DomainError('local_stock.manager_not_coordinator', { field: 'managerCoordinatorId' });
  }
  const wanted = [...new Set(input.deviceIds ?? [])];
  const found = await partnerDevices(db, user.partnerId, wanted);
  const stray = wanted.find((id) => found.find((device) => device.id === id)?.siteId !== siteId);
  if (stray) throw new DomainError('local_stock.device_not_at_site', { deviceCode: found.find((device) => device.id === stray)?.deviceCode ?? stray, field: 'deviceIds' });
  return wanted;
}

function nameTaken(error: unknown, name: string | undefined): never {
  if (name !== undefined && isUniqueViolation(error, 'local_stocks_name')) throw new DomainError('local_stock.name_taken', { name, field: 'name' });
  throw error;
}

export async function createStock(db: Db, user: SessionUser, input: LocalStockInput, now: Date): Promise<LocalStock> {
  await getCustomer(db, user, input.customerId);
  const site = await siteOf(db, user.partnerId, input.siteId);
  if (!site || site.customerId !== input.customerId) throw new DomainError('local_stock.site_not_of_customer', { field: 'siteId' });
  const deviceIds = await checkedStock(db, user, input.customerId, input.siteId, input);
  const id = await db
    .transaction(async (tx) => {
      const stockId = await insertStock(tx, {
        partnerId: user.partnerId,
        customerId: input.customerId,
        siteId: input.siteId,
        name: input.name,
        managerCoordinatorId: input.managerCoordinatorId ?? null,
        managerEmail: input.managerEmail ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await setStockDevices(tx, stockId, deviceIds);
      return stockId;
    })
    .catch((error: unknown) => nameTaken(error, input.name));
  return getStock(db, user, id);
}

export async function changeStock(db: Db, user: SessionUser, id: string, change: LocalStockUpdate, now: Date): Promise<LocalStock> {
  const stock = await getStock(db, user, id);
  const deviceIds = await checkedStock(db, user, stock.customer.id, stock.site.id, change);
  await db
    .transaction(async (tx) => {
      const { deviceIds: _devices, ...fields } = change;
      await updateStock(tx, id, { ...fields, updatedAt: now });
      if (change.deviceIds) await setStockDevices(tx, id, deviceIds);
    })
    .catch((error: unknown) => nameTaken(error, change.name));
  return getStock(db, user, id);
}

export async function removeStock(db: Db, user: SessionUser, id: string): Promise<void> {
  await getStock(db, user, id);
  await deleteStock(db, id);
}

/**
 * Adds a supply to a stock or changes its minimum and target; a quantity is an inventory count,
 * recorded as the difference it makes. The target must stay above the minimum once either is set.
 */
export async function saveStockItem(db: Db, user: SessionUser, stockId: string, supplyModelId: string, input: StockItemInput, now: Date): Promise<LocalStock> {
  await getStock(db, user, stockId);
  if ((await modelsOfPartner(db, user.partnerId, [supplyModelId])).length === 0) throw new DomainError('supply_model.not_found');
  await db.transaction(async (tx) => {
    const item = await findItem(tx, stockId, supplyModelId, true);
    const minimum = input.minimum ?? item?.minimum ?? 0;
    const target = input.target ?? item?.target ?? 0;
    if (target !== 0 && target <= minimum) throw new DomainError('stock_item.target_below_minimum', { field: 'target' });
    await upsertItem(tx, { stockId, supplyModelId, quantity: item?.quantity ?? 0, minimum, target, updatedAt: now });
    const counted = input.quantity;
    if (counted !== undefined && counted !== (item?.quantity ?? 0)) {
      await moveStock(tx, { stockId, supplyModelId, delta: counted - (item?.quantity ?? 0), reason: 'count', actorId: user.id, at: now });
    } else {
      await clearLowNotice(tx, stockId, supplyModelId);
    }
  });
  return getStock(db, user, stockId);
}

export async function removeStockItem(db: Db, user: SessionUser, stockId: string, supplyModelId: string): Promise<LocalStock> {
  await getStock(db, user, stockId);
  if (!(await deleteItem(db, stockId, supplyModelId))) throw new DomainError('stock_item.not_found');
  return getStock(db, user, stockId);
}

export async function stockMovements(db: Db, user: SessionUser, stockId: string): Promise<{ items: StockMovement[] }> {
  await getStock(db, user, stockId);
  const rows = await movementsOf(db, stockId, MOVEMENTS_SHOWN);
  return {
    items: rows.map(({ movement, ...row }) => ({
      id: movement.id,
      supplyModelId: movement.supplyModelId,
      supplyName: row.supplyName,
      delta: movement.delta,
      reason: movement.reason,
      deviceCode: row.deviceCode,
      replenishmentCode: row.replenishmentCode,
      actorName: movement.actorId ? row.actorName : null,
      at: movement.at.toISOString(),
    })),
  };
}

// ---- Replenishments --------------------------------------------------------------------------

async function replenishmentViews(db: Db, user: SessionUser, filter: Parameters<typeof findReplenishments>[2]): Promise<Replenishment[]> {
  const rows = await findReplenishments(db, user, filter);
  const lines = await linesOf(db, rows.map((row) => row.replenishment.id));
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return rows.map(({ replenishment, ...row }) => ({
    id: replenishment.id,
    code: replenishment.code,
    stock: { id: replenishment.stockId, name: row.stockName, customerId: row.customerId, customerName: row.customerName, siteName: row.siteName },
    status: replenishment.status,
    carrier: row.carrier?.id ? { id: row.carrier.id, name: row.carrier.name, trackingUrl: row.carrier.trackingUrl } : null,
    trackingNumber: replenishment.trackingNumber,
    trackingLink: trackingLink(row.carrier?.trackingUrl, replenishment.trackingNumber),
    note: replenishment.note,
    lines: lines
      .filter((line) => line.replenishmentId === replenishment.id)
      .map((line) => ({ supplyModelId: line.supplyModelId, name: line.name, partNumber: line.partNumber ?? line.dealerReference, quantity: line.quantity })),
    createdAt: replenishment.createdAt.toISOString(),
    createdBy: replenishment.createdBy ? (row.createdByName ?? null) : null,
    shippedAt: iso(replenishment.shippedAt),
    receivedAt: iso(replenishment.receivedAt),
    cancelledAt: iso(replenishment.cancelledAt),
  }));
}

async function replenishmentView(db: Db, user: SessionUser, id: string): Promise<Replenishment> {
  const [view] = await replenishmentViews(db, user, { ids: [id] });
  if (!view) throw new DomainError('replenishment.not_found');
  return view;
}

export async function listReplenishments(db: Db, user: SessionUser, query: ReplenishmentListQuery): Promise<{ items: Replenishment[] }> {
  const statuses: readonly ReplenishmentStatus[] | undefined = query.status === 'in_transit' ? IN_TRANSIT_REPLENISHMENT_STATUSES : query.status ? [query.status] : undefined;
  return { items: await replenishmentViews(db, user, { stockId: query.stockId, statuses }) };
}

/** A replenishment order from the central stock, numbered with the customer's orders. */
export async function createReplenishment(db: Db, user: SessionUser, stockId: string, input: ReplenishmentCreate, now: Date): Promise<Replenishment> {
  const stock = await getStock(db, user, stockId);
  await assertCarrier(db, user, input.carrierId);
  const models = await modelsOfPartner(db, user.partnerId, input.lines.map((line) => line.supplyModelId));
  if (models.length !== input.lines.length) throw new DomainError('supply_model.not_found', { field: 'lines' });
  const shipped = Boolean(input.trackingNumber);
  const id = await db.transaction(async (tx) =>
    insertReplenishment(
      tx,
      {
        partnerId: user.partnerId,
        stockId,
        code: await nextOrderCode(tx, stock.customer.id),
        // Given a tracking number, it is on its way already.
        status: shipped ? 'shipped' : 'new',
        carrierId: input.carrierId ?? null,
        trackingNumber: input.trackingNumber ?? null,
        note: input.note ?? null,
        createdBy: user.id,
        createdAt: now,
        shippedAt: shipped ? now : null,
        updatedAt: now,
      },
      input.lines,
    ),
  );
  return replenishmentView(db, user, id);
}

const STAMP = { shipped: 'shippedAt', received: 'receivedAt', cancelled: 'cancelledAt' } as const;

/**
 * Moves a replenishment on and/or changes its details, only from the status it was read with.
 * Receiving it adds its lines to the stock, in the same transaction: a double tap adds them once.
 */
export async function changeReplenishment(db: Db, user: SessionUser, id: string, change: ReplenishmentUpdate, now: Date): Promise<Replenishment> {
  const current = await replenishmentView(db, user, id);
  await assertCarrier(db, user, change.carrierId);
  const { action, ...details } = change;
  const next = action ? replenishmentTransition(current.status, action) : current.status;
  if (next === null) throw new DomainError('replenishment.transition', { status: current.status, action: action! });
  await db.transaction(async (tx) => {
    const stamp = next !== current.status && next !== 'new' ? STAMP[next] : null;
    const updated = await updateReplenishment(tx, id, current.status, { ...details, status: next, ...(stamp ? { [stamp]: now } : {}), updatedAt: now });
    if (!updated) throw new DomainError('replenishment.transition', { status: current.status, action: action ?? 'edit' });
    if (next !== 'received' || current.status === 'received') return;
    for (const line of current.lines) {
      await moveStock(tx, { stockId: current.stock.id, supplyModelId: line.supplyModelId, delta: line.quantity, reason: 'replenishment', replenishmentId: id, actorId: user.id, at: now });
    }
  });
  return replenishmentView(db, user, id);
}
