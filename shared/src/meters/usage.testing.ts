import type { ReadingSource } from './counters.ts';
import { countWorkingDays, type CounterReading } from './usage.ts';

/**
 * Builds a counter history from a starting reading and, per later reading, the pages per working
 * day printed since the previous one. Readings are taken at 16:00 UTC (afternoon in Europe).
 */
export function historyAt(
  start: { value: number; date: string },
  steps: readonly (readonly [date: string, pagesPerWorkingDay: number])[],
  source: ReadingSource = 'link',
): CounterReading[] {
  const at = (date: string) => new Date(`${date}T16:00:00Z`);
  const readings: CounterReading[] = [{ value: start.value, takenAt: at(start.date), source }];
  for (const [date, rate] of steps) {
    const previous = readings.at(-1)!;
    const workingDays = countWorkingDays(previous.takenAt, at(date), 'Europe/Zurich');
    readings.push({ value: previous.value + Math.round(rate * workingDays), takenAt: at(date), source });
  }
  return readings;
}

/** The value a counter would show on `date` if the device printed `rate` pages per working day since its last reading. */
export function valueAfter(history: readonly CounterReading[], date: string, rate: number): number {
  const last = history.at(-1)!;
  return last.value + Math.round(rate * countWorkingDays(last.takenAt, new Date(`${date}T16:00:00Z`), 'Europe/Zurich'));
}

/** Office MFP printing ~400 pages per working day, read monthly, last read 344805 on 2026-08-31. */
const steadyOfficeFromZero = historyAt({ value: 0, date: '2026-02-27' }, [
  ['2026-03-31', 410],
  ['2026-04-30', 380],
  ['2026-05-29', 420],
  ['2026-06-30', 395],
  ['2026-07-31', 405],
  ['2026-08-31', 400],
]);
export const steadyOffice: CounterReading[] = steadyOfficeFromZero.map((reading) => ({ ...reading, value: reading.value + 344_805 - steadyOfficeFromZero.at(-1)!.value }));
