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
