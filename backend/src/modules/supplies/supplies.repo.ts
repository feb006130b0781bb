import { and, desc, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { SupplyAlarm } from '@parc/shared/supplies/checks';
import type { SupplyColour, SupplyKind } from '@parc/shared/supplies/kinds';
import type { OrderConfigLevel } from '@parc/shared/supplies/order-config';
import { selectRows, type Db } from '../../db/client.ts';
import { customers, devices, deviceSupplies, deviceSupplyLevels, orderConfigs, supplyAlarms, supplyModels, supplyReplacements } from '../../db/schema/index.ts';

/** SQL of supplies: levels and their history as the agent stored them, the catalogue, configuration and alarms. */

export interface DeviceSupplyRow {
  supplyIndex: string;
  description: string;
  type: string;
  percent: number | null;
  level: number | null;
  max: number | null;
  state: 'measured' | 'some_remaining' | 'unknown' | 'other';
  partNumber: string | null;
  serial: string | null;
  readAt: Date;
  supplyModelId: string | null;
  /** The catalogue's kind (the dealer's word over the printer's), null when nobody knows. */
  kind: SupplyKind | null;
  colour: SupplyColour;
  ratedYield: number | null;
  dealerReference: string | null;
}

function deviceSuppliesQuery(db: Db) {
  return db
    .select({
      supplyIndex: deviceSupplies.supplyIndex,
      description: deviceSupplies.description,
      type: deviceSupplies.type,
      percent: deviceSupplies.percent,
      level: deviceSupplies.level,
      max: deviceSupplies.max,
      state: deviceSupplies.state,
      partNumber: deviceSupplies.partNumber,
      serial: deviceSupplies.serial,
      readAt: deviceSupplies.readAt,
      supplyModelId: deviceSupplies.supplyModelId,
      kind: supplyModels.kind,
      colour: sql<SupplyColour>`coalesce(${supplyModels.colour}, 'none')`,
      ratedYield: supplyModels.ratedYield,
      dealerReference: supplyModels.dealerReference,
    })
    .from(deviceSupplies)
    .leftJoin(supplyModels, eq(supplyModels.id, deviceSupplies.supplyModelId));
}

export function deviceSupplyRows(db: Db, deviceId: string): Promise<DeviceSupplyRow[]> {
  return deviceSuppliesQuery(db).where(eq(deviceSupplies.deviceId, deviceId)).orderBy(deviceSupplies.supplyIndex);
}

export async function deviceSupplyForOrder(db: Db, deviceId: string, supplyIndex: string): Promise<DeviceSupplyRow | undefined> {
  const [row] = await deviceSuppliesQuery(db).where(and(eq(deviceSupplies.deviceId, deviceId), eq(deviceSupplies.supplyIndex, supplyIndex)));
  return row;
}

/** Level history of some supplies since `from`, oldest first. */
export function levelHistory(db: Db, deviceId: string, supplyIndexes: readonly string[], from: Date) {
  if (supplyIndexes.length === 0) return Promise.resolve([]);
  return db
    .select({ supplyIndex: deviceSupplyLevels.supplyIndex, percent: deviceSupplyLevels.percent, serial: deviceSupplyLevels.serial, readAt: deviceSupplyLevels.readAt })
    .from(deviceSupplyLevels)
    .where(and(eq(deviceSupplyLevels.deviceId, deviceId), inArray(deviceSupplyLevels.supplyIndex, [...supplyIndexes]), gte(deviceSupplyLevels.readAt, from)))
    .orderBy(deviceSupplyLevels.readAt);
}

/** The replacements recorded for a device since `from` (a technician's, or those Parc detected). */
export function replacementsOf(db: Db, deviceId: string, from: Date) {
  return db
    .select({ id: supplyReplacements.id, supplyIndex: supplyReplacements.supplyIndex, supplyType: supplyReplacements.supplyType, colour: supplyReplacements.colour, detectedBy: supplyReplacements.detectedBy, replacedAt: supplyReplacements.replacedAt, orderId: supplyReplacements.orderId })
    .from(supplyReplacements)
    .where(and(eq(supplyReplacements.deviceId, deviceId), gte(supplyReplacements.replacedAt, from)))
    .orderBy(supplyReplacements.replacedAt);
}

/** Only replacements.ts calls this: a replacement may draw from a local stock. */
export async function insertReplacement(tx: Db, replacement: typeof supplyReplacements.$inferInsert): Promise<void> {
  await tx.insert(supplyReplacements).values(replacement);
}

/** The catalogue entry of a device's supply, as last reported. */
export async function supplyModelOfSupply(tx: Db, deviceId: string, supplyIndex: string): Promise<string | null> {
  const [row] = await tx
    .select({ supplyModelId: deviceSupplies.supplyModelId })
    .from(deviceSupplies)
    .where(and(eq(deviceSupplies.deviceId, deviceId), eq(deviceSupplies.supplyIndex, supplyIndex)));
  return row?.supplyModelId ?? null;
}

export async function linkReplacementToOrder(tx: Db, replacementId: string, orderId: string): Promise<void> {
  await tx.update(supplyReplacements).set({ orderId }).where(and(eq(supplyReplacements.id, replacementId), isNull(supplyReplacements.orderId)));
}

/** The order configuration of a device's three levels (each may be absent). */
export async function orderConfigLevels(db: Db, partnerId: string, customerId: string | null, deviceId: string | null) {
  const rows = await db
    .select({ level: orderConfigs.level, targetId: orderConfigs.targetId, settings: orderConfigs.settings, updatedAt: orderConfigs.updatedAt })
    .from(orderConfigs)
    .where(and(eq(orderConfigs.partnerId, partnerId), inArray(orderConfigs.targetId, [partnerId, ...(customerId ? [customerId] : []), ...(deviceId ? [deviceId] : [])])));
  const of = (level: 'dealer' | 'customer' | 'device', target: string | null) => rows.find((row) => row.level === level && row.targetId === target) ?? null;
  return { dealer: of('dealer', partnerId), customer: of('customer', customerId), device: of('device', deviceId) };
}

export async function saveOrderConfigLevel(db: Db, partnerId: string, level: 'dealer' | 'customer' | 'device', targetId: string, settings: OrderConfigLevel, userId: string, now: Date): Promise<void> {
  await db
    .insert(orderConfigs)
    .values({ partnerId, level, targetId, settings, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({ target: [orderConfigs.partnerId, orderConfigs.level, orderConfigs.targetId], set: { settings, updatedAt: now, updatedBy: userId } });
}

export async function customerTimeZone(db: Db, customerId: string): Promise<string> {
  const [row] = await db.select({ timezone: customers.timezone }).from(customers).where(eq(customers.id, customerId));
  return row?.timezone ?? 'Europe/Zurich';
}

/** Another device of the dealer that reported this supply serial (a cartridge moved between printers). */
export async function deviceWithSupplySerial(db: Db, partnerId: string, serial: string, exceptDeviceId: string): Promise<string | null> {
  const [row] = await db
    .select({ deviceId: deviceSupplyLevels.deviceId })
    .from(deviceSupplyLevels)
    .where(and(eq(deviceSupplyLevels.partnerId, partnerId), eq(deviceSupplyLevels.serial, serial), ne(deviceSupplyLevels.deviceId, exceptDeviceId)))
    .limit(1);
  return row?.deviceId ?? null;
}

/** Pages on the device's total counter between two moments (the latest counted reading at or before each); null when unknown. */
export async function pagesBetween(db: Db, deviceId: string, from: Date, to: Date): Promise<number | null> {
  const [row] = await selectRows<{ pages: string | number | null }>(
    db,
    sql`
      select (
        (select r.value from readings r where r.counter_id = c.id and r.taken_at <= ${to.toISOString()}::timestamptz and r.status not in ('refused', 'deleted') order by r.taken_at desc limit 1)
        - (select r.value from readings r where r.counter_id = c.id and r.taken_at <= ${from.toISOString()}::timestamptz and r.status not in ('refused', 'deleted') order by r.taken_at desc limit 1)
      ) as pages
      from counters c where c.device_id = ${deviceId} and c.kind = 'total' and c.active
      limit 1`,
  );
  const pages = row?.pages === null || row?.pages === undefined ? null : Number(row.pages);
  return pages !== null && pages >= 0 ? pages : null;
}

export interface OpenAlarm {
  id: string;
  supplyIndex: string;
  code: SupplyAlarm;
  params: Record<string, string | number>;
  openedAt: Date;
}

export function openAlarmsOf(db: Db, deviceId: string): Promise<OpenAlarm[]> {
  return db
    .select({ id: supplyAlarms.id, supplyIndex: supplyAlarms.supplyIndex, code: supplyAlarms.code, params: supplyAlarms.params, openedAt: supplyAlarms.openedAt })
    .from(supplyAlarms)
    .where(and(eq(supplyAlarms.deviceId, deviceId), isNull(supplyAlarms.resolvedAt)))
    .orderBy(desc(supplyAlarms.openedAt));
}

/** Opens alarms (one open per supply and code: an alarm already open stays as it was raised). */
export async function openAlarms(tx: Db, partnerId: string, deviceId: string, alarms: readonly { supplyIndex: string; code: SupplyAlarm; params: Record<string, string | number> }[], now: Date): Promise<void> {
  if (alarms.length === 0) return;
  await tx
    .insert(supplyAlarms)
    .values(alarms.map((alarm) => ({ partnerId, deviceId, ...alarm, openedAt: now })))
    .onConflictDoNothing();
}

/** Resolves a supply's open alarms of these codes (a later read showed them gone). */
export async function resolveAlarms(tx: Db, deviceId: string, supplyIndex: string, codes: readonly SupplyAlarm[], now: Date, keep: readonly SupplyAlarm[] = []): Promise<void> {
  const resolving = codes.filter((code) => !keep.includes(code));
  if (resolving.length === 0) return;
  await tx
    .update(supplyAlarms)
    .set({ resolvedAt: now })
    .where(and(eq(supplyAlarms.deviceId, deviceId), eq(supplyAlarms.supplyIndex, supplyIndex), inArray(supplyAlarms.code, resolving), isNull(supplyAlarms.resolvedAt)));
}


/** Open supply alarms of the dealer's fleet, newest first. */
export async function listOpenAlarms(db: Db, partnerId: string, query: { customerId?: string; page: number; pageSize: number }) {
  const where = and(eq(supplyAlarms.partnerId, partnerId), isNull(supplyAlarms.resolvedAt), query.customerId ? eq(devices.customerId, query.customerId) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        alarm: supplyAlarms,
        supplyName: sql<string>`coalesce(${deviceSupplies.description}, ${supplyAlarms.supplyIndex})`,
        device: { id: devices.id, deviceCode: devices.deviceCode, manufacturer: devices.manufacturer, model: devices.model, location: devices.location, customerId: devices.customerId },
        customerName: customers.name,
      })
      .from(supplyAlarms)
      .innerJoin(devices, eq(devices.id, supplyAlarms.deviceId))
      .innerJoin(customers, eq(customers.id, devices.customerId))
      .leftJoin(deviceSupplies, and(eq(deviceSupplies.deviceId, supplyAlarms.deviceId), eq(deviceSupplies.supplyIndex, supplyAlarms.supplyIndex)))
      .where(where)
      .orderBy(desc(supplyAlarms.openedAt), desc(supplyAlarms.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(supplyAlarms).innerJoin(devices, eq(devices.id, supplyAlarms.deviceId)).where(where),
  ]);
  return { rows, total: total?.count ?? 0 };
}

/** A person settles an alarm (the exchange was right after all): it stops blocking orders. Undefined when it was not open. */
export async function resolveAlarm(db: Db, partnerId: string, id: string, userId: string, now: Date) {
  const [row] = await db
    .update(supplyAlarms)
    .set({ resolvedAt: now, resolvedBy: userId })
    .where(and(eq(supplyAlarms.partnerId, partnerId), eq(supplyAlarms.id, id), isNull(supplyAlarms.resolvedAt)))
    .returning({ id: supplyAlarms.id });
  return row;
}

/**
 * Active devices with supplies where some level of the order configuration chose the proactive
 * method (the dealer's, the customer's or the device's own): the daily review's candidates. The
 * effective configuration then decides, since a lower level may set the level method back.
 */
export function proactiveDevices(db: Db): Promise<{ id: string; partnerId: string; customerId: string }[]> {
  const proactive = (level: 'dealer' | 'customer' | 'device') =>
    sql`exists (select 1 from ${orderConfigs} where ${orderConfigs.level} = ${level} and ${orderConfigs.settings}->>'method' = 'proactive' and ${orderConfigs.targetId} = ${level === 'dealer' ? devices.partnerId : level === 'customer' ? devices.customerId : devices.id})`;
  return db
    .select({ id: devices.id, partnerId: devices.partnerId, customerId: devices.customerId })
    .from(devices)
    .where(and(eq(devices.active, true), sql`exists (select 1 from ${deviceSupplies} where ${deviceSupplies.deviceId} = ${devices.id})`, sql`(${proactive('dealer')} or ${proactive('customer')} or ${proactive('device')})`))
    .orderBy(devices.partnerId, devices.id);
}
