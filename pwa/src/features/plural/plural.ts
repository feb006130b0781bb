/** Which of a text's two forms a count takes in the reader's language ("1 request", "2 requests"), by the locale's plural rules. */
import { LANGUAGE_LOCALES, type Language } from '@parc/shared/languages';

export type PluralForm = 'one' | 'other';

const rules = new Map<Language, Intl.PluralRules>();

/**
 * 'one' where the language says so (French also for 0 and 1.5), 'other' otherwise: the catalogues
 * keep two forms, and the categories none of our languages need for a count of things (few, many…)
 * read as 'other'.
 */
export function pluralForm(language: Language, count: number): PluralForm {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(LANGUAGE_LOCALES[language]);
    rules.set(language, rule);
  }
  return rule.select(count) === 'one' ? 'one' : 'other';
}

/** The form of `forms` for `count`. */
export function plural<T>(language: Language, count: number, forms: Readonly<Record<PluralForm, T>>): T {
  return forms[pluralForm(language, count)];
}
