/**
 * Languages Parc speaks to customers and dealers. French is the default (the first dealers are
 * in Romandy); each language maps to the locale used for dates and numbers.
 */
export const LANGUAGES = ['fr', 'de', 'it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'fr';

export const LANGUAGE_LOCALES: Record<Language, string> = {
  fr: 'fr-CH',
  de: 'de-CH',
  it: 'it-CH',
  en: 'en-GB',
};

/** A text in every language; a missing language fails type-check. */
export type Translations<T = string> = Record<Language, T>;

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
