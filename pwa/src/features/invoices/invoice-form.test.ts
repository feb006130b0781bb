import { describe, expect, it } from 'vitest';
import type { Invoice } from '@parc/shared/contracts/billing';
import { documentProblem, invoiceFormOf, invoiceInputOf, paymentFormOf, paymentInputOf, placeInvoice, type InvoiceForm, type PaymentForm } from './invoice-form.ts';

const RUN = '6f1c5a52-6f4e-4a8e-9d1e-0c7a3b2f4d10';
const form = (changes: Partial<InvoiceForm> = {}): InvoiceForm => ({ number: 'F-2026-001', issuedOn: '2026-11-02', dueOn: '', amount: '1000', currency: 'CHF', billingRunId: '', ...changes });

describe('invoiceInputOf', () => {
  it('sends what the contract takes: trimmed number, decimal point, no due date or run as null', () => {
    expect(invoiceInputOf(form({ number: '  F-1 ', amount: "1'250,50", currency: 'chf ' }))).toEqual({
      ok: true,
      input: { number: 'F-1', issuedOn: '2026-11-02', dueOn: null, amount: '1250.50', currency: 'CHF', billingRunId: null },
    });
    expect(invoiceInputOf(form({ dueOn: '2026-11-30', billingRunId: RUN }))).toMatchObject({ ok: true, input: { dueOn: '2026-11-30', billingRunId: RUN } });
  });

  it.each<[string, Partial<InvoiceForm>, Record<string, unknown>]>([
    ['no number', { number: '  ' }, { number: 'required' }],
    ['no issue date', { issuedOn: '' }, { issuedOn: 'required' }],
    ['no amount', { amount: '' }, { amount: 'required' }],
    ['an amount that is not one', { amount: '12.5.0' }, { amount: 'amount' }],
    ['a negative amount', { amount: '-5' }, { amount: 'amount' }],
    ['more decimals than francs have', { amount: '10.005' }, { amount: { key: 'invoice.amount_digits', params: { currency: 'CHF', digits: 2 } } }],
    ['decimals yen do not have', { amount: '10.5', currency: 'JPY' }, { amount: { key: 'invoice.amount_digits', params: { currency: 'JPY', digits: 0 } } }],
    ['more than 12 digits', { amount: '1234567890123' }, { amount: 'amount' }],
    ['a currency that is no code', { currency: 'CH' }, { currency: 'currency' }],
  ])('refuses %s at its field', (_case, changes, problems) => {
    expect(invoiceInputOf(form(changes))).toEqual({ ok: false, problems });
  });

  it('edits an invoice from its own values', () => {
    const invoice = { number: 'F-9', issuedOn: '2026-10-01', dueOn: null, amount: '120.50', currency: 'EUR', billingRunId: RUN } as Invoice;
    expect(invoiceFormOf(invoice, 'CHF', '2026-11-20')).toEqual({ number: 'F-9', issuedOn: '2026-10-01', dueOn: '', amount: '120.50', currency: 'EUR', billingRunId: RUN });
    expect(invoiceFormOf(null, 'CHF', '2026-11-20')).toEqual({ number: '', issuedOn: '2026-11-20', dueOn: '', amount: '', currency: 'CHF', billingRunId: '' });
  });
});

describe('documentProblem', () => {
  it.each([
    ['a PDF', { type: 'application/pdf', size: 1000 }, null],
    ['a photo', { type: 'image/jpeg', size: 5 * 1024 * 1024 }, null],
    ['a Word file', { type: 'application/msword', size: 1000 }, { key: 'invoice.document_type', params: {} }],
    ['a file of unknown type', { type: '', size: 1000 }, { key: 'invoice.document_type', params: {} }],
    ['an empty PDF', { type: 'application/pdf', size: 0 }, { key: 'invoice.document_type', params: {} }],
    ['a PDF over 5 MB', { type: 'application/pdf', size: 5 * 1024 * 1024 + 1 }, { key: 'invoice.document_too_large', params: { maximum: 5 * 1024 * 1024 } }],
  ])('%s', (_case, file, problem) => expect(documentProblem(file)).toEqual(problem));
});

describe('paymentInputOf', () => {
  const invoice = { currency: 'CHF', remaining: '599.90' };
  const payment = (changes: Partial<PaymentForm> = {}): PaymentForm => ({ ...paymentFormOf(invoice, '2026-11-20'), ...changes });
  const CLIENT = 'c0ffee00-0000-4000-8000-000000000001';
  const money = (value: string) => `CHF ${value}`;

  it('offers to pay what remains today, and sends a part with its client id', () => {
    expect(payment()).toEqual({ paidOn: '2026-11-20', amount: '599.90', note: '' });
    expect(paymentInputOf(payment({ amount: '400,10', note: ' virement ' }), invoice, CLIENT, money)).toEqual({
      ok: true,
      input: { clientId: CLIENT, paidOn: '2026-11-20', amount: '400.10', note: 'virement' },
    });
    expect(paymentInputOf(payment(), invoice, CLIENT, money)).toMatchObject({ ok: true, input: { amount: '599.90', note: null } });
  });

  it.each<[string, Partial<PaymentForm>, Record<string, unknown>]>([
    ['nothing', { amount: '0' }, { amount: 'positive' }],
    ['more than remains', { amount: '599.91' }, { amount: { key: 'payment.above_remaining', params: { remaining: 'CHF 599.90' } } }],
    ['a thousandth of a franc', { amount: '0.001' }, { amount: { key: 'invoice.amount_digits', params: { currency: 'CHF', digits: 2 } } }],
    ['no date', { paidOn: '' }, { paidOn: 'required' }],
  ])('refuses paying %s', (_case, changes, problems) => {
    expect(paymentInputOf(payment(changes), invoice, CLIENT, money)).toEqual({ ok: false, problems });
  });
});

describe('placeInvoice', () => {
  const invoice = (id: string, issuedOn: string, createdAt: string) => ({ id, issuedOn, createdAt }) as Invoice;
  const ids = (items: Invoice[]) => items.map((item) => item.id);
  const list = [invoice('b', '2026-11-02', '2026-11-02T10:00:00Z'), invoice('a', '2026-10-01', '2026-10-01T10:00:00Z')];

  it('keeps the server’s order: newest issue date, then newest added, first', () => {
    expect(ids(placeInvoice(list, invoice('c', '2026-11-02', '2026-11-20T08:00:00Z')))).toEqual(['c', 'b', 'a']);
    expect(ids(placeInvoice(list, invoice('d', '2026-09-30', '2026-11-20T08:00:00Z')))).toEqual(['b', 'a', 'd']);
  });

  it('replaces an edited invoice, moved when its date changed', () => {
    const edited = { ...list[1]!, issuedOn: '2026-12-01', number: 'X' };
    expect(placeInvoice(list, edited)).toEqual([edited, list[0]]);
  });
});
