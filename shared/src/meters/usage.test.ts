import { describe, expect, it } from 'vitest';
import { countWorkingDays, quantile, usageIntervals, usageProfile, type CounterReading } from './usage.ts';
import { historyAt } from './usage.testing.ts';

describe('countWorkingDays', () => {
  it.each([
    // Mon 2026-11-23 -> Fri 2026-11-27: Tue..Fri.
    ['2026-11-23T10:00:00Z', '2026-11-27T10:00:00Z', 'Europe/Zurich', 4],
    // Fri -> Mon: only Monday.
    ['2026-11-27T10:00:00Z', '2026-11-30T10:00:00Z', 'Europe/Zurich', 1],
    // Sat -> Sun: none.
    ['2026-11-28T10:00:00Z', '2026-11-29T10:00:00Z', 'Europe/Zurich', 0],
    ['2026-11-23T10:00:00Z', '2026-11-23T15:00:00Z', 'Europe/Zurich', 0],
    ['2026-11-27T10:00:00Z', '2026-11-23T10:00:00Z', 'Europe/Zurich', 0],
    // Four whole weeks.
    ['2026-11-02T10:00:00Z', '2026-11-30T10:00:00Z', 'Europe/Zurich', 20],
    // Across the year end: Wed 2026-12-30 -> Wed 2027-01-06.
    ['2026-12-30T10:00:00Z', '2027-01-06T10:00:00Z', 'Europe/Zurich', 5],
    // Local dates matter: 23:30 UTC on a Friday is already Saturday in Zurich, still Friday in New York.
    ['2026-11-26T10:00:00Z', '2026-11-27T23:30:00Z', 'Europe/Zurich', 1],
    ['2026-11-26T10:00:00Z', '2026-11-27T23:30:00Z', 'America/New_York', 1],
    ['2026-11-26T10:00:00Z', '2026-11-28T02:00:00Z', 'Asia/Tokyo', 1],
    // Before 1970 works too.
    ['1969-12-29T10:00:00Z', '1970-01-05T10:00:00Z', 'UTC', 5],
  ])('%s -> %s in %s: %i', (from, to, timeZone, expected) => {
    expect(countWorkingDays(new Date(from), new Date(to), timeZone)).toBe(expected);
  });

  it('matches a day-by-day count over a long range', () => {
    const start = new Date('2025-12-31T12:00:00Z');
    for (let days = 0; days < 400; days += 13) {
      const end = new Date(start.getTime() + days * 86_400_000);
      let expected = 0;
      for (let d = 1; d <= days; d++) {
        const weekday = new Date(start.getTime() + d * 86_400_000).getUTCDay();
        if (weekday !== 0 && weekday !== 6) expected++;
      }
      expect(countWorkingDays(start, end, 'UTC')).toBe(expected);
    }
  });
});

describe('quantile', () => {
  it.each([
    [[5], 0.75, 5],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10, 20, 30, 40, 50], 0.75, 40],
    [[0, 0, 100, 110, 120, 5000], 0.75, 117.5],
  ])('%o at %f is %f', (values, q, expected) => {
    expect(quantile(values, q)).toBeCloseTo(expected);
  });
});

describe('usageIntervals', () => {
  it('merges daily agent readings into intervals of at least five working days', () => {
    const daily: CounterReading[] = Array.from({ length: 22 }, (_, day) => ({
      value: 1000 + day * 100,
      takenAt: new Date(Date.UTC(2026, 10, 2 + day, 20)),
      source: 'agent',
    }));
    const intervals = usageIntervals(daily);
    expect(intervals.map((interval) => interval.workingDays)).toEqual([5, 5, 5]);
    expect(intervals.every((interval) => interval.pages === 700)).toBe(true);
  });

  it('restarts after a counter reset instead of counting negative pages', () => {
    const history = [
      ...historyAt({ value: 50_000, date: '2026-01-30' }, [['2026-02-27', 100]]),
      ...historyAt({ value: 10, date: '2026-03-06' }, [['2026-03-31', 100]]),
    ];
    expect(usageIntervals(history).map((interval) => interval.pages)).toEqual([2000, 1700]);
  });
});

describe('usageProfile', () => {
  const steady = historyAt({ value: 100_000, date: '2026-01-30' }, [
    ['2026-02-27', 400],
    ['2026-03-31', 420],
    ['2026-04-30', 380],
    ['2026-05-29', 410],
    ['2026-06-30', 430],
    ['2026-07-31', 60],
    ['2026-08-31', 400],
  ]);

  it('is undefined with fewer than two intervals', () => {
    expect(usageProfile(steady.slice(0, 2), new Date('2026-12-01'))).toBeUndefined();
  });

  it('uses only the last six months when there are enough of them', () => {
    const profile = usageProfile(steady, new Date('2026-09-30T12:00:00Z'))!;
    expect(profile.intervals[0]!.to.takenAt.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(profile.upperQuartilePagesPerWorkingDay).toBeCloseTo(417.5, 0);
  });

  it('falls back to the latest intervals when the recent window is too thin', () => {
    const profile = usageProfile(steady, new Date('2027-06-30T12:00:00Z'))!;
    expect(profile.intervals).toHaveLength(3);
  });

  it('keeps the upper quartile at term volume when half the intervals are breaks', () => {
    const withBreaks = historyAt({ value: 0, date: '2026-03-31' }, [
      ['2026-04-10', 3],
      ['2026-05-08', 600],
      ['2026-05-22', 5],
      ['2026-06-30', 610],
      ['2026-08-14', 2],
      ['2026-08-31', 620],
    ]);
    const profile = usageProfile(withBreaks, new Date('2026-09-30T12:00:00Z'))!;
    expect(profile.medianPagesPerWorkingDay).toBeCloseTo(302.5, 0);
    expect(profile.upperQuartilePagesPerWorkingDay).toBeCloseTo(607.5, 0);
  });

  it('ignores readings taken after the instant', () => {
    expect(usageProfile(steady, new Date('2026-03-01T00:00:00Z'))).toBeUndefined();
  });
});
