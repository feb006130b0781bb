import { and, asc, desc, eq, gt, inArray, isNull, notExists, sql, type SQL } from 'drizzle-orm';
import { COUNTING_STATUSES, type CounterKind, type MeterEntryDealer, type ReadingReason } from '@parc/shared';
import { selectRows, type Db } from '../../db/client.ts';
import { customers, devices, meterLinkEntries, meterLinks, partners, readings } from '../../db/schema/index.ts';

export type LinkRow = typeof meterLinks.$inferSelect;
export type NewLinkRow = typeof meterLinks.$inferInsert;
export type DeviceRow = typeof devices.$inferSelect;
export type ReadingRow = typeof readings.$inferSelect;
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

function prepareLinkWithParties(db: Db) {
  const partnerId = sql.placeholder('partnerId');
  return db
    .select({
      link: meterLinks,
      customer: { id: customers.id, customerNumber: customers.customerNumber, language: customers.language, timeZone: customers.timezone, active: customers.active },
      dealer: { name: partners.name, phone: partners.phone, email: partners.email, website: partners.website, logoUrl: partners.logoUrl, brandColour: partners.brandColour },
    })
    .from(meterLinks)
    .leftJoin(customers, and(eq(customers.partnerId, meterLinks.partnerId), eq(customers.id, meterLinks.customerId)))
    .leftJoin(partners, eq(partners.id, meterLinks.partnerId))
    .where(and(eq(meterLinks.id, sql.placeholder('id')), eq(meterLinks.partnerId, partnerId)))
    .prepare('link_with_parties');
}

const linkWithPartiesQueries = new WeakMap<Db, ReturnType<typeof prepareLinkWithParties>>();

/**
 * The link with its customer and dealer, in one query: what every token request needs (built once
 * per database and run prepared, as the sheet).
 */
export async function findLinkWithParties(db: Db, id: string, partnerId: string) {
  let query = linkWithPartiesQueries.get(db);
  if (!query) linkWithPartiesQueries.set(db, (query = prepareLinkWithParties(db)));
  const [row] = await query.execute({ id, partnerId });
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

/** The device's fields the entry page, the receipt and the campaign's emails show. */
export type SheetDevice = Pick<DeviceRow, 'id' | 'deviceCode' | 'manufacturer' | 'model' | 'internalNumber' | 'location' | 'serial'>;
/** The reading's fields the sheet works with (the page, a replaced entry, an estimate's counter). */
export type SheetReading = Pick<ReadingRow, 'id' | 'counterId' | 'value' | 'takenAt' | 'status' | 'lockedAt'>;
export type SheetEntry = SheetReading & { reason: ReadingReason | null };

export interface SheetRow {
  device: SheetDevice;
  counterId: string;
  kind: CounterKind;
  /** The latest usable reading before `now`, the period's own entries left out. */
  last: SheetReading | null;
  /** The period's latest entry on the counter, with the reason of its plausibility check. */
  entry: SheetEntry | null;
  /** The location the customer asked for, while the dealer has not handled the request. */
  requestedLocation: string | null;
}

/** A sheet row as the database answers it: one column per field, the readings' prefixed. */
interface RawSheetRow {
  device_id: string;
  device_code: string;
  manufacturer: string;
  model: string;
  internal_number: string | null;
  location: string | null;
  serial: string;
  counter_id: string;
  kind: CounterKind;
  last_id: string | null;
  last_value: number | string | null;
  last_taken_at: Date | string | null;
  last_status: ReadingRow['status'] | null;
  last_locked_at: Date | string | null;
  entry_id: string | null;
  entry_value: number | string | null;
  entry_taken_at: Date | string | null;
  entry_status: ReadingRow['status'] | null;
  entry_locked_at: Date | string | null;
  entry_reason: ReadingReason | string | null;
  requested_location: string | null;
}

/** Timestamps come back as JSON text (and, outside JSON, as text through drizzle's drivers). */
const instant = (value: Date | string | null): Date | null => (value === null ? null : value instanceof Date ? value : new Date(value));

function sheetReading(id: string | null, counterId: string, value: number | string | null, takenAt: Date | string | null, status: ReadingRow['status'] | null, lockedAt: Date | string | null): SheetReading | null {
  return id === null ? null : { id, counterId, value: Number(value), takenAt: instant(takenAt)!, status: status!, lockedAt: instant(lockedAt) };
}

const COUNTING_STATUS_LIST = sql.join(
  COUNTING_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

/**
 * Every active counter of the devices to read (as findDevicesToRead), each with its last reading
 * and this period's entry, in one query (the page's cost must not grow with its machines). Entries
 * are readings made through any link of the customer for the period (a resent link continues where
 * the revoked one stopped); the period's links come from the (customer_id, period) index. Each
 * lateral subquery walks the counter's (counter_id, taken_at) index from the newest reading and
 * stops at the first that fits, instead of sorting the counters' whole history. Only the columns
 * the sheet uses, mapped here: a typed select spent more time mapping a page's rows than the
 * database spent finding them. postgres.js prepares the statement once per connection.
 */
export async function findSheetRows(db: Db, link: { partnerId: string; customerId: string; period: string }, now: Date): Promise<SheetRow[]> {
  const at = now.toISOString();
  const agentSince = new Date(now.getTime() - AGENT_READ_WITHIN_DAYS * 86_400_000).toISOString();
  // `= any(array(subquery))` runs the subquery once for the whole query (an init plan), where `in`
  // would run it again for every reading the laterals look at.
  const periodLinks = sql`array(select ml.id from meter_links ml where ml.customer_id = ${link.customerId} and ml.period = ${link.period})`;
  // One row holding the sheet as JSON: the database's JSON and the one JSON.parse cost less than
  // the driver decoding each of a page's rows and columns.
  const [result] = await selectRows<{ rows: RawSheetRow[] | string }>(
    db,
    sql`select coalesce(json_agg(s order by s.device_number), '[]'::json) as rows from (
      select d.id as device_id, d.device_number, d.device_code, d.manufacturer, d.model, d.internal_number, d.location, d.serial,
        c.id as counter_id, c.kind,
        l.id as last_id, l.value as last_value, l.taken_at as last_taken_at, l.status as last_status, l.locked_at as last_locked_at,
        e.id as entry_id, e.value as entry_value, e.taken_at as entry_taken_at, e.status as entry_status, e.locked_at as entry_locked_at,
        rc.reason as entry_reason, rq.location as requested_location
      from devices d
      join counters c on c.device_id = d.id and c.active
      left join lateral (
        select r.id, r.value, r.taken_at, r.status, r.locked_at from readings r
        where r.counter_id = c.id and r.status in (${COUNTING_STATUS_LIST}) and r.taken_at <= ${at}::timestamptz
          and not coalesce(r.link_id = any(${periodLinks}), false)
        order by r.taken_at desc limit 1
      ) l on true
      left join lateral (
        select r.id, r.value, r.taken_at, r.status, r.locked_at from readings r
        where r.counter_id = c.id and coalesce(r.link_id = any(${periodLinks}), false)
        order by r.taken_at desc limit 1
      ) e on true
      left join lateral (
        select lr.location from location_requests lr
        where lr.device_id = d.id and lr.handled_at is null
        order by lr.created_at desc limit 1
      ) rq on true
      left join reading_checks rc on rc.reading_id = e.id
      where d.partner_id = ${link.partnerId} and d.customer_id = ${link.customerId} and d.active
        and not exists (select 1 from readings a where a.device_id = d.id and a.source = 'agent' and a.taken_at > ${agentSince}::timestamptz)
    ) s`,
  );
  const rows = typeof result!.rows === 'string' ? (JSON.parse(result!.rows) as RawSheetRow[]) : result!.rows;
  return rows.map((row) => {
    const entry = sheetReading(row.entry_id, row.counter_id, row.entry_value, row.entry_taken_at, row.entry_status, row.entry_locked_at);
    const reason = typeof row.entry_reason === 'string' ? (JSON.parse(row.entry_reason) as ReadingReason) : row.entry_reason;
    return {
      device: {
        id: row.device_id,
        deviceCode: row.device_code,
        manufacturer: row.manufacturer,
        model: row.model,
        internalNumber: row.internal_number,
        location: row.location,
        serial: row.serial,
      },
      counterId: row.counter_id,
      kind: row.kind,
      last: sheetReading(row.last_id, row.counter_id, row.last_value, row.last_taken_at, row.last_status, row.last_locked_at),
      entry: entry && { ...entry, reason },
      requestedLocation: row.requested_location,
    };
  });
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

