/** Numbers and dates as the console shows them, in the reader's locale. */
import { LANGUAGE_LOCALES, type Language } from '@parc/shared/languages';

export function formatCount(language: Language, value: number): string {
  return new Intl.NumberFormat(LANGUAGE_LOCALES[language]).format(value);
}

export function formatDateTime(language: Language, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** A local date 'YYYY-MM-DD' with its year, as the language writes it ("04.09.2022", "04/09/2022"); "—" for none. */
export function formatDate(language: Language, localDate: string | null): string {
  if (!localDate) return '—';
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${localDate}T00:00:00Z`));
}

/** 'YYYY-MM' as "nov. 2026" in the reader's language; 'YYYY-MM-DD' as a short date. */
export function formatBucket(language: Language, key: string): string {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number | undefined];
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', year: '2-digit', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], options).format(date);
}

/** The local date 'YYYY-MM-DD' of a Date, as the statistics API takes it. */
export function isoDate(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
