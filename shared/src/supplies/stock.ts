import type { OrderStatus } from './kinds.ts';

/**
 * Local stock (the manual's "stock local"): supplies kept at a customer's site for the devices it
 * serves, so a technician replaces a cartridge at once instead of waiting for a delivery. The stock
 * is refilled by replenishment orders from the dealer's central stock; a replacement draws one.
 */

/** A replenishment's life: placed, shipped (carrier and tracking), received into the stock, or cancelled. */
export const REPLENISHMENT_STATUSES = ['new', 'shipped', 'received', 'cancelled'] as const;
export type ReplenishmentStatus = (typeof REPLENISHMENT_STATUSES)[number];
export const IN_TRANSIT_REPLENISHMENT_STATUSES = ['new', 'shipped'] as const satisfies readonly ReplenishmentStatus[];

export const REPLENISHMENT_ACTIONS = {
  ship: ['new'],
  receive: ['new', 'shipped'],
  cancel: ['new', 'shipped'],
} as const satisfies Record<string, readonly ReplenishmentStatus[]>;
export type ReplenishmentAction = keyof typeof REPLENISHMENT_ACTIONS;

const ACTION_RESULT: Record<ReplenishmentAction, ReplenishmentStatus> = { ship: 'shipped', receive: 'received', cancel: 'cancelled' };

/** The status an action leads to, or null when the replenishment's status does not allow it. */
export function replenishmentTransition(status: ReplenishmentStatus, action: ReplenishmentAction): ReplenishmentStatus | null {
  return (REPLENISHMENT_ACTIONS[action] as readonly ReplenishmentStatus[]).includes(status) ? ACTION_RESULT[action] : null;
}

export const STOCK_STATES = ['ok', 'low', 'empty'] as const;
export type StockState = (typeof STOCK_STATES)[number];

/** Low at or under the minimum the dealer set for that supply in that stock; empty at zero. */
export function stockState(quantity: number, minimum: number): StockState {
  if (quantity <= 0) return 'empty';
  return quantity <= minimum ? 'low' : 'ok';
}

/**
 * Where the supply a replacement put in came from. A supply an order brought to the device (shipped
 * or delivered, waiting to go in) is that order's; otherwise, with the device served by a stock that
 * holds one, it was taken from the stock; else Parc cannot tell (a technician's van, a customer's
 * cupboard) and draws nothing.
 */
export function replacementSource(input: { orderStatus: OrderStatus | null; stockQuantity: number | null }): 'order' | 'stock' | 'unknown' {
  if (input.orderStatus === 'shipped' || input.orderStatus === 'to_replace') return 'order';
  if (input.stockQuantity !== null && input.stockQuantity > 0) return 'stock';
  return 'unknown';
}

/**
 * Whether to tell the stock's manager it runs low: once when it falls to the minimum, not again
 * until it has been refilled above it (`noticedAt` is cleared then).
 */
export function lowStockNoticeDue(item: { quantity: number; minimum: number; noticedAt: Date | null }): boolean {
  return item.noticedAt === null && stockState(item.quantity, item.minimum) !== 'ok';
}

/**
 * How many to send, the classic (minimum, target) policy: nothing while the stock and what is on
 * its way stay above the minimum; else enough to bring it back to its target (at least one above
 * the minimum when the target was left at or under it). The replenishment form's suggestion.
 */
export function replenishmentSuggestion(item: { quantity: number; minimum: number; target: number; inTransit: number }): number {
  const expected = item.quantity + item.inTransit;
  if (expected > item.minimum) return 0;
  return Math.max(item.target, item.minimum + 1) - expected;
}
