import { describe, expect, it } from 'vitest';
import { periodRange } from './volume-period.ts';

describe('periodRange', () => {
  it.each([
    [3, new Date(2026, 10, 20), { from: '2026-08-01', to: '2026-11-20' }],
    [12, new Date(2026, 0, 5), { from: '2025-01-01', to: '2026-01-05' }],
  ])('%i months before %s', (months, today, range) => {
    expect(periodRange(months, today)).toEqual(range);
  });
});
