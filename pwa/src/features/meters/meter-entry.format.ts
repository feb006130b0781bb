/** Dates, counts and periods as the customer reads them: in their language and their dealer's time zone. */
import { LANGUAGE_LOCALES, type Language } from '@parc/shared/languages';
import { messageFormat, type MessageFormat } from '@parc/shared/meters/messages';
import { localDateKey } from '@parc/shared/meters/periods';

export interface EntryFormat extends MessageFormat {
  /** The local date of an instant in the page's time zone, e.g. '08.09.2014'. */
  dayOf(instant: string): string;
  /** A period '2014-08' as 'août 2014'. */
  period(periodKey: string): string;
}

export function entryFormat(language: Language, timeZone: string): EntryFormat {
  const base = messageFormat(language);
  const monthYear = new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    ...base,
    dayOf: (instant) => base.date(localDateKey(new Date(instant), timeZone)),
    period: (periodKey) => monthYear.format(new Date(`${periodKey}-01T00:00:00Z`)),
  };
}
