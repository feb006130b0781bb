import { describe, expect, it } from 'vitest';
import { lowStockNoticeDue, replacementSource, replenishmentSuggestion, replenishmentTransition, stockState, type ReplenishmentAction, type ReplenishmentStatus } from './stock.ts';

describe('replenishmentTransition', () => {
  it.each<[ReplenishmentStatus, ReplenishmentAction, ReplenishmentStatus | null]>([
    ['new', 'ship', 'shipped'],
    ['shipped', 'ship', null],
    ['new', 'receive', 'received'],
    ['shipped', 'receive', 'received'],
    ['received', 'receive', null],
    ['new', 'cancel', 'cancelled'],
    ['shipped', 'cancel', 'cancelled'],
    ['received', 'cancel', null],
    ['cancelled', 'receive', null],
  ])('%s + %s → %s', (status, action, expected) => {
    expect(replenishmentTransition(status, action)).toBe(expected);
  });
});

describe('stockState', () => {
  it.each([
    [5, 2, 'ok'],
    [3, 2, 'ok'],
    [2, 2, 'low'],
    [1, 2, 'low'],
    [0, 2, 'empty'],
    [0, 0, 'empty'],
    [1, 0, 'ok'],
  ] as const)('%i with a minimum of %i is %s', (quantity, minimum, expected) => {
    expect(stockState(quantity, minimum)).toBe(expected);
  });
});

describe('replacementSource', () => {
  it.each([
    [{ orderStatus: 'shipped', stockQuantity: 3 }, 'order'],
    [{ orderStatus: 'to_replace', stockQuantity: null }, 'order'],
    // A placed order not shipped yet brought nothing: the stock did.
    [{ orderStatus: 'new', stockQuantity: 3 }, 'stock'],
    [{ orderStatus: null, stockQuantity: 1 }, 'stock'],
    [{ orderStatus: null, stockQuantity: 0 }, 'unknown'],
    [{ orderStatus: null, stockQuantity: null }, 'unknown'],
    [{ orderStatus: 'cancelled', stockQuantity: 0 }, 'unknown'],
  ] as const)('%o → %s', (input, expected) => {
    expect(replacementSource(input)).toBe(expected);
  });
});

describe('lowStockNoticeDue', () => {
  const at = new Date('2026-12-01T08:00:00Z');
  it.each([
    [{ quantity: 3, minimum: 2, noticedAt: null }, false],
    [{ quantity: 2, minimum: 2, noticedAt: null }, true],
    [{ quantity: 0, minimum: 0, noticedAt: null }, true],
    [{ quantity: 1, minimum: 2, noticedAt: at }, false],
    [{ quantity: 5, minimum: 2, noticedAt: at }, false],
  ])('%o → %s', (item, expected) => {
    expect(lowStockNoticeDue(item)).toBe(expected);
  });
});

describe('replenishmentSuggestion', () => {
  it.each([
    // Above the minimum: nothing yet.
    [{ quantity: 4, minimum: 2, target: 6, inTransit: 0 }, 0],
    // At the minimum: back to the target.
    [{ quantity: 2, minimum: 2, target: 6, inTransit: 0 }, 4],
    [{ quantity: 0, minimum: 2, target: 6, inTransit: 0 }, 6],
    // What is on its way counts.
    [{ quantity: 1, minimum: 2, target: 6, inTransit: 2 }, 0],
    [{ quantity: 0, minimum: 2, target: 6, inTransit: 1 }, 5],
    // No target above the minimum: one above it.
    [{ quantity: 1, minimum: 2, target: 0, inTransit: 0 }, 2],
    [{ quantity: 0, minimum: 0, target: 0, inTransit: 0 }, 1],
  ])('%o → %i', (item, expected) => {
    expect(replenishmentSuggestion(item)).toBe(expected);
  });
});
