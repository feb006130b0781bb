import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BillingLine, PriceListData } from '@parc/shared/contracts/billing';
import { BILLED_KINDS } from '@parc/shared/billing/pricing';
import { customers } from './customers.ts';
import { bytea } from './bytea.ts';

/** Only `modules/billing` writes these tables: prices through prices.service, runs through runs.service, invoices through invoices.service. */

/**
 * A customer's price list as saved at one moment; it applies from the billing period `effective_from`
 * (the period current when it was saved) until a later version. Never updated: every change is a new
 * row, so earlier periods keep their prices and the console shows the history.
 */
export const priceVersions = pgTable(
  'price_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    // 1, 2, 3… per customer, in saving order: what orders versions saved at the same instant.
    version: integer('version').notNull(),
    prices: jsonb('prices').$type<PriceListData>().notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }).onDelete('cascade'),
    uniqueIndex('price_versions_customer_version').on(t.customerId, t.version),
    check('price_versions_effective_from', sql`${t.effectiveFrom} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/** What a billing run computed from: enough to compute it again and get the same lines. */
export interface BillingRunInputs {
  priceVersionId: string;
  /** Per device: its counter volumes (with the values and reading ids they came from) and replacements. */
  devices: {
    deviceId: string;
    deviceCode: string;
    manufacturer: string;
    model: string;
    counters: {
      kind: string;
      startValue: number | null;
      endValue: number | null;
      /** When the start and end readings count (ISO): the interval the pages were printed in. */
      startAt: string | null;
      endAt: string | null;
      pages: number;
      estimated: boolean;
      readingIds: string[];
    }[];
    replacements: { supplyModel: string; count: number }[];
  }[];
}

export const BILLING_RUN_STATUSES = ['draft', 'approved'] as const;

/**
 * One customer's bill for one period. A draft is computed again on demand; approving freezes it and
 * locks the readings it used. A later correction shows as adjustment lines on the next run.
 */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    period: text('period').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    status: text('status', { enum: BILLING_RUN_STATUSES }).notNull().default('draft'),
    currency: text('currency').notNull(),
    total: numeric('total', { precision: 16, scale: 3 }).notNull(),
    priceVersionId: uuid('price_version_id')
      .notNull()
      .references(() => priceVersions.id),
    inputs: jsonb('inputs').$type<BillingRunInputs>().notNull(),
    lines: jsonb('lines').$type<BillingLine[]>().notNull(),
    missing: jsonb('missing').$type<{ deviceId: string; deviceCode: string; deviceModel: string }[]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    computedBy: text('computed_by').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }).onDelete('cascade'),
    unique('billing_runs_partner_id_unique').on(t.partnerId, t.id),
    uniqueIndex('billing_runs_customer_period').on(t.customerId, t.period),
    index('billing_runs_partner_period').on(t.partnerId, t.period),
    check('billing_runs_status', sql`${t.status} in ('draft', 'approved')`),
    check('billing_runs_period', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('billing_runs_approved', sql`(${t.status} = 'approved') = (${t.approvedAt} is not null)`),
  ],
);

/** An invoice the dealer issued to a customer, linked to a billing run or not, with its document. */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    dueOn: date('due_on'),
    amount: numeric('amount', { precision: 16, scale: 3 }).notNull(),
    currency: text('currency').notNull(),
    billingRunId: uuid('billing_run_id'),
    documentName: text('document_name'),
    documentType: text('document_type'),
    document: bytea('document'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.partnerId, t.billingRunId], foreignColumns: [billingRuns.partnerId, billingRuns.id] }),
    unique('invoices_partner_id_unique').on(t.partnerId, t.id),
    uniqueIndex('invoices_partner_number').on(t.partnerId, t.number),
    index('invoices_customer').on(t.customerId, t.issuedOn),
    check('invoices_amount', sql`${t.amount} >= 0`),
    check('invoices_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('invoices_due', sql`${t.dueOn} is null or ${t.dueOn} >= ${t.issuedOn}`),
    check('invoices_document', sql`(${t.document} is null) = (${t.documentName} is null) and (${t.document} is null) = (${t.documentType} is null)`),
  ],
);

/** One payment (of possibly several) against an invoice. */
export const invoicePayments = pgTable(
  'invoice_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    clientId: uuid('client_id').notNull(),
    paidOn: date('paid_on').notNull(),
    amount: numeric('amount', { precision: 16, scale: 3 }).notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.invoiceId], foreignColumns: [invoices.partnerId, invoices.id] }).onDelete('cascade'),
    index('invoice_payments_invoice').on(t.invoiceId, t.paidOn),
    uniqueIndex('invoice_payments_client').on(t.invoiceId, t.clientId),
    check('invoice_payments_amount', sql`${t.amount} > 0`),
  ],
);

/** An overage alert sent to a customer's coordinators: once per period and counter kind. */
export const overageAlerts = pgTable(
  'overage_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    period: text('period').notNull(),
    counter: text('counter', { enum: BILLED_KINDS }).notNull(),
    projectedPages: integer('projected_pages').notNull(),
    included: integer('included').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }).onDelete('cascade'),
    uniqueIndex('overage_alerts_once').on(t.customerId, t.period, t.counter),
  ],
);
