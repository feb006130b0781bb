import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { PeriodKey } from '@parc/shared/meters/periods';
import type { Db } from '../../db/client.ts';
import { deviceSupplies, devices, priceVersions } from '../../db/schema/index.ts';

export type PriceVersionRow = typeof priceVersions.$inferSelect;

/** Appends a version numbered after the customer's last (two saves at the same instant: the unique index refuses the second rather than let them share a number). */
export async function insertPriceVersion(db: Db, row: Omit<typeof priceVersions.$inferInsert, 'version'>): Promise<PriceVersionRow> {
  const [saved] = await db
    .insert(priceVersions)
    .values({ ...row, version: sql`(select coalesce(max(${priceVersions.version}), 0) + 1 from ${priceVersions} where ${priceVersions.customerId} = ${row.customerId})` })
    .returning();
  return saved!;
}

/** Every version of a customer's prices, newest first. */
export function priceVersionsOf(db: Db, partnerId: string, customerId: string): Promise<PriceVersionRow[]> {
  return db
    .select()
    .from(priceVersions)
    .where(and(eq(priceVersions.partnerId, partnerId), eq(priceVersions.customerId, customerId)))
    .orderBy(desc(priceVersions.effectiveFrom), desc(priceVersions.version));
}

/** The version in force for a billing period: the last one saved with an effective period at or before it. */
export async function priceVersionFor(db: Db, partnerId: string, customerId: string, period: PeriodKey): Promise<PriceVersionRow | null> {
  const [row] = await db
    .select()
    .from(priceVersions)
    .where(and(eq(priceVersions.partnerId, partnerId), eq(priceVersions.customerId, customerId), lte(priceVersions.effectiveFrom, period)))
    .orderBy(desc(priceVersions.effectiveFrom), desc(priceVersions.version))
    .limit(1);
  return row ?? null;
}

export async function priceVersionById(db: Db, partnerId: string, id: string): Promise<PriceVersionRow | null> {
  const [row] = await db.select().from(priceVersions).where(and(eq(priceVersions.partnerId, partnerId), eq(priceVersions.id, id)));
  return row ?? null;
}

/** The customer's devices (active or not: a retired one can still carry a price) and the supply models the agent found on them. */
export async function fleetOf(db: Db, partnerId: string, customerId: string) {
  const [fleet, supplies] = await Promise.all([
    db
      .select({ id: devices.id, code: devices.deviceCode, manufacturer: devices.manufacturer, model: devices.model, serial: devices.serial, active: devices.active })
      .from(devices)
      .where(and(eq(devices.partnerId, partnerId), eq(devices.customerId, customerId)))
      .orderBy(asc(devices.deviceNumber)),
    db
      .selectDistinct({ description: deviceSupplies.description })
      .from(deviceSupplies)
      .innerJoin(devices, eq(devices.id, deviceSupplies.deviceId))
      .where(and(eq(deviceSupplies.partnerId, partnerId), eq(devices.customerId, customerId), sql`trim(${deviceSupplies.description}) <> ''`))
      .orderBy(asc(deviceSupplies.description)),
  ]);
  return { fleet, supplyModels: supplies.map((row) => row.description) };
}
