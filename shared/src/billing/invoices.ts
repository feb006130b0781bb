import type { InvoiceStatus } from '../contracts/billing.ts';
import { amount, formatAmount, minorDigits, ZERO } from './money.ts';

/**
 * Where an invoice stands on a given day, from its amount, its payments and its due date: paid once
 * the payments cover the amount; overdue after the due date while not paid; else partly paid or open.
 * Amounts are decimal strings, summed exactly.
 */
export function invoiceStanding(
  invoice: { amount: string; currency: string; dueOn: string | null },
  payments: readonly { amount: string; paidOn: string }[],
  today: string,
): { paid: string; remaining: string; lastPaymentOn: string | null; status: InvoiceStatus } {
  const paid = payments.reduce((sum, payment) => sum.plus(payment.amount), ZERO);
  const remaining = amount(invoice.amount).minus(paid);
  const lastPaymentOn = payments.reduce<string | null>((last, payment) => (last === null || payment.paidOn > last ? payment.paidOn : last), null);
  const status: InvoiceStatus = remaining.lte(0) ? 'paid' : invoice.dueOn !== null && today > invoice.dueOn ? 'overdue' : paid.gt(0) ? 'partly_paid' : 'open';
  return { paid: formatAmount(paid, invoice.currency), remaining: formatAmount(remaining, invoice.currency), lastPaymentOn, status };
}

/** An amount has no more decimals than its currency's minor unit (CHF 2, JPY 0, BHD 3). */
export function fitsCurrency(value: string, currency: string): boolean {
  return amount(value).decimalPlaces() <= minorDigits(currency);
}
