import { localDateKey } from '../meters/periods.ts';

/**
 * Where a period's volume is heading, at the pace each device printed between the readings its
 * volume runs from and to: what the customer's meter page shows before billing ("at this rate you
 * will exceed your included colour pages by about 1,200 on the 28th"). A period's volume starts at
 * the last reading before the period, often weeks earlier for a customer read once a month, so the
 * pace is measured over the readings' own interval, never over the days since the period began.
 * An interval shorter than a day says nothing about a pace yet.
 */

const DAY_MS = 86_400_000;

/** One device's pages between two readings. */
export interface PaceSample {
  pages: number;
  from: Date;
  to: Date;
}

export interface VolumeForecast {
  pagesSoFar: number;
  projectedPages: number;
  /** Null where no pages are included (nothing to exceed). */
  included: number | null;
  /** Projected pages beyond the included ones (0 when within them). */
  projectedOverage: number;
  /** The local day (YYYY-MM-DD) the included pages are (or were) crossed at this pace; null when they are not. */
  crossingDay: string | null;
}

const measured = (sample: PaceSample) => sample.to.getTime() - sample.from.getTime();

/** A device's pages counted from its first reading up to `at`, at its pace (its pages so far where no pace is known yet). */
function pagesBy(sample: PaceSample, at: number): number {
  if (measured(sample) < DAY_MS) return at >= sample.to.getTime() ? sample.pages : 0;
  return Math.max(0, (sample.pages * (at - sample.from.getTime())) / measured(sample));
}

export function forecastVolume(input: { samples: readonly PaceSample[]; included: number | null; start: Date; end: Date; timeZone: string }): VolumeForecast {
  const { samples, included, timeZone } = input;
  const end = input.end.getTime();
  const pagesSoFar = samples.reduce((sum, sample) => sum + sample.pages, 0);
  // A volume runs to the reading at the period's end: each device goes on at its pace until then.
  const projectedPages = samples.reduce((sum, sample) => sum + Math.round(Math.max(sample.pages, pagesBy(sample, end))), 0);
  const projectedOverage = included === null ? 0 : Math.max(0, projectedPages - included);
  return { pagesSoFar, projectedPages, included, projectedOverage, crossingDay: projectedOverage > 0 ? crossingDay(samples, included!, input.start.getTime(), end, timeZone) : null };
}

/**
 * When the devices together reach `included`: the total only grows, so halving the interval finds it
 * to the minute. Pages printed before the period (since the reading its volume starts from) that
 * already exceed the included ones are exceeded from the period's first day, not before it.
 */
function crossingDay(samples: readonly PaceSample[], included: number, start: number, end: number, timeZone: string): string {
  let low = start;
  let high = end;
  const total = (at: number) => samples.reduce((sum, sample) => sum + pagesBy(sample, at), 0);
  if (total(low) >= included) return localDateKey(new Date(low), timeZone);
  while (high - low > 60_000) {
    const middle = (low + high) / 2;
    if (total(middle) >= included) high = middle;
    else low = middle;
  }
  return localDateKey(new Date(high), timeZone);
}

/**
 * A forecast's pages as a person reads them ("about 11,200, about 1,200 above"): the projection to
 * three significant digits, the overage to the same step so the two add up, or exact when it is
 * smaller than that step (an overage of 30 is not "about 0").
 */
export function roundedForecast(projectedPages: number, projectedOverage: number): { projectedPages: number; projectedOverage: number } {
  const step = (value: number) => 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, value))) - 2);
  const round = (value: number, by: number) => Math.round(value / by) * by;
  const by = step(projectedPages);
  const overage = round(projectedOverage, by);
  return { projectedPages: round(projectedPages, by), projectedOverage: overage > 0 || projectedOverage === 0 ? overage : round(projectedOverage, step(projectedOverage)) };
}
