import { REFILL_RISE, STALE_DAYS, type SupplyLevelState } from './forecast.ts';
import { isInFlight, thresholdKey, type SupplyColour, type SupplyKind, type SupplyOrder } from './kinds.ts';
import type { OrderConfig } from './order-config.ts';

/**
 * Replacement detection and the checks on a supply, after the manual's alarms: an exchange that does
 * not look right (a cartridge taken elsewhere, a used one put in, one changed too early), a cartridge
 * that printed too little, and a supply whose state cannot be trusted. Codes and parameters only: the
 * sentences come from the catalogues. A check that needs what the printer does not give (a serial, a
 * model, a level) is skipped, with the reason: neither passed nor failed, so no alarm rests on a guess.
 */

/** An incorrect exchange, one code per cause the manual lists. */
export const EXCHANGE_ALARMS = [
  /** No order was waiting for this supply. */
  'exchange_no_order',
  /** The order was still new: not shipped. */
  'exchange_order_not_shipped',
  /** The new supply reads under NEW_SUPPLY_MIN_PERCENT: a used one. */
  'exchange_not_new',
  /** Its serial was already reported by another device: swapped between printers. */
  'exchange_serial_seen',
  /** The old one still held more than the configured replacement maximum. */
  'exchange_early',
  /** The supply put in is not the model ordered. */
  'exchange_wrong_model',
] as const;
export type ExchangeAlarm = (typeof EXCHANGE_ALARMS)[number];

/** A supply whose readings cannot be trusted. */
export const STATE_ALARMS = ['level_unknown', 'level_not_updated', 'damaged'] as const;
export type StateAlarm = (typeof STATE_ALARMS)[number];

export const SUPPLY_ALARMS = [...EXCHANGE_ALARMS, 'inefficient', ...STATE_ALARMS] as const;
export type SupplyAlarm = (typeof SUPPLY_ALARMS)[number];

/** Why a check could not be run. */
export const CHECK_SKIP_REASONS = ['no_level', 'no_serial', 'no_model', 'no_order', 'no_ordered_model', 'no_pages', 'no_rated_yield', 'no_threshold', 'disabled', 'not_read'] as const;
export type CheckSkipReason = (typeof CHECK_SKIP_REASONS)[number];

export type CheckResult<Code extends SupplyAlarm = SupplyAlarm> =
  | { code: Code; outcome: 'passed' }
  | { code: Code; outcome: 'alarm'; params: Record<string, string | number> }
  | { code: Code; outcome: 'skipped'; reason: CheckSkipReason };

/** A new supply under this level has been used elsewhere (the manual's 80 %). */
export const NEW_SUPPLY_MIN_PERCENT = 80;

const DAY_MS = 86_400_000;

/** A supply as one read of the agent gives it. */
export interface SupplySnapshot {
  at: Date;
  percent: number | null;
  state: SupplyLevelState;
  /** The supply's own serial (chip), when the printer gives it. */
  serial?: string | null;
  /** Its model or part number, when the printer gives it. */
  model?: string | null;
}

export type ReplacementDetection = { replaced: false } | { replaced: true; by: 'technician' | 'serial' | 'level' };

/**
 * Whether a supply was replaced between two reads, by the strongest evidence: a technician's
 * replacement op between them, a different serial, or a level that rose REFILL_RISE points or more
 * (and more than one step of a printer reporting in steps, whose level flaps between two), or "some
 * remaining" again after empty: the same rules as the forecast's cycleStarts, so an order's cycle and
 * a replacement agree. Smaller rises are a shaken cartridge or noise. No previous read is a device
 * just added: its supplies were installed before Parc knew it, not replaced (the manual checks no
 * level then). `previous` is the last read that gave a level: a read without one says nothing of a
 * rise.
 */
export function detectReplacement(previous: SupplySnapshot | null, current: SupplySnapshot, options: { replacementOps?: readonly Date[]; step?: number } = {}): ReplacementDetection {
  if (!previous) return { replaced: false };
  const from = previous.at.getTime();
  const to = current.at.getTime();
  if ((options.replacementOps ?? []).some((op) => op.getTime() > from && op.getTime() <= to)) return { replaced: true, by: 'technician' };
  if (previous.serial && current.serial && previous.serial.trim() !== current.serial.trim()) return { replaced: true, by: 'serial' };
  if (previous.percent === null) return { replaced: false };
  if (current.percent === null) return previous.percent <= 0 && current.state === 'some_remaining' ? { replaced: true, by: 'level' } : { replaced: false };
  const rise = current.percent - previous.percent;
  return rise >= REFILL_RISE && rise > (options.step ?? 0) ? { replaced: true, by: 'level' } : { replaced: false };
}

/** Pages printed as a percentage of the rated yield; null when either is unknown. */
export function cycleEfficiency(pages: number | null | undefined, ratedYield: number | null | undefined): number | null {
  if (pages === null || pages === undefined || !ratedYield || ratedYield <= 0) return null;
  return (Math.max(0, pages) / ratedYield) * 100;
}

export interface ReplacementCheckInput {
  config: OrderConfig;
  kind: SupplyKind;
  colour: SupplyColour;
  /** The old supply as last read before the replacement; null when never read. */
  before: SupplySnapshot | null;
  /** The new supply as first read. */
  after: SupplySnapshot;
  /** This supply's orders. */
  orders: readonly SupplyOrder[];
  /** Another device that already reported the new supply's serial (its id); null when none did. */
  serialSeenOn: string | null;
  /** Pages the old supply printed, from the counters between its start and the replacement; null when unknown. */
  cyclePages: number | null;
  /** The old supply's rated yield in pages; null when unknown. */
  ratedYield: number | null;
}

export interface ReplacementChecks {
  /** The order this replacement fulfils (the oldest still in flight before it), to mark replaced. */
  orderId: string | null;
  results: CheckResult<ExchangeAlarm | 'inefficient'>[];
}

/**
 * The checks on a replacement, each passed, an alarm or skipped. The order it fulfils is the oldest
 * new or shipped one placed before it: orders are delivered in the order they were placed.
 */
export function replacementChecks(input: ReplacementCheckInput): ReplacementChecks {
  const { config, after, before } = input;
  const replacedAt = after.at.getTime();
  const order =
    input.orders
      .filter((candidate) => isInFlight(candidate.status) && candidate.createdAt.getTime() <= replacedAt)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0] ?? null;
  const key = thresholdKey(input.kind, input.colour);
  const results: CheckResult<ExchangeAlarm | 'inefficient'>[] = [];
  const passed = (code: ExchangeAlarm | 'inefficient') => results.push({ code, outcome: 'passed' });
  const alarm = (code: ExchangeAlarm | 'inefficient', params: Record<string, string | number> = {}) => results.push({ code, outcome: 'alarm', params });
  const skipped = (code: ExchangeAlarm | 'inefficient', reason: CheckSkipReason) => results.push({ code, outcome: 'skipped', reason });

  if (order) passed('exchange_no_order');
  else alarm('exchange_no_order');

  if (!order) skipped('exchange_order_not_shipped', 'no_order');
  else if (order.status === 'new') alarm('exchange_order_not_shipped', { orderId: order.id });
  else passed('exchange_order_not_shipped');

  if (after.percent === null) skipped('exchange_not_new', 'no_level');
  else if (after.percent < NEW_SUPPLY_MIN_PERCENT) alarm('exchange_not_new', { percent: after.percent, min: NEW_SUPPLY_MIN_PERCENT });
  else passed('exchange_not_new');

  if (!after.serial?.trim()) skipped('exchange_serial_seen', 'no_serial');
  else if (input.serialSeenOn !== null) alarm('exchange_serial_seen', { serial: after.serial.trim(), deviceId: input.serialSeenOn });
  else passed('exchange_serial_seen');

  const oldPercent = before?.percent ?? null;
  if (key === null) skipped('exchange_early', 'no_threshold');
  else if (oldPercent === null) skipped('exchange_early', 'no_level');
  else if (oldPercent > config.replacementMaxLevels[key]) alarm('exchange_early', { percent: oldPercent, max: config.replacementMaxLevels[key] });
  else passed('exchange_early');

  const installed = after.model?.trim();
  const ordered = order?.model?.trim();
  if (!installed) skipped('exchange_wrong_model', 'no_model');
  else if (!order) skipped('exchange_wrong_model', 'no_order');
  else if (!ordered) skipped('exchange_wrong_model', 'no_ordered_model');
  else if (installed.toLowerCase() !== ordered.toLowerCase()) alarm('exchange_wrong_model', { ordered, installed });
  else passed('exchange_wrong_model');

  const efficiency = cycleEfficiency(input.cyclePages, input.ratedYield);
  if (config.minEfficiency <= 0) skipped('inefficient', 'disabled');
  else if (input.cyclePages === null) skipped('inefficient', 'no_pages');
  else if (efficiency === null) skipped('inefficient', 'no_rated_yield');
  else if (efficiency < config.minEfficiency) alarm('inefficient', { efficiency: Math.round(efficiency), min: config.minEfficiency });
  else passed('inefficient');

  return { orderId: order?.id ?? null, results };
}

export interface StateCheckInput {
  percent: number | null;
  state: SupplyLevelState;
  /** Raw prtMarkerSuppliesLevel and maximum, when the printer gives them. */
  level?: number | null;
  max?: number | null;
  /** When the agent last updated this supply, and last read the device. */
  readAt: Date;
  deviceReadAt: Date | null;
}

/**
 * The checks on a supply's state at each read. Not updated means the agent read the device but not
 * this supply for STALE_DAYS: an agent that is off is the agent's alarm, not the
 * supply's. Damaged means an impossible value (more than full, or a level no RFC 3805 value
 * explains); a printer that reports no level at all (`other`) is not damaged, only unmeasured.
 */
export function stateChecks(input: StateCheckInput): CheckResult<StateAlarm>[] {
  const results: CheckResult<StateAlarm>[] = [];
  if (input.state === 'unknown') results.push({ code: 'level_unknown', outcome: 'alarm', params: {} });
  else if (input.state === 'other') results.push({ code: 'level_unknown', outcome: 'skipped', reason: 'no_level' });
  else results.push({ code: 'level_unknown', outcome: 'passed' });

  if (!input.deviceReadAt) results.push({ code: 'level_not_updated', outcome: 'skipped', reason: 'not_read' });
  else {
    const days = (input.deviceReadAt.getTime() - input.readAt.getTime()) / DAY_MS;
    if (days >= STALE_DAYS) results.push({ code: 'level_not_updated', outcome: 'alarm', params: { days: Math.floor(days) } });
    else results.push({ code: 'level_not_updated', outcome: 'passed' });
  }

  const { percent } = input;
  const level = input.level ?? null;
  const max = input.max ?? null;
  const overFull = level !== null && max !== null && max > 0 && level > max;
  if (overFull || (percent !== null && !(percent >= 0 && percent <= 100)) || (level !== null && level < -3)) {
    const params = Object.fromEntries(Object.entries({ percent, level, max }).filter((entry): entry is [string, number] => entry[1] !== null));
    results.push({ code: 'damaged', outcome: 'alarm', params });
  } else if (percent === null && level === null) results.push({ code: 'damaged', outcome: 'skipped', reason: 'no_level' });
  else results.push({ code: 'damaged', outcome: 'passed' });
  return results;
}
