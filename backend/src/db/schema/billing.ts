import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';

export const BILLING_TYPES = ['per_page'] as const;

/** A customer's prices per printed page; no row means no prices were set yet. */
export const customerPrices = pgTable(
  'customer_prices',
  {
    customerId: uuid('customer_id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    billingType: text('billing_type', { enum: BILLING_TYPES }).notNull().default('per_page'),
    currency: text('currency').notNull(),
    // Exact decimals (4 places): money is never a float.
    monoPrice: numeric('mono_price', { precision: 12, scale: 4 }).notNull(),
    colourPrice: numeric('colour_price', { precision: 12, scale: 4 }).notNull(),
    scanPrice: numeric('scan_price', { precision: 12, scale: 4 }).notNull(),
    // Pages covered by the subscription each month; above it the prices apply. Null: no subscription.
    includedPages: integer('included_pages'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }).onDelete('cascade'),
    check('customer_prices_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('customer_prices_billing_type', sql`${t.billingType} in ('per_page')`),
    check('customer_prices_non_negative', sql`${t.monoPrice} >= 0 and ${t.colourPrice} >= 0 and ${t.scanPrice} >= 0`),
    check('customer_prices_included_pages', sql`${t.includedPages} is null or ${t.includedPages} >= 0`),
  ],
);
