import { describe, expect, it } from 'vitest';
import { judgeReading, type AcceptanceInput, type HistoryReading } from './acceptance.ts';
import type { ReadingSource, ReadingStatus } from './counters.ts';
import { historyAt, steadyOffice, valueAfter } from './usage.testing.ts';

const at = (date: string, time = '16:00:00') => new Date(`${date}T${time}Z`);

/** An office MFP read monthly at ~400 pages per working day; last real reading 344805 on 2026-08-31. */
const monthly = steadyOffice;
const last = monthly.at(-1)!;
const counted = (readings: readonly { value: number; takenAt: Date; source: ReadingSource }[], status: ReadingStatus = 'entered'): HistoryReading[] =>
  readings.map((reading) => ({ ...reading, status }));
const history = counted(monthly);
const colour = counted(historyAt({ value: 25_000, date: '2026-05-29' }, [['2026-06-30', 40], ['2026-07-31', 30], ['2026-08-31', 35]]));

const base: AcceptanceInput = {
  value: valueAfter(monthly, '2026-09-30', 420),
  takenAt: at('2026-09-30'),
  source: 'link',
  now: at('2026-09-30', '18:00:00'),
  installedAt: at('2026-01-15'),
  counter: { readings: history, resets: [] },
};
const judge = (overrides: Partial<AcceptanceInput>) => judgeReading({ ...base, ...overrides });

type Case = [name: string, overrides: Partial<AcceptanceInput>, status: string | null, code: string, params?: Record<string, unknown>];

describe('one acceptance policy', () => {
  it.each<Case>([
    ['an ordinary month from a link', {}, 'entered', 'within_usual'],
    ['lower than the last real reading', { value: last.value - 1 }, null, 'below_last', { lastValue: last.value, lastDate: '2026-08-31' }],
    ['lower than the last reading, from the agent, a few pages (a glitch)', { value: last.value - 40, source: 'agent' }, null, 'below_last'],
    ['far below the last reading, from the agent: a suspected reset', { value: 1_200, source: 'agent' }, 'to_check', 'suspected_reset', { lastValue: last.value }],
    ['far below the last reading, from a technician: refused', { value: 1_200, source: 'technician' }, null, 'below_last'],
    ['dated in the future', { source: 'technician', takenAt: at('2026-10-02') }, null, 'in_future'],
    ['a clock a minute ahead is still now', { source: 'agent', takenAt: new Date(base.now.getTime() + 60_000) }, 'entered', 'within_usual'],
    ['dated before the install', { source: 'partner', takenAt: at('2026-01-10'), value: 100 }, null, 'before_install', { installDate: '2026-01-15' }],
    ['the install day itself', { source: 'partner', takenAt: at('2026-01-15', '06:00:00'), installedAt: at('2026-01-15', '14:00:00'), value: 336_000, counter: { readings: [], resets: [] } }, 'entered', 'first_reading'],
    [
      'backdated above a later reading',
      { source: 'partner', takenAt: at('2026-07-15'), value: last.value + 10 },
      null,
      'above_next',
      { nextValue: monthly.at(-2)!.value, nextDate: '2026-07-31' },
    ],
    ['backdated between two readings', { source: 'technician', takenAt: at('2026-08-14'), value: monthly.at(-2)!.value + 3_000 }, 'entered', 'within_usual'],
    ['far above usual, from a link', { value: valueAfter(monthly, '2026-09-30', 1_500) }, 'to_check', 'above_usual'],
    ['far above usual, from the agent', { value: valueAfter(monthly, '2026-09-30', 1_500), source: 'agent' }, 'to_check', 'above_usual'],
    ['far above usual, typed by the dealer: accepted, reason kept', { value: valueAfter(monthly, '2026-09-30', 1_500), source: 'partner' }, 'accepted', 'above_usual'],
    ['far above usual, a dealer correction', { value: valueAfter(monthly, '2026-09-30', 1_500), source: 'correction' }, 'accepted', 'above_usual'],
    ['the colour value typed in the mono box', { value: colour.at(-1)!.value + 700, otherCounters: { colour: { readings: colour, resets: [] } } }, null, 'below_last', { otherCounter: 'colour' }],
    ['not a whole number', { value: 1.5 }, null, 'not_integer'],
    ['negative', { value: -1 }, null, 'negative'],
    ['too large', { value: 10 ** 10 + 1 }, null, 'too_large'],
  ])('%s', (_name, overrides, status, code, params) => {
    const result = judge(overrides);
    expect(result.status).toBe(status);
    expect(result.reason.code).toBe(code);
    if (params) expect(result.reason.params).toMatchObject(params);
  });
});

describe('a short interval is judged against a usual month', () => {
  // The agent (or the demo) read the device this morning; the secretary reads the display this afternoon.
  const thisMorning = { value: last.value + 8_800, takenAt: at('2026-09-30', '07:00:00'), source: 'agent' as const, status: 'entered' as const };
  const readings = [...history, thisMorning];
  it.each<Case>([
    ['1276 pages since this morning: within a usual month', { value: thisMorning.value + 1_276, counter: { readings, resets: [] } }, 'entered', 'within_usual', { shortInterval: true, workingDays: 1 }],
    ['two usual months since this morning: still within', { value: thisMorning.value + 16_000, counter: { readings, resets: [] } }, 'entered', 'within_usual'],
    ['four usual months since this morning: to check', { value: thisMorning.value + 34_000, counter: { readings, resets: [] } }, 'to_check', 'above_usual', { shortInterval: true, ratio: 4 }],
  ])('%s', (_name, overrides, status, code, params) => {
    const result = judge(overrides);
    expect(result.status).toBe(status);
    expect(result.reason.code).toBe(code);
    if (params) expect(result.reason.params).toMatchObject(params);
  });

  it('names the usual month in pages', () => {
    const result = judge({ value: thisMorning.value + 34_000, counter: { readings, resets: [] } });
    const params = result.reason.params as { pages: number; usualPages: number; usualPagesPerWorkingDay: number; lastValue: number };
    expect(params).toMatchObject({ pages: 34_000, lastValue: thisMorning.value });
    // A usual month: the upper quartile of the monthly rates (about 408 pages a working day) × 21 working days.
    expect(params.usualPages).toBe(Math.round(params.usualPagesPerWorkingDay * 21));
    expect(params.usualPagesPerWorkingDay).toBeGreaterThan(400);
  });
});

describe('only counting values bound the next one', () => {
  it('a value still to check (an unverified 99,999,999) is not the last reading', () => {
    const flagged = { value: 99_999_999, takenAt: at('2026-09-10'), source: 'link' as const, status: 'to_check' as const };
    expect(judge({ counter: { readings: [...history, flagged], resets: [] } })).toMatchObject({ status: 'entered', reason: { code: 'within_usual' } });
  });

  it.each(['refused', 'deleted'] as const)('a %s value bounds nothing', (status) => {
    const gone = { value: last.value + 900_000, takenAt: at('2026-09-10'), source: 'partner' as const, status };
    expect(judge({ counter: { readings: [...history, gone], resets: [] } }).status).toBe('entered');
  });

  it('an accepted or corrected value does', () => {
    const corrected = { value: last.value + 20_000, takenAt: at('2026-09-10'), source: 'correction' as const, status: 'corrected' as const };
    expect(judge({ value: last.value + 10_000, counter: { readings: [...history, corrected], resets: [] } }).reason.code).toBe('below_last');
  });

  it.each<Case>([
    ['a real value below a generous estimate is judged against the last real reading', { value: valueAfter(monthly, '2026-10-05', 400) }, 'entered', 'within_usual'],
    ['an estimate is stored as such', { source: 'estimate', value: valueAfter(monthly, '2026-09-30', 300) }, 'entered', 'estimate'],
    ['an estimate below the last real reading is still refused', { source: 'estimate', value: last.value - 5 }, null, 'below_last'],
  ])('%s', (_name, overrides, status, code) => {
    const estimate = { value: valueAfter(monthly, '2026-09-25', 1_000), takenAt: at('2026-09-25'), source: 'estimate' as const, status: 'entered' as const };
    const result = judge({ takenAt: at('2026-09-30'), now: at('2026-10-06'), counter: { readings: [...history, estimate], resets: [] }, ...overrides });
    expect(result.status).toBe(status);
    expect(result.reason.code).toBe(code);
  });
});

describe('after a declared reset', () => {
  // The board was replaced on 2026-09-15: the old counter ended at `final`, the new one starts at 12.
  const resetAt = at('2026-09-15', '10:00:00');
  const final = valueAfter(monthly, '2026-09-15', 400);
  const resets = [{ at: resetAt, finalValue: final, startValue: 12 }];
  const readings = [
    ...history,
    { value: final, takenAt: new Date(resetAt.getTime() - 1), source: 'technician' as const, status: 'entered' as const },
    { value: 12, takenAt: resetAt, source: 'technician' as const, status: 'entered' as const },
  ];
  const afterReset = (value: number, overrides: Partial<AcceptanceInput> = {}) => judge({ value, counter: { readings, resets }, ...overrides });

  it('a normal month continues across the reset, judged on the device’s usual volume', () => {
    const result = afterReset(12 + 400 * 11);
    expect(result).toMatchObject({ status: 'entered', reason: { code: 'within_usual', params: { lastValue: 12, pages: 4_400 } } });
  });

  it('far above usual after the reset is still to check', () => {
    expect(afterReset(12 + 20_000 * 11).reason.code).toBe('above_usual');
  });

  it('below the new start value is refused, naming it', () => {
    expect(afterReset(5).reason).toMatchObject({ code: 'below_last', params: { lastValue: 12 } });
  });

  it('the old counter’s values no longer bound: a low new value is not "below the last"', () => {
    expect(afterReset(4_000).status).toBe('entered');
  });

  it('a backdated value before the reset is judged against the old counter', () => {
    expect(afterReset(final + 50, { takenAt: at('2026-09-10'), source: 'partner' }).reason.code).toBe('above_next');
    expect(afterReset(final - 2_000, { takenAt: at('2026-09-10'), source: 'partner' }).status).toBe('entered');
  });

  it('an agent value below the new start right after the reset is not a suspected reset of its own', () => {
    expect(afterReset(11, { source: 'agent' }).reason.code).toBe('below_last');
  });
});

describe('settled values', () => {
  it.each<[ReadingStatus, ReadingSource, string | null, string]>([
    ['accepted', 'link', null, 'settled'],
    ['corrected', 'link', null, 'settled'],
    ['to_check', 'link', 'entered', 'within_usual'],
    ['entered', 'link', 'entered', 'within_usual'],
    ['corrected', 'partner', 'entered', 'within_usual'],
  ])('replacing a %s value from %s', (status, source, expected, code) => {
    const result = judge({ source, replacing: { status, value: 350_000 } });
    expect(result.status).toBe(expected);
    expect(result.reason.code).toBe(code);
    if (code === 'settled') expect(result.reason.params).toEqual({ value: 350_000 });
  });
});
