import { describe, expect, it } from 'vitest';
import type { BillingLine } from '@parc/shared/contracts/billing';
import type { Language } from '@parc/shared/languages';
import { formatDay, formatPeriod, formatPeriodRange, groupRunLines, moneyFormat, previousPeriod } from './billing.format.ts';

/** Intl's spaces (narrow, no-break) and Swiss apostrophes as plain characters, to compare with readable text. */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ').replace(/\u2019/g, "'");

describe('moneyFormat', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'CHF', '86723.20', 'CHF 86,723.20'],
    ['de', 'CHF', '1234567890.05', "CHF 1'234'567'890.05"],
    ['fr', 'EUR', '75028.00', '75 028.00 €'],
    ['it', 'EUR', '0.00', '€ 0.00'],
    ['en', 'JPY', '12345', 'JP¥12,345'],
  ])('%s %s: %s → %s', (language, currency, amount, text) => {
    expect(plain(moneyFormat(language, currency).amount(amount))).toBe(text);
  });

  it('keeps every digit of a large amount and a unit price’s own decimals', () => {
    const money = moneyFormat('en', 'CHF');
    expect(plain(money.amount('999999999999.99'))).toBe('CHF 999,999,999,999.99');
    expect(plain(money.unitPrice('0.0085'))).toBe('CHF 0.0085');
    expect(plain(money.unitPrice('0.105'))).toBe('CHF 0.105');
    expect(plain(money.unitPrice('25'))).toBe('CHF 25.00');
  });
});

describe('periods', () => {
  it('writes a month and a quarter from the instants the server sends', () => {
    expect(formatPeriodRange('en', '2026-04-30T22:00:00.000Z', '2026-05-31T22:00:00.000Z')).toBe('May 2026');
    expect(formatPeriodRange('fr', '2026-03-31T22:00:00.000Z', '2026-06-30T22:00:00.000Z')).toMatch(/^avril\s?–\s?juin 2026$/);
    expect(formatPeriod('de', '2026-12')).toBe('Dezember 2026');
    expect(formatDay('it', '2026-05-28')).toBe('28 maggio');
  });

  it.each([
    ['2026-06-10T10:00:00Z', 'Europe/Zurich', '2026-05'],
    ['2026-01-01T00:30:00Z', 'Europe/Zurich', '2025-12'],
    ['2025-12-31T23:30:00Z', 'Europe/Zurich', '2025-12'],
    ['2025-12-31T23:30:00Z', 'UTC', '2025-11'],
  ])('previousPeriod(%s in %s) is %s', (now, timeZone, period) => {
    expect(previousPeriod(new Date(now), timeZone)).toBe(period);
  });
});

describe('groupRunLines', () => {
  const line = (fields: Partial<BillingLine>): BillingLine => ({
    kind: 'pages',
    deviceId: null,
    deviceCode: null,
    deviceModel: null,
    counter: null,
    poolId: null,
    supplyModel: null,
    startValue: null,
    endValue: null,
    estimated: false,
    quantity: 0,
    included: 0,
    billed: 0,
    unitPrice: null,
    amount: null,
    adjustsPeriod: null,
    ...fields,
  });

  it('puts each device’s lines together in the run’s order, and the customer-level ones apart', () => {
    const a = { deviceId: 'a', deviceCode: 'AZ-1', deviceModel: 'Canon C3550' };
    const b = { deviceId: 'b', deviceCode: 'AZ-2', deviceModel: 'HP M528' };
    const lines = [line({ ...a, counter: 'mono' }), line({ ...b, counter: 'mono' }), line({ kind: 'tiered', counter: 'mono' }), line({ ...a, kind: 'fixed_fee' }), line({ kind: 'minimum' })];
    const grouped = groupRunLines(lines);
    expect(grouped.devices.map((device) => [device.deviceCode, device.lines.map((each) => each.kind)])).toEqual([
      ['AZ-1', ['pages', 'fixed_fee']],
      ['AZ-2', ['pages']],
    ]);
    expect(grouped.customer.map((each) => each.kind)).toEqual(['tiered', 'minimum']);
  });
});
