import { amount, ZERO, type Amount } from './money.ts';

/**
 * Tiered prices by total volume (the manual's "prix personnalisé pour le nombre total de pages"):
 * each band starts at page `from` (the first at 1) and runs to the page before the next band; the
 * last band has no end. Every page is billed at its own band's price, like income tax brackets.
 */
export interface Tier {
  /** First page of the band, 1-based. */
  from: number;
  /** Price per page in the band, a decimal string. */
  price: string;
}

export interface TierLine {
  from: number;
  /** Last page of the band, or null for the open-ended last band. */
  to: number | null;
  pages: number;
  price: string;
  /** Not rounded: the customer-level line is rounded once, on the sum. */
  amount: Amount;
}

/** Bands must start at 1 and increase strictly; the error names the first band at fault. */
export function tierProblem(tiers: readonly Tier[]): { index: number; problem: 'first_not_one' | 'not_increasing' } | null {
  if (tiers.length === 0) return null;
  if (tiers[0]!.from !== 1) return { index: 0, problem: 'first_not_one' };
  for (let index = 1; index < tiers.length; index++) if (tiers[index]!.from <= tiers[index - 1]!.from) return { index, problem: 'not_increasing' };
  return null;
}

export function tieredLines(pages: number, tiers: readonly Tier[]): TierLine[] {
  const problem = tierProblem(tiers);
  if (problem) throw new Error(`Invalid tiers: band ${problem.index} ${problem.problem}`);
  return tiers.map((tier, index) => {
    const next = tiers[index + 1];
    const to = next ? next.from - 1 : null;
    const inBand = Math.max(0, Math.min(pages, to ?? pages) - tier.from + 1);
    return { from: tier.from, to, pages: inBand, price: tier.price, amount: amount(tier.price).times(inBand) };
  });
}

export function tieredAmount(pages: number, tiers: readonly Tier[]): Amount {
  return tieredLines(pages, tiers).reduce((sum, line) => sum.plus(line.amount), ZERO);
}
