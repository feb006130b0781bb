import { LANGUAGE_LOCALES, parsePeriod, type Language, type PeriodKey } from '@parc/shared';

/** Dates, periods and durations as a customer reads them, in their language and time zone. */

export function formatLongDate(instant: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(instant);
}

/**
 * The last valid day of something that expires at `expiresAt` (exclusive): an expiry at local
 * midnight means the day before is the last one.
 */
export function formatLastValidDay(expiresAt: Date, language: Language, timeZone: string): string {
  return formatLongDate(new Date(expiresAt.getTime() - 1), language, timeZone);
}

export function formatPeriod(period: PeriodKey, language: Language): string {
  const { year, month } = parsePeriod(period);
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
}

export function formatDuration(minutes: number, language: Language): string {
  const [value, unit] = minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(LANGUAGE_LOCALES[language], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** A local date 'YYYY-MM-DD' as a day and month ("28 November", "28. November"). */
export function formatDayMonth(localDate: string, language: Language): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${localDate}T00:00:00Z`));
}

/** Two local dates as a range of days ("1–30 November", "1 October – 31 December"). */
export function formatDayRange(firstDay: string, lastDay: string, language: Language): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatRange(
    new Date(`${firstDay}T00:00:00Z`),
    new Date(`${lastDay}T00:00:00Z`),
  );
}

/** A count grouped the language's way ("11,200", "11'200"). */
export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(LANGUAGE_LOCALES[language], { maximumFractionDigits: 0 }).format(value);
}

/** A level in percent (0–100), whole, the language's way ("19 %", "19%"). */
export function formatPercent(value: number, language: Language): string {
  return new Intl.NumberFormat(LANGUAGE_LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}
