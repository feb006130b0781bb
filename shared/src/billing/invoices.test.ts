import { describe, expect, it } from 'vitest';
import { fitsCurrency, invoiceStanding } from './invoices.ts';

const invoice = (dueOn: string | null = '2026-12-31') => ({ amount: '1000.00', currency: 'CHF', dueOn });

describe('invoiceStanding', () => {
  it.each([
    ['nothing paid, not due', [], '2026-12-01', { paid: '0.00', remaining: '1000.00', lastPaymentOn: null, status: 'open' }],
    ['one part paid', [{ amount: '400.10', paidOn: '2026-12-02' }], '2026-12-05', { paid: '400.10', remaining: '599.90', lastPaymentOn: '2026-12-02', status: 'partly_paid' }],
    ['two parts cover it', [{ amount: '600', paidOn: '2026-12-10' }, { amount: '400', paidOn: '2026-12-03' }], '2026-12-11', { paid: '1000.00', remaining: '0.00', lastPaymentOn: '2026-12-10', status: 'paid' }],
    ['past due, partly paid', [{ amount: '0.10', paidOn: '2026-12-02' }], '2027-01-01', { paid: '0.10', remaining: '999.90', lastPaymentOn: '2026-12-02', status: 'overdue' }],
    ['due today is not overdue', [], '2026-12-31', { paid: '0.00', remaining: '1000.00', lastPaymentOn: null, status: 'open' }],
    ['paid late is paid', [{ amount: '1000', paidOn: '2027-02-01' }], '2027-02-02', { paid: '1000.00', remaining: '0.00', lastPaymentOn: '2027-02-01', status: 'paid' }],
    ['tenths add up exactly', [{ amount: '0.1', paidOn: '2026-12-01' }, { amount: '0.2', paidOn: '2026-12-01' }, { amount: '999.7', paidOn: '2026-12-01' }], '2026-12-02', { paid: '1000.00', remaining: '0.00', lastPaymentOn: '2026-12-01', status: 'paid' }],
  ] as const)('%s', (_case, payments, today, expected) => expect(invoiceStanding(invoice(), payments, today)).toEqual(expected));

  it('has no overdue without a due date', () => expect(invoiceStanding(invoice(null), [], '2030-01-01').status).toBe('open'));
});

describe('fitsCurrency', () => {
  it.each([
    ['12.50', 'CHF', true],
    ['12.505', 'CHF', false],
    ['1200', 'JPY', true],
    ['1200.5', 'JPY', false],
    ['1.125', 'BHD', true],
  ])('%s %s: %s', (value, currency, expected) => expect(fitsCurrency(value, currency)).toBe(expected));
});
