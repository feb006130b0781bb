import { replacementSource } from '@parc/shared/supplies/stock';
import type { OrderStatus } from '@parc/shared/supplies/kinds';
import type { Db } from '../../db/client.ts';
import type { supplyReplacements } from '../../db/schema/index.ts';
import { findInFlight } from './orders.repo.ts';
import { moveStock, stockServing } from './stocks.repo.ts';
import { insertReplacement, supplyModelOfSupply } from './supplies.repo.ts';

/**
 * The one writer of supply replacements, whoever saw them (a technician's op, the agent's level or
 * serial): records it, and draws the new supply from the device's local stock when it came from
 * there (replacementSource: not brought by an order shipped to the device).
 */
export async function recordReplacement(
  tx: Db,
  replacement: Omit<typeof supplyReplacements.$inferInsert, 'createdAt'>,
  now: Date,
  /** The status of the order the replacement fulfils, when the caller knows it; else the supply's order in flight is looked up. */
  fulfilledOrderStatus?: OrderStatus | null,
): Promise<void> {
  await insertReplacement(tx, { ...replacement, createdAt: now });
  const { deviceId, supplyIndex } = replacement;
  if (!supplyIndex) return;
  const supplyModelId = await supplyModelOfSupply(tx, deviceId, supplyIndex);
  const stock = supplyModelId ? await stockServing(tx, deviceId, supplyModelId) : null;
  if (!supplyModelId || !stock) return;
  const orderStatus = fulfilledOrderStatus !== undefined ? fulfilledOrderStatus : ((await findInFlight(tx, deviceId, supplyIndex))?.status ?? null);
  if (replacementSource({ orderStatus, stockQuantity: stock.quantity }) !== 'stock') return;
  await moveStock(tx, { stockId: stock.stockId, supplyModelId, delta: -1, reason: 'replacement', deviceId, at: replacement.replacedAt });
}
