import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { partners, users } from './partners.ts';

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    customerNumber: text('customer_number').notNull(),
    name: text('name').notNull(),
    language: text('language').notNull().default('fr'),
    country: text('country').notNull().default('CH'),
    address: text('address'),
    postcode: text('postcode'),
    city: text('city'),
    // Devices get IDs PREFIX-n; the prefix is fixed once devices exist.
    prefix: text('prefix').notNull(),
    taxNumber: text('tax_number'),
    activity: text('activity'),
    currency: text('currency').notNull().default('CHF'),
    timezone: text('timezone').notNull().default('Europe/Zurich'),
    // Next n for PREFIX-n; only ever increases, so an ID is never reused.
    nextDeviceNumber: integer('next_device_number').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customers_number_unique').on(t.partnerId, t.customerNumber),
    uniqueIndex('customers_prefix_unique').on(t.partnerId, t.prefix),
    // Lets child tables reference (partner_id, id) so a row can never point into another tenant.
    unique('customers_partner_id_unique').on(t.partnerId, t.id),
    check('customers_prefix_format', sql`${t.prefix} ~ '^[A-Z0-9]{1,10}$'`),
    check('customers_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('customers_next_device_number', sql`${t.nextDeviceNumber} >= 1`),
  ],
);

export const coordinators = pgTable(
  'coordinators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    isMain: boolean('is_main').notNull().default(false),
    // Opted in to an email when the month's projected volume crosses the included pages.
    overageAlerts: boolean('overage_alerts').notNull().default(false),
    userId: uuid('user_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    unique('coordinators_partner_id_unique').on(t.partnerId, t.id),
    // At most one main coordinator per customer.
    uniqueIndex('coordinators_one_main').on(t.customerId).where(sql`${t.isMain} and ${t.active}`),
    index('coordinators_customer').on(t.customerId),
  ],
);

export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    postcode: text('postcode'),
    city: text('city'),
    country: text('country'),
    coordinatorId: uuid('coordinator_id'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    foreignKey({ columns: [t.partnerId, t.coordinatorId], foreignColumns: [coordinators.partnerId, coordinators.id] }),
    unique('sites_partner_id_unique').on(t.partnerId, t.id),
    uniqueIndex('sites_name_unique').on(t.customerId, t.name),
    index('sites_customer').on(t.customerId),
  ],
);

/** Which customers a coordinator user may see. Partner staff see all of their partner's customers. */
export const userCustomers = pgTable(
  'user_customers',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.customerId] })],
);
