import { describe, expect, it } from 'vitest';
import type { HistoryReading } from '@parc/shared/contracts/device-console';
import { chartData, isFlagged } from './counter-chart.data.ts';

const reading = (counterKind: HistoryReading['counterKind'], value: number, takenAt: string, status: HistoryReading['status'] = 'entered'): HistoryReading => ({
  id: `${counterKind}-${takenAt}`,
  counterKind,
  value,
  takenAt,
  source: 'manual',
  status,
  enteredBy: 'x',
});

describe('chartData', () => {
  it('aligns counters on shared instants with gaps, and leaves refused readings off the lines', () => {
    const data = chartData([
      reading('total', 10, '2026-01-01T00:00:00Z'),
      reading('colour', 4, '2026-01-01T00:00:00Z'),
      reading('total', 20, '2026-02-01T00:00:00Z'),
      reading('total', 999, '2026-03-01T00:00:00Z', 'refused'),
    ]);
    expect(data.kinds).toEqual(['total', 'colour']);
    expect(data.xs).toEqual([Date.parse('2026-01-01T00:00:00Z') / 1000, Date.parse('2026-02-01T00:00:00Z') / 1000]);
    expect(data.series).toEqual([
      [10, 20],
      [4, null],
    ]);
  });

  it.each([
    ['entered', false],
    ['accepted', false],
    ['to_check', true],
    ['refused', true],
  ] as const)('%s is flagged: %s', (status, flagged) => expect(isFlagged({ status })).toBe(flagged));
});
