import { describe, expect, it } from 'vitest';
import { countLabel, legendInstant, timeTicks } from './chart-locale.ts';

const seconds = (iso: string) => Date.parse(iso) / 1000;
const DAY = 86_400;

describe('chart labels in the user’s language', () => {
  it.each([
    ['de', 30 * DAY, 'Dez. 2026'],
    ['fr', 30 * DAY, 'déc. 2026'],
    ['it', 30 * DAY, 'dic 2026'],
    ['en', 30 * DAY, 'Dec 2026'],
    ['de', DAY, '4. Dez.'],
    ['fr', 7 * DAY, '4 déc.'],
    ['en', 3_600, '14:00'],
  ] as const)('%s ticks %i s apart', (language, increment, label) => {
    expect(timeTicks(language, 'UTC')([seconds('2026-12-04T14:00:00Z')], increment)).toEqual([label]);
  });

  it('writes the legend’s instant and numbers the locale’s way', () => {
    expect(legendInstant('de', 'UTC')(seconds('2026-12-04T14:00:00Z'))).toBe('04.12.2026, 14:00');
    expect(legendInstant('en', 'UTC')(null)).toBe('–');
    expect(countLabel('fr')(1_234_567)).toMatch(/^1\s234\s567$/);
    expect(countLabel('de')(1_234_567)).toBe("1'234'567");
  });
});
