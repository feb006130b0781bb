import { DEFAULT_LANGUAGE, isLanguage, type Language, type Translations } from '@parc/shared/languages';
import type { Catalogue, MessageKey } from './catalogue.ts';
import { fromCatalogue } from './pseudo.ts';
import { catalogueOf } from './texts.ts';

/** The app's catalogue, readable in the languages loaded so far (texts.ts). */
export const catalogues: Translations<Catalogue> = catalogueOf('app');

/** Each language's own name, for the switcher: a person finds their language even in a page they can't read. */
export const languageNames: Translations = { fr: 'Français', de: 'Deutsch', it: 'Italiano', en: 'English' };

/** The supported language of a tag such as 'de-CH', if any. */
export function asLanguage(tag: string | null | undefined): Language | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

/** The user's language, else the first supported browser language, else French. */
export function pickLanguage(userLanguage: string | null | undefined, browserLanguages: readonly string[]): Language {
  return asLanguage(userLanguage) ?? browserLanguages.map(asLanguage).find((language) => language !== undefined) ?? DEFAULT_LANGUAGE;
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a placeholder without a value stays visible so the gap is noticed. */
export function translate(catalogue: Catalogue, key: MessageKey, params: MessageParams = {}): string {
  return fromCatalogue(catalogue[key]).replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}
