import type { PeriodKey } from '../meters/periods.ts';
import { formatAmount, ZERO } from './money.ts';
import type { BillLine } from './pricing.ts';

/**
 * An approved billing run is frozen. When readings of its period change later (a correction, a
 * value entered late), the period's bill computed again differs from what was approved; each
 * difference becomes an adjustment line on the next run, never a silent change of the approved one.
 *
 * Lines are matched on device, counter, pool and supply model: each kind of line fills a different
 * set of these (a device's pages: device + counter; its fee: device alone; the tiered line: counter
 * alone; the minimum: none), so the set names the line, and an adjustment line keeps the set of the
 * line it adjusts. True-up lines reconcile several periods and are not adjusted per period.
 */

type Keyed = Pick<BillLine, 'deviceId' | 'counter' | 'poolId' | 'supplyModel'>;

export function lineKey(line: Keyed): string {
  return [line.deviceId, line.counter, line.poolId, line.supplyModel].map((part) => part ?? '').join('\u0000');
}

export interface AdjustedPeriod<L extends BillLine> {
  period: PeriodKey;
  currency: string;
  /** The lines of the period's approved run (its own adjustments of earlier periods are ignored). */
  approved: readonly L[];
  /** Adjustment lines for this period already on later approved runs. */
  carried: readonly L[];
  /** The period's lines computed again from the current readings, at the approved run's prices. */
  recomputed: readonly L[];
}

export type AdjustmentLine<L extends BillLine> = L & { kind: 'adjustment'; adjustsPeriod: PeriodKey };

const adjustable = (line: BillLine) => line.kind !== 'adjustment' && line.kind !== 'true_up';
const sumAmounts = (lines: readonly BillLine[]) => (lines.every((line) => line.amount === null) ? null : lines.reduce((sum, line) => (line.amount === null ? sum : sum.plus(line.amount)), ZERO));

/** Per line: what the period comes to now, less what was approved and already adjusted; only the lines that differ. */
export function adjustmentLines<L extends BillLine>({ period, currency, approved, carried, recomputed }: AdjustedPeriod<L>): AdjustmentLine<L>[] {
  const billedSoFar = new Map<string, L[]>();
  for (const line of [...approved.filter(adjustable), ...carried]) billedSoFar.set(lineKey(line), [...(billedSoFar.get(lineKey(line)) ?? []), line]);
  const now = new Map(recomputed.filter(adjustable).map((line) => [lineKey(line), line]));
  const keys = [...new Set([...now.keys(), ...billedSoFar.keys()])];
  return keys.flatMap((key) => {
    const current = now.get(key);
    const before = billedSoFar.get(key) ?? [];
    const total = (field: 'quantity' | 'included' | 'billed') => (current?.[field] ?? 0) - before.reduce((sum, line) => sum + line[field], 0);
    const amountNow = current ? sumAmounts([current]) : null;
    const amountBefore = sumAmounts(before);
    const delta = amountNow === null && amountBefore === null ? null : (amountNow ?? ZERO).minus(amountBefore ?? ZERO);
    const quantity = total('quantity');
    const billed = total('billed');
    if (quantity === 0 && billed === 0 && (delta === null || delta.isZero())) return [];
    const base = current ?? before.find((line) => line.kind !== 'adjustment') ?? before[0]!;
    return [{ ...base, kind: 'adjustment' as const, quantity, included: total('included'), billed, amount: delta === null ? null : formatAmount(delta, currency), adjustsPeriod: period }];
  });
}

/** The amount of a list of lines, to the currency's minor unit. */
export function linesTotal(lines: readonly BillLine[], currency: string): string {
  return formatAmount(sumAmounts(lines) ?? ZERO, currency);
}
