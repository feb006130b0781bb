import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, not, notExists, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { COUNTING_STATUSES, type CounterKind, type MeterEntryDealer, type ReadingReason } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { counters, customers, devices, locationRequests, meterLinkEntries, meterLinks, partners, readingChecks, readings } from '../../db/schema/index.ts';

export type LinkRow = typeof meterLinks.$inferSelect;
export type NewLinkRow = typeof meterLinks.$inferInsert;
export type DeviceRow = typeof devices.$inferSelect;
export type ReadingRow = typeof readings.$inferSelect;
export type EntryRow = ReadingRow & { reason: ReadingReason | null };
type LinkEvent = 'sentAt' | 'openedAt' | 'firstEntryAt' | 'completedAt' | 'remindedAt' | 'revokedAt';

/** A device read by an agent this recently is not asked of the customer. */
export const AGENT_READ_WITHIN_DAYS = 30;

export async function findCustomers(db: Db, partnerId: string, customerIds: readonly string[]) {
  if (customerIds.length === 0) return [];
  return db
    .select({ id: customers.id, customerNumber: customers.customerNumber, language: customers.language, timeZone: customers.timezone, active: customers.active })
    .from(customers)
    .where(and(eq(customers.partnerId, partnerId), inArray(customers.id, [...customerIds])));
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

export async function findLiveLinks(db: Db, customerIds: readonly string[], period: string): Promise<LinkRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .select()
    .from(meterLinks)
    .where(and(inArray(meterLinks.customerId, [...customerIds]), eq(meterLinks.period, period), isNull(meterLinks.revokedAt)));
}

/** The links stored; one left out had a live link for its customer and period stored first. */
export async function insertLinks(db: Db, values: NewLinkRow[]): Promise<LinkRow[]> {
  if (values.length === 0) return [];
  return db.insert(meterLinks).values(values).onConflictDoNothing().returning();
}

export async function findLink(db: Db, id: string, partnerId?: string): Promise<LinkRow | null> {
  const [row] = await db
    .select()
    .from(meterLinks)
    .where(and(eq(meterLinks.id, id), partnerId ? eq(meterLinks.partnerId, partnerId) : undefined));
  return row ?? null;
}

/** The link with its customer and dealer, in one query: what every token request needs. */
export async function findLinkWithParties(db: Db, id: string, partnerId: string) {
  const [row] = await db
    .select({
      link: meterLinks,
      customer: { id: customers.id, customerNumber: customers.customerNumber, language: customers.language, timeZone: customers.timezone, active: customers.active },
      dealer: { name: partners.name, phone: partners.phone, email: partners.email, website: partners.website, logoUrl: partners.logoUrl, brandColour: partners.brandColour },
    })
    .from(meterLinks)
    .leftJoin(customers, and(eq(customers.partnerId, meterLinks.partnerId), eq(customers.id, meterLinks.customerId)))
    .leftJoin(partners, eq(partners.id, meterLinks.partnerId))
    .where(and(eq(meterLinks.id, id), eq(meterLinks.partnerId, partnerId)));
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
function isDeviceToRead(db: Db, partnerId: string, customerId: string, now: Date): SQL {
  const agentSince = new Date(now.getTime() - AGENT_READ_WITHIN_DAYS * 86_400_000);
  const recentAgentReading = db
    .select({ one: sql`1` })
    .from(readings)
    .where(and(eq(readings.deviceId, devices.id), eq(readings.source, 'agent'), gt(readings.takenAt, agentSince)));
  return and(eq(devices.partnerId, partnerId), eq(devices.customerId, customerId), eq(devices.active, true), notExists(recentAgentReading))!;
}

export async function findDevicesToRead(db: Db, partnerId: string, customerId: string, now: Date): Promise<DeviceRow[]> {
  return db.select().from(devices).where(isDeviceToRead(db, partnerId, customerId, now)).orderBy(asc(devices.deviceNumber));
}

export interface SheetRow {
  device: DeviceRow;
  counterId: string;
  kind: CounterKind;
  /** The latest usable reading before `now`, the period's own entries left out. */
  last: ReadingRow | null;
  /** The period's latest entry on the counter, with the reason of its plausibility check. */
  entry: EntryRow | null;
  /** The location the customer asked for, while the dealer has not handled the request. */
  requestedLocation: string | null;
}

/** The subquery's columns named as a reading's, to select them as one nested object. */
function readingColumnsOf<Fields extends Record<keyof ReadingRow, unknown>>(fields: Fields): Pick<Fields, keyof ReadingRow> {
  return Object.fromEntries(Object.keys(getTableColumns(readings)).map((name) => [name, fields[name as keyof ReadingRow]])) as Pick<Fields, keyof ReadingRow>;
}

/**
 * Every active counter of the devices to read, each with its last reading and this period's entry,
 * in one query (the page's cost must not grow with its machines). Entries are readings made
 * through any link of the customer for the period (a resent link continues where the revoked one
 * stopped). Each lateral subquery walks the counter's (counter_id, taken_at) index from the newest
 * reading and stops at the first that fits, instead of sorting the counters' whole history.
 */
export async function findSheetRows(db: Db, link: { partnerId: string; customerId: string; period: string }, now: Date): Promise<SheetRow[]> {
  const periodLinks = db
    .select({ id: meterLinks.id })
    .from(meterLinks)
    .where(and(eq(meterLinks.customerId, link.customerId), eq(meterLinks.period, link.period)));
  // `= any(array(subquery))` runs the subquery once for the whole query (an init plan), where `in`
  // would run it again for every reading the laterals look at.
  const isPeriodEntry = (reading: { linkId: AnyPgColumn }) => sql`coalesce(${reading.linkId} = any(array(${periodLinks})), false)`;
  const lastReadings = alias(readings, 'last_reading');
  const last = db
    .select()
    .from(lastReadings)
    .where(
      and(
        eq(lastReadings.counterId, counters.id),
        inArray(lastReadings.status, [...COUNTING_STATUSES]),
        sql`${lastReadings.takenAt} <= ${now.toISOString()}::timestamptz`,
        not(isPeriodEntry(lastReadings)),
      ),
    )
    .orderBy(desc(lastReadings.takenAt))
    .limit(1)
    .as('last');
  const entryReadings = alias(readings, 'entry_reading');
  const entry = db
    .select()
    .from(entryReadings)
    .where(and(eq(entryReadings.counterId, counters.id), isPeriodEntry(entryReadings)))
    .orderBy(desc(entryReadings.takenAt))
    .limit(1)
    .as('entry');
  const requested = db
    .select({ location: locationRequests.location })
    .from(locationRequests)
    .where(and(eq(locationRequests.deviceId, devices.id), isNull(locationRequests.handledAt)))
    .orderBy(desc(locationRequests.createdAt))
    .limit(1)
    .as('requested');
  const rows = await db
    .select({
      device: devices,
      counterId: counters.id,
      kind: counters.kind,
      last: readingColumnsOf(last),
      entry: { ...readingColumnsOf(entry), reason: readingChecks.reason },
      requestedLocation: requested.location,
    })
    .from(devices)
    .innerJoin(counters, and(eq(counters.deviceId, devices.id), eq(counters.active, true)))
    .leftJoinLateral(last, sql`true`)
    .leftJoinLateral(entry, sql`true`)
    .leftJoinLateral(requested, sql`true`)
    .leftJoin(readingChecks, eq(readingChecks.readingId, entry.id))
    .where(isDeviceToRead(db, link.partnerId, link.customerId, now))
    .orderBy(asc(devices.deviceNumber));
  return rows.map((row) => ({
    device: row.device,
    counterId: row.counterId,
    kind: row.kind,
    last: row.last?.id ? (row.last as ReadingRow) : null,
    entry: row.entry?.id ? (row.entry as EntryRow) : null,
    requestedLocation: row.requestedLocation ?? null,
  }));
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

