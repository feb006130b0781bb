import { DomainError, instantOfLocal } from '@parc/shared';
import type { VolumeGroup, VolumeQuery, VolumeReport, VolumeSeries } from '@parc/shared/contracts/dashboard';
import { addPages, bucketRange, deviceVolumes, type DeviceCounterSeries, type PrintedPages, type VolumeBucket } from '@parc/shared/statistics/volumes';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../customers/scope.ts';
import { filterIsVisible, partnerTimeZone, readingsForVolumes, type ReadingFilter, type ReadingRow } from './statistics.repo.ts';

/** The instant a local day starts, e.g. '2026-11-01' at midnight in the zone. */
function startOfDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return instantOfLocal({ year, month, day, hour: 0, minute: 0 }, timeZone);
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** How a reading's device falls into a group: its key and the label people read. */
const GROUPING: Record<VolumeGroup, (row: ReadingRow) => { key: string; label: string }> = {
  total: () => ({ key: 'total', label: 'total' }),
  customer: (row) => ({ key: row.customerId, label: row.customerName }),
  site: (row) => ({ key: row.siteId ?? 'none', label: row.siteName ?? '' }),
  device: (row) => ({ key: row.deviceId, label: `${row.deviceCode} · ${row.model}` }),
  model: (row) => ({ key: row.model, label: row.model }),
};

/** Volumes per group and bucket from readings: per device first (its counters combine), then summed. */
export function volumesFromReadings(rows: readonly ReadingRow[], options: { bucket: VolumeBucket; groupBy: VolumeGroup; from: string; to: string; timeZone: string }): VolumeReport {
  const byDevice = new Map<string, { group: { key: string; label: string }; counters: Map<string, DeviceCounterSeries> }>();
  for (const row of rows) {
    const device = byDevice.get(row.deviceId) ?? { group: GROUPING[options.groupBy](row), counters: new Map() };
    const counter = device.counters.get(row.counterId) ?? { kind: row.kind, points: [] };
    (counter.points as { value: number; takenAt: Date }[]).push({ value: row.value, takenAt: row.takenAt });
    device.counters.set(row.counterId, counter);
    byDevice.set(row.deviceId, device);
  }
  const buckets = bucketRange(options.from, options.to, options.bucket);
  const inRange = new Set(buckets);
  const groups = new Map<string, { label: string; pages: Map<string, PrintedPages> }>();
  for (const device of byDevice.values()) {
    const group = groups.get(device.group.key) ?? { label: device.group.label, pages: new Map() };
    for (const [bucket, pages] of deviceVolumes([...device.counters.values()], options.bucket, options.timeZone)) {
      if (inRange.has(bucket)) addPages(group.pages, bucket, pages);
    }
    groups.set(device.group.key, group);
  }
  const series: VolumeSeries[] = [...groups].map(([key, group]) => {
    const points = buckets.map((bucket) => group.pages.get(bucket) ?? { mono: 0, colour: 0 });
    return { key, label: group.label, points, mono: sum(points, 'mono'), colour: sum(points, 'colour') };
  });
  series.sort((a, b) => b.mono + b.colour - (a.mono + a.colour) || a.label.localeCompare(b.label));
  return { bucket: options.bucket, buckets, series };
}

const sum = (points: PrintedPages[], field: keyof PrintedPages) => points.reduce((total, point) => total + point[field], 0);

/** Pages over a period; dates are local days of the partner's time zone. */
export async function printedVolumes(db: Db, scope: Scope, query: VolumeQuery): Promise<VolumeReport> {
  if (!(await filterIsVisible(db, scope, query))) throw new DomainError('statistics.scope_not_found');
  const timeZone = await partnerTimeZone(db, scope.partnerId);
  const filter: ReadingFilter = { customerIds: query.customerId ? [query.customerId] : undefined, siteId: query.siteId, deviceId: query.deviceId };
  const rows = await readingsForVolumes(db, scope, filter, startOfDay(query.from, timeZone), startOfDay(nextDay(query.to), timeZone));
  return volumesFromReadings(rows, { ...query, timeZone });
}

/** Pages printed by each of `customerIds` in one local month 'YYYY-MM'. */
export async function monthPagesByCustomer(db: Db, scope: Scope, customerIds: string[], month: string): Promise<Map<string, number>> {
  const timeZone = await partnerTimeZone(db, scope.partnerId);
  const from = `${month}-01`;
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const to = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  const rows = await readingsForVolumes(db, scope, { customerIds }, startOfDay(from, timeZone), startOfDay(nextDay(to), timeZone));
  const report = volumesFromReadings(rows, { bucket: 'month', groupBy: 'customer', from, to, timeZone });
  return new Map(report.series.map((series) => [series.key, series.mono + series.colour]));
}
