import { and, asc, count, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Device, DeviceListQuery } from '@parc/shared/contracts/devices';
import type { Db } from '../../db/client.ts';
import { counterResets, counters, devices, readings } from '../../db/schema/index.ts';
import { searchCondition, pageOffset, toIso, visibleTo, type Scope } from '../customers/scope.ts';

export type DeviceRow = typeof devices.$inferSelect;
export type DeviceValues = Omit<typeof devices.$inferInsert, 'id' | 'partnerId' | 'createdAt'>;

export function toDevice({ partnerId: _partner, ...row }: DeviceRow): Device {
  return { ...row, installedAt: toIso(row.installedAt), retiredAt: row.retiredAt ? toIso(row.retiredAt) : null, createdAt: toIso(row.createdAt) };
}

const ofScope = (scope: Scope) => visibleTo(scope, devices);
/** Exact but case-blind, as people type "hp" for "HP". */
const sameText = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export async function findDevices(db: Db, scope: Scope, query: DeviceListQuery): Promise<{ items: Device[]; total: number }> {
  const conditions: (SQL | undefined)[] = [ofScope(scope)];
  if (query.customerId) conditions.push(eq(devices.customerId, query.customerId));
  if (query.siteId) conditions.push(eq(devices.siteId, query.siteId));
  if (query.manufacturer) conditions.push(ilike(devices.manufacturer, sameText(query.manufacturer)));
  if (query.model) conditions.push(ilike(devices.model, sameText(query.model)));
  if (query.active !== undefined) conditions.push(eq(devices.active, query.active));
  if (query.search) {
    conditions.push(searchCondition(query.search, [devices.serial, devices.deviceCode, devices.internalNumber, devices.location]));
  }
  const where = and(...conditions);
  // The page and the total in one query (the count over the whole filter rides on each row); a page
  // past the end has no row to carry it, so only then is the total asked for on its own.
  const rows = await db
    .select({ device: devices, total: sql<number>`(count(*) over ())::int` })
    .from(devices)
    .where(where)
    .orderBy(asc(devices.customerId), asc(devices.deviceNumber))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  if (rows.length > 0) return { items: rows.map((row) => toDevice(row.device)), total: Number(rows[0]!.total) };
  const [totals] = await db.select({ total: count() }).from(devices).where(where);
  return { items: [], total: totals?.total ?? 0 };
}

export async function findDevice(db: Db, scope: Scope, id: string): Promise<DeviceRow | null> {
  const [row] = await db.select().from(devices).where(and(ofScope(scope), eq(devices.id, id)));
  return row ?? null;
}

/** The partner's active device carrying this serial, other than `exceptId`. */
export async function findActiveBySerial(db: Db, partnerId: string, serial: string, exceptId?: string): Promise<DeviceRow | null> {
  const [row] = await db
    .select()
    .from(devices)
    .where(and(eq(devices.partnerId, partnerId), eq(devices.serial, serial), eq(devices.active, true), exceptId ? ne(devices.id, exceptId) : undefined));
  return row ?? null;
}

export async function insertDevice(db: Db, partnerId: string, values: DeviceValues): Promise<DeviceRow> {
  const [row] = await db.insert(devices).values({ ...values, partnerId }).returning();
  return row!;
}

export async function updateDevice(db: Db, scope: Scope, id: string, values: Partial<DeviceValues>): Promise<DeviceRow | null> {
  const [row] = await db.update(devices).set(values).where(and(ofScope(scope), eq(devices.id, id))).returning();
  return row ?? null;
}

/** The device that replaced this one in a swap, if any. */
export async function findReplacement(db: Db, scope: Scope, id: string): Promise<DeviceRow | null> {
  const [row] = await db.select().from(devices).where(and(ofScope(scope), eq(devices.replacesDeviceId, id)));
  return row ?? null;
}

/** Retired by a swap: inactive (its serial free for others), history kept. */
export async function retireDevice(db: Db, scope: Scope, id: string, at: Date): Promise<void> {
  await db.update(devices).set({ active: false, retiredAt: at }).where(and(ofScope(scope), eq(devices.id, id)));
}

/** The partner's active devices carrying any of these serials: serial -> PREFIX-n. */
export async function findActiveSerials(db: Db, partnerId: string, serials: readonly string[]): Promise<Map<string, string>> {
  if (serials.length === 0) return new Map();
  const rows = await db
    .select({ serial: devices.serial, deviceCode: devices.deviceCode })
    .from(devices)
    .where(and(eq(devices.partnerId, partnerId), eq(devices.active, true), inArray(devices.serial, [...serials])));
  return new Map(rows.map((row) => [row.serial, row.deviceCode]));
}

/** The history a device keeps: its readings (any status), counter resets, and swaps it took part in. */
export async function deviceHistory(db: Db, partnerId: string, device: Pick<DeviceRow, 'id' | 'replacesDeviceId'>): Promise<{ readings: number; resets: number; swaps: number }> {
  const [[reading], [reset], [swap]] = await Promise.all([
    db.select({ total: count() }).from(readings).where(and(eq(readings.partnerId, partnerId), eq(readings.deviceId, device.id))),
    db.select({ total: count() }).from(counterResets).where(and(eq(counterResets.partnerId, partnerId), eq(counterResets.deviceId, device.id))),
    db
      .select({ total: count() })
      .from(devices)
      .where(and(eq(devices.partnerId, partnerId), or(eq(devices.replacesDeviceId, device.id), device.replacesDeviceId ? eq(devices.id, device.replacesDeviceId) : undefined))),
  ]);
  return { readings: reading?.total ?? 0, resets: reset?.total ?? 0, swaps: swap?.total ?? 0 };
}

/** A device with no history, and its counters; anything else still referring to it stops the delete (23503). */
export async function deleteDevice(db: Db, partnerId: string, id: string): Promise<void> {
  await db.delete(counters).where(and(eq(counters.partnerId, partnerId), eq(counters.deviceId, id)));
  await db.delete(devices).where(and(eq(devices.partnerId, partnerId), eq(devices.id, id)));
}

/** The makes and models of the partner's fleet, with whether each counts colour. */
export async function findFleetModels(db: Db, partnerId: string): Promise<{ manufacturer: string; model: string; colourCapable: boolean }[]> {
  return db
    .selectDistinct({ manufacturer: devices.manufacturer, model: devices.model, colourCapable: devices.colourCapable })
    .from(devices)
    .where(eq(devices.partnerId, partnerId))
    .orderBy(asc(devices.manufacturer), asc(devices.model))
    .limit(500);
}
