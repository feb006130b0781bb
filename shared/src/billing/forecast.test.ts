import { describe, expect, it } from 'vitest';
import { forecastVolume, roundedForecast } from './forecast.ts';

const start = new Date('2026-10-31T23:00:00Z');
const november = { start, end: new Date('2026-11-30T23:00:00Z'), timeZone: 'Europe/Zurich' };
/** End of local day n of November (Europe/Zurich, UTC+1). */
const at = (day: number, hour = 23) => new Date(Date.UTC(2026, 10, day, hour));

describe('forecastVolume', () => {
  it.each([
    // pages between the readings, from, to, included → projected, overage, crossing day
    ['half the month, on pace to double', 1_000, start, at(15), 1_500, 2_000, 500, '2026-11-23'],
    ['within the included pages', 300, start, at(15), 1_500, 600, 0, null],
    ['nothing included: no overage', 1_000, start, at(15), null, 2_000, 0, null],
    ['already beyond: crossed on the day the pace reached it', 1_200, start, at(10), 1_000, 3_600, 2_600, '2026-11-09'],
    ['less than a day between the readings: no pace yet', 40, start, new Date('2026-11-01T05:00:00Z'), 100, 40, 0, null],
    ['read at the end: the final volume', 2_400, start, november.end, 2_000, 2_400, 400, '2026-11-26'],
    ['nothing printed', 0, start, at(20), 100, 0, 0, null],
    // Read monthly: the volume runs from the 25th of October; 1,000 pages in 10 days go on for 36.5 days in all.
    ['read monthly: the pace of the readings, not of the days since the 1st', 1_000, new Date('2026-10-25T10:00:00Z'), new Date('2026-11-04T10:00:00Z'), 3_000, 3_654, 654, '2026-11-24'],
    // Read monthly, and more printed since the October reading than the month includes: exceeded from the 1st.
    ['exceeded before the period began: from its first day', 1_000, new Date('2026-10-20T10:00:00Z'), new Date('2026-11-04T10:00:00Z'), 500, 2_769, 2_269, '2026-11-01'],
  ] as const)('%s', (_case, pages, from, to, included, projectedPages, projectedOverage, crossingDay) => {
    expect(forecastVolume({ ...november, samples: [{ pages, from, to }], included })).toEqual({ pagesSoFar: pages, projectedPages, included, projectedOverage, crossingDay });
  });

  it('adds the devices, each at its own pace, and finds when they reach the included pages together', () => {
    const samples = [
      // 100 a day since the 1st, and 50 a day since the 11th: 2,000 included are reached 16⅔ days in, on the 17th.
      { pages: 1_000, from: start, to: at(10) },
      { pages: 250, from: at(10), to: at(15) },
    ];
    expect(forecastVolume({ ...november, samples, included: 2_000 })).toEqual({ pagesSoFar: 1_250, projectedPages: 4_000, included: 2_000, projectedOverage: 2_000, crossingDay: '2026-11-17' });
  });
});

describe('roundedForecast', () => {
  it.each([
    // projected, overage → as read
    [11_187, 1_187, 11_200, 1_200],
    [987, 0, 987, 0],
    [2_346, 346, 2_350, 350],
    [10_030, 30, 10_000, 30],
    [10_004, 4, 10_000, 4],
    [1_234_567, 234_567, 1_230_000, 230_000],
    [0, 0, 0, 0],
  ])('%i pages, %i above: about %i, about %i above', (projected, overage, shownProjected, shownOverage) => {
    expect(roundedForecast(projected, overage)).toEqual({ projectedPages: shownProjected, projectedOverage: shownOverage });
  });
});
