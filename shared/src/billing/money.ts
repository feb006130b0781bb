import Decimal from 'decimal.js';

/**
 * Money is exact: unit prices are decimal strings with as many places as a dealer needs (a page
 * can cost 0.0085), computed with decimal.js, never binary floats. Rounding happens once per
 * invoice line, to the currency's minor unit, half away from zero (commercial rounding).
 */

export type Amount = Decimal;

export const ZERO = new Decimal(0);

/** A price or amount as the API carries it: a plain decimal string such as "0.0085" or "12.5". */
export const DECIMAL_PATTERN = /^-?\d{1,12}(\.\d{1,6})?$/;

export function amount(value: string | number): Amount {
  return new Decimal(value);
}

// Building an Intl.NumberFormat per line was a tenth of a large billing run: the few currencies in use are remembered.
const digitsByCurrency = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (CHF 2, JPY 0, BHD 3), from Intl. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** One invoice line's amount, rounded once to the currency's minor unit. */
export function roundLine(value: Amount, currency: string): Amount {
  return value.toDecimalPlaces(minorDigits(currency), Decimal.ROUND_HALF_UP);
}

/** The amount as the API and exports carry it: fixed minor digits ("86723.20"). */
export function formatAmount(value: Amount, currency: string): string {
  return value.toFixed(minorDigits(currency));
}
