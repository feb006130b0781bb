/** Readings shaped for uPlot: shared x (seconds), one aligned series per counter kind, gaps as null. */
import type { HistoryReading } from '@parc/shared/contracts/device-console';
import { COUNTER_KINDS, type CounterKind } from '@parc/shared/meters/counters';

/** Flagged readings are marked on the chart; refused ones are also kept off the lines. */
export const isFlagged = (reading: Pick<HistoryReading, 'status'>) => reading.status === 'to_check' || reading.status === 'refused';

export function chartData(history: readonly HistoryReading[]): { xs: number[]; kinds: CounterKind[]; series: (number | null)[][] } {
  const drawn = history.filter((reading) => reading.status !== 'refused');
  const xs = [...new Set(drawn.map((reading) => Date.parse(reading.takenAt) / 1000))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, position) => [x, position]));
  const kinds = COUNTER_KINDS.filter((kind) => drawn.some((reading) => reading.counterKind === kind));
  const series = kinds.map((kind) => {
    const values: (number | null)[] = xs.map(() => null);
    for (const reading of drawn) if (reading.counterKind === kind) values[index.get(Date.parse(reading.takenAt) / 1000)!] = reading.value;
    return values;
  });
  return { xs, kinds, series };
}
