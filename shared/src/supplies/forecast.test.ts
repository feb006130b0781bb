import { describe, expect, it } from 'vitest';
import { currentCycleStart, forecastDaysToEmpty, reportingStep, type SupplyForecastInput, type SupplyLevelPoint } from './forecast.ts';
import { workingClock } from './working-time.ts';

const timeZone = 'Europe/Zurich';
const DAY_MS = 86_400_000;
/** Monday 5 January 2026, 10:00 UTC (11:00 in Zurich): a cartridge goes in. */
const START = Date.parse('2026-01-05T10:00:00Z');
const clock = workingClock(timeZone);
/** The instant `working` working days after START (Monday to Friday). */
const after = (working: number) => new Date(clock.instant(clock.at(START) + working));
const day = (n: number) => new Date(START + n * DAY_MS);

/** Deterministic jitter in [-amplitude, amplitude]. */
const jitter = (index: number, amplitude: number) => Math.round(Math.sin(index * 12.9898) * 43_758.5453 % 1 * amplitude);

/**
 * A cartridge used at `rate` percent per working day from `from` (working days after START), read
 * once a working day, stored on change only as the agent does, until `to`.
 */
function line(options: { from?: number; to: number; start?: number; rate: number; noise?: number; step?: number; roundUp?: boolean; skip?: (working: number) => boolean }): SupplyLevelPoint[] {
  const { from = 0, to, start = 100, rate, noise = 0, step = 0 } = options;
  const points: SupplyLevelPoint[] = [];
  for (let working = from; working <= to; working++) {
    if (options.skip?.(working)) continue;
    const level = Math.max(0, start - rate * (working - from)) + jitter(working, noise);
    const percent = step ? Math.min(100, Math.ceil(level / step) * step) : Math.max(0, Math.round(level));
    if (points.at(-1)?.percent !== percent) points.push({ at: after(working), percent, state: 'measured' });
  }
  return points;
}

const base = (fields: Partial<SupplyForecastInput>): SupplyForecastInput => ({ levels: [], now: after(30), lastReadAt: after(30), timeZone, ...fields });

describe('forecastDaysToEmpty: from the levels', () => {
  // 1 % a working day from 100: 70 % left after 30 working days, 70 working days to go = 14 weeks = 98 days.
  const clean = forecastDaysToEmpty(base({ levels: line({ to: 30, rate: 1 }) }));

  it('a clean line: the median day where the line reaches 0, the early bound before it', () => {
    expect(clean).toMatchObject({ basis: 'levels', reasons: ['under_three_months'], proactive: true, cycleStart: null, historyDays: 42 });
    expect(clean.percentPerWorkingDay).toBeCloseTo(1, 5);
    expect(clean.percentNow).toBeCloseTo(70, 5);
    // 14 weeks, an hour short: summer time began meanwhile.
    expect(clean.p50Days).toBeCloseTo(98 - 1 / 24, 5);
    expect(clean.p50Date).toBe('2026-05-25');
    expect(clean.p90Days!).toBeLessThan(clean.p50Days!);
    expect(clean.p90Days!).toBeGreaterThan(50);
    expect(clean.p90Date! < clean.p50Date!).toBe(true);
  });

  it.each([
    // case, levels, p50 within (days), reasons it gives
    ['noise of ±3 %', line({ to: 30, rate: 1, noise: 3 }), [84, 112], ['shaken']],
    // 2 % a working day: 40 % left, 20 working days = 28 days.
    ['coarse steps of 25 %', line({ to: 30, rate: 2, step: 25 }), [24, 33], ['coarse_steps']],
    ['coarse steps of 20 %', line({ to: 30, rate: 2, step: 20 }), [24, 33], ['coarse_steps']],
    ['coarse steps of 10 %', line({ to: 30, rate: 1, step: 10 }), [88, 108], ['coarse_steps']],
    [
      'coarse steps flapping on the edge of two steps',
      line({ to: 30, rate: 2, step: 25 }).flatMap((point) => (point.percent === 50 ? [point, { at: new Date(point.at.getTime() + 3_600_000), percent: 75 }, { at: new Date(point.at.getTime() + 7_200_000), percent: 50 }] : [point])),
      [24, 33],
      ['coarse_steps', 'shaken'],
    ],
    [
      'a shaken cartridge: +8 % two days before, falling back',
      [...line({ to: 28, rate: 1 }), { at: after(28.5), percent: 80 }, { at: after(29.5), percent: 75 }, { at: after(30), percent: 71 }],
      [92, 104],
      ['shaken'],
    ],
    ['no reading for three weeks in the middle', line({ to: 30, rate: 1, skip: (working) => working > 8 && working < 24 }), [95, 101], []],
    [
      // 90 % left at 1 % a working day: 18 weeks.
      'refilled: only the new cartridge counts (the old one emptied at 5 % a day)',
      [...line({ to: 19, rate: 5 }), ...line({ from: 20, to: 30, rate: 1 })],
      [123, 129],
      ['replaced'],
    ],
  ] as const)('%s', (_case, levels, [low, high], reasons) => {
    const forecast = forecastDaysToEmpty(base({ levels: [...levels] }));
    expect(forecast.basis).toBe('levels');
    expect(forecast.p50Days!).toBeGreaterThanOrEqual(low);
    expect(forecast.p50Days!).toBeLessThanOrEqual(high);
    expect(forecast.p90Days!).toBeLessThanOrEqual(forecast.p50Days!);
    expect(forecast.reasons).toEqual(expect.arrayContaining([...reasons]));
  });

  it('a refill cuts the history at the jump', () => {
    const forecast = forecastDaysToEmpty(base({ levels: [...line({ to: 19, rate: 5 }), ...line({ from: 20, to: 30, rate: 1 })] }));
    expect(forecast.cycleStart).toEqual(after(20));
    expect(forecast.percentPerWorkingDay).toBeCloseTo(1, 5);
  });

  it('a technician replacement cuts the history even without a jump (a used cartridge put in)', () => {
    const forecast = forecastDaysToEmpty(base({ levels: [...line({ to: 15, rate: 3 }), ...line({ from: 16, to: 30, start: 60, rate: 1 })], replacements: [after(15.9)] }));
    expect(forecast.cycleStart).toEqual(after(15.9));
    expect(forecast.percentPerWorkingDay).toBeCloseTo(1, 5);
    expect(forecast.reasons).toContain('replaced');
  });

  it('a shorter history is a wider range', () => {
    const short = forecastDaysToEmpty(base({ levels: line({ from: 20, to: 30, rate: 1 }) }));
    const width = (forecast: typeof clean) => (forecast.p50Days! - forecast.p90Days!) / forecast.p50Days!;
    expect(width(short)).toBeGreaterThan(width(clean));
  });

  it('a stored level still held at the last read: the flat stretch slows the line', () => {
    // Used until working day 20, then nothing for 10 working days (the agent read 80 again and again, stored once).
    const held = forecastDaysToEmpty(base({ levels: line({ to: 20, rate: 1 }) }));
    const running = forecastDaysToEmpty(base({ levels: line({ to: 20, rate: 1 }), lastReadAt: after(20) }));
    expect(held.percentNow!).toBeGreaterThan(78);
    expect(running.percentNow).toBeCloseTo(70, 5);
    expect(held.p50Days!).toBeGreaterThan(running.p50Days!);
  });

  it('the agent silent for a while: the level is carried forward, and the forecast says so', () => {
    const forecast = forecastDaysToEmpty(base({ levels: line({ to: 20, rate: 1 }), lastReadAt: after(20) }));
    expect(forecast.reasons).toContain('stale');
    expect(forecast.percentNow).toBeCloseTo(70, 5);
  });

  it('already empty', () => {
    const forecast = forecastDaysToEmpty(base({ levels: line({ to: 30, rate: 4 }) }));
    expect(forecast).toMatchObject({ basis: 'levels', p50Days: 0, p90Days: 0, percentNow: 0, reasons: ['under_three_months', 'empty'] });
  });

  it('levels that have not moved: nothing consumed, no date', () => {
    const forecast = forecastDaysToEmpty(base({ levels: [{ at: day(0), percent: 60 }], lastReadAt: after(30) }));
    expect(forecast).toMatchObject({ basis: 'levels', p50Days: null, p90Days: null, p50Date: null, percentNow: 60, reasons: ['under_three_months', 'no_consumption'] });
  });
});

describe('forecastDaysToEmpty: the rated-yield fallback', () => {
  const rated = { ratedYield: 10_000, pagesPerWorkingDay: 500, counterHistoryDays: 200 };

  it.each([
    // case, input, basis, p50 days, p90 days, reasons
    // 10,000 × 50 % ÷ 500 = 10 working days from a Monday: two weeks.
    ['one level, too few for a rate', { levels: [{ at: after(30), percent: 50 }], ...rated }, 'rated_yield', 14, 4.5, ['too_few_levels']],
    // The customer works Monday to Saturday: 10 working days are a week and four days.
    ['one level, on a six-day week', { levels: [{ at: after(30), percent: 50 }], workingWeekdays: [1, 2, 3, 4, 5, 6], ...rated }, 'rated_yield', 11, 4.5, ['too_few_levels']],
    // Only "some remaining", a cartridge put in 10 working days ago: 10,000 − 5,000 pages left, 10 working days.
    [
      'only "some remaining", since a replacement',
      { levels: [{ at: after(0), percent: null, state: 'some_remaining' as const }], replacements: [after(20)], ...rated },
      'rated_yield',
      14,
      4.5,
      ['replaced', 'no_measured_levels'],
    ],
    // The counters give 3,000 pages since the replacement, and the last cartridge lasted 8,000 pages:
    // 5,000 left, 10 working days; a narrower range than from the rated yield (6 working days for P90).
    [
      'only "some remaining", with the pages since the replacement and the last cartridge\'s yield',
      { levels: [{ at: after(0), percent: null, state: 'some_remaining' as const }], replacements: [after(20)], ...rated, cyclePages: 3_000, lastCycleYield: 8_000 },
      'rated_yield',
      14,
      8,
      ['replaced', 'no_measured_levels', 'yield_of_last_cartridge'],
    ],
    // Stuck at 60 % for 30 working days since the cartridge went in, while the counters printed
    // 3,000 pages: the sensor says nothing; 7,000 pages left, 70 working days (31.5 for P90).
    [
      'levels stuck while the counters print',
      { levels: [{ at: after(0), percent: 60 }], replacements: [after(0)], ...rated, pagesPerWorkingDay: 100 },
      'rated_yield',
      98,
      43.5,
      ['levels_stuck'],
    ],
  ] as const)('%s', (_case, fields, basis, p50Days, p90Days, reasons) => {
    const forecast = forecastDaysToEmpty(base({ ...fields, levels: [...fields.levels] }));
    expect(forecast.basis).toBe(basis);
    expect(forecast.p50Days).toBeCloseTo(p50Days, 0);
    expect(forecast.p90Days).toBeCloseTo(p90Days, 0);
    expect(forecast.reasons).toEqual(expect.arrayContaining([...reasons]));
    expect(forecast.proactive).toBe(true);
  });

  it.each([
    ['no level and no rated yield', { levels: [] }, ['no_measured_levels', 'no_rated_yield']],
    ['a rated yield but no pace from the counters', { levels: [{ at: after(30), percent: 50 }], ratedYield: 10_000 }, ['too_few_levels', 'no_print_rate']],
    ['only "some remaining" and no known replacement', { levels: [{ at: after(0), percent: null, state: 'some_remaining' as const }], ...rated }, ['no_measured_levels']],
  ] as const)('no basis: %s', (_case, fields, reasons) => {
    const forecast = forecastDaysToEmpty(base({ ...fields, levels: [...fields.levels] }));
    expect(forecast).toMatchObject({ basis: 'none', p50Days: null, p90Days: null, proactive: false });
    expect(forecast.reasons).toEqual(expect.arrayContaining([...reasons]));
  });
});

describe('forecastDaysToEmpty: how much history it stood on', () => {
  it.each([
    // working days of levels (now = the last one), history days, proactive, reason
    [10, 14, false, 'under_a_month'],
    [30, 42, true, 'under_three_months'],
    [70, 98, true, null],
  ] as const)('%i working days of levels: %i days of history', (working, historyDays, proactive, reason) => {
    const forecast = forecastDaysToEmpty(base({ levels: line({ to: working, rate: 0.5 }), now: after(working), lastReadAt: after(working) }));
    expect(forecast.historyDays).toBeCloseTo(historyDays, 0);
    expect(forecast.proactive).toBe(proactive);
    if (reason) expect(forecast.reasons).toContain(reason);
    else expect(forecast.reasons).toEqual([]);
  });
});

describe('reportingStep', () => {
  it.each([
    [[100, 75, 50], 25],
    [[100, 80, 60], 20],
    [[100, 90, 80, 70], 10],
    [[100, 50], 25],
    [[83, 82, 80], 0],
    [[60], 0],
  ])('%j: %i', (percents, step) => {
    expect(reportingStep(percents)).toBe(step);
  });
});

describe('currentCycleStart', () => {
  const at = (n: number, percent: number | null, state: SupplyLevelPoint['state'] = 'measured') => ({ at: day(n), percent, state });
  it.each([
    ['no replacement', [at(0, 90), at(5, 70)], [], null],
    ['a jump of 20 points or more', [at(0, 30), at(5, 8), at(6, 100), at(8, 95)], [], 6],
    ['a shake of a few points is not one', [at(0, 30), at(5, 12), at(6, 19), at(8, 11)], [], null],
    ['a refill to 85 %', [at(0, 20), at(5, 4), at(6, 85)], [], 6],
    ['the technician op, later than any jump', [at(0, 30), at(5, 8), at(6, 100)], [day(9)], 9],
    ['"some remaining" after empty', [at(0, null, 'some_remaining'), at(5, 0), at(7, null, 'some_remaining')], [], 7],
  ] as const)('%s', (_case, levels, replacements, start) => {
    expect(currentCycleStart(levels, replacements)).toEqual(start === null ? null : day(start));
  });
});

describe('workingClock', () => {
  it.each([
    // from, working days, to (local instants in Zurich), weekdays
    ['2026-01-05T10:00:00Z', 5, '2026-01-12T10:00:00Z', [1, 2, 3, 4, 5]],
    ['2026-01-09T10:00:00Z', 1, '2026-01-12T10:00:00Z', [1, 2, 3, 4, 5]],
    ['2026-01-09T10:00:00Z', 1, '2026-01-10T10:00:00Z', [1, 2, 3, 4, 5, 6]],
    // Across the spring change of time (29 March 2026): the same local hour.
    ['2026-03-27T10:00:00Z', 1, '2026-03-30T09:00:00Z', [1, 2, 3, 4, 5]],
  ] as const)('%s + %i working days is %s', (from, working, to, weekdays) => {
    const week = workingClock(timeZone, weekdays);
    expect(new Date(week.instant(week.at(new Date(from)) + working)).toISOString()).toBe(new Date(to).toISOString());
  });

  it('a weekend does not count', () => {
    expect(clock.at(new Date('2026-01-12T10:00:00Z')) - clock.at(new Date('2026-01-09T10:00:00Z'))).toBeCloseTo(1, 10);
    expect(clock.at(new Date('2026-01-11T10:00:00Z'))).toBe(clock.at(new Date('2026-01-10T20:00:00Z')));
  });
});
