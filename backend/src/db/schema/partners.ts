import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

/** The dealer: every other row belongs to exactly one partner (the tenant). */
export const partners = pgTable('partners', {
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
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
