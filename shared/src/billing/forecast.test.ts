import { describe, expect, it } from 'vitest';
import { forecastVolume } from './forecast.ts';

const november = { start: new Date('2026-10-31T23:00:00Z'), end: new Date('2026-11-30T23:00:00Z'), timeZone: 'Europe/Zurich' };
const at = (day: number, hour = 23) => new Date(Date.UTC(2026, 10, day, hour));

describe('forecastVolume', () => {
  it.each([
    // pages so far, included, now (end of local day n), projected, overage, crossing day
    ['half the month, on pace to double', 1_000, 1_500, at(15), 2_000, 500, '2026-11-23'],
    ['within the included pages', 300, 1_500, at(15), 600, 0, null],
    ['nothing included: no overage', 1_000, null, at(15), 2_000, 0, null],
    ['already beyond: crossed on the day the pace reached it', 1_200, 1_000, at(10), 3_600, 2_600, '2026-11-09'],
    ['less than a day of data: no projection', 40, 100, new Date('2026-11-01T05:00:00Z'), 40, 0, null],
    ['after the end: the final volume', 2_400, 2_000, new Date('2026-12-03T10:00:00Z'), 2_400, 400, '2026-11-26'],
    ['nothing printed', 0, 100, at(20), 0, 0, null],
  ])('%s', (_case, pagesSoFar, included, now, projectedPages, projectedOverage, crossingDay) => {
    expect(forecastVolume({ ...november, pagesSoFar, included, now })).toEqual({ pagesSoFar, projectedPages, included, projectedOverage, crossingDay });
  });
});
