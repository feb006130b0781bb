import { forecastVolume, type PaceSample } from '@parc/shared/billing/forecast';
import { billingPeriodAt } from '@parc/shared/billing/periods';
import { billablePages, billPeriod, BILLED_KINDS, poolOf, termsFor, type BilledKind, type DeviceUsage, type PriceList } from '@parc/shared/billing/pricing';
import type { BillingEstimate } from '@parc/shared/contracts/billing';
import type { Db } from '../../db/client.ts';
import { customerCalendar } from '../meters/settings.repo.ts';
import { priceVersionFor } from './prices.repo.ts';
import { deviceUsage, loadUsage, usageInPeriod, type DeviceInputs } from './usage.repo.ts';

/**
 * The current billing period so far and where it is heading: the volume and amount to date, the
 * projected volume and amount at the period's end, against the pages included for the whole
 * customer (per device, or per pool once). Each device goes on at the pace it printed between the
 * readings its volume runs from and to (for a customer read monthly, since last month's reading).
 * Null when the customer has no prices.
 */
export async function billingEstimate(db: Db, customer: { id: string; partnerId: string }, now: Date): Promise<BillingEstimate | null> {
  const calendar = await customerCalendar(db, customer.partnerId, customer.id);
  const period = billingPeriodAt(calendar, now);
  const version = await priceVersionFor(db, customer.partnerId, customer.id, period.key);
  if (!version) return null;
  const list = version.prices;
  const usage = await loadUsage(db, customer.partnerId, [{ id: customer.id, timeZone: calendar.timeZone }], { from: period.previousStart, to: period.end, lastPeriod: period.key });
  const data = usage.get(customer.id);
  const devices = data ? usageInPeriod(data, period).devices : [];
  const usages = devices.map(deviceUsage);
  const paces = devices.map(paceOf);
  const forecast = (samples: PaceSample[], included: number | null) => forecastVolume({ samples, included, start: period.start, end: period.end, timeZone: calendar.timeZone });
  // Each device at its own pace, so its included pages and fixed fee apply as they will on the run.
  const projected = usages.map((usage, index): DeviceUsage => {
    const pages = { ...usage.pages };
    for (const kind of [...BILLED_KINDS, 'large'] as const) pages[kind] = forecast([{ ...paces[index]!, pages: usage.pages[kind] }], null).projectedPages;
    return { ...usage, pages };
  });
  return {
    period: period.key,
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
    currency: list.currency,
    totalSoFar: billPeriod(list, usages).total,
    projectedTotal: billPeriod(list, projected).total,
    kinds: BILLED_KINDS.map((counter) => {
      const samples = usages.map((usage, index) => ({ ...paces[index]!, pages: billablePages(list, usage)[counter] }));
      const { pagesSoFar, projectedPages, included, projectedOverage, crossingDay } = forecast(samples, includedPages(list, usages, counter));
      return { counter, pagesSoFar, projectedPages, included, projectedOverage, crossingDay };
    }),
  };
}

/** The interval a device's volume was printed in: from its earliest start reading to its latest end reading. */
function paceOf(device: DeviceInputs): Omit<PaceSample, 'pages'> {
  const instants = (key: 'startAt' | 'endAt') => device.counters.flatMap((counter) => (counter[key] ? [Date.parse(counter[key])] : []));
  const to = Math.max(...instants('endAt'), 0);
  return { from: new Date(Math.min(...instants('startAt'), to)), to: new Date(to) };
}

/** Pages of a kind included for the whole customer: each unpooled device's own, each pool's once; null when none. */
function includedPages(list: PriceList, usages: readonly DeviceUsage[], counter: BilledKind): number | null {
  const pools = new Set(usages.flatMap((usage) => poolOf(list, usage.deviceId) ?? []));
  const unpooled = usages.filter((usage) => !poolOf(list, usage.deviceId));
  const included = [...pools].reduce((sum, pool) => sum + pool.included[counter], 0) + unpooled.reduce((sum, usage) => sum + termsFor(list, usage).included[counter], 0);
  return included > 0 ? included : null;
}
