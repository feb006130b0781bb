import { describe, expect, it } from 'vitest';
import type { HistoryReading } from '@parc/shared/contracts/device-console';
import { chartData, isFlagged, markedReadings } from './counter-chart.data.ts';

const reading = (counterKind: HistoryReading['counterKind'], value: number, takenAt: string, status: HistoryReading['status'] = 'entered', source: HistoryReading['source'] = 'partner'): HistoryReading => ({
  id: `${counterKind}-${takenAt}`,
  counterKind,
  value,
  takenAt,
  source,
  status,
  enteredBy: 'x',
});

describe('chartData', () => {
  it('aligns counters on shared instants with gaps, and leaves refused readings off the lines', () => {
    const data = chartData([
      reading('total', 10, '2026-01-01T00:00:00Z', 'entered', 'link'),
      reading('colour', 4, '2026-01-01T00:00:00Z', 'entered', 'agent'),
      reading('total', 20, '2026-02-01T00:00:00Z', 'accepted', 'technician'),
      reading('total', 999, '2026-03-01T00:00:00Z', 'refused'),
    ]);
    expect(data.kinds).toEqual(['total', 'colour']);
    expect(data.xs).toEqual([Date.parse('2026-01-01T00:00:00Z') / 1000, Date.parse('2026-02-01T00:00:00Z') / 1000]);
    expect(data.series).toEqual([
      [10, 20],
      [4, null],
    ]);
  });

  it('draws only counting readings: a value to check or deleted neither flattens nor bends the line', () => {
    const data = chartData([
      reading('total', 1_000, '2026-01-05T10:00:00Z'),
      // An agent value far below the last one, waiting for the dealer (suspected reset).
      reading('total', 12, '2026-02-05T10:00:00Z', 'to_check', 'agent'),
      reading('total', 5_000_000, '2026-02-20T10:00:00Z', 'deleted'),
      reading('total', 1_900, '2026-03-05T10:00:00Z', 'corrected', 'correction'),
    ]);
    expect(data.xs).toEqual([Date.parse('2026-01-05T10:00:00Z') / 1000, Date.parse('2026-03-05T10:00:00Z') / 1000]);
    expect(data.series).toEqual([[1_000, 1_900]]);
  });

  it('leaves out a counter whose only readings do not count', () => {
    const data = chartData([reading('total', 10, '2026-01-01T00:00:00Z'), reading('colour', 4, '2026-01-01T00:00:00Z', 'to_check')]);
    expect(data.kinds).toEqual(['total']);
  });
});

describe('marks', () => {
  it.each([
    ['entered', false],
    ['accepted', false],
    ['corrected', false],
    ['to_check', true],
    ['refused', true],
    ['deleted', false],
  ] as const)('%s is flagged: %s', (status, flagged) => expect(isFlagged({ status })).toBe(flagged));

  it('marks every reading but deleted ones, to-check ones included', () => {
    const history = [reading('total', 1, '2026-01-01T00:00:00Z'), reading('total', 2, '2026-02-01T00:00:00Z', 'to_check'), reading('total', 3, '2026-03-01T00:00:00Z', 'deleted')];
    expect(markedReadings(history).map((each) => each.value)).toEqual([1, 2]);
  });
});
