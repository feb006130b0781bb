import { LANGUAGE_LOCALES, type Language } from '../languages.ts';
import { messageFormat, type MessageFormat } from '../meters/messages.ts';

/**
 * What an error text needs beyond the meters' formats: grouped numbers, instants, file sizes,
 * lists, plurals and the language's quotation marks, all through Intl.
 */
export interface ErrorFormat extends MessageFormat {
  /** A quantity, grouped as the language groups thousands. */
  number(value: number): string;
  /** An ISO instant as a date and time, with the time zone named (the reader's on a client). */
  instant(iso: string): string;
  /** A byte size in kB or MB (1024 bytes a kB; from a million bytes on, MB), in the language's abbreviation. */
  size(bytes: number): string;
  /** 'a, b and c' or, with 'or', 'a, b or c'. */
  list(items: readonly string[], joiner?: 'and' | 'or'): string;
  /** The form for `count` ('#' stands for the number), as the language's plural rules choose. */
  plural(count: number, forms: { one: string; other: string }): string;
  /** A name or value as the language quotes it. */
  quote(text: string): string;
}

const QUOTES: Record<Language, (text: string) => string> = {
  fr: (text) => `« ${text} »`,
  de: (text) => `«${text}»`,
  it: (text) => `«${text}»`,
  en: (text) => `“${text}”`,
};

const formats = new Map<Language, ErrorFormat>();

/** The formats of one language, made once (Intl formatters are costly to build). */
export function errorFormat(language: Language): ErrorFormat {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = makeFormat(language)));
  return format;
}

function makeFormat(language: Language): ErrorFormat {
  const locale = LANGUAGE_LOCALES[language];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const instant = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  const kilobytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
  const megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const lists = {
    and: new Intl.ListFormat(locale, { type: 'conjunction' }),
    or: new Intl.ListFormat(locale, { type: 'disjunction' }),
  };
  const plurals = new Intl.PluralRules(locale);
  return {
    ...messageFormat(language),
    number: (value) => number.format(value),
    instant: (iso) => instant.format(new Date(iso)),
    size: (bytes) => (bytes >= 1_000_000 ? megabytes.format(bytes / 1024 / 1024) : kilobytes.format(bytes / 1024)),
    list: (items, joiner = 'and') => lists[joiner].format(items),
    plural: (count, forms) => (plurals.select(count) === 'one' ? forms.one : forms.other).replaceAll('#', number.format(count)),
    quote: QUOTES[language],
  };
}
