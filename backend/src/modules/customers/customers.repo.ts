import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Customer, CustomerListQuery } from '@parc/shared/contracts/customers';
import type { Language } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { customers, devices, partners } from '../../db/schema/index.ts';
import { searchCondition, pageOffset, toIso, visibleTo, type Scope } from './scope.ts';

type CustomerRow = typeof customers.$inferSelect;
export type CustomerValues = Omit<typeof customers.$inferInsert, 'id' | 'partnerId' | 'nextDeviceNumber' | 'createdAt'>;

export function toCustomer({ nextDeviceNumber: _next, partnerId: _partner, ...row }: CustomerRow): Customer {
  return { ...row, language: row.language as Language, createdAt: toIso(row.createdAt) };
}

const ofScope = (scope: Scope) => visibleTo(scope, { partnerId: customers.partnerId, customerId: customers.id });

export async function findCustomers(db: Db, scope: Scope, query: CustomerListQuery): Promise<{ items: Customer[]; total: number }> {
  const conditions: (SQL | undefined)[] = [ofScope(scope)];
  if (query.active !== undefined) conditions.push(eq(customers.active, query.active));
  if (query.search) {
    conditions.push(searchCondition(query.search, [customers.name, customers.customerNumber, customers.prefix]));
  }
  const where = and(...conditions);
  const [rows, [totals]] = await Promise.all([
    db.select().from(customers).where(where).orderBy(customers.name, desc(customers.createdAt)).limit(query.pageSize).offset(pageOffset(query)),
    db.select({ total: count() }).from(customers).where(where),
  ]);
  return { items: rows.map(toCustomer), total: totals?.total ?? 0 };
}

export async function findCustomer(db: Db, scope: Scope, id: string): Promise<CustomerRow | null> {
  const [row] = await db.select().from(customers).where(and(ofScope(scope), eq(customers.id, id)));
  return row ?? null;
}

export async function insertCustomer(db: Db, partnerId: string, values: CustomerValues): Promise<CustomerRow> {
  const [row] = await db.insert(customers).values({ ...values, partnerId }).returning();
  return row!;
}

export async function updateCustomer(db: Db, scope: Scope, id: string, values: Partial<CustomerValues>): Promise<CustomerRow | null> {
  const [row] = await db.update(customers).set(values).where(and(ofScope(scope), eq(customers.id, id))).returning();
  return row ?? null;
}

/** Which of a number and a prefix another customer of the partner already has, active or not (both are unique per partner). */
export async function takenIdentifiers(db: Db, partnerId: string, customerNumber: string, prefix: string): Promise<{ customerNumberTaken: boolean; prefixTaken: boolean }> {
  const rows = await db
    .select({ customerNumber: customers.customerNumber, prefix: customers.prefix })
    .from(customers)
    .where(and(eq(customers.partnerId, partnerId), or(eq(customers.customerNumber, customerNumber), eq(customers.prefix, prefix))));
  return { customerNumberTaken: rows.some((row) => row.customerNumber === customerNumber), prefixTaken: rows.some((row) => row.prefix === prefix) };
}

/** Devices ever created for the customer, deactivated ones included: their IDs carry the prefix. */
export async function countDevicesEver(db: Db, partnerId: string, customerId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(devices).where(and(eq(devices.partnerId, partnerId), eq(devices.customerId, customerId)));
  return row?.total ?? 0;
}

/** What a new customer of the dealer starts with unless given: the dealer's language, time zone, country and currency. */
export async function partnerDefaults(db: Db, partnerId: string): Promise<{ language: string; timezone: string; country: string; currency: string }> {
  const [row] = await db
    .select({ language: partners.defaultLanguage, timezone: partners.defaultTimezone, country: partners.country, currency: partners.currency })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return row ?? { language: 'fr', timezone: 'Europe/Zurich', country: 'CH', currency: 'CHF' };
}

/**
 * Takes the next PREFIX-n number for a new device. The UPDATE locks the customer's row until the
 * caller's transaction ends, so concurrent creates queue here and never get the same n; the counter
 * only grows, so deactivated devices' numbers are never handed out again.
 */
export async function takeDeviceNumber(db: Db, scope: Scope, customerId: string): Promise<{ number: number; prefix: string; active: boolean } | null> {
  const [row] = await db
    .update(customers)
    .set({ nextDeviceNumber: sql`${customers.nextDeviceNumber} + 1` })
    .where(and(ofScope(scope), eq(customers.id, customerId)))
    .returning({ next: customers.nextDeviceNumber, prefix: customers.prefix, active: customers.active });
  return row ? { number: row.next - 1, prefix: row.prefix, active: row.active } : null;
}
