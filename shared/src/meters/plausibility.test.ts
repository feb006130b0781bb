import { describe, expect, it } from 'vitest';
import { checkPlausibility, type PlausibilityInput } from './plausibility.ts';
import type { CounterReading } from './usage.ts';
import { historyAt, steadyOffice, valueAfter } from './usage.testing.ts';

const at = (date: string) => new Date(`${date}T16:00:00Z`);

/** School copier: ~600 pages per working day in term, nearly nothing in July and August. */
const school = historyAt({ value: 40_000, date: '2026-01-30' }, [
  ['2026-02-27', 620],
  ['2026-03-31', 580],
  ['2026-04-30', 560],
  ['2026-05-29', 640],
  ['2026-06-30', 600],
  ['2026-07-31', 4],
  ['2026-08-31', 2],
]);

/** Half of the recent intervals are school breaks (ski week, Easter, summer): the median collapses. */
const schoolWithBreaks = historyAt({ value: 80_000, date: '2026-03-31' }, [
  ['2026-04-10', 3],
  ['2026-05-08', 600],
  ['2026-05-22', 5],
  ['2026-06-30', 610],
  ['2026-08-14', 2],
  ['2026-08-31', 620],
]);

/** The last interval spans a 6-week closure: only a few hundred pages over 35 working days. */
const backFromHoliday = historyAt({ value: 10_000, date: '2026-03-31' }, [
  ['2026-04-30', 300],
  ['2026-05-29', 320],
  ['2026-06-30', 310],
  ['2026-08-14', 8],
]);

/** One exceptional month (a tender printed at 5000 pages a day) among 400-page months. */
const outlierMonth = historyAt({ value: 500_000, date: '2026-02-27' }, [
  ['2026-03-31', 400],
  ['2026-04-30', 5_000],
  ['2026-05-29', 410],
  ['2026-06-30', 390],
  ['2026-07-31', 420],
  ['2026-08-31', 400],
]);

/** Agent readings every day for two months, ~200 pages per working day. */
const agentDaily: CounterReading[] = Array.from({ length: 61 }, (_, day) => {
  const takenAt = new Date(Date.UTC(2026, 6, 1 + day, 20));
  const weekday = takenAt.getUTCDay();
  return { value: 0, takenAt, source: 'agent' as const, weekday };
}).reduce<CounterReading[]>((readings, { takenAt, weekday }) => {
  const previous = readings.at(-1)?.value ?? 80_000;
  readings.push({ value: previous + (weekday === 0 || weekday === 6 ? 0 : 200), takenAt, source: 'agent' });
  return readings;
}, []);

/** A small desktop printer: 10 pages per working day. */
const smallPrinter = historyAt({ value: 3_000, date: '2026-05-29' }, [
  ['2026-06-30', 10],
  ['2026-07-31', 9],
  ['2026-08-31', 11],
]);

const colourOfSteadyOffice = historyAt({ value: 25_000, date: '2026-05-29' }, [
  ['2026-06-30', 40],
  ['2026-07-31', 30],
  ['2026-08-31', 35],
]);

describe('values refused on their own', () => {
  it.each([
    [1.5, 'not_integer', {}],
    [Number.NaN, 'not_integer', {}],
    [Number.POSITIVE_INFINITY, 'not_integer', {}],
    [-3, 'negative', {}],
    [10 ** 10 + 1, 'too_large', { max: 10 ** 10 }],
  ])('%f -> %s', (value, code, params) => {
    const result = checkPlausibility({ value, takenAt: at('2026-09-30'), history: steadyOffice });
    expect(result).toEqual({ verdict: 'refused', reason: { code, params } });
  });

  it('accepts exactly 10^10 as far as size goes', () => {
    expect(checkPlausibility({ value: 10 ** 10, takenAt: at('2026-09-30'), history: [] }).verdict).toBe('plausible');
  });
});

describe('lower than the last value', () => {
  it('is refused with the last value and its date, as on the seed portal', () => {
    const result = checkPlausibility({ value: 12_305, takenAt: at('2026-09-08'), history: steadyOffice });
    expect(result).toEqual({
      verdict: 'refused',
      reason: { code: 'below_last', params: { lastValue: 344_805, lastDate: '2026-08-31', otherCounter: null } },
    });
  });

  it.each([
    // A believable colour value typed into the mono box.
    [colourOfSteadyOffice.at(-1)!.value + 600, 'colour'],
    // Below the colour counter too: not a colour value.
    [colourOfSteadyOffice.at(-1)!.value - 50, null],
    // Far above the colour counter's usual growth: not a believable colour value either.
    [colourOfSteadyOffice.at(-1)!.value + 60_000, null],
  ])('value %i with the colour history at hand suggests the %s counter', (value, otherCounter) => {
    const result = checkPlausibility({
      value,
      takenAt: at('2026-09-30'),
      history: steadyOffice,
      otherCounters: { colour: colourOfSteadyOffice },
    });
    expect(result).toMatchObject({ verdict: 'refused', reason: { code: 'below_last', params: { otherCounter } } });
  });
});

describe('estimates', () => {
  // The campaign estimated 2026-09-30 generously (1000 pages a day); the customer reads the real counter on 2026-10-05.
  const estimated = { value: valueAfter(steadyOffice, '2026-09-30', 1_000), takenAt: at('2026-09-30'), source: 'estimate' as const };
  const withEstimate = [...steadyOffice, estimated];
  it.each([
    ['a real value below the estimate is judged against the last real reading', valueAfter(steadyOffice, '2026-10-05', 420), 'plausible', 'within_usual'],
    ['a value below the last real reading is still refused, naming that reading', 344_000, 'refused', 'below_last'],
  ])('%s', (_name, value, verdict, code) => {
    const result = checkPlausibility({ value, takenAt: at('2026-10-05'), history: withEstimate });
    expect(result).toMatchObject({ verdict, reason: { code, params: { lastValue: 344_805, lastDate: '2026-08-31' } } });
  });

  it('leaves estimates of the other counters out of the mix-up hint', () => {
    const colourEstimate = { value: colourOfSteadyOffice.at(-1)!.value + 100_000, takenAt: at('2026-09-30'), source: 'estimate' as const };
    const result = checkPlausibility({
      value: colourOfSteadyOffice.at(-1)!.value + 700,
      takenAt: at('2026-10-05'),
      history: steadyOffice,
      otherCounters: { colour: [...colourOfSteadyOffice, colourEstimate] },
    });
    expect(result).toMatchObject({ verdict: 'refused', reason: { code: 'below_last', params: { otherCounter: 'colour' } } });
  });
});

describe('the mono value typed into the colour box', () => {
  it.each([
    ['with history: to check, pointing at the mono counter', colourOfSteadyOffice, 'above_usual'],
    ['on a new device: to check, pointing at the mono counter', colourOfSteadyOffice.slice(-1), 'above_class_cap'],
  ])('%s', (_name, history, code) => {
    const result = checkPlausibility({
      value: valueAfter(steadyOffice, '2026-09-30', 420),
      takenAt: at('2026-09-30'),
      history,
      deviceClass: 'personal',
      otherCounters: { mono: steadyOffice },
    });
    expect(result).toMatchObject({ verdict: 'to_check', reason: { code, params: { otherCounter: 'mono' } } });
  });
});

type Case = [name: string, input: PlausibilityInput, verdict: string, code: string];

describe('against the usual consumption', () => {
  it.each<Case>([
    ['steady office, normal month', { value: valueAfter(steadyOffice, '2026-09-30', 430), takenAt: at('2026-09-30'), history: steadyOffice }, 'plausible', 'within_usual'],
    ['steady office, a busy month (2x)', { value: valueAfter(steadyOffice, '2026-09-30', 800), takenAt: at('2026-09-30'), history: steadyOffice }, 'plausible', 'within_usual'],
    ['steady office, 3.5x usual', { value: valueAfter(steadyOffice, '2026-09-30', 1_450), takenAt: at('2026-09-30'), history: steadyOffice }, 'to_check', 'above_usual'],
    ['steady office, the seed value 690256 one week later', { value: 690_256, takenAt: at('2026-09-08'), history: steadyOffice }, 'to_check', 'above_usual'],
    ['steady office, value equal to last', { value: 344_805, takenAt: at('2026-09-30'), history: steadyOffice }, 'plausible', 'unchanged'],
    ['steady office, entered twice the same day', { value: 345_100, takenAt: new Date('2026-08-31T17:00:00Z'), history: steadyOffice }, 'plausible', 'within_usual'],
    ['school, back in September at term volume', { value: valueAfter(school, '2026-09-30', 650), takenAt: at('2026-09-30'), history: school }, 'plausible', 'within_usual'],
    ['school, September at 4x term volume', { value: valueAfter(school, '2026-09-30', 2_400), takenAt: at('2026-09-30'), history: school }, 'to_check', 'above_usual'],
    ['school with breaks, a busy week is not flagged', { value: valueAfter(schoolWithBreaks, '2026-09-30', 1_000), takenAt: at('2026-09-30'), history: schoolWithBreaks }, 'plausible', 'within_usual'],
    ['school with breaks, 4x term volume still is', { value: valueAfter(schoolWithBreaks, '2026-09-30', 2_500), takenAt: at('2026-09-30'), history: schoolWithBreaks }, 'to_check', 'above_usual'],
    ['back from holiday, first normal month', { value: valueAfter(backFromHoliday, '2026-09-30', 320), takenAt: at('2026-09-30'), history: backFromHoliday }, 'plausible', 'within_usual'],
    ['holiday gap then reading: few pages over many days', { value: valueAfter(backFromHoliday.slice(0, -1), '2026-08-14', 8), takenAt: at('2026-08-14'), history: backFromHoliday.slice(0, -1) }, 'plausible', 'within_usual'],
    ['outlier month does not widen the band', { value: valueAfter(outlierMonth, '2026-09-30', 1_400), takenAt: at('2026-09-30'), history: outlierMonth }, 'to_check', 'above_usual'],
    ['outlier month history, normal month', { value: valueAfter(outlierMonth, '2026-09-30', 450), takenAt: at('2026-09-30'), history: outlierMonth }, 'plausible', 'within_usual'],
    ['daily agent readings, normal month', { value: valueAfter(agentDaily, '2026-09-30', 220), takenAt: at('2026-09-30'), history: agentDaily }, 'plausible', 'within_usual'],
    ['daily agent readings, 5x', { value: valueAfter(agentDaily, '2026-09-30', 1_000), takenAt: at('2026-09-30'), history: agentDaily }, 'to_check', 'above_usual'],
    ['small printer, 400 pages more than usual stays within tolerance', { value: valueAfter(smallPrinter, '2026-09-30', 10) + 400, takenAt: at('2026-09-30'), history: smallPrinter }, 'plausible', 'within_usual'],
    ['small printer, a 2000-page job', { value: valueAfter(smallPrinter, '2026-09-30', 10) + 2_000, takenAt: at('2026-09-30'), history: smallPrinter }, 'to_check', 'above_usual'],
  ])('%s', (_name, input, verdict, code) => {
    const result = checkPlausibility(input);
    expect(result.verdict).toBe(verdict);
    expect(result.reason.code).toBe(code);
  });

  it('explains a to_check in numbers', () => {
    const value = valueAfter(steadyOffice, '2026-09-30', 1_300);
    const result = checkPlausibility({ value, takenAt: at('2026-09-30'), history: steadyOffice });
    expect(result.reason).toEqual({
      code: 'above_usual',
      params: {
        value,
        lastValue: 344_805,
        lastDate: '2026-08-31',
        pages: 1_300 * 22,
        workingDays: 22,
        pagesPerWorkingDay: 1_300,
        // Rates of the last six months sorted: 380 395 400 405 410 420 -> upper quartile 408.75.
        usualPagesPerWorkingDay: 408.8,
        // 22 working days at the usual rate: 8992.5 pages; 28,600 ÷ 8992.5.
        usualPages: 8_993,
        shortInterval: false,
        ratio: 3.2,
        otherCounter: null,
      },
    });
  });

  it('gives no ratio for a device that never printed', () => {
    const idle = historyAt({ value: 900, date: '2026-06-30' }, [['2026-07-31', 0], ['2026-08-31', 0]]);
    const result = checkPlausibility({ value: 2_000, takenAt: at('2026-09-30'), history: idle });
    expect(result.reason).toMatchObject({ code: 'above_usual', params: { ratio: null, usualPagesPerWorkingDay: 0 } });
  });
});

describe('new devices', () => {
  const installed = [{ value: 120, takenAt: at('2026-09-01'), source: 'technician' as const }];
  it.each<Case>([
    ['no history at all', { value: 5_000, takenAt: at('2026-09-30'), history: [] }, 'plausible', 'first_reading'],
    ['workgroup default, heavy first month', { value: 120 + 3_000 * 21, takenAt: at('2026-09-30'), history: installed }, 'plausible', 'within_class_cap'],
    ['workgroup default, absurd first month', { value: 120 + 6_000 * 21, takenAt: at('2026-09-30'), history: installed }, 'to_check', 'above_class_cap'],
    ['personal printer class, 300 pages a day', { value: 120 + 300 * 21, takenAt: at('2026-09-30'), history: installed, deviceClass: 'personal' }, 'to_check', 'above_class_cap'],
    ['personal printer class, 300 pages the next day is within tolerance', { value: 420, takenAt: at('2026-09-02'), history: installed, deviceClass: 'personal' }, 'plausible', 'within_class_cap'],
    ['production class, 20000 pages a day', { value: 120 + 20_000 * 21, takenAt: at('2026-09-30'), history: installed, deviceClass: 'production' }, 'plausible', 'within_class_cap'],
  ])('%s', (_name, input, verdict, code) => {
    const result = checkPlausibility(input);
    expect(result.verdict).toBe(verdict);
    expect(result.reason.code).toBe(code);
  });
});
