/**
 * The invoice and payment forms of the Billing tab. A form holds what was typed (text, so a
 * half-typed "1250," survives); sending converts it to the contract's shape — a decimal comma
 * becomes a point, grouping spaces and apostrophes go — and checks it as the server will: amounts
 * with no more decimals than the currency has, a payment above zero and never above what remains,
 * a document that is a PDF or an image of at most 5 MB. Problems are keyed by the fields the server
 * names in an error's `field`, so both show at the field.
 */
import { fitsCurrency } from '@parc/shared/billing/invoices';
import { amount, minorDigits } from '@parc/shared/billing/money';
import {
  currencySchema,
  INVOICE_DOCUMENT_TYPES,
  MAX_INVOICE_DOCUMENT_BYTES,
  moneySchema,
  type Invoice,
  type InvoiceDocumentType,
  type InvoiceInput,
  type PaymentInputData,
} from '@parc/shared/contracts/billing';
import type { ErrorParams } from '@parc/shared/errors';
import { decimalOf } from '../billing/price-form.ts';

/** A problem the tab words from its own catalogue. */
export type OwnProblem = 'required' | 'date' | 'amount' | 'currency' | 'positive';
type CatalogueKey = 'invoice.amount_digits' | 'invoice.document_type' | 'invoice.document_too_large' | 'payment.above_remaining';
/** A problem the server would answer with this error: worded from the shared error catalogue, alike. */
export type CatalogueProblem = { [K in CatalogueKey]: { key: K; params: ErrorParams<K> } }[CatalogueKey];
export type FieldProblem = OwnProblem | CatalogueProblem;

export type Checked<T, Field extends string> = { ok: true; input: T } | { ok: false; problems: Partial<Record<Field, FieldProblem>> };

export interface InvoiceForm {
  number: string;
  issuedOn: string;
  /** Empty: no due date, never overdue. */
  dueOn: string;
  amount: string;
  currency: string;
  /** Empty: not linked to a billing run. */
  billingRunId: string;
}
export type InvoiceField = keyof InvoiceForm | 'document';

export interface PaymentForm {
  paidOn: string;
  amount: string;
  note: string;
}
export type PaymentField = keyof PaymentForm;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An empty form on `today` in the customer's currency, or the invoice's own values to edit it. */
export function invoiceFormOf(invoice: Invoice | null, currency: string, today: string): InvoiceForm {
  if (!invoice) return { number: '', issuedOn: today, dueOn: '', amount: '', currency, billingRunId: '' };
  return { number: invoice.number, issuedOn: invoice.issuedOn, dueOn: invoice.dueOn ?? '', amount: invoice.amount, currency: invoice.currency, billingRunId: invoice.billingRunId ?? '' };
}

/** A typed amount as the contract takes it, or why it cannot be one in `currency` (a valid code). */
function checkedAmount(text: string, currency: string): { value: string } | { problem: FieldProblem } {
  if (text.trim() === '') return { problem: 'required' };
  const value = decimalOf(text);
  if (!/^\d+(\.\d+)?$/.test(value)) return { problem: 'amount' };
  if (!fitsCurrency(value, currency)) return { problem: { key: 'invoice.amount_digits', params: { currency, digits: minorDigits(currency) } } };
  if (!moneySchema.safeParse(value).success) return { problem: 'amount' };
  return { value };
}

/** The invoice as the contract takes it (its document apart: it is read from the file when sent). */
export function invoiceInputOf(form: InvoiceForm): Checked<Omit<InvoiceInput, 'document'>, InvoiceField> {
  const problems: Partial<Record<InvoiceField, FieldProblem>> = {};
  const number = form.number.trim();
  if (number === '') problems.number = 'required';
  if (!DATE.test(form.issuedOn)) problems.issuedOn = form.issuedOn === '' ? 'required' : 'date';
  if (form.dueOn !== '' && !DATE.test(form.dueOn)) problems.dueOn = 'date';
  const currency = form.currency.trim().toUpperCase();
  const amountOf = currencySchema.safeParse(currency).success ? checkedAmount(form.amount, currency) : null;
  if (!amountOf) problems.currency = 'currency';
  else if ('problem' in amountOf) problems.amount = amountOf.problem;
  if (Object.keys(problems).length > 0 || !amountOf || !('value' in amountOf)) return { ok: false, problems };
  return { ok: true, input: { number, issuedOn: form.issuedOn, dueOn: form.dueOn === '' ? null : form.dueOn, amount: amountOf.value, currency, billingRunId: form.billingRunId === '' ? null : form.billingRunId } };
}

const isDocumentType = (type: string): type is InvoiceDocumentType => (INVOICE_DOCUMENT_TYPES as readonly string[]).includes(type);

/** Why a chosen file cannot be the invoice's document, judged by its declared type and size (the server then checks its bytes). */
export function documentProblem(file: { type: string; size: number }): FieldProblem | null {
  if (!isDocumentType(file.type) || file.size === 0) return { key: 'invoice.document_type', params: {} };
  if (file.size > MAX_INVOICE_DOCUMENT_BYTES) return { key: 'invoice.document_too_large', params: { maximum: MAX_INVOICE_DOCUMENT_BYTES } };
  return null;
}

/** A payment of what remains on `today`: paying in full is one tap, a part is typed over it. */
export function paymentFormOf(invoice: Pick<Invoice, 'remaining'>, today: string): PaymentForm {
  return { paidOn: today, amount: invoice.remaining, note: '' };
}

/** The payment as the contract takes it: above zero, not above what remains (`money` writes it), in the currency's digits. */
export function paymentInputOf(
  form: PaymentForm,
  invoice: Pick<Invoice, 'currency' | 'remaining'>,
  clientId: string,
  money: (value: string) => string,
): Checked<PaymentInputData, PaymentField> {
  const problems: Partial<Record<PaymentField, FieldProblem>> = {};
  if (!DATE.test(form.paidOn)) problems.paidOn = form.paidOn === '' ? 'required' : 'date';
  const amountOf = checkedAmount(form.amount, invoice.currency);
  if ('problem' in amountOf) problems.amount = amountOf.problem;
  else if (amount(amountOf.value).lte(0)) problems.amount = 'positive';
  else if (amount(amountOf.value).gt(invoice.remaining)) problems.amount = { key: 'payment.above_remaining', params: { remaining: money(invoice.remaining) } };
  if (Object.keys(problems).length > 0 || !('value' in amountOf)) return { ok: false, problems };
  const note = form.note.trim();
  return { ok: true, input: { clientId, paidOn: form.paidOn, amount: amountOf.value, note: note === '' ? null : note } };
}

/** The list after a save: the invoice in its place, in the server's order (newest issue date, then newest added, first). */
export function placeInvoice(items: readonly Invoice[], invoice: Invoice): Invoice[] {
  return [...items.filter((item) => item.id !== invoice.id), invoice].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.createdAt.localeCompare(a.createdAt));
}
