import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { billingRuns, customers, invoicePayments, invoices } from '../../db/schema/index.ts';
import { visibleTo, type Scope } from '../customers/scope.ts';

export type InvoiceRow = Omit<typeof invoices.$inferSelect, 'document'> & { customerNumber: string; customerName: string; billingPeriod: string | null; documentBytes: number | null };
export type PaymentRow = typeof invoicePayments.$inferSelect;

const listed = {
  id: invoices.id,
  partnerId: invoices.partnerId,
  customerId: invoices.customerId,
  number: invoices.number,
  issuedOn: invoices.issuedOn,
  dueOn: invoices.dueOn,
  amount: invoices.amount,
  currency: invoices.currency,
  billingRunId: invoices.billingRunId,
  documentName: invoices.documentName,
  documentType: invoices.documentType,
  createdBy: invoices.createdBy,
  createdAt: invoices.createdAt,
  customerNumber: customers.customerNumber,
  customerName: customers.name,
  billingPeriod: billingRuns.period,
};

/** Invoices without their documents' bytes (only their sizes), newest first. */
export async function findInvoices(db: Db, scope: Scope, filter: { customerId?: string; id?: string }): Promise<InvoiceRow[]> {
  const rows = await db
    .select({ ...listed, documentBytes: sql<number | null>`octet_length(${invoices.document})`.mapWith(Number) })
    .from(invoices)
    .innerJoin(customers, and(eq(customers.id, invoices.customerId), eq(customers.partnerId, invoices.partnerId)))
    .leftJoin(billingRuns, eq(billingRuns.id, invoices.billingRunId))
    .where(and(visibleTo(scope, { partnerId: invoices.partnerId, customerId: invoices.customerId }), filter.customerId ? eq(invoices.customerId, filter.customerId) : undefined, filter.id ? eq(invoices.id, filter.id) : undefined))
    .orderBy(desc(invoices.issuedOn), desc(invoices.createdAt));
  return rows;
}


export function paymentsOf(db: Db, invoiceIds: readonly string[]): Promise<PaymentRow[]> {
  if (invoiceIds.length === 0) return Promise.resolve([]);
  return db.select().from(invoicePayments).where(inArray(invoicePayments.invoiceId, [...invoiceIds])).orderBy(asc(invoicePayments.paidOn), asc(invoicePayments.recordedAt));
}

export async function insertInvoice(db: Db, values: typeof invoices.$inferInsert): Promise<string> {
  const [row] = await db.insert(invoices).values(values).returning({ id: invoices.id });
  return row!.id;
}

export async function updateInvoiceRow(db: Db, partnerId: string, id: string, values: Partial<typeof invoices.$inferInsert>): Promise<void> {
  await db.update(invoices).set(values).where(and(eq(invoices.partnerId, partnerId), eq(invoices.id, id)));
}

export async function deleteInvoiceRow(db: Db, partnerId: string, id: string): Promise<void> {
  await db.delete(invoices).where(and(eq(invoices.partnerId, partnerId), eq(invoices.id, id)));
}

export async function invoiceDocument(db: Db, partnerId: string, id: string) {
  const [row] = await db
    .select({ name: invoices.documentName, type: invoices.documentType, bytes: invoices.document })
    .from(invoices)
    .where(and(eq(invoices.partnerId, partnerId), eq(invoices.id, id)));
  return row ?? null;
}

export async function lockInvoice(db: Db, partnerId: string, id: string) {
  const [row] = await db
    .select({ amount: invoices.amount, currency: invoices.currency, dueOn: invoices.dueOn })
    .from(invoices)
    .where(and(eq(invoices.partnerId, partnerId), eq(invoices.id, id)))
    .for('update');
  return row ?? null;
}

/** Records a payment once per client id: a replay answers the existing one. */
export async function insertPayment(db: Db, values: typeof invoicePayments.$inferInsert): Promise<void> {
  await db.insert(invoicePayments).values(values).onConflictDoNothing({ target: [invoicePayments.invoiceId, invoicePayments.clientId] });
}

export async function deletePaymentRow(db: Db, invoiceId: string, paymentId: string): Promise<boolean> {
  const removed = await db.delete(invoicePayments).where(and(eq(invoicePayments.invoiceId, invoiceId), eq(invoicePayments.id, paymentId))).returning({ id: invoicePayments.id });
  return removed.length > 0;
}

export async function runOf(db: Db, partnerId: string, runId: string) {
  const [row] = await db
    .select({ customerId: billingRuns.customerId, currency: billingRuns.currency })
    .from(billingRuns)
    .where(and(eq(billingRuns.partnerId, partnerId), eq(billingRuns.id, runId)));
  return row ?? null;
}
