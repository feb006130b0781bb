import { EXCHANGE_ALARMS, type ExchangeAlarm } from './checks.ts';
import { THRESHOLD_KEYS, type ThresholdKey } from './kinds.ts';

/**
 * How automatic supply orders are placed, set at three levels: the dealer's default, a customer's,
 * a device's. Each level sets any subset of the settings and overrides the level above it, setting
 * by setting (a customer may change only the colour toner threshold), so the console can show where
 * each value comes from ("inherited from the customer").
 */

export const ORDER_METHODS = ['level', 'proactive'] as const;
export type OrderMethod = (typeof ORDER_METHODS)[number];

/** Where an effective setting comes from: Parc's default, or the level that set it. */
export const CONFIG_SOURCES = ['default', 'dealer', 'customer', 'device'] as const;
export type ConfigSource = (typeof CONFIG_SOURCES)[number];

export interface OrderConfig {
  /** `level`: order when the level reaches its threshold. `proactive`: order when the forecast's P90 reaches `proactiveDays`. */
  method: OrderMethod;
  /** Percent at or below which the level method orders, per supply group. */
  levelThresholds: Record<ThresholdKey, number>;
  /** Calendar days before the early (P90) empty day at which the proactive method orders. */
  proactiveDays: number;
  /** Percent of the rated yield the previous cartridge must have printed for a new automatic order; 0 turns the block off. */
  minEfficiency: number;
  /** Mark an order sent as soon as its notification went out, rather than when the dealer marks it. */
  markSentAfterNotification: boolean;
  /** Which incorrect-exchange alarms, while unresolved, block the supply's automatic orders. */
  blockOn: Record<ExchangeAlarm, boolean>;
  /** The most (percent) a supply may still hold when replaced; above it the exchange was early. */
  replacementMaxLevels: Record<ThresholdKey, number>;
}

/** What one level sets: any subset, down to a single threshold. */
export interface OrderConfigLevel {
  method?: OrderMethod;
  levelThresholds?: Partial<Record<ThresholdKey, number>>;
  proactiveDays?: number;
  minEfficiency?: number;
  markSentAfterNotification?: boolean;
  blockOn?: Partial<Record<ExchangeAlarm, boolean>>;
  replacementMaxLevels?: Partial<Record<ThresholdKey, number>>;
}

/** The source of each effective setting, in the shape of OrderConfig. */
export type OrderConfigSources = {
  [K in keyof OrderConfig]: OrderConfig[K] extends Record<string, unknown> ? Record<keyof OrderConfig[K], ConfigSource> : ConfigSource;
};

/**
 * Parc's default, what a dealer starts from. Orders on the level (proactive needs a month of history
 * a new fleet lacks), 20 % for toners and 15 % for drums leaves a delivery's time on a typical
 * office printer; maintenance parts and waste containers last long and warn late. The replacement
 * maxima and the 50 % efficiency floor are the manual's. Only exchanges that suggest a cartridge went
 * elsewhere (a used one put in, one seen in another printer) block orders: the others are paperwork
 * (no order, order not marked shipped) and must not leave a customer without toner.
 */
export const DEFAULT_ORDER_CONFIG: OrderConfig = {
  method: 'level',
  levelThresholds: { mono_toner: 20, colour_toner: 20, mono_drum: 15, colour_drum: 15, maintenance_kit: 10, waste_toner: 10 },
  proactiveDays: 14,
  minEfficiency: 50,
  markSentAfterNotification: false,
  blockOn: { exchange_no_order: false, exchange_order_not_shipped: false, exchange_not_new: true, exchange_serial_seen: true, exchange_early: false, exchange_wrong_model: false },
  replacementMaxLevels: { mono_toner: 10, colour_toner: 10, mono_drum: 10, colour_drum: 10, maintenance_kit: 5, waste_toner: 10 },
};

export interface EffectiveOrderConfig {
  config: OrderConfig;
  from: OrderConfigSources;
}

/** Each setting from the lowest level that sets it (device, then customer, then dealer, then Parc's default), with that level. */
export function effectiveOrderConfig(dealer: OrderConfigLevel | null, customer?: OrderConfigLevel | null, device?: OrderConfigLevel | null): EffectiveOrderConfig {
  const levels = [
    ['device', device],
    ['customer', customer],
    ['dealer', dealer],
  ] as const;
  function pick<T>(read: (level: OrderConfigLevel) => T | undefined, fallback: T): [T, ConfigSource] {
    for (const [source, level] of levels) {
      const value = level ? read(level) : undefined;
      if (value !== undefined) return [value, source];
    }
    return [fallback, 'default'];
  }
  function pickEach<K extends string, T>(keys: readonly K[], read: (level: OrderConfigLevel) => Partial<Record<K, T>> | undefined, fallback: Record<K, T>) {
    const values = {} as Record<K, T>;
    const from = {} as Record<K, ConfigSource>;
    for (const key of keys) [values[key], from[key]] = pick<T>((level) => read(level)?.[key], fallback[key]);
    return [values, from] as const;
  }
  const defaults = DEFAULT_ORDER_CONFIG;
  const [method, methodFrom] = pick((level) => level.method, defaults.method);
  const [proactiveDays, proactiveDaysFrom] = pick((level) => level.proactiveDays, defaults.proactiveDays);
  const [minEfficiency, minEfficiencyFrom] = pick((level) => level.minEfficiency, defaults.minEfficiency);
  const [markSent, markSentFrom] = pick((level) => level.markSentAfterNotification, defaults.markSentAfterNotification);
  const [levelThresholds, levelThresholdsFrom] = pickEach(THRESHOLD_KEYS, (level) => level.levelThresholds, defaults.levelThresholds);
  const [blockOn, blockOnFrom] = pickEach(EXCHANGE_ALARMS, (level) => level.blockOn, defaults.blockOn);
  const [replacementMaxLevels, replacementMaxLevelsFrom] = pickEach(THRESHOLD_KEYS, (level) => level.replacementMaxLevels, defaults.replacementMaxLevels);
  return {
    config: { method, levelThresholds, proactiveDays, minEfficiency, markSentAfterNotification: markSent, blockOn, replacementMaxLevels },
    from: {
      method: methodFrom,
      levelThresholds: levelThresholdsFrom,
      proactiveDays: proactiveDaysFrom,
      minEfficiency: minEfficiencyFrom,
      markSentAfterNotification: markSentFrom,
      blockOn: blockOnFrom,
      replacementMaxLevels: replacementMaxLevelsFrom,
    },
  };
}
