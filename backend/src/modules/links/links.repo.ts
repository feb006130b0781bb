import { and, asc, desc, eq, gt, inArray, isNull, ne, notExists, sql, type SQL } from 'drizzle-orm';
import type { MeterEntryDealer, ReadingReason } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { counters, customers, devices, locationRequests, meterLinkEntries, meterLinks, partners, readingChecks, readings } from '../../db/schema/index.ts';

export type LinkRow = typeof meterLinks.$inferSelect;
export type DeviceRow = typeof devices.$inferSelect;
export type ReadingRow = typeof readings.$inferSelect;
export type EntryRow = ReadingRow & { reason: ReadingReason | null };
type LinkEvent = 'sentAt' | 'openedAt' | 'firstEntryAt' | 'completedAt' | 'remindedAt' | 'revokedAt';

/** A device read by an agent this recently is not asked of the customer. */
export const AGENT_READ_WITHIN_DAYS = 30;

export async function findCustomer(db: Db, partnerId: string, customerId: string) {
  const [row] = await db
    .select({ id: customers.id, customerNumber: customers.customerNumber, language: customers.language, timeZone: customers.timezone, active: customers.active })
    .from(customers)
    .where(and(eq(customers.partnerId, partnerId), eq(customers.id, customerId)));
  return row ?? null;
}

export async function findDealer(db: Db, partnerId: string): Promise<MeterEntryDealer | null> {
  const [row] = await db
    .select({ name: partners.name, phone: partners.phone, email: partners.email, website: partners.website, logoUrl: partners.logoUrl, brandColour: partners.brandColour })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return row ?? null;
}

/** The only partner of the installation, or null when there are none or several. */
export async function findSolePartnerId(db: Db): Promise<string | null> {
  const rows = await db.select({ id: partners.id }).from(partners).limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

export async function findLiveLink(db: Db, customerId: string, period: string): Promise<LinkRow | null> {
  const [row] = await db
    .select()
    .from(meterLinks)
    .where(and(eq(meterLinks.customerId, customerId), eq(meterLinks.period, period), isNull(meterLinks.revokedAt)));
  return row ?? null;
}

/** Null when another live link for the customer and period got there first. */
export async function insertLink(db: Db, values: typeof meterLinks.$inferInsert): Promise<LinkRow | null> {
  const [row] = await db.insert(meterLinks).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findLink(db: Db, id: string, partnerId?: string): Promise<LinkRow | null> {
  const [row] = await db
    .select()
    .from(meterLinks)
    .where(and(eq(meterLinks.id, id), partnerId ? eq(meterLinks.partnerId, partnerId) : undefined));
  return row ?? null;
}

export async function findLinks(db: Db, partnerId: string, filter: { customerId?: string; period?: string }) {
  const conditions: (SQL | undefined)[] = [eq(meterLinks.partnerId, partnerId)];
  if (filter.customerId) conditions.push(eq(meterLinks.customerId, filter.customerId));
  if (filter.period) conditions.push(eq(meterLinks.period, filter.period));
  return db
    .select({ link: meterLinks, customerNumber: customers.customerNumber })
    .from(meterLinks)
    .innerJoin(customers, eq(customers.id, meterLinks.customerId))
    .where(and(...conditions))
    .orderBy(desc(meterLinks.period), asc(customers.customerNumber), desc(meterLinks.issuedAt))
    .limit(1000);
}

/** Records the first time an event happened; later ones keep the first timestamp. */
export async function markLinkEvent(db: Db, id: string, event: LinkEvent, at: Date): Promise<void> {
  await db
    .update(meterLinks)
    .set({ [event]: sql`coalesce(${meterLinks[event]}, ${at.toISOString()}::timestamptz)` })
    .where(eq(meterLinks.id, id));
}

/**
 * The customer's devices that need a manual reading: active, and not read by an agent in the last
 * AGENT_READ_WITHIN_DAYS days (an agent-read device is not asked of the customer).
 */
export async function findDevicesToRead(db: Db, partnerId: string, customerId: string, now: Date): Promise<DeviceRow[]> {
  const agentSince = new Date(now.getTime() - AGENT_READ_WITHIN_DAYS * 86_400_000);
  const recentAgentReading = db
    .select({ one: sql`1` })
    .from(readings)
    .where(and(eq(readings.deviceId, devices.id), eq(readings.source, 'agent'), gt(readings.takenAt, agentSince)));
  return db
    .select()
    .from(devices)
    .where(and(eq(devices.partnerId, partnerId), eq(devices.customerId, customerId), eq(devices.active, true), notExists(recentAgentReading)))
    .orderBy(asc(devices.deviceNumber));
}

export async function findActiveCounters(db: Db, deviceIds: string[]) {
  if (deviceIds.length === 0) return [];
  return db
    .select({ id: counters.id, deviceId: counters.deviceId, kind: counters.kind })
    .from(counters)
    .where(and(inArray(counters.deviceId, deviceIds), eq(counters.active, true)));
}

/**
 * This period's entries: readings made through any link of the customer for the period (a resent
 * link continues where the revoked one stopped), with the reason of their plausibility check.
 */
export async function findPeriodEntries(db: Db, customerId: string, period: string): Promise<EntryRow[]> {
  const rows = await db
    .select({ reading: readings, reason: readingChecks.reason })
    .from(readings)
    .innerJoin(meterLinks, sql`${readings.enteredBy} = 'link:' || ${meterLinks.id}::text`)
    .leftJoin(readingChecks, eq(readingChecks.readingId, readings.id))
    .where(and(eq(meterLinks.customerId, customerId), eq(meterLinks.period, period), eq(readings.source, 'manual')))
    .orderBy(asc(readings.takenAt));
  return rows.map(({ reading, reason }) => ({ ...reading, reason }));
}

/** The latest usable reading of each counter, the period's own entries left out. */
export async function findLastReadings(db: Db, counterIds: string[], exceptIds: string[], now: Date): Promise<ReadingRow[]> {
  if (counterIds.length === 0) return [];
  return db
    .selectDistinctOn([readings.counterId])
    .from(readings)
    .where(
      and(
        inArray(readings.counterId, counterIds),
        ne(readings.status, 'refused'),
        sql`${readings.takenAt} <= ${now.toISOString()}::timestamptz`,
        exceptIds.length ? sql`${readings.id} not in ${exceptIds}` : undefined,
      ),
    )
    .orderBy(readings.counterId, desc(readings.takenAt));
}

export async function findStoredEntry(db: Db, clientId: string) {
  const [row] = await db.select().from(meterLinkEntries).where(eq(meterLinkEntries.clientId, clientId));
  return row ?? null;
}

/** False when the client id had already been stored (a concurrent retry). */
export async function storeEntry(db: Db, values: typeof meterLinkEntries.$inferInsert): Promise<boolean> {
  const rows = await db.insert(meterLinkEntries).values(values).onConflictDoNothing().returning({ clientId: meterLinkEntries.clientId });
  return rows.length > 0;
}

export async function insertLocationRequest(db: Db, values: typeof locationRequests.$inferInsert): Promise<void> {
  await db.insert(locationRequests).values(values);
}
