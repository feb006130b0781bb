import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_CONFIG } from '../supplies/order-config.ts';
import { orderConfigLevelSchema } from './supplies.ts';

describe('orderConfigLevelSchema', () => {
  it('accepts Parc default as a full level', () => {
    expect(orderConfigLevelSchema.safeParse(DEFAULT_ORDER_CONFIG).success).toBe(true);
  });

  it.each<[string, unknown, boolean]>([
    ['an empty level (inherits everything)', {}, true],
    ['a single threshold', { levelThresholds: { colour_drum: 12.5 } }, true],
    ['a single block', { blockOn: { exchange_wrong_model: true } }, true],
    ['an unknown setting', { methd: 'level' }, false],
    ['an unknown threshold group', { levelThresholds: { staples: 10 } }, false],
    ['an unknown alarm to block on', { blockOn: { inefficient: true } }, false],
    ['a threshold over 100 %', { levelThresholds: { mono_toner: 101 } }, false],
    ['a negative efficiency', { minEfficiency: -1 }, false],
    ['a fraction of a day', { proactiveDays: 2.5 }, false],
    ['no days', { proactiveDays: 0 }, false],
    ['an unknown method', { method: 'weekly' }, false],
    ['null for "inherit" (leave the field out)', { method: null }, false],
  ])('%s → %s', (_, level, valid) => {
    expect(orderConfigLevelSchema.safeParse(level).success).toBe(valid);
  });
});
