import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

/** The dealer: every other row belongs to exactly one partner (the tenant). */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    address: text('address'),
    website: text('website'),
    brandColour: text('brand_colour').notNull().default('#1f5fa8'),
    logoUrl: text('logo_url'),
    senderEmail: text('sender_email'),
    defaultLanguage: text('default_language').notNull().default('fr'),
    defaultTimezone: text('default_timezone').notNull().default('Europe/Zurich'),
    /** ISO 3166 code of the dealer's country, and the ISO 4217 currency it bills in: new customers start with them. */
    country: text('country').notNull().default('CH'),
    currency: text('currency').notNull().default('CHF'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('partners_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('partners_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const USER_ROLES = ['partner_admin', 'partner_staff', 'coordinator', 'technician'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    language: text('language').notNull().default('fr'),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Emails are stored lower-cased, one account per address and dealer: a dealer inviting an address
    // another dealer uses learns nothing. Login needs no dealer picker: each account's password differs.
    uniqueIndex('users_partner_email_unique').on(t.partnerId, t.email),
    index('users_email').on(t.email),
    check('users_role_check', sql`${t.role} in ('partner_admin', 'partner_staff', 'coordinator', 'technician')`),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

export const sessions = pgTable('sessions', {
  // SHA-256 of the cookie value: a stolen database does not yield live sessions.
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export const SETUP_LINK_KINDS = ['first', 'additional'] as const;
export type SetupLinkKind = (typeof SETUP_LINK_KINDS)[number];

/**
 * One-time links that create a dealer and its first administrator: `first` is printed by a server
 * with no dealer yet (or `npm run job -- setup-link`), `additional` by `npm run job -- add-partner`.
 * Only the token's SHA-256 is kept; a used link names the dealer it created.
 */
export const setupLinks = pgTable(
  'setup_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind', { enum: SETUP_LINK_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    partnerId: uuid('partner_id').references(() => partners.id),
  },
  (t) => [
    check('setup_links_kind', sql`${t.kind} in ('first', 'additional')`),
    check('setup_links_used', sql`(${t.usedAt} is null) = (${t.partnerId} is null)`),
  ],
);
