import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { partners, users } from './partners.ts';

/** Only `modules/api-keys` writes this table; `modules/auth/access.ts` reads it to let a key in. */

/** A dealer's key for its own tools: it acts as `createdBy`, as they are now, within its scope. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope', { enum: ['read', 'write'] }).notNull(),
    // SHA-256 of the key (32 random bytes): a stolen database does not yield working keys.
    secretHash: text('secret_hash').notNull().unique('api_keys_secret_hash_unique'),
    /** The key's first characters, kept in clear to recognise it in the list. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute, not on every request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_partner').on(t.partnerId), check('api_keys_scope_check', sql`${t.scope} in ('read', 'write')`)],
);
