import { localDateKey } from '../meters/periods.ts';

/**
 * Where a period's volume is heading, from the pages printed so far, at the same pace: what the
 * customer's meter page shows before billing ("at this rate you will exceed your included colour
 * pages by about 1,200 on the 28th"). Less than a day of data says nothing yet.
 */

const DAY_MS = 86_400_000;

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

export function forecastVolume(input: { pagesSoFar: number; included: number | null; start: Date; end: Date; now: Date; timeZone: string }): VolumeForecast {
  const { pagesSoFar, included, start, end, timeZone } = input;
  const now = new Date(Math.min(Math.max(input.now.getTime(), start.getTime()), end.getTime()));
  const elapsed = now.getTime() - start.getTime();
  const length = end.getTime() - start.getTime();
  const projectedPages = elapsed < DAY_MS ? pagesSoFar : Math.round((pagesSoFar * length) / elapsed);
  const projectedOverage = included === null ? 0 : Math.max(0, projectedPages - included);
  // Pages accrue at a steady pace from the start: the included ones are (or were) reached at start + elapsed × included / so far.
  const crossingDay =
    included !== null && projectedOverage > 0 && pagesSoFar > 0 ? localDateKey(new Date(start.getTime() + (elapsed * included) / pagesSoFar), timeZone) : null;
  return { pagesSoFar, projectedPages, included, projectedOverage, crossingDay };
}
