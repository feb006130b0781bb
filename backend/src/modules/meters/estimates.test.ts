import { describe, expect, it } from 'vitest';
import { estimateClientId, estimateNote } from './estimates.ts';

const COUNTER = '6f1c2a57-64a4-4c7e-9d0b-1f6a2e0c9b11';

describe('estimateClientId', () => {
  it.each([
    [COUNTER, '2026-10'],
    [COUNTER, '2026-11'],
    ['00000000-0000-4000-8000-000000000000', '2026-10'],
  ])('is a stable UUID for %s in %s', (counterId, period) => {
    const id = estimateClientId(counterId, period);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(estimateClientId(counterId, period)).toBe(id);
  });

  it('differs per period and per counter', () => {
    const ids = new Set([estimateClientId(COUNTER, '2026-10'), estimateClientId(COUNTER, '2026-11'), estimateClientId(COUNTER.replace('6f', '7f'), '2026-10')]);
    expect(ids.size).toBe(3);
  });
});

it('estimateNote says it is an estimate and from what', () => {
  expect(estimateNote({ lastValue: 344805, lastDate: '2026-10-30', workingDays: 21, pagesPerWorkingDay: 120.5 })).toBe(
    'Estimate: 344805 on 2026-10-30 + 21 working days × 120.5 pages/day',
  );
});
