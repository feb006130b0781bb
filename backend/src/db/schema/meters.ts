import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';
import { readings } from './devices.ts';
import { meterLinks } from './links.ts';
import { partners } from './partners.ts';

export const CAMPAIGN_SCHEDULE_KINDS = ['monthly', 'quarterly', 'months'] as const;
export const CAMPAIGN_EMAIL_KINDS = ['request', 'reminder'] as const;
export const TRANSMISSION_STATES = ['off', 'pending', 'sent'] as const;

const cutoffFormat = (column: unknown) => sql`${column} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`;

/** A partner's campaign defaults and nightly transmission; no row means the built-in defaults. */
export const campaignSettings = pgTable(
  'campaign_settings',
  {
    partnerId: uuid('partner_id').primaryKey().references(() => partners.id),
    scheduleKind: text('schedule_kind', { enum: CAMPAIGN_SCHEDULE_KINDS }).notNull().default('monthly'),
    // Only for the 'months' schedule: months 1–12 that need a reading.
    scheduleMonths: integer('schedule_months').array(),
    sendDay: integer('send_day').notNull().default(20),
    lastValidDay: integer('last_valid_day').notNull().default(4),
    reminderDaysBefore: integer('reminder_days_before').notNull().default(3),
    timezone: text('timezone').notNull().default('Europe/Zurich'),
    // Local 'HH:MM' in `timezone`: entries made before it are locked and sent that night.
    nightlyCutoff: text('nightly_cutoff').notNull().default('22:00'),
    exportFolder: boolean('export_folder').notNull().default(true),
    webhookUrl: text('webhook_url'),
    webhookSecret: text('webhook_secret'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('campaign_settings_cutoff_format', cutoffFormat(t.nightlyCutoff)),
    check('campaign_settings_schedule_kind', sql`${t.scheduleKind} in ('monthly', 'quarterly', 'months')`),
  ],
);

/** Per-customer overrides of the partner's defaults; a null column inherits. */
export const customerCampaignSettings = pgTable(
  'customer_campaign_settings',
  {
    customerId: uuid('customer_id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    scheduleKind: text('schedule_kind', { enum: CAMPAIGN_SCHEDULE_KINDS }),
    scheduleMonths: integer('schedule_months').array(),
    sendDay: integer('send_day'),
    lastValidDay: integer('last_valid_day'),
    timezone: text('timezone'),
    enabled: boolean('enabled').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }).onDelete('cascade'),
    check('customer_campaign_settings_schedule_kind', sql`${t.scheduleKind} is null or ${t.scheduleKind} in ('monthly', 'quarterly', 'months')`),
  ],
);

/** Addresses that receive a customer's campaign emails: double opt-in, unsubscribe any time. */
export const campaignContacts = pgTable(
  'campaign_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    // Stored lower-cased.
    email: text('email').notNull(),
    language: text('language').notNull().default('fr'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    // SHA-256 of the emailed confirmation token; replaced on every new confirmation email.
    confirmationTokenHash: text('confirmation_token_hash'),
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true }),
    // Put in every campaign email. It only allows unsubscribing, so it is kept as is (the emails
    // must carry it month after month), unguessable and unique.
    unsubscribeToken: text('unsubscribe_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }).onDelete('cascade'),
    uniqueIndex('campaign_contacts_customer_email').on(t.customerId, t.email),
    uniqueIndex('campaign_contacts_confirmation').on(t.confirmationTokenHash),
    uniqueIndex('campaign_contacts_unsubscribe').on(t.unsubscribeToken),
    check('campaign_contacts_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * Every campaign email sent: the unique key is what makes the job safe to run twice. A row is
 * claimed before sending and removed if sending fails, so a message goes out at most once.
 */
export const campaignEmails = pgTable(
  'campaign_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    linkId: uuid('link_id')
      .notNull()
      .references(() => meterLinks.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => campaignContacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CAMPAIGN_EMAIL_KINDS }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('campaign_emails_once').on(t.linkId, t.contactId, t.kind),
    index('campaign_emails_link').on(t.linkId),
    check('campaign_emails_kind', sql`${t.kind} in ('request', 'reminder')`),
  ],
);

/**
 * The nightly transmission queue: a row per reading the nightly job locked, with where it still
 * has to go. A channel turned off at lock time is 'off' for that reading; 'pending' becomes 'sent'
 * only once the file is written or the webhook answered 2xx, so nothing is exported twice.
 */
export const readingTransmissions = pgTable(
  'reading_transmissions',
  {
    readingId: uuid('reading_id')
      .primaryKey()
      .references(() => readings.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').notNull(),
    // The night ('YYYY-MM-DD', partner's time zone) whose cutoff locked it.
    night: text('night').notNull(),
    file: text('file', { enum: TRANSMISSION_STATES }).notNull(),
    webhook: text('webhook', { enum: TRANSMISSION_STATES }).notNull(),
    fileSentAt: timestamp('file_sent_at', { withTimezone: true }),
    webhookSentAt: timestamp('webhook_sent_at', { withTimezone: true }),
  },
  (t) => [
    index('reading_transmissions_file_pending').on(t.partnerId).where(sql`${t.file} = 'pending'`),
    index('reading_transmissions_webhook_pending').on(t.partnerId).where(sql`${t.webhook} = 'pending'`),
    check('reading_transmissions_file', sql`${t.file} in ('off', 'pending', 'sent')`),
    check('reading_transmissions_webhook', sql`${t.webhook} in ('off', 'pending', 'sent')`),
  ],
);
