import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LANGUAGES } from '@parc/shared/languages';
import { NOTICE_CATEGORIES, NOTICE_FREQUENCIES, type NoticeRole } from '@parc/shared/notifications/categories';
import type { NoticeFacts } from '@parc/shared/notifications/templates';
import type { Complexity } from '@parc/shared/tickets/complexity';
import { customers } from './customers.ts';
import { partners, users } from './partners.ts';

/** Only `modules/notifications` writes these tables. */

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Who is told about what, and how often: a dealer's rule (no customer) or one customer's own, which replaces it. */
export const noticeRules = pgTable(
  'notice_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    category: text('category', { enum: NOTICE_CATEGORIES }).notNull(),
    enabled: boolean('enabled').notNull(),
    frequency: text('frequency', { enum: NOTICE_FREQUENCIES }).notNull(),
    roles: jsonb('roles').$type<NoticeRole[]>().notNull(),
    siteCoordinator: boolean('site_coordinator').notNull(),
    customerCoordinator: boolean('customer_coordinator').notNull(),
    addresses: jsonb('addresses').$type<string[]>().notNull(),
    threshold: integer('threshold'),
    complexities: jsonb('complexities').$type<Complexity[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('notice_rules_dealer').on(t.partnerId, t.category).where(sql`${t.customerId} is null`),
    uniqueIndex('notice_rules_customer').on(t.customerId, t.category).where(sql`${t.customerId} is not null`),
    check('notice_rules_category_check', sql`${t.category} in (${inList(NOTICE_CATEGORIES)})`),
    check('notice_rules_frequency_check', sql`${t.frequency} in (${inList(NOTICE_FREQUENCIES)})`),
  ],
);

/**
 * One event told once: `event_key` names the event within its category (an alert's id, an agent
 * and the contact it went silent after…), so collecting it again records nothing.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    category: text('category', { enum: NOTICE_CATEGORIES }).notNull(),
    eventKey: text('event_key').notNull(),
    facts: jsonb('facts').$type<NoticeFacts>().notNull(),
    /** The console path the email links to. */
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('notices_event').on(t.partnerId, t.category, t.eventKey),
    index('notices_partner_created').on(t.partnerId, t.createdAt),
    check('notices_category_check', sql`${t.category} in (${inList(NOTICE_CATEGORIES)})`),
  ],
);

/** A notice for one address: sent alone when due (immediately) or in the digest of its frequency. */
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    email: text('email').notNull(),
    language: text('language', { enum: LANGUAGES }).notNull(),
    frequency: text('frequency', { enum: NOTICE_FREQUENCIES }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Taken by a run for sending; a claim older than half an hour (a run that died) may be taken again. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Sends tried: a delivery the mailer keeps refusing stops being tried after a few. */
    attempts: integer('attempts').notNull().default(0),
    /** Set once the mailer accepted it. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notice_deliveries_once').on(t.noticeId, t.email),
    index('notice_deliveries_due').on(t.dueAt).where(sql`${t.sentAt} is null`),
    check('notice_deliveries_frequency_check', sql`${t.frequency} in (${inList(NOTICE_FREQUENCIES)})`),
  ],
);

/** A dealer's own wording of a category's email in one language; none means the built-in text. */
export const noticeTemplates = pgTable(
  'notice_templates',
  {
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    category: text('category', { enum: NOTICE_CATEGORIES }).notNull(),
    language: text('language', { enum: LANGUAGES }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.category, t.language] })],
);

/** The dealer's header and footer around every notice in one language. */
export const noticeFrames = pgTable(
  'notice_frames',
  {
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    language: text('language', { enum: LANGUAGES }).notNull(),
    header: text('header').notNull(),
    footer: text('footer').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.language] })],
);
