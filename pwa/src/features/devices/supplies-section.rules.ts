/**
 * The device page's supplies section, its pure rules: days to empty as a range (or why there is
 * none), the note on a short history, an alarm's sentence and its parameters, and whether a supply
 * can be ordered by hand.
 */
import type { DeviceSupply } from '@parc/shared/contracts/supplies';
import type { SupplyAlarm } from '@parc/shared/supplies/checks';
import type { ForecastReason } from '@parc/shared/supplies/forecast';
import { daysRange } from '../supplies/orders.rules.ts';

type Forecast = DeviceSupply['forecast'];

/** The reasons that explain a missing forecast, most telling first; each has a sentence. */
export const NO_FORECAST_REASONS = ['levels_stuck', 'no_consumption', 'no_measured_levels', 'too_few_levels', 'no_rated_yield', 'no_print_rate', 'stale'] as const satisfies readonly ForecastReason[];
export type NoForecastReason = (typeof NO_FORECAST_REASONS)[number];

export type ForecastView =
  /** No forecast: none given, no basis, or nothing consumed; with the reason when the forecast names one. */
  | { kind: 'none'; reason: NoForecastReason | null }
  | { kind: 'empty' }
  /** Empty within about a day. */
  | { kind: 'soon'; date: string | null }
  /** Whole days from the early forecast (p90) to the median (p50), and the same as dates. */
  | { kind: 'range'; low: number; high: number; lowDate: string | null; highDate: string | null };

export function forecastView(forecast: Forecast): ForecastView {
  const reasonOf = (reasons: readonly string[]): NoForecastReason | null => NO_FORECAST_REASONS.find((reason) => reasons.includes(reason)) ?? null;
  if (!forecast) return { kind: 'none', reason: null };
  if (forecast.reasons.includes('empty')) return { kind: 'empty' };
  const range = forecast.basis === 'none' ? null : daysRange(forecast.p90Days, forecast.p50Days);
  if (!range) return { kind: 'none', reason: reasonOf(forecast.reasons) };
  if (range.high <= 1) return { kind: 'soon', date: forecast.p90Date ?? forecast.p50Date };
  return { kind: 'range', low: range.low, high: range.high, lowDate: forecast.p90Date ?? forecast.p50Date, highDate: forecast.p50Date ?? forecast.p90Date };
}

/** A forecast that stands on under a month, or under three months, of history says so. */
export function historyNote(forecast: Forecast): 'under_a_month' | 'under_three_months' | null {
  if (!forecast || forecast.basis === 'none') return null;
  if (forecast.reasons.includes('under_a_month')) return 'under_a_month';
  return forecast.reasons.includes('under_three_months') ? 'under_three_months' : null;
}

/** The parameters each alarm's sentence shows; an alarm without them gets its plain sentence. */
const ALARM_PARAMS = {
  exchange_no_order: [],
  exchange_order_not_shipped: [],
  exchange_not_new: ['percent', 'min'],
  exchange_serial_seen: ['serial'],
  exchange_early: ['percent', 'max'],
  exchange_wrong_model: ['ordered', 'installed'],
  inefficient: ['efficiency', 'min'],
  level_unknown: [],
  level_not_updated: ['days'],
  damaged: [],
} as const satisfies Record<SupplyAlarm, readonly string[]>;

/** The alarms whose sentence shows parameters: without them they get a plain sentence. */
export type AlarmWithParams = { [Code in SupplyAlarm]: (typeof ALARM_PARAMS)[Code] extends readonly [] ? never : Code }[SupplyAlarm];
export type AlarmWording = { code: SupplyAlarm; detailed: true; params: Record<string, string> } | { code: AlarmWithParams; detailed: false };

/**
 * What an alarm's sentence needs: its parameters, numbers written by `formatNumber` (the reader's
 * locale); when one is missing, the plain sentence instead.
 */
export function alarmWording(alarm: { code: SupplyAlarm; params: Record<string, string | number> }, formatNumber: (value: number) => string): AlarmWording {
  const wanted: readonly string[] = ALARM_PARAMS[alarm.code];
  const params: Record<string, string> = {};
  for (const name of wanted) {
    const value = alarm.params[name];
    if (typeof value === 'number') params[name] = formatNumber(value);
    else if (typeof value === 'string' && value.trim() !== '') params[name] = value.trim();
  }
  if (wanted.every((name) => name in params)) return { code: alarm.code, detailed: true, params };
  return { code: alarm.code as AlarmWithParams, detailed: false };
}

/** Why a supply cannot be ordered by hand now: one is on its way, or Parc does not know its kind; null when it can. */
export function orderBlocker(supply: Pick<DeviceSupply, 'kind' | 'order'>): 'in_flight' | 'no_kind' | null {
  if (supply.order) return 'in_flight';
  return supply.kind ? null : 'no_kind';
}
