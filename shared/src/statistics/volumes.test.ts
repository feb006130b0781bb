import { describe, expect, it } from 'vitest';
import { bucketKey, bucketRange, counterVolumes, deviceVolumes, pagesBetween, printedPages } from './volumes.ts';

const at = (iso: string) => new Date(iso);
const points = (...pairs: [string, number][]) => pairs.map(([iso, value]) => ({ takenAt: at(iso), value }));

describe('pagesBetween', () => {
  it.each([
    [100, 150, 50],
    [100, 100, 0],
    [5000, 120, 120],
    [0, 0, 0],
  ])('from %i to %i is %i pages', (previous, current, pages) => {
    expect(pagesBetween(previous, current)).toBe(pages);
  });
});

describe('bucketKey', () => {
  it.each([
    ['2026-10-31T23:30:00Z', 'month', 'UTC', '2026-10'],
    ['2026-10-31T23:30:00Z', 'month', 'Europe/Zurich', '2026-11'],
    ['2026-10-31T23:30:00Z', 'day', 'Europe/Zurich', '2026-11-01'],
    ['2026-03-01T05:00:00Z', 'day', 'America/New_York', '2026-03-01'],
  ] as const)('%s by %s in %s is %s', (iso, bucket, zone, key) => {
    expect(bucketKey(at(iso), bucket, zone)).toBe(key);
  });
});

describe('counterVolumes', () => {
  it.each([
    ['no readings', points(), {}],
    ['one reading sets the start only', points(['2026-01-10T08:00:00Z', 1000]), {}],
    ['monthly deltas', points(['2026-01-31T08:00:00Z', 1000], ['2026-02-28T08:00:00Z', 1300], ['2026-03-31T08:00:00Z', 1350]), { '2026-02': 300, '2026-03': 50 }],
    ['several readings in a month add up', points(['2026-01-01T08:00:00Z', 0], ['2026-01-10T08:00:00Z', 10], ['2026-01-20T08:00:00Z', 25]), { '2026-01': 25 }],
    ['a reset counts the new value, never negative', points(['2026-01-31T08:00:00Z', 90000], ['2026-02-28T08:00:00Z', 400], ['2026-03-31T08:00:00Z', 900]), { '2026-02': 400, '2026-03': 500 }],
    ['readings out of order are sorted first', points(['2026-03-31T08:00:00Z', 1350], ['2026-01-31T08:00:00Z', 1000], ['2026-02-28T08:00:00Z', 1300]), { '2026-02': 300, '2026-03': 50 }],
  ])('%s', (_name, series, expected) => {
    expect(Object.fromEntries(counterVolumes(series, 'month', 'UTC'))).toEqual(expected);
  });
});

describe('printedPages', () => {
  it.each([
    [{ mono: 100, colour: 20, total: 120 }, { mono: 100, colour: 20 }],
    [{ total: 120, colour: 20 }, { mono: 100, colour: 20 }],
    [{ total: 80 }, { mono: 80, colour: 0 }],
    [{ total: 10, colour: 30 }, { mono: 0, colour: 30 }],
    [{ scan: 50 }, { mono: 0, colour: 0 }],
  ])('%o prints %o', (kinds, pages) => {
    expect(printedPages(kinds)).toEqual(pages);
  });
});

describe('deviceVolumes', () => {
  it('combines a total and a colour counter per month', () => {
    const volumes = deviceVolumes(
      [
        { kind: 'total', points: points(['2026-01-31T08:00:00Z', 1000], ['2026-02-28T08:00:00Z', 1500]) },
        { kind: 'colour', points: points(['2026-01-31T08:00:00Z', 100], ['2026-02-28T08:00:00Z', 250]) },
      ],
      'month',
      'UTC',
    );
    expect(Object.fromEntries(volumes)).toEqual({ '2026-02': { mono: 350, colour: 150 } });
  });
});

describe('bucketRange', () => {
  it.each([
    ['2026-11-15', '2027-02-03', 'month', ['2026-11', '2026-12', '2027-01', '2027-02']],
    ['2026-02-27', '2026-03-02', 'day', ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']],
    ['2026-05-01', '2026-04-01', 'month', []],
  ] as const)('%s to %s by %s', (from, to, bucket, keys) => {
    expect(bucketRange(from, to, bucket)).toEqual(keys);
  });
});
