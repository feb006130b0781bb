import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { continuousValues, type CounterKind } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { counters, customers, devices, partners, readings, sites } from '../../db/schema/index.ts';
import { visibleTo, type Scope } from '../customers/scope.ts';
import { findResetsOfCounters, isCountingReading } from '../readings/readings.repo.ts';

/** Counters that make up printed pages; scans and large-format sheets are reported apart. */
const PRINTED_KINDS: CounterKind[] = ['total', 'mono', 'colour'];

export interface ReadingRow {
  counterId: string;
  kind: CounterKind;
  deviceId: string;
  deviceCode: string;
  model: string;
  customerId: string;
  customerName: string;
  siteId: string | null;
  siteName: string | null;
  value: number;
  takenAt: Date;
}

export interface ReadingFilter {
  customerIds?: string[];
  siteId?: string;
  deviceId?: string;
  /** A batch of devices (reports page through the fleet). */
  deviceIds?: string[];
}

const columns = {
  counterId: readings.counterId,
  kind: counters.kind,
  deviceId: readings.deviceId,
  deviceCode: devices.deviceCode,
  model: devices.model,
  customerId: devices.customerId,
  customerName: customers.name,
  siteId: devices.siteId,
  siteName: sites.name,
  value: readings.value,
  takenAt: readings.takenAt,
};

function matching(scope: Scope, filter: ReadingFilter, period: SQL | undefined): SQL | undefined {
  return and(
    visibleTo(scope, { partnerId: devices.partnerId, customerId: devices.customerId }),
    inArray(counters.kind, PRINTED_KINDS),
    isCountingReading(),
    filter.customerIds ? inArray(devices.customerId, filter.customerIds) : undefined,
    filter.siteId ? eq(devices.siteId, filter.siteId) : undefined,
    filter.deviceId ? eq(devices.id, filter.deviceId) : undefined,
    filter.deviceIds ? inArray(devices.id, filter.deviceIds) : undefined,
    period,
  );
}

/**
 * The readings of [from, to) plus, per counter, the last one before `from`: the starting point
 * the window's first delta needs, however long ago it was taken. Two queries whatever the fleet size.
 */
export async function readingsForVolumes(db: Db, scope: Scope, filter: ReadingFilter, from: Date, to: Date): Promise<ReadingRow[]> {
  if (filter.customerIds?.length === 0 || filter.deviceIds?.length === 0) return [];
  const [inWindow, baselines] = await Promise.all([
    db
      .select(columns)
      .from(readings)
      .innerJoin(counters, eq(counters.id, readings.counterId))
      .innerJoin(devices, eq(devices.id, readings.deviceId))
      .innerJoin(customers, eq(customers.id, devices.customerId))
      .leftJoin(sites, eq(sites.id, devices.siteId))
      .where(matching(scope, filter, and(gte(readings.takenAt, from), lt(readings.takenAt, to)))),
    db
      .selectDistinctOn([readings.counterId], columns)
      .from(readings)
      .innerJoin(counters, eq(counters.id, readings.counterId))
      .innerJoin(devices, eq(devices.id, readings.deviceId))
      .innerJoin(customers, eq(customers.id, devices.customerId))
      .leftJoin(sites, eq(sites.id, devices.siteId))
      .where(matching(scope, filter, lt(readings.takenAt, from)))
      .orderBy(readings.counterId, desc(readings.takenAt)),
  ]);
  return onContinuousSeries(db, [...baselines, ...inWindow]);
}

/** Values moved onto each counter's continuous series, so volumes continue across declared resets. */
async function onContinuousSeries(db: Db, rows: ReadingRow[]): Promise<ReadingRow[]> {
  const resets = await findResetsOfCounters(db, [...new Set(rows.map((row) => row.counterId))]);
  if (resets.length === 0) return rows;
  return rows.map((row) => {
    const own = resets.filter((reset) => reset.counterId === row.counterId);
    return own.length > 0 ? continuousValues([row], own)[0]! : row;
  });
}

export async function partnerTimeZone(db: Db, partnerId: string): Promise<string> {
  const [row] = await db.select({ timeZone: partners.defaultTimezone }).from(partners).where(eq(partners.id, partnerId));
  return row?.timeZone ?? 'Europe/Zurich';
}

/** Which of the filter's ids this user may see, so a foreign id answers 404 rather than an empty chart. */
export async function filterIsVisible(db: Db, scope: Scope, filter: { customerId?: string; siteId?: string; deviceId?: string }): Promise<boolean> {
  const checks = await Promise.all([
    filter.customerId
      ? db.select({ id: customers.id }).from(customers).where(and(visibleTo(scope, { partnerId: customers.partnerId, customerId: customers.id }), eq(customers.id, filter.customerId)))
      : [true],
    filter.siteId ? db.select({ id: sites.id }).from(sites).where(and(visibleTo(scope, { partnerId: sites.partnerId, customerId: sites.customerId }), eq(sites.id, filter.siteId))) : [true],
    filter.deviceId
      ? db.select({ id: devices.id }).from(devices).where(and(visibleTo(scope, { partnerId: devices.partnerId, customerId: devices.customerId }), eq(devices.id, filter.deviceId)))
      : [true],
  ]);
  return checks.every((rows) => rows.length > 0);
}
