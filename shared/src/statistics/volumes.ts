import type { CounterKind } from '../meters/counters.ts';
import { localDateKey } from '../meters/periods.ts';

/**
 * Printed volumes from counter readings: the pages between consecutive readings of one counter,
 * put in the day or month of the later reading. A counter that went down was reset (board
 * replaced, firmware): the pages since the reset are the new value itself, never a negative count.
 */

export interface CounterPoint {
  value: number;
  takenAt: Date;
}

export type VolumeBucket = 'day' | 'month';

/** 'YYYY-MM-DD' or 'YYYY-MM' in the given time zone. */
export function bucketKey(instant: Date, bucket: VolumeBucket, timeZone: string): string {
  const day = localDateKey(instant, timeZone);
  return bucket === 'day' ? day : day.slice(0, 7);
}

/** Pages printed between each reading and the one before it; a decrease counts as a reset from 0. */
export function pagesBetween(previous: number, current: number): number {
  return current >= previous ? current - previous : current;
}

/**
 * Pages per bucket for one counter. Readings may come in any order; the first reading only sets
 * the starting point, so a counter with one reading has printed nothing yet as far as we know.
 */
export function counterVolumes(points: readonly CounterPoint[], bucket: VolumeBucket, timeZone: string): Map<string, number> {
  const sorted = [...points].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const volumes = new Map<string, number>();
  for (let index = 1; index < sorted.length; index++) {
    const pages = pagesBetween(sorted[index - 1]!.value, sorted[index]!.value);
    const key = bucketKey(sorted[index]!.takenAt, bucket, timeZone);
    volumes.set(key, (volumes.get(key) ?? 0) + pages);
  }
  return volumes;
}

export interface PrintedPages {
  mono: number;
  colour: number;
}

/**
 * Mono and colour pages of one device in one bucket from the counters it has. A device with a
 * mono counter reports it directly; one with only a total prints mono = total − colour.
 */
export function printedPages(byKind: Partial<Record<CounterKind, number>>): PrintedPages {
  const colour = byKind.colour ?? 0;
  const mono = byKind.mono ?? Math.max(0, (byKind.total ?? 0) - colour);
  return { mono, colour };
}

export interface DeviceCounterSeries {
  kind: CounterKind;
  points: readonly CounterPoint[];
}

/** Mono and colour pages per bucket of one device, from all its counters' readings. */
export function deviceVolumes(counters: readonly DeviceCounterSeries[], bucket: VolumeBucket, timeZone: string): Map<string, PrintedPages> {
  const perKind = new Map<string, Partial<Record<CounterKind, number>>>();
  for (const counter of counters) {
    for (const [key, pages] of counterVolumes(counter.points, bucket, timeZone)) {
      const kinds = perKind.get(key) ?? {};
      kinds[counter.kind] = (kinds[counter.kind] ?? 0) + pages;
      perKind.set(key, kinds);
    }
  }
  return new Map([...perKind].map(([key, kinds]) => [key, printedPages(kinds)]));
}

/** Adds `pages` into `into[key]`, the sum every grouping (customer, site, model) uses. */
export function addPages(into: Map<string, PrintedPages>, key: string, pages: PrintedPages): void {
  const current = into.get(key) ?? { mono: 0, colour: 0 };
  into.set(key, { mono: current.mono + pages.mono, colour: current.colour + pages.colour });
}

/** Every bucket key from `from` to `to` inclusive, so a chart shows the quiet months as zero. */
export function bucketRange(from: string, to: string, bucket: VolumeBucket): string[] {
  const keys: string[] = [];
  const [startYear, startMonth, startDay] = from.split('-').map(Number) as [number, number, number];
  const cursor = new Date(Date.UTC(startYear, startMonth - 1, bucket === 'day' ? startDay : 1));
  const last = bucket === 'day' ? to : to.slice(0, 7);
  for (let guard = 0; guard < 4000; guard++) {
    const key = cursor.toISOString().slice(0, bucket === 'day' ? 10 : 7);
    if (key > last) break;
    keys.push(key);
    if (bucket === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return keys;
}
