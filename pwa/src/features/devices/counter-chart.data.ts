/** Readings shaped for uPlot: shared x (seconds), one aligned series per counter kind, gaps as null. */
import type { HistoryReading } from '@parc/shared/contracts/device-console';
import { COUNTER_KINDS, isCounting, type CounterKind } from '@parc/shared/meters/counters';

/** Flagged readings (to check, refused) are marked on the chart as such. */
export const isFlagged = (reading: Pick<HistoryReading, 'status'>) => reading.status === 'to_check' || reading.status === 'refused';

/** What the chart marks: every reading but deleted ones, which are counted nowhere and only kept in the history. */
export const markedReadings = <R extends Pick<HistoryReading, 'status'>>(history: readonly R[]): R[] => history.filter((reading) => reading.status !== 'deleted');

/**
 * The lines: only counting readings (entered, accepted, corrected). A value still to check, refused
 * or deleted is nobody's counter, so it must not bend or flatten a line; flagged ones are marked apart.
 */
export function chartData(history: readonly HistoryReading[]): { xs: number[]; kinds: CounterKind[]; series: (number | null)[][] } {
  const drawn = history.filter((reading) => isCounting(reading.status));
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
