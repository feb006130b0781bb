import { cycleEfficiency, type ExchangeAlarm, type SupplyAlarm } from './checks.ts';
import type { SupplyForecast } from './forecast.ts';
import { isInFlight, thresholdKey, type SupplyColour, type SupplyKind, type SupplyOrder } from './kinds.ts';
import type { OrderConfig } from './order-config.ts';

/**
 * Whether a supply needs an automatic order now. One order per supply cycle, never two: the levels
 * a printer reports go back up when a cartridge is shaken, agents report the same level twice, and
 * a dealer who gets two cartridges for one empty one stops trusting the automatic orders.
 */

export type OrderTrigger = 'level' | 'proactive';

export interface OrderDecisionInput {
  config: OrderConfig;
  kind: SupplyKind;
  colour: SupplyColour;
  /** The level now (percent); null when the printer gives none. */
  percent: number | null;
  /** The forecast of the current cartridge (forecastDaysToEmpty); null when none was made. */
  forecast: Pick<SupplyForecast, 'p90Days' | 'proactive'> | null;
  /** The current cartridge's start (currentCycleStart); null when the history shows no replacement. */
  cycleStart: Date | null;
  /** This supply's orders, any status. */
  orders: readonly SupplyOrder[];
  /** The previous cartridge's pages and rated yield, for its efficiency; null when there was none. */
  previousCycle: { pages: number | null; ratedYield: number | null } | null;
  /** The supply's unresolved alarms. */
  alarms: readonly SupplyAlarm[];
}

interface Evaluated {
  /** The method was proactive but the forecast may not be ordered on (under a month of history, no basis): the level decided. */
  fellBackToLevel: boolean;
  percent: number | null;
  p90Days: number | null;
}

export type OrderDecision =
  | { order: false; reason: 'no_threshold' | 'order_in_flight' | 'ordered_this_cycle'; orderId?: string }
  | ({ order: false; reason: 'level_unknown' | 'above_threshold' | 'not_due' } & Evaluated)
  | ({ order: true; trigger: OrderTrigger } & Evaluated)
  | ({ order: false; blocked: 'inefficient' | ExchangeAlarm; trigger: OrderTrigger; params: Record<string, number> } & Evaluated);

/**
 * In this order:
 *  - no threshold group (staples): never ordered automatically;
 *  - an order in flight (new or shipped), whenever placed: the supply it brings has not gone in;
 *  - any order since the current cartridge went in (a cancelled one too: the dealer decided for this
 *    cartridge, and would see it placed again at the next read). Without a known start the whole
 *    history is one cartridge. A shake or a repeated report does not start a cartridge
 *    (currentCycleStart needs a rise of REFILL_RISE), so they never reach a second order;
 *  - the trigger. Proactive: the forecast's early (P90) empty day within N days, when the forecast
 *    may be ordered on (a basis and a month of history; it stands on the counters when the printer
 *    gives no level); otherwise the level decides, and the decision says so. Level: at or below the
 *    threshold; an unknown level orders nothing;
 *  - blocks, only once an order is due (so the console can say what was held back): the previous
 *    cartridge printed less than the minimum share of its rated yield, or an unresolved exchange
 *    alarm the configuration blocks on.
 */
export function orderDecision(input: OrderDecisionInput): OrderDecision {
  const { config, forecast } = input;
  const key = thresholdKey(input.kind, input.colour);
  if (key === null) return { order: false, reason: 'no_threshold' };
  const inFlight = input.orders.find((order) => isInFlight(order.status));
  if (inFlight) return { order: false, reason: 'order_in_flight', orderId: inFlight.id };
  const start = input.cycleStart?.getTime() ?? -Infinity;
  const thisCycle = input.orders.find((order) => order.createdAt.getTime() >= start);
  if (thisCycle) return { order: false, reason: 'ordered_this_cycle', orderId: thisCycle.id };

  const proactive = config.method === 'proactive' && forecast !== null && forecast.proactive;
  const evaluated: Evaluated = { fellBackToLevel: config.method === 'proactive' && !proactive, percent: input.percent, p90Days: forecast?.p90Days ?? null };
  let trigger: OrderTrigger;
  if (proactive) {
    if (forecast.p90Days === null || forecast.p90Days > config.proactiveDays) return { order: false, reason: 'not_due', ...evaluated };
    trigger = 'proactive';
  } else {
    if (input.percent === null) return { order: false, reason: 'level_unknown', ...evaluated };
    if (input.percent > config.levelThresholds[key]) return { order: false, reason: 'above_threshold', ...evaluated };
    trigger = 'level';
  }

  const efficiency = cycleEfficiency(input.previousCycle?.pages, input.previousCycle?.ratedYield);
  if (config.minEfficiency > 0 && efficiency !== null && efficiency < config.minEfficiency) {
    return { order: false, blocked: 'inefficient', trigger, params: { efficiency: Math.round(efficiency), min: config.minEfficiency }, ...evaluated };
  }
  const blocking = input.alarms.find((alarm): alarm is ExchangeAlarm => config.blockOn[alarm as ExchangeAlarm] === true);
  if (blocking) return { order: false, blocked: blocking, trigger, params: {}, ...evaluated };
  return { order: true, trigger, ...evaluated };
}
