/**
 * How the billing screens write money, periods and a run's lines. Amounts travel as decimal strings
 * and go to Intl as they are: no binary float between the server's figure and the screen.
 */
import type { BillingLine } from '@parc/shared/contracts/billing';
import { LANGUAGE_LOCALES, type Language } from '@parc/shared/languages';
import { addMonths, periodKeyAt } from '@parc/shared/meters/periods';

export interface MoneyFormat {
  /** An amount with the currency's minor digits ("CHF 1,234.50"). */
  amount(value: string): string;
  /** A unit price with as many decimals as it has, at least the currency's ("CHF 0.0085"). */
  unitPrice(value: string): string;
}

export function moneyFormat(language: Language, currency: string): MoneyFormat {
  const locale = LANGUAGE_LOCALES[language];
  const amount = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const unitPrice = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 6 });
  return {
    amount: (value) => amount.format(value as Intl.StringNumericLiteral),
    unitPrice: (value) => unitPrice.format(value as Intl.StringNumericLiteral),
  };
}

const HALF_DAY_MS = 12 * 3_600_000;

/**
 * A billing period from its first instant to its (exclusive) end, as months: "May 2026", or
 * "April – June 2026" for a quarter. The instants are local midnights of the customer's zone; half a
 * day inside them is the right month whatever the reader's zone.
 */
export function formatPeriodRange(language: Language, start: string, end: string): string {
  const months = new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const first = new Date(new Date(start).getTime() + HALF_DAY_MS);
  const last = new Date(new Date(end).getTime() - HALF_DAY_MS);
  return months.formatRange(first, last);
}

/** A period key ('2026-05') as its month: "May 2026". */
export function formatPeriod(language: Language, key: string): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${key}-15T00:00:00Z`));
}

/** A local date ('2026-05-28') as the language writes it with its month: "28 May". */
export function formatDay(language: Language, localDate: string): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${localDate}T00:00:00Z`));
}

/** The month before the one `now` falls in, in `timeZone`: the period a clerk usually bills. */
export function previousPeriod(now: Date, timeZone: string): string {
  return addMonths(periodKeyAt(now, timeZone), -1);
}

export interface DeviceLines {
  deviceId: string;
  deviceCode: string;
  deviceModel: string;
  lines: BillingLine[];
}

/** A run's lines as the detail shows them: per device in the run's order, then the customer-level ones. */
export function groupRunLines(lines: readonly BillingLine[]): { devices: DeviceLines[]; customer: BillingLine[] } {
  const devices = new Map<string, DeviceLines>();
  const customer: BillingLine[] = [];
  for (const line of lines) {
    if (line.deviceId === null) {
      customer.push(line);
      continue;
    }
    const device = devices.get(line.deviceId) ?? { deviceId: line.deviceId, deviceCode: line.deviceCode ?? '', deviceModel: line.deviceModel ?? '', lines: [] };
    device.lines.push(line);
    devices.set(line.deviceId, device);
  }
  return { devices: [...devices.values()], customer };
}
