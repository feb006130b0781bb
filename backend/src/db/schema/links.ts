import { sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MeterEntryResult } from '@parc/shared';
import { LOCATION_REQUEST_OUTCOMES } from '@parc/shared/contracts/locations';
import { customers } from './customers.ts';
import { devices, readings } from './devices.ts';

/**
 * HS256 keys that sign meter links; `kid` goes in each token's header. Rotation adds a key and
 * retires the old one: retired keys no longer sign but still verify the links they signed.
 */
export const linkSigningKeys = pgTable('link_signing_keys', {
  kid: text('kid').primaryKey(),
  /** 32 random bytes, base64url. */
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** One signed meter-entry link per customer and period; the timestamps measure the campaign. */
export const meterLinks = pgTable(
  'meter_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    period: text('period').notNull(),
    kid: text('kid')
      .notNull()
      .references(() => linkSigningKeys.kid),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    firstEntryAt: timestamp('first_entry_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    // One live link per customer and period; revoked ones stay for the record and a resend adds a new one.
    uniqueIndex('meter_links_live_unique').on(t.customerId, t.period).where(sql`${t.revokedAt} is null`),
    index('meter_links_partner_period').on(t.partnerId, t.period),
    // Every link of a customer and period, revoked ones included: the entry page's "this period's entries".
    index('meter_links_customer_period').on(t.customerId, t.period),
    // Links answered or run out lately: what notices look for every few minutes.
    index('meter_links_completed').on(t.completedAt).where(sql`${t.completedAt} is not null`),
    index('meter_links_expires').on(t.expiresAt),
    check('meter_links_period_format', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/**
 * Every entry a customer submitted through a link, by the client-made id: a retried submission
 * gets the stored result back instead of being applied again.
 */
export const meterLinkEntries = pgTable(
  'meter_link_entries',
  {
    clientId: uuid('client_id').primaryKey(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => meterLinks.id),
    readingId: uuid('reading_id').references(() => readings.id, { onDelete: 'set null' }),
    result: jsonb('result').$type<MeterEntryResult>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meter_link_entries_link').on(t.linkId)],
);

/** A customer's request, from the entry page, to change the location text of a machine. */
export const locationRequests = pgTable(
  'location_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => meterLinks.id),
    /** The location text the customer asks for. */
    location: text('location').notNull(),
    /** Anything the customer adds for the dealer; may be empty. */
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    /** What the dealer decided: the device's location changed to the request's, or left as it was. */
    outcome: text('outcome', { enum: LOCATION_REQUEST_OUTCOMES }),
    handledBy: text('handled_by'),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }),
    index('location_requests_partner_open').on(t.partnerId).where(sql`${t.handledAt} is null`),
    index('location_requests_device').on(t.deviceId),
    check('location_requests_outcome', sql`(${t.outcome} is null) = (${t.handledAt} is null) and (${t.outcome} is null or ${t.outcome} in ('applied', 'dismissed'))`),
  ],
);
