import type { ReadingSource } from './counters.ts';
import { localDateKey } from './periods.ts';
import {
  countWorkingDays,
  DEFAULT_USAGE_POLICY,
  lastReadingAt,
  usageProfile,
  type CounterReading,
  type UsagePolicy,
} from './usage.ts';

/**
 * Estimates a reading the customer did not send before the deadline, from the device's own
 * usage profile (the same intervals plausibility uses). Estimates use the MEDIAN rate: the
 * typical month, where plausibility's band uses the upper quartile to avoid false alarms.
 * Two estimates in a row at most: after that a real reading is needed, so the dealer is told
 * instead of billing guesses forever.
 */

export const MAX_CONSECUTIVE_ESTIMATES = 2;

export interface EstimateInput {
  /** Readings of the counter, any source. */
  history: readonly CounterReading[];
  /** The instant the estimate stands for, usually the period's expiry. */
  at: Date;
  /** Sources of the device's latest campaign readings, most recent first. */
  recentSources: readonly ReadingSource[];
}

export interface EstimateBasis {
  lastValue: number;
  lastDate: string;
  workingDays: number;
  pagesPerWorkingDay: number;
}

export type EstimateResult =
  | { kind: 'estimated'; reading: CounterReading & { source: 'estimate' }; basis: EstimateBasis }
  | { kind: 'not_estimated'; reason: 'consecutive_limit' | 'insufficient_history' };

export function consecutiveEstimates(recentSources: readonly ReadingSource[]): number {
  const firstReal = recentSources.findIndex((source) => source !== 'estimate');
  return firstReal === -1 ? recentSources.length : firstReal;
}

export function estimateReading(input: EstimateInput, policy: UsagePolicy = DEFAULT_USAGE_POLICY): EstimateResult {
  if (consecutiveEstimates(input.recentSources) >= MAX_CONSECUTIVE_ESTIMATES) {
    return { kind: 'not_estimated', reason: 'consecutive_limit' };
  }
  const last = lastReadingAt(input.history, input.at);
  const profile = usageProfile(input.history, input.at, policy);
  if (!last || !profile) return { kind: 'not_estimated', reason: 'insufficient_history' };

  const workingDays = countWorkingDays(last.takenAt, input.at, policy.timeZone);
  const pagesPerWorkingDay = profile.medianPagesPerWorkingDay;
  return {
    kind: 'estimated',
    reading: { value: last.value + Math.round(pagesPerWorkingDay * workingDays), takenAt: input.at, source: 'estimate' },
    basis: {
      lastValue: last.value,
      lastDate: localDateKey(last.takenAt, policy.timeZone),
      workingDays,
      pagesPerWorkingDay: Math.round(pagesPerWorkingDay * 10) / 10,
    },
  };
}
