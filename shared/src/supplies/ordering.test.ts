import { describe, expect, it } from 'vitest';
import { detectReplacement, replacementChecks, type SupplyAlarm, type SupplySnapshot } from './checks.ts';
import { currentCycleStart, type SupplyLevelPoint } from './forecast.ts';
import { DEFAULT_ORDER_CONFIG, type OrderConfig } from './order-config.ts';
import type { SupplyOrder } from './kinds.ts';
import { orderDecision, type OrderDecision, type OrderDecisionInput } from './ordering.ts';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-01-05T10:00:00Z');
const day = (n: number) => new Date(START + n * DAY_MS);

const config = (fields: Partial<OrderConfig> = {}): OrderConfig => ({ ...DEFAULT_ORDER_CONFIG, ...fields });
const proactive = config({ method: 'proactive', proactiveDays: 14 });
const input = (fields: Partial<OrderDecisionInput>): OrderDecisionInput => ({
  config: config(),
  kind: 'toner',
  colour: 'black',
  percent: 50,
  forecast: null,
  cycleStart: null,
  orders: [],
  previousCycle: null,
  alarms: [],
  ...fields,
});
const order = (status: SupplyOrder['status'], createdDay: number, id = `o${createdDay}`): SupplyOrder => ({ id, status, createdAt: day(createdDay) });

describe('orderDecision', () => {
  it.each<[string, Partial<OrderDecisionInput>, Partial<OrderDecision>]>([
    // The level method: at or below the threshold (20 % for a mono toner by default).
    ['above the threshold', { percent: 21 }, { order: false, reason: 'above_threshold', fellBackToLevel: false }],
    ['at the threshold', { percent: 20 }, { order: true, trigger: 'level', percent: 20 }],
    ['empty', { percent: 0 }, { order: true, trigger: 'level' }],
    ['a colour toner on its own threshold', { colour: 'cyan', percent: 20, config: config({ levelThresholds: { ...DEFAULT_ORDER_CONFIG.levelThresholds, colour_toner: 15 } }) }, { order: false, reason: 'above_threshold' }],
    ['an unknown level', { percent: null }, { order: false, reason: 'level_unknown' }],
    ['staples: never ordered automatically', { kind: 'staples', colour: 'none', percent: 0 }, { order: false, reason: 'no_threshold' }],

    // One order per cycle.
    ['an order new since an earlier cycle is still in flight', { percent: 10, cycleStart: day(40), orders: [order('new', 20)] }, { order: false, reason: 'order_in_flight', orderId: 'o20' }],
    ['a shipped order is in flight', { percent: 10, cycleStart: day(40), orders: [order('shipped', 45)] }, { order: false, reason: 'order_in_flight', orderId: 'o45' }],
    ['an order replaced in this cycle', { percent: 10, cycleStart: day(40), orders: [order('replaced', 41)] }, { order: false, reason: 'ordered_this_cycle', orderId: 'o41' }],
    ['an order the dealer cancelled in this cycle', { percent: 10, cycleStart: day(40), orders: [order('cancelled', 45)] }, { order: false, reason: 'ordered_this_cycle', orderId: 'o45' }],
    ['no replacement known: every order is this cycle', { percent: 10, cycleStart: null, orders: [order('cancelled', 3)] }, { order: false, reason: 'ordered_this_cycle' }],
    ['a refill started a cycle: the last one\'s order does not count', { percent: 10, cycleStart: day(40), orders: [order('replaced', 30), order('cancelled', 10)] }, { order: true, trigger: 'level' }],
    ['one in flight wins over the rules below it', { percent: null, orders: [order('new', 1)] }, { order: false, reason: 'order_in_flight' }],

    // Proactive: P90 within N days, when the forecast may be ordered on.
    ['proactive, P90 within N days', { config: proactive, percent: 60, forecast: { proactive: true, p90Days: 14 } }, { order: true, trigger: 'proactive', fellBackToLevel: false, p90Days: 14 }],
    ['proactive, P90 beyond N days (whatever the level)', { config: proactive, percent: 5, forecast: { proactive: true, p90Days: 14.5 } }, { order: false, reason: 'not_due', fellBackToLevel: false }],
    ['proactive, nothing consumed', { config: proactive, percent: 40, forecast: { proactive: true, p90Days: null } }, { order: false, reason: 'not_due' }],
    ['proactive on the counters: no level needed', { config: proactive, percent: null, forecast: { proactive: true, p90Days: 3 } }, { order: true, trigger: 'proactive' }],
    ['proactive under a month of history: the level orders, and says so', { config: proactive, percent: 18, forecast: { proactive: false, p90Days: 2 } }, { order: true, trigger: 'level', fellBackToLevel: true }],
    ['proactive under a month of history, level above the threshold', { config: proactive, percent: 30, forecast: { proactive: false, p90Days: 2 } }, { order: false, reason: 'above_threshold', fellBackToLevel: true }],
    ['proactive without a forecast', { config: proactive, percent: 10, forecast: null }, { order: true, trigger: 'level', fellBackToLevel: true }],
    ['level method ignores the forecast', { percent: 50, forecast: { proactive: true, p90Days: 1 } }, { order: false, reason: 'above_threshold', fellBackToLevel: false }],

    // Blocks, once an order is due.
    ['the previous cartridge printed 40 % of its yield (minimum 50 %)', { percent: 10, previousCycle: { pages: 2000, ratedYield: 5000 } }, { order: false, blocked: 'inefficient', trigger: 'level', params: { efficiency: 40, min: 50 } }],
    ['exactly the minimum', { percent: 10, previousCycle: { pages: 2500, ratedYield: 5000 } }, { order: true }],
    ['the efficiency block turned off', { percent: 10, config: config({ minEfficiency: 0 }), previousCycle: { pages: 100, ratedYield: 5000 } }, { order: true }],
    ['pages unknown: no block', { percent: 10, previousCycle: { pages: null, ratedYield: 5000 } }, { order: true }],
    ['yield unknown: no block', { percent: 10, previousCycle: { pages: 100, ratedYield: null } }, { order: true }],
    ['inefficient but not due: not due', { percent: 60, previousCycle: { pages: 100, ratedYield: 5000 } }, { order: false, reason: 'above_threshold' }],
    ['an alarm blocked by default', { percent: 10, alarms: ['exchange_serial_seen'] }, { order: false, blocked: 'exchange_serial_seen', trigger: 'level' }],
    ['an alarm not blocked by default', { percent: 10, alarms: ['exchange_no_order', 'exchange_order_not_shipped'] }, { order: true }],
    ['an alarm the customer blocks on', { percent: 10, alarms: ['exchange_no_order'], config: config({ blockOn: { ...DEFAULT_ORDER_CONFIG.blockOn, exchange_no_order: true } }) }, { order: false, blocked: 'exchange_no_order' }],
    ['a state alarm never blocks', { percent: 10, alarms: ['level_not_updated', 'damaged'] }, { order: true }],
    ['a proactive order blocked', { config: proactive, percent: 60, forecast: { proactive: true, p90Days: 5 }, alarms: ['exchange_not_new'] }, { order: false, blocked: 'exchange_not_new', trigger: 'proactive' }],
  ])('%s', (_, fields, expected) => {
    expect(orderDecision(input(fields))).toMatchObject(expected);
  });
});

/**
 * The agent's reads one by one, as the backend will run them: detect a replacement (and mark the
 * order it fulfils replaced), then decide on an order and place it. Returns the orders placed.
 */
function run(reads: readonly { day: number; percent: number | null }[], options: { alarms?: SupplyAlarm[] } = {}): SupplyOrder[] {
  const orders: SupplyOrder[] = [];
  const levels: SupplyLevelPoint[] = [];
  let previous: SupplySnapshot | null = null;
  for (const read of reads) {
    const current: SupplySnapshot = { at: day(read.day), percent: read.percent, state: read.percent === null ? 'unknown' : 'measured' };
    if (detectReplacement(previous, current).replaced) {
      const { orderId } = replacementChecks({ config: config(), kind: 'toner', colour: 'black', before: previous, after: current, orders, serialSeenOn: null, cyclePages: null, ratedYield: null });
      const fulfilled = orders.find((placed) => placed.id === orderId);
      if (fulfilled) fulfilled.status = 'replaced';
    }
    // Stored on change only, as the agent does.
    if (levels.at(-1)?.percent !== read.percent) levels.push({ at: current.at, percent: read.percent, state: current.state });
    const decision = orderDecision(input({ percent: read.percent, cycleStart: currentCycleStart(levels), orders, alarms: options.alarms ?? [] }));
    if (decision.order) orders.push({ id: `order-${orders.length + 1}`, status: 'new', createdAt: current.at });
    // The last read with a level: a read without one says nothing about a rise.
    if (read.percent !== null) previous = current;
  }
  return orders;
}

/** 100 % down by `rate` a day from `from`, one read a day. */
const falling = (from: number, days: number, rate: number, start = 100) => Array.from({ length: days }, (_, index) => ({ day: from + index, percent: Math.max(0, start - rate * index) }));

describe('one order per supply cycle, over a history of reads', () => {
  it.each<[string, { day: number; percent: number | null }[], number]>([
    ['a cartridge down to empty', falling(0, 60, 2), 1],
    ['shaken at 18 %: up to 24 %, then down again', [...falling(0, 42, 2).filter((read) => read.percent >= 18), { day: 42, percent: 24 }, { day: 43, percent: 22 }, { day: 44, percent: 16 }, { day: 45, percent: 14 }], 1],
    ['shaken twice, the order already shipped', [...falling(0, 41, 2), { day: 41, percent: 25 }, { day: 42, percent: 19 }, { day: 43, percent: 26 }, { day: 44, percent: 15 }], 1],
    ['the agent reports each read twice', falling(0, 60, 2).flatMap((read) => [read, { ...read }]), 1],
    ['unknown levels between reads', falling(0, 60, 2).flatMap((read) => [read, { day: read.day, percent: null }]), 1],
    ['replaced at 12 %, the new one runs down too: a second order', [...falling(0, 45, 2), ...falling(45, 50, 2)], 2],
    ['replaced between unknown levels: a second order', [...falling(0, 45, 2), { day: 45, percent: null }, ...falling(46, 50, 2)].flatMap((read) => [read, { day: read.day, percent: null }]), 2],
    ['three cartridges', [...falling(0, 45, 2), ...falling(45, 45, 2), ...falling(90, 45, 2)], 3],
    ['refilled: a new cartridge, but above the threshold, no order yet', [...falling(0, 45, 2), ...falling(45, 10, 2)], 1],
  ])('%s → %i order(s)', (_, reads, count) => {
    const orders = run(reads);
    expect(orders).toHaveLength(count);
    // Each earlier order was fulfilled by the replacement that followed it.
    expect(orders.slice(0, -1).every((placed) => placed.status === 'replaced')).toBe(true);
  });

  it('an order blocked on an alarm is not placed, and nothing else is either', () => {
    expect(run(falling(0, 60, 2), { alarms: ['exchange_serial_seen'] })).toEqual([]);
  });
});
