import { DomainError } from '@parc/shared';
import { adjustmentLines, linesTotal } from '@parc/shared/billing/adjustments';
import { billingPeriod, billingPeriodAt, type BillingPeriod } from '@parc/shared/billing/periods';
import { billPeriod, trueUp, BILLED_KINDS, type BillLine, type PoolPeriod, type PriceList } from '@parc/shared/billing/pricing';
import {
  billingLineSchema,
  type BillingLine,
  type BillingRun,
  type BillingRunListQuery,
  type BillingRunSummary,
} from '@parc/shared/contracts/billing';
import { amount, formatAmount } from '@parc/shared/billing/money';
import { parsePeriod, type CampaignCalendar, type PeriodKey } from '@parc/shared/meters/periods';
import type { Db } from '../../db/client.ts';
import type { BillingRunInputs } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { customerCalendar } from '../meters/settings.repo.ts';
import { lockForBilling } from '../readings/readings.writer.ts';
import type { PriceVersionRow } from './prices.repo.ts';
import { activeCustomersOf, approvedRunsOf, deleteDraftRun, findRun, findRuns, markApproved, priceVersionsOfCustomers, saveDrafts, type BillingRunRow, type ComputedRun, type RunWithCustomer } from './runs.repo.ts';
import { deviceUsage, groupBy, loadUsage, usageInPeriod, type CustomerUsageData, type DeviceInputs, type MissingDevice } from './usage.repo.ts';

/**
 * Billing runs: one customer's bill for one period, computed from the readings and the price
 * version in force for that period, stored with its inputs. A draft is computed again on demand;
 * approving freezes it and locks the readings it used. Every earlier approved period is computed
 * again from the current readings at its own prices, and what changed since shows as adjustment lines.
 * The only writer of `billing_runs`.
 */

interface Computation {
  period: BillingPeriod;
  priceVersionId: string;
  currency: string;
  inputs: BillingRunInputs;
  lines: BillingLine[];
  missing: MissingDevice[];
  total: string;
  /** The readings the run rests on, those of the periods it adjusts included: what approving locks. */
  readingIds: string[];
}

const notFound = () => new DomainError('billing_run.not_found');
const BILLING_LINE_FIELDS = billingLineSchema.keyof().options;

/** A computed bill's lines as a run shows them: with the device's code and model and the counter values of its volume. */
function describedLines(lines: readonly BillLine[], devices: readonly DeviceInputs[]): BillingLine[] {
  const byId = new Map(devices.map((device) => [device.deviceId, device]));
  return lines.map((line) => {
    const device = line.deviceId === null ? undefined : byId.get(line.deviceId);
    // A device without a mono counter bills its total: its values are the total's.
    const counter =
      line.kind === 'pages' && device ? (device.counters.find((each) => each.kind === line.counter) ?? (line.counter === 'mono' ? device.counters.find((each) => each.kind === 'total') : undefined)) : undefined;
    return {
      kind: line.kind,
      deviceId: line.deviceId,
      deviceCode: device?.deviceCode ?? null,
      deviceModel: device?.model ?? null,
      counter: line.counter,
      poolId: line.poolId,
      supplyModel: line.supplyModel,
      startValue: counter?.startValue ?? null,
      endValue: counter?.endValue ?? null,
      estimated: counter?.estimated ?? false,
      quantity: line.quantity,
      included: line.included,
      billed: line.billed,
      unitPrice: line.unitPrice,
      amount: line.amount,
      adjustsPeriod: null,
    };
  });
}

/** A period's own lines (adjustments aside) from its stored inputs: the same inputs always give the same lines. */
export function linesFromInputs(prices: PriceList, devices: readonly DeviceInputs[]): BillingLine[] {
  return describedLines(billPeriod(prices, devices.map(deviceUsage)).lines, devices);
}

const QUARTER_ENDS = [3, 6, 9, 12];

/**
 * At the end of a quarter (or year) whose pools are trued up: per pool, the pages of the periods
 * approved in it and of this one against their allowances, less the overage they already billed.
 */
function trueUpLines(prices: PriceList, period: BillingPeriod, lines: readonly BillLine[], approved: readonly BillingRunRow[]): BillLine[] {
  const { year, month } = parsePeriod(period.key);
  const closes = prices.trueUp === 'quarterly' ? QUARTER_ENDS.includes(month) : prices.trueUp === 'yearly' && month === 12;
  if (!closes || prices.model !== 'per_page') return [];
  const first = prices.trueUp === 'quarterly' ? `${year}-${String(month - 2).padStart(2, '0')}` : `${year}-01`;
  const earlier = approved.filter((run) => run.period >= first && run.period < period.key).map((run) => run.lines);
  // Nothing to reconcile within a single period (a customer billed per quarter, or the first one approved).
  if (earlier.length === 0) return [];
  return prices.pools.flatMap((pool) => {
    const poolPeriod = (periodLines: readonly BillLine[]): PoolPeriod => {
      const overage = (counter: (typeof BILLED_KINDS)[number]) => periodLines.find((line) => line.kind === 'pool_overage' && line.poolId === pool.id && line.counter === counter);
      const per = (field: 'quantity' | 'billed') => Object.fromEntries(BILLED_KINDS.map((counter) => [counter, overage(counter)?.[field] ?? 0])) as PoolPeriod['pages'];
      return { pages: per('quantity'), billedOverage: per('billed') };
    };
    return trueUp(prices, pool, [...earlier, lines].map(poolPeriod));
  });
}

/** The bounds of an approved run's period as it was billed, and where its starting values are looked for. */
function approvedPeriod(run: BillingRunRow, calendar: CampaignCalendar): Pick<BillingPeriod, 'start' | 'end' | 'previousStart'> {
  return { start: run.periodStart, end: run.periodEnd, previousStart: billingPeriodAt(calendar, new Date(run.periodStart.getTime() - 1)).start };
}

type NotComputed = { skipped: 'approved' | 'no_prices'; period: BillingPeriod };

/** What a customer's run is computed from, besides the readings. */
interface RunPlan {
  customerId: string;
  calendar: CampaignCalendar;
  period: BillingPeriod;
  version: PriceVersionRow;
  versions: PriceVersionRow[];
  approved: BillingRunRow[];
  /** The approved periods before this one, computed again for their adjustments. */
  earlier: { run: BillingRunRow; period: Pick<BillingPeriod, 'start' | 'end' | 'previousStart'> }[];
}

/** One customer's run from its plan and its devices' usage, in memory. */
function computeRun(plan: RunPlan, data: CustomerUsageData): Computation {
  const { period, version, versions, approved, earlier } = plan;
  const prices = version.prices;
  const own = usageInPeriod(data, period);
  const lines = linesFromInputs(prices, own.devices);
  const readingIds = new Set(own.devices.flatMap((device) => device.counters.flatMap((counter) => counter.readingIds)));
  const adjustments = earlier.flatMap(({ run, period: adjusted }) => {
    const usage = usageInPeriod(data, adjusted);
    for (const device of usage.devices) for (const counter of device.counters) for (const id of counter.readingIds) readingIds.add(id);
    const carried = approved.flatMap((other) => (other.id === run.id ? [] : other.lines.filter((line) => line.kind === 'adjustment' && line.adjustsPeriod === run.period)));
    const runPrices = versions.find((each) => each.id === run.priceVersionId)!.prices;
    return adjustmentLines({ period: run.period, currency: prices.currency, approved: run.lines, carried, recomputed: linesFromInputs(runPrices, usage.devices) });
  });
  const all = [...lines, ...describedLines(trueUpLines(prices, period, lines, approved), []), ...adjustments];
  return {
    period,
    priceVersionId: version.id,
    currency: prices.currency,
    inputs: { priceVersionId: version.id, devices: own.devices },
    lines: all,
    missing: own.missing,
    total: linesTotal(all, prices.currency),
    readingIds: [...readingIds],
  };
}

/**
 * Computes the customers' runs for the period containing `key` (per customer, its calendar's
 * period); skipped where that period is frozen or no price version is in force for it. Everything
 * is loaded once for all of them, then computed in memory.
 */
async function computeRuns(db: Db, partnerId: string, customerIds: readonly string[], key: PeriodKey): Promise<Map<string, Computation | NotComputed>> {
  const [calendars, versions, approved] = await Promise.all([
    Promise.all(customerIds.map((customerId) => customerCalendar(db, partnerId, customerId))),
    priceVersionsOfCustomers(db, partnerId, customerIds).then((rows) => groupBy(rows, (row) => row.customerId)),
    approvedRunsOf(db, partnerId, customerIds).then((rows) => groupBy(rows, (row) => row.customerId)),
  ]);
  const plans = customerIds.map((customerId, index): RunPlan | (NotComputed & { customerId: string }) => {
    const calendar = calendars[index]!;
    const period = billingPeriod(calendar, key);
    const ownApproved = approved.get(customerId) ?? [];
    if (ownApproved.some((run) => run.period === period.key)) return { customerId, skipped: 'approved', period };
    const ownVersions = versions.get(customerId) ?? [];
    // Newest first: the version in force is the first one effective at or before the period.
    const version = ownVersions.find((each) => each.effectiveFrom <= period.key);
    if (!version) return { customerId, skipped: 'no_prices', period };
    const earlier = ownApproved.filter((run) => run.period < period.key).map((run) => ({ run, period: approvedPeriod(run, calendar) }));
    return { customerId, calendar, period, version, versions: ownVersions, approved: ownApproved, earlier };
  });
  const toCompute = plans.filter((plan): plan is RunPlan => !('skipped' in plan));
  const span = {
    from: new Date(Math.min(...toCompute.flatMap((plan) => [plan.period.previousStart, ...plan.earlier.map((each) => each.period.previousStart)].map((at) => at.getTime())))),
    to: new Date(Math.max(...toCompute.map((plan) => plan.period.end.getTime()))),
    lastPeriod: toCompute.reduce((last, plan) => (plan.period.key > last ? plan.period.key : last), ''),
  };
  const usage = await loadUsage(db, partnerId, toCompute.map((plan) => ({ id: plan.customerId, timeZone: plan.calendar.timeZone })), span);
  return new Map(plans.map((plan) => [plan.customerId, 'skipped' in plan ? plan : computeRun(plan, usage.get(plan.customerId)!)]));
}

function toSummary(run: RunWithCustomer): BillingRunSummary {
  return {
    id: run.id,
    customerId: run.customerId,
    customerNumber: run.customerNumber,
    customerName: run.customerName,
    period: run.period,
    periodStart: run.periodStart.toISOString(),
    periodEnd: run.periodEnd.toISOString(),
    status: run.status,
    currency: run.currency,
    total: formatAmount(amount(run.total), run.currency),
    estimatedLines: run.lines.filter((line) => line.estimated).length,
    missingDevices: run.missing.length,
    adjustmentLines: run.lines.filter((line) => line.kind === 'adjustment').length,
    computedAt: run.computedAt.toISOString(),
    computedBy: run.computedBy,
    approvedAt: run.approvedAt?.toISOString() ?? null,
    approvedBy: run.approvedBy,
  };
}

function toRun(run: RunWithCustomer): BillingRun {
  return { ...toSummary(run), priceVersionId: run.priceVersionId, lines: run.lines, missing: run.missing };
}

export async function listRuns(db: Db, user: SessionUser, query: BillingRunListQuery): Promise<BillingRunSummary[]> {
  return (await findRuns(db, user.partnerId, query)).map(toSummary);
}

export async function getRun(db: Db, user: SessionUser, id: string): Promise<BillingRun> {
  const run = await findRun(db, user.partnerId, id);
  if (!run) throw notFound();
  return toRun(run);
}

type Skipped = { customerId: string; customerNumber: string; reason: 'no_prices' | 'approved' };

/**
 * Runs (or re-runs the draft of) a period for one customer, or for every active customer of the
 * partner: those without prices in force or already approved for the period are skipped. One
 * customer asked for by name is refused instead.
 */
export async function runBilling(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, input: { period: PeriodKey; customerId?: string }): Promise<{ runs: BillingRunSummary[]; skipped: Skipped[] }> {
  const { db } = deps;
  const chosen = input.customerId ? [await getCustomer(db, user, input.customerId)] : await activeCustomersOf(db, user.partnerId);
  const computations = await computeRuns(db, user.partnerId, chosen.map((customer) => customer.id), input.period);
  const skipped: Skipped[] = [];
  const toSave: ComputedRun[] = [];
  for (const customer of chosen) {
    const computed = computations.get(customer.id)!;
    if ('skipped' in computed) {
      if (input.customerId) throw computed.skipped === 'approved' ? new DomainError('billing_run.approved', { period: computed.period.key }) : new DomainError('prices.not_set');
      skipped.push({ customerId: customer.id, customerNumber: customer.customerNumber, reason: computed.skipped });
      continue;
    }
    toSave.push({
      partnerId: user.partnerId,
      customerId: customer.id,
      period: computed.period.key,
      periodStart: computed.period.start,
      periodEnd: computed.period.end,
      currency: computed.currency,
      total: computed.total,
      priceVersionId: computed.priceVersionId,
      inputs: computed.inputs,
      lines: computed.lines,
      missing: computed.missing,
      computedAt: deps.clock(),
      computedBy: user.email,
    });
  }
  const saved = new Map((await saveDrafts(db, toSave)).map((row) => [row.customerId, row]));
  const runs: BillingRunSummary[] = [];
  for (const customer of chosen) {
    if ('skipped' in computations.get(customer.id)!) continue;
    const row = saved.get(customer.id);
    if (row) runs.push(toSummary({ ...row, customerNumber: customer.customerNumber, customerName: customer.name }));
    // Approved between the computation and the save: frozen, so left as it is.
    else skipped.push({ customerId: customer.id, customerNumber: customer.customerNumber, reason: 'approved' });
  }
  return { runs, skipped };
}

/** A run's price version, lines and missing devices with their fields in one order (stored JSON keeps none), to compare a stored run with a new computation. */
const canonical = (run: { priceVersionId: string; lines: readonly BillingLine[]; missing: readonly MissingDevice[] }) =>
  JSON.stringify([
    run.priceVersionId,
    run.lines.map((line) => BILLING_LINE_FIELDS.map((field) => line[field])),
    run.missing.map(({ deviceId, deviceCode, deviceModel }) => [deviceId, deviceCode, deviceModel]),
  ]);

/**
 * Approves a draft once its period has ended and only if computing it again gives the same run
 * (nothing changed since it was shown to the clerk); locks the readings it used.
 */
export async function approveRun(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, id: string): Promise<BillingRun> {
  await deps.db.transaction(async (tx) => {
    const run = await findRun(tx, user.partnerId, id, { forUpdate: true });
    if (!run) throw notFound();
    if (run.status === 'approved') throw new DomainError('billing_run.approved', { period: run.period });
    const now = deps.clock();
    if (now < run.periodEnd) throw new DomainError('billing_run.period_open', { period: run.period, end: run.periodEnd.toISOString() });
    const computed = (await computeRuns(tx, run.partnerId, [run.customerId], run.period)).get(run.customerId)!;
    if ('skipped' in computed || canonical(computed) !== canonical(run)) throw new DomainError('billing_run.stale');
    await markApproved(tx, run.id, now, user.email);
    await lockForBilling(tx, user.partnerId, computed.readingIds, now);
  });
  return getRun(deps.db, user, id);
}

/** Only a draft can be deleted: an approved run stays as it was billed. */
export async function deleteRun(db: Db, user: SessionUser, id: string): Promise<void> {
  const run = await findRun(db, user.partnerId, id);
  if (!run) throw notFound();
  if (run.status === 'approved' || !(await deleteDraftRun(db, user.partnerId, id))) throw new DomainError('billing_run.approved', { period: run.period });
}
