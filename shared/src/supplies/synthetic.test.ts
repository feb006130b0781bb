import { describe, expect, it } from 'vitest';
import { forecastDaysToEmpty } from './forecast.ts';
import { syntheticHistoryAt, syntheticSupplyHistory } from './synthetic.ts';

const DAY_MS = 86_400_000;

describe('syntheticSupplyHistory', () => {
  it('is labelled synthetic and the same for the same seed', () => {
    const history = syntheticSupplyHistory(7);
    expect(history.label).toBe('synthetic');
    expect(syntheticSupplyHistory(7)).toEqual(history);
    expect(syntheticSupplyHistory(8).levels).not.toEqual(history.levels);
  });

  it.each(['fine', 'steps', 'low_only'] as const)('%s: stored on change only, cartridges that empty and are replaced', (reporting) => {
    const history = syntheticSupplyHistory(3, { reporting });
    history.levels.slice(1).forEach((point, index) => {
      const before = history.levels[index]!;
      expect(point.at.getTime()).toBeGreaterThan(before.at.getTime());
      expect([point.percent, point.state]).not.toEqual([before.percent, before.state]);
    });
    const emptied = history.cycles.filter((cycle) => cycle.emptyAt);
    expect(emptied.length).toBeGreaterThanOrEqual(2);
    for (const cycle of emptied) expect(cycle.emptyAt!.getTime()).toBeGreaterThan(cycle.start.getTime());
    if (reporting === 'steps') expect(history.levels.every((point) => point.percent! % history.step === 0)).toBe(true);
    if (reporting === 'low_only') expect(history.levels.every((point) => point.percent === 0 || point.state === 'some_remaining')).toBe(true);
  });

  it('the forecast beats a straight line through the last two levels, two weeks before empty', () => {
    const errors = { forecast: [] as number[], naive: [] as number[] };
    for (let seed = 1; seed <= 30; seed++) {
      const history = syntheticSupplyHistory(seed, { reporting: seed % 2 ? 'fine' : 'steps' });
      for (const cycle of history.cycles) {
        if (!cycle.emptyAt) continue;
        const now = new Date(cycle.emptyAt.getTime() - 14 * DAY_MS);
        if (now < cycle.start) continue;
        const input = syntheticHistoryAt(history, now);
        errors.forecast.push(Math.abs((forecastDaysToEmpty(input).p50Days ?? 365) - 14));
        const [a, b] = input.levels.filter((point) => point.percent !== null).slice(-2);
        const perDay = a && b ? (b.percent! - a.percent!) / ((b.at.getTime() - a.at.getTime()) / DAY_MS) : 0;
        errors.naive.push(Math.abs((perDay < 0 ? Math.max(0, b!.percent! / -perDay - (now.getTime() - b!.at.getTime()) / DAY_MS) : 365) - 14));
      }
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1]!;
    expect(errors.forecast.length).toBeGreaterThan(50);
    expect(median(errors.forecast)).toBeLessThan(median(errors.naive) / 2);
  });
});
