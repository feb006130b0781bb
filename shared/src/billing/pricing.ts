import { amount, formatAmount, roundLine, ZERO, type Amount } from './money.ts';
import { tieredAmount, type Tier } from './tiers.ts';

/**
 * What a customer owes for one billing period, from the pages each device printed and the
 * customer's price list. Pure: same inputs, same lines, same amounts (a billing run is reproducible).
 *
 * - Terms per device: the device's own, else its manufacturer + model's, else the customer's defaults.
 * - `per_page`: per device and counter kind, the pages beyond the included ones at the kind's price;
 *   a kind without a price is not billed (scans are billed only where priced); plus the device's fixed fee.
 * - `tiered`: device lines carry the volumes and fixed fees; the amount is computed on the customer's
 *   total per kind, band by band, as customer-level lines.
 * - Pools: pages included for a group of devices (or all of them) instead of per device; the pool's
 *   overage is a customer-level line at the customer's default prices.
 * - Large format: where the contract says so, each large sheet counts one more mono page.
 * - Consumables: each replacement at the price of its supply model.
 * - A minimum per period tops the total up when the volume falls short.
 * Every line is rounded once, to the currency's minor unit; the total is the sum of the lines.
 */

export const BILLED_KINDS = ['mono', 'colour', 'scan'] as const;
/** Per page (with optional included pages and fixed fees), tiered by the customer's total volume, or per consumable replaced only. */
export const PRICE_MODELS = ['per_page', 'tiered', 'per_consumable'] as const;
export type PriceModel = (typeof PRICE_MODELS)[number];
export const TRUE_UP_SCHEDULES = ['none', 'quarterly', 'yearly'] as const;
export type TrueUpSchedule = (typeof TRUE_UP_SCHEDULES)[number];
export type BilledKind = (typeof BILLED_KINDS)[number];
export type PerKind<T> = Record<BilledKind, T>;

export interface DeviceTerms {
  /** Price per page beyond the included ones, a decimal string; null: this kind is not billed. */
  prices: PerKind<string | null>;
  /** Pages included per device and period. */
  included: PerKind<number>;
  /** Fixed fee per device and period (the subscription), a decimal string. */
  fixedFee: string;
}

export interface DevicePool {
  id: string;
  name?: string;
  /** The devices sharing the pool, or every device of the customer. */
  deviceIds: readonly string[] | 'all';
  included: PerKind<number>;
}

export interface PriceList {
  currency: string;
  model: PriceModel;
  defaults: DeviceTerms;
  models: readonly { manufacturer: string; model: string; terms: DeviceTerms }[];
  devices: readonly { deviceId: string; terms: DeviceTerms }[];
  /** Used by the `tiered` model. */
  tiers: PerKind<readonly Tier[]>;
  pools: readonly DevicePool[];
  /** Billed at least this much per period, a decimal string. */
  minimumPerPeriod: string | null;
  largeCountsDouble: boolean;
  consumables: readonly { supplyModel: string; price: string }[];
  /** When pooled overage is reconciled (see trueUp). */
  trueUp?: TrueUpSchedule;
}

export interface DeviceUsage {
  deviceId: string;
  manufacturer: string;
  model: string;
  pages: PerKind<number> & { large: number };
  /** Supplies replaced in the period, by supply model. */
  replacements: readonly { supplyModel: string; count: number }[];
}

/** `adjustment`: the difference a correction made to an approved period, billed on a later run. */
export const LINE_KINDS = ['pages', 'fixed_fee', 'consumable', 'tiered', 'pool_overage', 'minimum', 'true_up', 'adjustment'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export interface BillLine {
  kind: LineKind;
  /** Null for customer-level lines (tiered, pool overage, minimum). */
  deviceId: string | null;
  counter: BilledKind | null;
  poolId: string | null;
  supplyModel: string | null;
  /** Pages printed (or supplies replaced) that the line is about. */
  quantity: number;
  /** Pages included (per device or pool). */
  included: number;
  /** Pages (or supplies) billed. */
  billed: number;
  /** Null where the line has no single unit price (tiered, minimum) or is not billed. */
  unitPrice: string | null;
  /** Rounded to the currency's minor unit; null for a device's volume under a tiered or pooled price. */
  amount: string | null;
}

export interface PeriodBill {
  currency: string;
  lines: BillLine[];
  total: string;
}

const sameText = (a: string, b: string) => a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'accent' }) === 0;

export function termsFor(list: PriceList, device: Pick<DeviceUsage, 'deviceId' | 'manufacturer' | 'model'>): DeviceTerms {
  return (
    list.devices.find((entry) => entry.deviceId === device.deviceId)?.terms ??
    list.models.find((entry) => sameText(entry.manufacturer, device.manufacturer) && sameText(entry.model, device.model))?.terms ??
    list.defaults
  );
}

export function poolOf(list: PriceList, deviceId: string): DevicePool | undefined {
  return list.pools.find((pool) => pool.deviceIds === 'all' || pool.deviceIds.includes(deviceId));
}

/** Pages billed by kind: large sheets count once more as mono where the contract says so. */
export function billablePages(list: PriceList, usage: DeviceUsage): PerKind<number> {
  return { mono: usage.pages.mono + (list.largeCountsDouble ? usage.pages.large : 0), colour: usage.pages.colour, scan: usage.pages.scan };
}

const line = (fields: Partial<BillLine> & Pick<BillLine, 'kind' | 'quantity'>): BillLine => ({
  deviceId: null,
  counter: null,
  poolId: null,
  supplyModel: null,
  included: 0,
  billed: fields.quantity,
  unitPrice: null,
  amount: null,
  ...fields,
});

export function billPeriod(list: PriceList, usages: readonly DeviceUsage[]): PeriodBill {
  const money = (value: Amount) => formatAmount(roundLine(value, list.currency), list.currency);
  const lines: BillLine[] = [];
  for (const usage of usages) {
    const terms = termsFor(list, usage);
    const pool = poolOf(list, usage.deviceId);
    const pages = billablePages(list, usage);
    for (const counter of BILLED_KINDS) {
      const price = terms.prices[counter];
      const quantity = pages[counter];
      if (price === null && quantity === 0) continue;
      const base = { kind: 'pages' as const, deviceId: usage.deviceId, counter, quantity };
      if (list.model !== 'per_page' || pool) {
        // The amount is on the customer-level line (or, per consumable, on the replacements); the device line carries its volume.
        lines.push(line({ ...base, poolId: pool?.id ?? null, billed: quantity }));
        continue;
      }
      const billed = price === null ? 0 : Math.max(0, quantity - terms.included[counter]);
      lines.push(line({ ...base, included: terms.included[counter], billed, unitPrice: price, amount: price === null ? null : money(amount(price).times(billed)) }));
    }
    if (!amount(terms.fixedFee).isZero()) lines.push(line({ kind: 'fixed_fee', deviceId: usage.deviceId, quantity: 1, unitPrice: terms.fixedFee, amount: money(amount(terms.fixedFee)) }));
    for (const replacement of usage.replacements) {
      const price = list.consumables.find((entry) => sameText(entry.supplyModel, replacement.supplyModel))?.price ?? null;
      lines.push(
        line({
          kind: 'consumable',
          deviceId: usage.deviceId,
          supplyModel: replacement.supplyModel,
          quantity: replacement.count,
          billed: price === null ? 0 : replacement.count,
          unitPrice: price,
          amount: price === null ? null : money(amount(price).times(replacement.count)),
        }),
      );
    }
  }
  lines.push(...poolLines(list, usages, money), ...(list.model === 'tiered' ? tieredLinesOf(list, usages, money) : []));
  const subtotal = lines.reduce((sum, each) => (each.amount === null ? sum : sum.plus(each.amount)), ZERO);
  if (list.minimumPerPeriod !== null && subtotal.lessThan(list.minimumPerPeriod)) {
    lines.push(line({ kind: 'minimum', quantity: 1, unitPrice: list.minimumPerPeriod, amount: money(amount(list.minimumPerPeriod).minus(subtotal)) }));
  }
  const total = lines.reduce((sum, each) => (each.amount === null ? sum : sum.plus(each.amount)), ZERO);
  return { currency: list.currency, lines, total: formatAmount(total, list.currency) };
}

/** Per pool and kind: the pages beyond the pool's included ones, at the customer's default price (tiered lists bill pools by their bands instead). */
function poolLines(list: PriceList, usages: readonly DeviceUsage[], money: (value: Amount) => string): BillLine[] {
  if (list.model !== 'per_page') return [];
  return list.pools.flatMap((pool) => {
    const members = usages.filter((usage) => poolOf(list, usage.deviceId)?.id === pool.id);
    return BILLED_KINDS.flatMap((counter) => {
      const price = list.defaults.prices[counter];
      const quantity = members.reduce((sum, usage) => sum + billablePages(list, usage)[counter], 0);
      if (price === null && quantity === 0) return [];
      const billed = price === null ? 0 : Math.max(0, quantity - pool.included[counter]);
      return [line({ kind: 'pool_overage', poolId: pool.id, counter, quantity, included: pool.included[counter], billed, unitPrice: price, amount: price === null ? null : money(amount(price).times(billed)) })];
    });
  });
}

/** The customer's total per kind, band by band. */
function tieredLinesOf(list: PriceList, usages: readonly DeviceUsage[], money: (value: Amount) => string): BillLine[] {
  return BILLED_KINDS.flatMap((counter) => {
    const tiers = list.tiers[counter];
    if (tiers.length === 0) return [];
    const quantity = usages.reduce((sum, usage) => sum + billablePages(list, usage)[counter], 0);
    return [line({ kind: 'tiered', counter, quantity, amount: money(tieredAmount(quantity, tiers)) })];
  });
}

export interface PoolPeriod {
  /** Pages the pool printed in the period. */
  pages: PerKind<number>;
  /** Pages of the pool's overage already billed in the period. */
  billedOverage: PerKind<number>;
}

/**
 * The quarterly or yearly true-up of a pool: the pages of all its periods against all their
 * allowances together, minus the overage the periods already billed. Positive bills what the periods
 * did not (a contract that bills overage only at the true-up); negative credits the overage of busy
 * months that quiet months made up for.
 */
export function trueUp(list: PriceList, pool: DevicePool, periods: readonly PoolPeriod[]): BillLine[] {
  const money = (value: Amount) => formatAmount(roundLine(value, list.currency), list.currency);
  return BILLED_KINDS.flatMap((counter) => {
    const price = list.defaults.prices[counter];
    if (price === null) return [];
    const pages = periods.reduce((sum, period) => sum + period.pages[counter], 0);
    const allowance = pool.included[counter] * periods.length;
    const billedBefore = periods.reduce((sum, period) => sum + period.billedOverage[counter], 0);
    const billed = Math.max(0, pages - allowance) - billedBefore;
    return [line({ kind: 'true_up', poolId: pool.id, counter, quantity: pages, included: allowance, billed, unitPrice: price, amount: money(amount(price).times(billed)) })];
  });
}
