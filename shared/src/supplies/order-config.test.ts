import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_CONFIG, effectiveOrderConfig, type ConfigSource, type OrderConfigLevel } from './order-config.ts';

type Levels = [OrderConfigLevel | null, OrderConfigLevel | null, OrderConfigLevel | null];

describe('effectiveOrderConfig', () => {
  it('with nothing set: Parc default everywhere', () => {
    const { config, from } = effectiveOrderConfig(null);
    expect(config).toEqual(DEFAULT_ORDER_CONFIG);
    expect(from.method).toBe('default');
    expect(Object.values(from.levelThresholds)).toEqual(Array(6).fill('default'));
    expect(Object.values(from.blockOn).every((source) => source === 'default')).toBe(true);
  });

  // Each setting is read from the lowest level that sets it, one threshold at a time.
  type Read = (result: ReturnType<typeof effectiveOrderConfig>) => [unknown, ConfigSource];
  it.each<[string, Levels, Read, [unknown, ConfigSource]]>([
    ['the dealer sets the method', [{ method: 'proactive' }, null, null], ({ config, from }) => [config.method, from.method], ['proactive', 'dealer']],
    ['the customer overrides the dealer', [{ method: 'proactive' }, { method: 'level' }, null], ({ config, from }) => [config.method, from.method], ['level', 'customer']],
    ['the device overrides the customer', [{ proactiveDays: 10 }, { proactiveDays: 20 }, { proactiveDays: 5 }], ({ config, from }) => [config.proactiveDays, from.proactiveDays], [5, 'device']],
    ['a level that leaves it out inherits', [{ proactiveDays: 10 }, {}, { method: 'level' }], ({ config, from }) => [config.proactiveDays, from.proactiveDays], [10, 'dealer']],
    ['one threshold from the customer', [{ levelThresholds: { colour_toner: 25 } }, { levelThresholds: { colour_toner: 30 } }, null], ({ config, from }) => [config.levelThresholds.colour_toner, from.levelThresholds.colour_toner], [30, 'customer']],
    ['the threshold beside it from the dealer', [{ levelThresholds: { mono_toner: 12 } }, { levelThresholds: { colour_toner: 30 } }, null], ({ config, from }) => [config.levelThresholds.mono_toner, from.levelThresholds.mono_toner], [12, 'dealer']],
    ['and one nobody set from the default', [{ levelThresholds: { mono_toner: 12 } }, { levelThresholds: { colour_toner: 30 } }, null], ({ config, from }) => [config.levelThresholds.waste_toner, from.levelThresholds.waste_toner], [DEFAULT_ORDER_CONFIG.levelThresholds.waste_toner, 'default']],
    ['0 is a value, not "unset"', [{ minEfficiency: 60 }, { minEfficiency: 0 }, null], ({ config, from }) => [config.minEfficiency, from.minEfficiency], [0, 'customer']],
    ['false is a value, not "unset"', [{ markSentAfterNotification: true }, null, { markSentAfterNotification: false }], ({ config, from }) => [config.markSentAfterNotification, from.markSentAfterNotification], [false, 'device']],
    ['one block from the device', [null, { blockOn: { exchange_no_order: true } }, { blockOn: { exchange_serial_seen: false } }], ({ config, from }) => [config.blockOn.exchange_serial_seen, from.blockOn.exchange_serial_seen], [false, 'device']],
    ['the block beside it from the customer', [null, { blockOn: { exchange_no_order: true } }, { blockOn: { exchange_serial_seen: false } }], ({ config, from }) => [config.blockOn.exchange_no_order, from.blockOn.exchange_no_order], [true, 'customer']],
    ['a replacement maximum from the dealer', [{ replacementMaxLevels: { maintenance_kit: 3 } }, {}, {}], ({ config, from }) => [config.replacementMaxLevels.maintenance_kit, from.replacementMaxLevels.maintenance_kit], [3, 'dealer']],
  ])('%s', (_, [dealer, customer, device], read, expected) => {
    expect(read(effectiveOrderConfig(dealer, customer, device))).toEqual(expected);
  });
});
