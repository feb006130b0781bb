import { describe, expect, it } from 'vitest';
import type { ReadingSource } from './counters.ts';
import { consecutiveEstimates, estimateReading } from './estimates.ts';
import { historyAt } from './usage.testing.ts';

const at = (date: string) => new Date(`${date}T16:00:00Z`);

const office = historyAt({ value: 100_000, date: '2026-05-29' }, [
  ['2026-06-30', 400],
  ['2026-07-31', 100],
  ['2026-08-31', 420],
]);

describe('consecutiveEstimates', () => {
  it.each<[ReadingSource[], number]>([
    [[], 0],
    [['link', 'estimate'], 0],
    [['estimate', 'link', 'estimate'], 1],
    [['estimate', 'estimate', 'agent'], 2],
    [['estimate', 'estimate', 'estimate'], 3],
  ])('%o -> %i', (sources, expected) => {
    expect(consecutiveEstimates(sources)).toBe(expected);
  });
});

describe('estimateReading', () => {
  it.each<[name: string, sources: ReadingSource[], kind: string]>([
    ['after a manual reading', ['link', 'link'], 'estimated'],
    ['after one estimate', ['estimate', 'link'], 'estimated'],
    ['a third estimate in a row is refused', ['estimate', 'estimate', 'link'], 'not_estimated'],
    ['an agent reading breaks the run', ['agent', 'estimate', 'estimate'], 'estimated'],
  ])('%s', (_name, recentSources, kind) => {
    expect(estimateReading({ history: office, at: at('2026-09-30'), recentSources }).kind).toBe(kind);
  });

  it('extrapolates the median rate from the last reading, labelled as an estimate', () => {
    // Rates 400, 100, 420: the median (400) ignores the slow summer month; 22 working days in September.
    const result = estimateReading({ history: office, at: at('2026-09-30'), recentSources: ['link'] });
    expect(result).toEqual({
      kind: 'estimated',
      reading: { value: office.at(-1)!.value + 400 * 22, takenAt: at('2026-09-30'), source: 'estimate' },
      basis: { lastValue: office.at(-1)!.value, lastDate: '2026-08-31', workingDays: 22, pagesPerWorkingDay: 400 },
    });
  });

  it.each([
    ['no readings', []],
    ['a single reading', office.slice(0, 1)],
    ['a single interval', office.slice(0, 2)],
  ])('refuses with %s', (_name, history) => {
    expect(estimateReading({ history, at: at('2026-09-30'), recentSources: [] })).toEqual({
      kind: 'not_estimated',
      reason: 'insufficient_history',
    });
  });

  it('the reason for refusing a third estimate wins over everything else', () => {
    expect(estimateReading({ history: [], at: at('2026-09-30'), recentSources: ['estimate', 'estimate'] })).toEqual({
      kind: 'not_estimated',
      reason: 'consecutive_limit',
    });
  });
});
