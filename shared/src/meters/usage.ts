import type { ReadingSource } from './counters.ts';
import { localDateKey } from './periods.ts';

/**
 * A device's usual consumption, learned from its own counter history. Used both to judge a new
 * value (plausibility) and to estimate a missing one (estimates), so both agree on "usual".
 */

export interface CounterReading {
  value: number;
  takenAt: Date;
  source: ReadingSource;
}

export interface UsageInterval {
  from: CounterReading;
  to: CounterReading;
  pages: number;
  workingDays: number;
  pagesPerWorkingDay: number;
}

export interface UsageProfile {
  intervals: UsageInterval[];
  /** Typical rate: what an estimate assumes. */
  medianPagesPerWorkingDay: number;
  /** Busy-but-normal rate: the reference for "far above usual". */
  upperQuartilePagesPerWorkingDay: number;
}

export interface UsagePolicy {
  timeZone: string;
  /** Only intervals ending this many days before the new reading count as recent. */
  lookbackDays: number;
  /** Agent readings can be daily; consecutive readings are merged until an interval spans this many working days. */
  minIntervalWorkingDays: number;
  /** Fewer recent intervals than this: fall back to the latest ones regardless of age. */
  minRecentIntervals: number;
  /** Fewer intervals than this in the whole history: the device is new, no profile. */
  minIntervalsForProfile: number;
}

export const DEFAULT_USAGE_POLICY: UsagePolicy = {
  timeZone: 'Europe/Zurich',
  lookbackDays: 183,
  minIntervalWorkingDays: 5,
  minRecentIntervals: 3,
  minIntervalsForProfile: 2,
};

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday) of a 'YYYY-MM-DD' date. */
function epochDay(dateKey: string): number {
  const [year, month, day] = dateKey.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Monday–Friday days from day 0 (1970-01-01) up to and including `day`, for day >= 0. */
function weekdaysThrough(day: number): number {
  const fullWeeks = Math.floor((day + 1) / 7);
  const rest = (day + 1) % 7;
  // Day 0 is a Thursday: the leftover days run Thu, Fri, Sat, Sun, Mon, Tue, Wed.
  const weekdaysInRest = [0, 1, 2, 2, 2, 3, 4][rest] ?? 0;
  return fullWeeks * 5 + weekdaysInRest;
}

/**
 * Monday–Friday dates after the local date of `from` up to and including the local date of `to`
 * (public holidays are not known here; they show up as ordinary low-volume days).
 */
export function countWorkingDays(from: Date, to: Date, timeZone: string): number {
  const start = epochDay(localDateKey(from, timeZone));
  const end = epochDay(localDateKey(to, timeZone));
  if (end <= start) return 0;
  // Shift by whole weeks so both ends are non-negative; the count is shift-invariant.
  const shift = start < 0 ? Math.ceil(-start / 7) * 7 : 0;
  return weekdaysThrough(end + shift) - weekdaysThrough(start + shift);
}

export function sortedByTime(history: readonly CounterReading[]): CounterReading[] {
  return [...history].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

/** The latest reading taken at or before the instant. */
export function lastReadingAt(history: readonly CounterReading[], at: Date): CounterReading | undefined {
  return sortedByTime(history)
    .filter((reading) => reading.takenAt.getTime() <= at.getTime())
    .at(-1);
}

/**
 * Splits a history into intervals of at least `minIntervalWorkingDays`. A drop in value (board
 * replacement, counter reset) starts afresh instead of producing a negative interval.
 */
export function usageIntervals(history: readonly CounterReading[], policy: UsagePolicy = DEFAULT_USAGE_POLICY): UsageInterval[] {
  const intervals: UsageInterval[] = [];
  let anchor: CounterReading | undefined;
  for (const reading of sortedByTime(history)) {
    if (!anchor || reading.value < anchor.value) {
      anchor = reading;
      continue;
    }
    const workingDays = countWorkingDays(anchor.takenAt, reading.takenAt, policy.timeZone);
    if (workingDays < policy.minIntervalWorkingDays) continue;
    const pages = reading.value - anchor.value;
    intervals.push({ from: anchor, to: reading, pages, workingDays, pagesPerWorkingDay: pages / workingDays });
    anchor = reading;
  }
  return intervals;
}

/** Linear-interpolation quantile of an ascending, non-empty list. */
export function quantile(ascending: readonly number[], q: number): number {
  const position = (ascending.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = ascending[lower] ?? 0;
  const high = ascending[upper] ?? low;
  return low + (high - low) * (position - lower);
}

/**
 * The device's usual rate over recent intervals before `at`, or undefined for a new device.
 *
 * Why quantiles of per-interval rates: holidays produce long intervals with few pages (low
 * rates) and exceptional jobs produce the odd huge month (high rate). The upper quartile of six
 * monthly rates ignores the single highest one and up to three low ones, so neither a summer
 * break nor one outlier month moves the band; median + MAD would shrink with every holiday.
 */
export function usageProfile(
  history: readonly CounterReading[],
  at: Date,
  policy: UsagePolicy = DEFAULT_USAGE_POLICY,
): UsageProfile | undefined {
  const past = history.filter((reading) => reading.takenAt.getTime() <= at.getTime());
  const all = usageIntervals(past, policy);
  if (all.length < policy.minIntervalsForProfile) return undefined;
  const since = at.getTime() - policy.lookbackDays * DAY_MS;
  const recent = all.filter((interval) => interval.to.takenAt.getTime() >= since);
  const intervals = recent.length >= policy.minRecentIntervals ? recent : all.slice(-policy.minRecentIntervals);
  const rates = intervals.map((interval) => interval.pagesPerWorkingDay).sort((a, b) => a - b);
  return {
    intervals,
    medianPagesPerWorkingDay: quantile(rates, 0.5),
    upperQuartilePagesPerWorkingDay: quantile(rates, 0.75),
  };
}
