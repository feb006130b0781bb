import { describe, expect, it } from 'vitest';
import { isDue, scanRequested } from './schedule.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe('isDue', () => {
  it.each<[number, Date | null, Date, boolean]>([
    [15, null, at(0), true],
    [15, at(0), at(14), false],
    [15, at(0), at(15), true],
    [0, null, at(0), false],
    [0, at(0), at(600), false],
  ])('every %i min, last %s, now %s → %s', (every, last, now, expected) => {
    expect(isDue(every, last, now)).toBe(expected);
  });
});

describe('scanRequested', () => {
  it.each<[string | null, string | null, boolean]>([
    [null, null, false],
    ['2026-01-01T10:00:00.000Z', null, true],
    ['2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z', false],
    ['2026-01-01T11:00:00.000Z', '2026-01-01T10:00:00.000Z', true],
  ])('requested %s, last handled %s → %s', (requested, handled, expected) => {
    expect(scanRequested({ scanRequestedAt: requested }, handled)).toBe(expected);
  });
});
