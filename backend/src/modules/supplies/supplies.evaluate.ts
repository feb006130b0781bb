import { detectReplacement, replacementChecks, stateChecks, STATE_ALARMS, type ExchangeAlarm, type SupplyAlarm, type SupplySnapshot } from '@parc/shared/supplies/checks';
import { cycleStarts, forecastDaysToEmpty, reportingStep, type SupplyForecast, type SupplyLevelPoint } from '@parc/shared/supplies/forecast';
import { effectiveOrderConfig, type OrderConfig } from '@parc/shared/supplies/order-config';
import { orderDecision } from '@parc/shared/supplies/ordering';
import type { SupplyOrder } from '@parc/shared/supplies/kinds';
import type { Db } from '../../db/client.ts';
import { insertOrder, orderFor, ordersOfSupplies, updateOrder } from './orders.repo.ts';
import { recordReplacement } from './replacements.ts';
import {
  customerTimeZone,
  deviceSupplyRows,
  deviceWithSupplySerial,
  levelHistory,
  linkReplacementToOrder,
  openAlarms,
  openAlarmsOf,
  orderConfigLevels,
  proactiveDevices,
  pagesBetween,
  replacementsOf,
  resolveAlarms,
  type DeviceSupplyRow,
} from './supplies.repo.ts';

/**
 * What Parc does with an agent's supply levels, inside the sample's transaction: detect a
 * replacement (and close the order it fulfils), run the manual's checks, and place the automatic
 * order a supply needs — one per supply cycle, however often the level is reported or shaken.
 */

/** History read for a decision: a cycle lasts months, and the forecast fits on the last 120 days. */
const HISTORY_DAYS = 400;
const DAY_MS = 86_400_000;

export interface EvaluatedDevice {
  id: string;
  partnerId: string;
  customerId: string;
}

/** A supply whose level (or serial) the sample changed, as stored before it. */
export interface SupplyChange {
  supplyIndex: string;
  before: { percent: number | null; serial: string | null; readAt: Date } | null;
}

const toOrder = (row: { id: string; status: SupplyOrder['status']; createdAt: Date; orderedPartNumber: string | null; partNumber: string | null }): SupplyOrder => ({
  id: row.id,
  status: row.status,
  createdAt: row.createdAt,
  model: row.orderedPartNumber ?? row.partNumber,
});

/** The forecast of one supply from its stored history. */
export function supplyForecast(supply: Pick<DeviceSupplyRow, 'readAt' | 'ratedYield'>, levels: readonly SupplyLevelPoint[], replacements: readonly Date[], now: Date, timeZone: string): SupplyForecast {
  return forecastDaysToEmpty({ levels, lastReadAt: supply.readAt, replacements, now, timeZone, ratedYield: supply.ratedYield });
}

export async function effectiveConfigOf(db: Db, device: EvaluatedDevice): Promise<OrderConfig> {
  const levels = await orderConfigLevels(db, device.partnerId, device.customerId, device.id);
  return effectiveOrderConfig(levels.dealer?.settings ?? null, levels.customer?.settings ?? null, levels.device?.settings ?? null).config;
}

/**
 * Evaluates the supplies a sample changed and checks the state of all of them. Returns the orders
 * placed and meant to be sent (not those held back for a person), to notify once committed.
 */
export async function evaluateSupplies(tx: Db, device: EvaluatedDevice, changes: readonly SupplyChange[], sampledAt: Date, now: Date): Promise<string[]> {
  const supplies = await deviceSupplyRows(tx, device.id);
  const alarms = await openAlarmsOf(tx, device.id);
  await checkStates(tx, device, supplies, alarms, sampledAt, now);
  const changed = changes.flatMap((change) => {
    const supply = supplies.find((row) => row.supplyIndex === change.supplyIndex);
    return supply?.kind ? [{ change, supply, kind: supply.kind }] : [];
  });
  if (changed.length === 0) return [];

  const config = await effectiveConfigOf(tx, device);
  const since = new Date(sampledAt.getTime() - HISTORY_DAYS * DAY_MS);
  const indexes = changed.map((each) => each.supply.supplyIndex);
  // One after the other: a transaction is one connection.
  const history = await levelHistory(tx, device.id, indexes, since);
  const replacements = await replacementsOf(tx, device.id, since);
  const orderRows = await ordersOfSupplies(tx, device.id, indexes);
  const timeZone = config.method === 'proactive' ? await customerTimeZone(tx, device.customerId) : 'UTC';
  const placed: string[] = [];

  for (const { change, supply, kind } of changed) {
    const levels = history.filter((row) => row.supplyIndex === supply.supplyIndex);
    const points: SupplyLevelPoint[] = levels.map((row) => ({ at: row.readAt, percent: row.percent }));
    const technicianOps = replacements.filter((row) => row.supplyIndex === supply.supplyIndex && row.detectedBy === 'technician');
    let orders = orderRows.filter((row) => row.supplyIndex === supply.supplyIndex);
    const current: SupplySnapshot = { at: sampledAt, percent: supply.percent, state: supply.state, serial: supply.serial, model: supply.partNumber };
    const lastMeasured = levels.filter((row) => row.readAt < sampledAt && row.percent !== null).at(-1);
    const previous: SupplySnapshot | null = change.before
      ? { at: lastMeasured?.readAt ?? change.before.readAt, percent: lastMeasured?.percent ?? change.before.percent, state: 'measured', serial: change.before.serial }
      : null;
    const replacement = detectReplacement(previous, current, {
      replacementOps: technicianOps.map((op) => op.replacedAt),
      step: reportingStep(points.flatMap((point) => (point.percent === null ? [] : [point.percent]))),
    });

    if (replacement.replaced) {
      const starts = cycleStarts(points.filter((point) => point.at < sampledAt), technicianOps.map((op) => op.replacedAt));
      const oldStart = starts.at(-1) ?? null;
      const checks = replacementChecks({
        config,
        kind,
        colour: supply.colour,
        before: previous,
        after: current,
        orders: orders.map(toOrder),
        serialSeenOn: supply.serial ? await deviceWithSupplySerial(tx, device.partnerId, supply.serial, device.id) : null,
        cyclePages: oldStart ? await pagesBetween(tx, device.id, oldStart, sampledAt) : null,
        ratedYield: supply.ratedYield,
      });
      const raised = checks.results.flatMap((result) => (result.outcome === 'alarm' ? [{ supplyIndex: supply.supplyIndex, code: result.code as SupplyAlarm, params: result.params }] : []));
      // A new cartridge: the last one's exchange alarms are settled, this one's are raised.
      await resolveAlarms(tx, device.id, supply.supplyIndex, checks.results.map((result) => result.code), now);
      await openAlarms(tx, device.partnerId, device.id, raised, now);
      // The manual: with a blocking check failed, the order keeps its status for a person to look at.
      const blocked = raised.some((alarm) => config.blockOn[alarm.code as ExchangeAlarm] === true);
      const fulfilled = checks.orderId ? orders.find((order) => order.id === checks.orderId) : undefined;
      if (fulfilled && !blocked) {
        const replaced = await updateOrder(tx, fulfilled.id, fulfilled.status, { status: 'replaced', replacedAt: sampledAt, updatedAt: now });
        if (replaced) orders = orders.map((order) => (order.id === replaced.id ? replaced : order));
      }
      const technicianOp = replacement.by === 'technician' ? technicianOps.filter((op) => op.replacedAt > previous!.at && op.replacedAt <= sampledAt).at(-1) : undefined;
      if (technicianOp) {
        if (fulfilled) await linkReplacementToOrder(tx, technicianOp.id, fulfilled.id);
      } else {
        await recordReplacement(
          tx,
          { partnerId: device.partnerId, deviceId: device.id, supplyIndex: supply.supplyIndex, supplyType: kind, colour: supply.colour, detectedBy: replacement.by === 'serial' ? 'serial' : 'level', orderId: fulfilled?.id ?? null, replacedAt: sampledAt },
          now,
          fulfilled?.status ?? null,
        );
      }
    }

    const openCodes = (await openAlarmsOf(tx, device.id)).filter((alarm) => alarm.supplyIndex === supply.supplyIndex).map((alarm) => alarm.code);
    const placedId = await placeDueOrder(tx, device, supply, kind, { config, points, replacementOps: technicianOps.map((op) => op.replacedAt), orders, openCodes, timeZone, at: sampledAt });
    if (placedId) placed.push(placedId);
  }
  return placed;
}

/** What deciding a supply's order needs, read once per device. */
interface DecisionContext {
  config: OrderConfig;
  points: readonly SupplyLevelPoint[];
  replacementOps: readonly Date[];
  orders: readonly SupplyOrderRow[];
  openCodes: readonly SupplyAlarm[];
  timeZone: string;
  /** When the decision is made: the sample's read, or the daily review's now. */
  at: Date;
}

type SupplyOrderRow = Awaited<ReturnType<typeof ordersOfSupplies>>[number];

/**
 * Places the order a supply is due for (orderDecision), held back when a block applies. Returns
 * its id when placed and meant to be sent; null when nothing was due, it was held back, or an order
 * already in flight won.
 */
async function placeDueOrder(tx: Db, device: EvaluatedDevice, supply: DeviceSupplyRow, kind: NonNullable<DeviceSupplyRow['kind']>, context: DecisionContext): Promise<string | null> {
  const { config, points, replacementOps, at } = context;
  const starts = cycleStarts(points, replacementOps);
  const forecast = config.method === 'proactive' ? supplyForecast(supply, points, replacementOps, at, context.timeZone) : null;
  const decide = (previousCycle: { pages: number | null; ratedYield: number | null } | null) =>
    orderDecision({ config, kind, colour: supply.colour, percent: supply.percent, forecast, cycleStart: starts.at(-1) ?? null, orders: context.orders.map(toOrder), previousCycle, alarms: context.openCodes });
  let decision = decide(null);
  // The previous cartridge's pages cost two lookups: only once an order is due and the block is on.
  if (decision.order && config.minEfficiency > 0 && starts.length >= 2 && supply.ratedYield) {
    decision = decide({ pages: await pagesBetween(tx, device.id, starts.at(-2)!, starts.at(-1)!), ratedYield: supply.ratedYield });
  }
  const trigger = decision.order || 'blocked' in decision ? decision.trigger : null;
  if (!trigger) return null;
  const order = await insertOrder(
    tx,
    orderFor(device, supply, kind, {
      trigger,
      createdBy: null,
      heldBack: 'blocked' in decision ? decision.blocked : null,
      heldBackParams: 'blocked' in decision ? decision.params : null,
      p50Days: forecast?.p50Days ?? null,
      p90Days: forecast?.p90Days ?? null,
    }),
    // Dated when the level was read: an agent back from offline sends its reads late, and cycles and replacements are on that clock.
    at,
  );
  return order && !order.heldBack ? order.id : null;
}

/**
 * The proactive method's daily look: a forecast's early empty day comes closer every day, but the
 * decision runs on samples that change a level, and a printer reporting in 10 % steps may not
 * change for weeks. Once a day, each device whose configuration is proactive has its supplies
 * decided again as of now. Returns the orders to notify, by partner.
 */
export async function reviewProactiveOrders(db: Db, now: Date): Promise<Map<string, string[]>> {
  const placed = new Map<string, string[]>();
  for (const device of await proactiveDevices(db)) {
    const ids = await db.transaction(async (tx) => {
      const config = await effectiveConfigOf(tx, device);
      if (config.method !== 'proactive') return [];
      const supplies = (await deviceSupplyRows(tx, device.id)).filter((supply) => supply.kind);
      const indexes = supplies.map((supply) => supply.supplyIndex);
      const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
      const history = await levelHistory(tx, device.id, indexes, since);
      const replacements = await replacementsOf(tx, device.id, since);
      const orderRows = await ordersOfSupplies(tx, device.id, indexes);
      const alarms = await openAlarmsOf(tx, device.id);
      const timeZone = await customerTimeZone(tx, device.customerId);
      const ids: string[] = [];
      for (const supply of supplies) {
        const id = await placeDueOrder(tx, device, supply, supply.kind!, {
          config,
          points: history.filter((row) => row.supplyIndex === supply.supplyIndex).map((row) => ({ at: row.readAt, percent: row.percent })),
          replacementOps: replacements.filter((row) => row.supplyIndex === supply.supplyIndex && row.detectedBy === 'technician').map((row) => row.replacedAt),
          orders: orderRows.filter((row) => row.supplyIndex === supply.supplyIndex),
          openCodes: alarms.filter((alarm) => alarm.supplyIndex === supply.supplyIndex).map((alarm) => alarm.code),
          timeZone,
          at: now,
        });
        if (id) ids.push(id);
      }
      return ids;
    });
    if (ids.length) placed.set(device.partnerId, [...(placed.get(device.partnerId) ?? []), ...ids]);
  }
  return placed;
}

/**
 * The state checks at every read, for every supply: open what fails, resolve what passes again.
 * Writes only when an alarm opens or closes.
 */
async function checkStates(tx: Db, device: EvaluatedDevice, supplies: readonly DeviceSupplyRow[], open: readonly { supplyIndex: string; code: SupplyAlarm }[], sampledAt: Date, now: Date): Promise<void> {
  for (const supply of supplies) {
    const results = stateChecks({ percent: supply.percent, state: supply.state, level: supply.level, max: supply.max, readAt: supply.readAt, deviceReadAt: sampledAt });
    const isOpen = (code: SupplyAlarm) => open.some((alarm) => alarm.supplyIndex === supply.supplyIndex && alarm.code === code);
    const raised = results.flatMap((result) => (result.outcome === 'alarm' && !isOpen(result.code) ? [{ supplyIndex: supply.supplyIndex, code: result.code, params: result.params }] : []));
    const cleared = results.flatMap((result) => (result.outcome !== 'alarm' && isOpen(result.code) ? [result.code] : []));
    await openAlarms(tx, device.partnerId, device.id, raised, now);
    if (cleared.length) await resolveAlarms(tx, device.id, supply.supplyIndex, cleared.filter((code) => (STATE_ALARMS as readonly string[]).includes(code)), now);
  }
}
