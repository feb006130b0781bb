import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { COUNTING_STATUSES, type CounterKind, type ReadingSource, type ReadingStatus } from '@parc/shared';
import type { BillingPeriod } from '@parc/shared/billing/periods';
import type { DeviceUsage } from '@parc/shared/billing/pricing';
import { counterSpanInPeriod, type BillingReading } from '@parc/shared/billing/volumes';
import { addMonths, instantOfLocal, parsePeriod, type PeriodKey } from '@parc/shared/meters/periods';
import type { CounterReset } from '@parc/shared/meters/resets';
import { selectRows, type Db } from '../../db/client.ts';
import { counterResets, counters, devices, deviceSupplies, supplyReplacements, type BillingRunInputs } from '../../db/schema/index.ts';

/**
 * What customers' devices printed and consumed, loaded once for a stretch of billing periods and
 * then cut into periods in memory: a run for every customer (and the recomputation of their
 * approved periods) costs the same few queries whatever the number of customers, devices or periods.
 */

export interface UsageReading extends BillingReading {
  id: string;
  counterId: string;
}

export interface UsageDevice {
  id: string;
  code: string;
  manufacturer: string;
  model: string;
  active: boolean;
  installedAt: Date;
}

export interface Replacement {
  deviceId: string;
  supplyModel: string;
  at: Date;
}

export interface CustomerUsageData {
  devices: UsageDevice[];
  /** Per device, its counters by kind. */
  counters: Map<string, { id: string; kind: CounterKind }[]>;
  /** Per counter, its counting readings (with the last real one before the stretch), oldest first. */
  readings: Map<string, UsageReading[]>;
  resets: Map<string, CounterReset[]>;
  /** Per device, the supplies replaced on it. */
  replacements: Map<string, Replacement[]>;
}

export type DeviceInputs = BillingRunInputs['devices'][number];
export type MissingDevice = { deviceId: string; deviceCode: string; deviceModel: string };

const COUNTING = [...COUNTING_STATUSES] as string[];

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The exclusive end of a link's month in the customer's zone: its entries count at that month's end at the latest. */
function linkPeriodEnd(period: PeriodKey, timeZone: string): Date {
  return instantOfLocal({ ...parsePeriod(addMonths(period, 1)), day: 1, hour: 0, minute: 0 }, timeZone);
}

interface ReadingRow {
  id: string;
  customer_id: string;
  counter_id: string;
  value: number;
  taken_ms: number;
  source: ReadingSource;
  status: ReadingStatus;
  link_period: string | null;
}

export interface UsageSpan {
  /** The earliest period's previous start. */
  from: Date;
  /** The latest period's end. */
  to: Date;
  /** The latest period's key: link entries made after `to` for it or an earlier period count. */
  lastPeriod: PeriodKey;
}

const readingColumns = sql.raw(
  `d.customer_id, r.id, r.counter_id, r.value::float8 as value, (extract(epoch from r.taken_at) * 1000)::float8 as taken_ms, r.source, r.status, l.period as link_period`,
);
const ofCustomersSql = (partnerId: string, customerIds: readonly string[]) => sql`d.partner_id = ${partnerId} and d.customer_id in (${sql.join(customerIds.map((id) => sql`${id}`), sql`, `)})`;

/**
 * The counting readings of the customers' counters for the span: those taken in it, the link entries
 * made after it for a period it covers, and per counter the last real reading before it (the
 * starting value of a device not read for a while). One query.
 */
function loadReadings(db: Db, partnerId: string, customerIds: readonly string[], span: UsageSpan): Promise<ReadingRow[]> {
  const statuses = sql.join(COUNTING.map((status) => sql`${status}`), sql`, `);
  const from = span.from.toISOString();
  return selectRows<ReadingRow>(
    db,
    sql`select ${readingColumns}
        from readings r
        join devices d on d.id = r.device_id
        left join meter_links l on l.id = r.link_id
        where ${ofCustomersSql(partnerId, customerIds)} and r.status in (${statuses})
          and r.taken_at >= ${from}::timestamptz
          and (r.taken_at < ${span.to.toISOString()}::timestamptz or l.period <= ${span.lastPeriod})
      union all
      select b.* from counters c
        join devices d on d.id = c.device_id
        cross join lateral (
          select ${readingColumns}
          from readings r left join meter_links l on l.id = r.link_id
          where r.counter_id = c.id and r.status in (${statuses}) and r.source <> 'estimate' and r.taken_at < ${from}::timestamptz
          order by r.taken_at desc limit 1
        ) b
        where ${ofCustomersSql(partnerId, customerIds)}`,
  );
}

/**
 * Everything billing needs about the devices of some customers of a partner for the span, per
 * customer: a handful of queries whatever the number of customers, devices or periods.
 */
export async function loadUsage(db: Db, partnerId: string, customers: readonly { id: string; timeZone: string }[], span: UsageSpan): Promise<Map<string, CustomerUsageData>> {
  if (customers.length === 0) return new Map();
  const ids = customers.map((customer) => customer.id);
  const ofCustomers = and(eq(devices.partnerId, partnerId), inArray(devices.customerId, ids));
  const [deviceRows, counterRows, readingRows, resetRows, supplyRows, replacementRows] = await Promise.all([
    db
      .select({ customerId: devices.customerId, id: devices.id, code: devices.deviceCode, manufacturer: devices.manufacturer, model: devices.model, active: devices.active, installedAt: devices.installedAt })
      .from(devices)
      .where(ofCustomers)
      .orderBy(devices.deviceNumber),
    db.select({ id: counters.id, deviceId: counters.deviceId, kind: counters.kind }).from(counters).innerJoin(devices, eq(devices.id, counters.deviceId)).where(ofCustomers),
    loadReadings(db, partnerId, ids, span),
    db
      .select({ counterId: counterResets.counterId, at: counterResets.at, finalValue: counterResets.finalValue, startValue: counterResets.startValue })
      .from(counterResets)
      .innerJoin(devices, eq(devices.id, counterResets.deviceId))
      .where(and(ofCustomers, lt(counterResets.at, span.to)))
      .orderBy(counterResets.at),
    db
      .select({ deviceId: deviceSupplies.deviceId, supplyIndex: deviceSupplies.supplyIndex, description: deviceSupplies.description, type: deviceSupplies.type, colour: deviceSupplies.colour })
      .from(deviceSupplies)
      .innerJoin(devices, eq(devices.id, deviceSupplies.deviceId))
      .where(ofCustomers),
    db
      .select({ deviceId: supplyReplacements.deviceId, supplyIndex: supplyReplacements.supplyIndex, supplyType: supplyReplacements.supplyType, colour: supplyReplacements.colour, at: supplyReplacements.replacedAt })
      .from(supplyReplacements)
      .innerJoin(devices, eq(devices.id, supplyReplacements.deviceId))
      .where(and(ofCustomers, gte(supplyReplacements.replacedAt, span.from), lt(supplyReplacements.replacedAt, span.to))),
  ]);
  const timeZones = new Map(customers.map((customer) => [customer.id, customer.timeZone]));
  const readings: UsageReading[] = readingRows
    .map((row) => ({
      id: row.id,
      counterId: row.counter_id,
      value: Number(row.value),
      takenAt: new Date(Math.round(Number(row.taken_ms))),
      source: row.source,
      status: row.status,
      linkPeriodEnd: row.link_period ? linkPeriodEnd(row.link_period, timeZones.get(row.customer_id)!) : null,
    }))
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  // The maps are keyed by counter or device: every customer's data can share them.
  const shared = {
    counters: groupBy(counterRows, (row) => row.deviceId),
    readings: groupBy(readings, (reading) => reading.counterId),
    resets: groupBy(resetRows, (row) => row.counterId),
    replacements: groupBy(
      supplyReplacementsOf(supplyRows, replacementRows),
      (replacement) => replacement.deviceId,
    ),
  };
  const devicesOf = groupBy(deviceRows, (row) => row.customerId);
  return new Map(ids.map((id) => [id, { ...shared, devices: devicesOf.get(id) ?? [] }]));
}

// ---- Pure: supplies replaced ---------------------------------------------------------------

export interface DeviceSupply {
  deviceId: string;
  supplyIndex: string;
  description: string;
  type: string;
  colour: string | null;
}

/** A replacement as recorded (`supply_replacements`: a technician's, or one the supplies module saw). */
export interface RecordedReplacement {
  deviceId: string;
  supplyIndex: string | null;
  supplyType: string;
  colour: string | null;
  at: Date;
}

/**
 * The supplies replaced on the devices, as recorded: the supplies module owns the rule that tells a
 * replacement (shared/src/supplies/checks.ts) and writes each once. The supply model is the
 * description the agent reports for that supply on the device; a replacement without a supply index
 * is matched on type and colour, else named by its type.
 */
export function supplyReplacementsOf(supplies: readonly DeviceSupply[], replacements: readonly RecordedReplacement[]): Replacement[] {
  const suppliesOf = groupBy(supplies, (supply) => supply.deviceId);
  const same = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  return replacements.map((replacement) => {
    const onDevice = suppliesOf.get(replacement.deviceId) ?? [];
    const sameKind = onDevice.filter((supply) => same(supply.type, replacement.supplyType) && same(supply.colour, replacement.colour));
    const supply = replacement.supplyIndex === null ? (sameKind.length === 1 ? sameKind[0] : undefined) : onDevice.find((each) => each.supplyIndex === replacement.supplyIndex);
    return { deviceId: replacement.deviceId, supplyModel: supply?.description ?? replacement.supplyType, at: replacement.at };
  });
}

// ---- Pure: a period's usage ----------------------------------------------------------------

/** The counters a run reads, in line order: mono (or the total of a device without one), colour, scan, large sheets. */
const READ_KINDS: readonly CounterKind[] = ['mono', 'total', 'colour', 'scan', 'large'];

/**
 * Per device, the counters' volumes in the period with the readings they run between, and its
 * replacements: what a run stores as its inputs. Devices count when installed before the period's
 * end and active, or retired but read in the period; those without any reading at its end are
 * missing (and billed only for the supplies replaced on them).
 */
export function usageInPeriod(data: CustomerUsageData, period: Pick<BillingPeriod, 'start' | 'end' | 'previousStart'>): { devices: DeviceInputs[]; missing: MissingDevice[] } {
  const inputs: DeviceInputs[] = [];
  const missing: MissingDevice[] = [];
  const inPeriod = (reading: UsageReading) => reading.takenAt >= period.start && reading.takenAt < period.end;
  for (const device of data.devices) {
    if (device.installedAt >= period.end) continue;
    const deviceCounters = data.counters.get(device.id) ?? [];
    const readingsOf = (counterId: string) => data.readings.get(counterId) ?? [];
    if (!device.active && !deviceCounters.some((counter) => readingsOf(counter.id).some(inPeriod))) continue;
    const spans = new Map(
      READ_KINDS.flatMap((kind) => {
        const counter = deviceCounters.find((each) => each.kind === kind);
        if (!counter) return [];
        const span = counterSpanInPeriod(readingsOf(counter.id), data.resets.get(counter.id) ?? [], period);
        return span.unknown ? [] : [[kind, span] as const];
      }),
    );
    // Mono pages come from the mono counter; a device without a mono reading bills its total (less colour, see deviceUsage).
    if (spans.has('mono')) spans.delete('total');
    const replaced = (data.replacements.get(device.id) ?? []).filter((each) => each.at >= period.start && each.at < period.end);
    if (spans.size === 0) missing.push({ deviceId: device.id, deviceCode: device.code, deviceModel: device.model });
    // Supplies replaced are billed even on a device whose counters were not read.
    if (spans.size === 0 && replaced.length === 0) continue;
    inputs.push({
      deviceId: device.id,
      deviceCode: device.code,
      manufacturer: device.manufacturer,
      model: device.model,
      counters: [...spans].map(([kind, span]) => ({
        kind,
        startValue: span.from?.value ?? null,
        endValue: span.to?.value ?? null,
        startAt: span.fromAt?.toISOString() ?? null,
        endAt: span.toAt?.toISOString() ?? null,
        pages: span.pages,
        estimated: span.estimated,
        readingIds: [...new Set([span.from?.id, span.to?.id].filter((id): id is string => id !== undefined))],
      })),
      replacements: [...groupBy(replaced, (each) => each.supplyModel)].map(([supplyModel, list]) => ({ supplyModel, count: list.length })).sort((a, b) => a.supplyModel.localeCompare(b.supplyModel)),
    });
  }
  return { devices: inputs, missing };
}

/** A device's stored inputs as pricing reads them: mono from its mono counter, else its total less its colour pages. */
export function deviceUsage(device: DeviceInputs): DeviceUsage {
  const pages = (kind: string) => device.counters.find((counter) => counter.kind === kind)?.pages ?? 0;
  const hasMono = device.counters.some((counter) => counter.kind === 'mono');
  return {
    deviceId: device.deviceId,
    manufacturer: device.manufacturer,
    model: device.model,
    pages: { mono: hasMono ? pages('mono') : Math.max(0, pages('total') - pages('colour')), colour: pages('colour'), scan: pages('scan'), large: pages('large') },
    replacements: device.replacements,
  };
}
