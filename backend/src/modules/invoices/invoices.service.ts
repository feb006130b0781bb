import { DomainError } from '@parc/shared';
import { fitsCurrency, invoiceStanding } from '@parc/shared/billing/invoices';
import { amount, formatAmount, minorDigits } from '@parc/shared/billing/money';
import {
  MAX_INVOICE_DOCUMENT_BYTES,
  type Invoice,
  type InvoiceCreateData,
  type InvoiceDocumentUpload,
  type InvoiceInputData,
  type InvoiceStatus,
  type PaymentInputData,
} from '@parc/shared/contracts/billing';
import { localDateKey } from '@parc/shared/meters/periods';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { detectFileType } from '../../http/file-type.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { isUniqueViolation } from '../customers/scope.ts';
import { loadPartnerDefaults } from '../meters/settings.repo.ts';
import {
  deletePaymentRow,
  deleteInvoiceRow,
  findInvoices,
  insertInvoice,
  insertPayment,
  invoiceDocument,
  lockInvoice,
  paymentsOf,
  runOf,
  updateInvoiceRow,
  type InvoiceRow,
  type PaymentRow,
} from './invoices.repo.ts';

/**
 * The manual's invoices: a number, a date, an amount in a currency and a document, linked to a
 * billing run or not, paid in one or several parts. Its standing (paid, remaining, overdue) is
 * computed from the payments on the dealer's today, never stored.
 */

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** numeric(16,3) comes back as "120.500": shown with the currency's own decimals. */
const money = (value: string, currency: string) => formatAmount(amount(value), currency);

function toInvoice(row: InvoiceRow, payments: readonly PaymentRow[], today: string): Invoice {
  const own = payments.filter((payment) => payment.invoiceId === row.id).map((payment) => ({ ...payment, amount: money(payment.amount, row.currency) }));
  const standing = invoiceStanding({ amount: row.amount, currency: row.currency, dueOn: row.dueOn }, own, today);
  return {
    id: row.id,
    customerId: row.customerId,
    customerNumber: row.customerNumber,
    customerName: row.customerName,
    number: row.number,
    issuedOn: row.issuedOn,
    dueOn: row.dueOn,
    amount: money(row.amount, row.currency),
    currency: row.currency,
    billingRunId: row.billingRunId,
    billingPeriod: row.billingPeriod,
    document: row.documentName && row.documentType ? { name: row.documentName, contentType: row.documentType as NonNullable<Invoice['document']>['contentType'], bytes: row.documentBytes ?? 0 } : null,
    ...standing,
    payments: own.map(({ id, invoiceId, paidOn, amount: paid, note, recordedBy, recordedAt }) => ({ id, invoiceId, paidOn, amount: paid, note, recordedBy, recordedAt: recordedAt.toISOString() })),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The dealer's today, in its campaign time zone: what "overdue" is judged on. */
async function dealerToday(deps: Deps, partnerId: string): Promise<string> {
  return localDateKey(deps.clock(), (await loadPartnerDefaults(deps.db, partnerId)).timeZone);
}

export async function listInvoices(deps: Deps, user: SessionUser, query: { customerId?: string; status?: InvoiceStatus }): Promise<Invoice[]> {
  if (query.customerId) await getCustomer(deps.db, user, query.customerId);
  const rows = await findInvoices(deps.db, user, { customerId: query.customerId });
  const [payments, today] = await Promise.all([paymentsOf(deps.db, rows.map((row) => row.id)), dealerToday(deps, user.partnerId)]);
  const items = rows.map((row) => toInvoice(row, payments, today));
  return query.status ? items.filter((item) => item.status === query.status) : items;
}

export async function getInvoice(deps: Deps, user: SessionUser, id: string): Promise<Invoice> {
  const [row] = await findInvoices(deps.db, user, { id });
  if (!row) throw new DomainError('invoice.not_found');
  const [payments, today] = await Promise.all([paymentsOf(deps.db, [row.id]), dealerToday(deps, user.partnerId)]);
  return toInvoice(row, payments, today);
}

function checkDigits(value: string, currency: string, field: string): void {
  if (!fitsCurrency(value, currency)) throw new DomainError('invoice.amount_digits', { currency, digits: minorDigits(currency), field });
}

/** The document's bytes when they are what they claim (PDF or image, by magic bytes) and small enough. */
function checkedDocument(upload: InvoiceDocumentUpload): { documentName: string; documentType: string; document: Uint8Array } {
  const bytes = new Uint8Array(Buffer.from(upload.dataBase64, 'base64'));
  if (bytes.length > MAX_INVOICE_DOCUMENT_BYTES) throw new DomainError('invoice.document_too_large', { maximum: MAX_INVOICE_DOCUMENT_BYTES, field: 'document' });
  const type = detectFileType(bytes);
  if (!type || type !== upload.contentType) throw new DomainError('invoice.document_type', { field: 'document' });
  return { documentName: upload.name, documentType: type, document: bytes };
}

async function checkRun(db: Db, partnerId: string, runId: string | null, customerId: string, currency: string): Promise<void> {
  if (!runId) return;
  const run = await runOf(db, partnerId, runId);
  if (!run || run.customerId !== customerId || run.currency !== currency) throw new DomainError('invoice.run_mismatch', { field: 'billingRunId' });
}

function documentChange(document: InvoiceDocumentUpload | null | undefined) {
  if (document === undefined) return {};
  if (document === null) return { documentName: null, documentType: null, document: null };
  return checkedDocument(document);
}

async function numbered<T>(number: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'invoices_partner_number')) throw new DomainError('invoice.number_taken', { number, field: 'number' });
    throw error;
  }
}

/** The columns an invoice form sets, on creation and change alike. */
const formValues = (input: InvoiceInputData) => ({
  number: input.number,
  issuedOn: input.issuedOn,
  dueOn: input.dueOn,
  amount: input.amount,
  currency: input.currency,
  billingRunId: input.billingRunId,
  ...documentChange(input.document),
});

export async function createInvoice(deps: Deps, user: SessionUser, input: InvoiceCreateData): Promise<Invoice> {
  const customer = await getCustomer(deps.db, user, input.customerId);
  checkDigits(input.amount, input.currency, 'amount');
  await checkRun(deps.db, customer.partnerId, input.billingRunId, customer.id, input.currency);
  const id = await numbered(input.number, () =>
    insertInvoice(deps.db, { partnerId: customer.partnerId, customerId: customer.id, ...formValues(input), createdBy: user.email, createdAt: deps.clock() }),
  );
  return getInvoice(deps, user, id);
}

export async function updateInvoice(deps: Deps, user: SessionUser, id: string, input: InvoiceInputData): Promise<Invoice> {
  const current = await getInvoice(deps, user, id);
  checkDigits(input.amount, input.currency, 'amount');
  await checkRun(deps.db, user.partnerId, input.billingRunId, current.customerId, input.currency);
  if (amount(input.amount).lt(current.paid)) throw new DomainError('invoice.below_paid', { paid: `${current.currency} ${current.paid}`, field: 'amount' });
  // Recorded payments are amounts in the invoice's currency: they would silently change meaning.
  if (input.currency !== current.currency && current.payments.length > 0) throw new DomainError('invoice.currency_paid', { currency: current.currency, field: 'currency' });
  await numbered(input.number, () =>
    updateInvoiceRow(deps.db, user.partnerId, id, formValues(input)),
  );
  return getInvoice(deps, user, id);
}

/** "All data of this invoice will be lost": its payments go with it. */
export async function deleteInvoice(deps: Deps, user: SessionUser, id: string): Promise<void> {
  await getInvoice(deps, user, id);
  await deleteInvoiceRow(deps.db, user.partnerId, id);
}

export async function invoiceFile(deps: Deps, user: SessionUser, id: string): Promise<{ name: string; type: string; bytes: Uint8Array }> {
  await getInvoice(deps, user, id);
  const file = await invoiceDocument(deps.db, user.partnerId, id);
  if (!file?.bytes || !file.name || !file.type) throw new DomainError('invoice.no_document');
  return { name: file.name, type: file.type, bytes: file.bytes };
}

/** One part of the amount; several parts may follow. Never more than what remains. */
export async function addPayment(deps: Deps, user: SessionUser, id: string, input: PaymentInputData): Promise<Invoice> {
  const invoice = await getInvoice(deps, user, id);
  checkDigits(input.amount, invoice.currency, 'amount');
  if (amount(input.amount).lte(0)) throw new DomainError('validation.too_small', { field: 'amount', origin: 'number', minimum: 0, inclusive: false, exact: false });
  await deps.db.transaction(async (tx) => {
    // The invoice row is locked so two payments at once cannot both fit in what remains.
    const row = await lockInvoice(tx, user.partnerId, id);
    if (!row) throw new DomainError('invoice.not_found');
    const payments = await paymentsOf(tx, [id]);
    if (payments.some((payment) => payment.clientId === input.clientId)) return;
    const { remaining } = invoiceStanding({ amount: row.amount, currency: row.currency, dueOn: row.dueOn }, payments, '9999-12-31');
    if (amount(input.amount).gt(remaining)) throw new DomainError('payment.above_remaining', { remaining: `${row.currency} ${remaining}`, field: 'amount' });
    await insertPayment(tx, { partnerId: user.partnerId, invoiceId: id, clientId: input.clientId, paidOn: input.paidOn, amount: input.amount, note: input.note, recordedBy: user.email, recordedAt: deps.clock() });
  });
  return getInvoice(deps, user, id);
}

export async function deletePayment(deps: Deps, user: SessionUser, id: string, paymentId: string): Promise<Invoice> {
  await getInvoice(deps, user, id);
  if (!(await deletePaymentRow(deps.db, id, paymentId))) throw new DomainError('payment.not_found');
  return getInvoice(deps, user, id);
}
