/**
 * The app's texts, one chunk per language (`languages/<language>.ts`): a reader downloads their own
 * language only, and the service worker precaches all four, so a switch also works offline.
 * `loadLanguage` fetches a language before it is shown (index.tsx before the first render, i18n.ts
 * before a switch takes effect); `catalogueOf` hands a feature its catalogue in the loaded languages.
 */
import { LANGUAGES, type Language, type Translations } from '@parc/shared/languages';
import type { texts as frenchTexts } from './languages/fr.ts';

type French = typeof frenchTexts;
/** Every catalogue of one language by name: French's list and keys, which every language must match. */
export type LanguageTexts = { readonly [Name in keyof French]: { readonly [Key in keyof French[Name]]: string } };

/** Literal imports, so that the bundler makes one chunk of each language. */
const chunks: Record<Language, () => Promise<{ texts: LanguageTexts }>> = {
  fr: () => import('./languages/fr.ts'),
  de: () => import('./languages/de.ts'),
  it: () => import('./languages/it.ts'),
  en: () => import('./languages/en.ts'),
};

const loaded: Partial<Record<Language, LanguageTexts>> = {};
const loading = new Map<Language, Promise<void>>();

/** Fetches a language's texts once; a failed fetch (offline before the worker precached it) may be tried again. */
export function loadLanguage(language: Language): Promise<void> {
  if (loaded[language]) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = chunks[language]().then(
      (module) => {
        loaded[language] = module.texts;
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

export function isLanguageLoaded(language: Language): boolean {
  return loaded[language] !== undefined;
}

function textsIn(language: Language): LanguageTexts {
  const texts = loaded[language];
  if (!texts) throw new Error(`The ${language} texts were read before loadLanguage('${language}') finished.`);
  return texts;
}

/**
 * One catalogue in every language, as a feature's `messages/index.ts` exports it: reading a language
 * that was not loaded throws, so a screen can never show keys or another language instead.
 */
export function catalogueOf<Name extends keyof LanguageTexts>(name: Name): Translations<LanguageTexts[Name]> {
  const catalogue = {} as Translations<LanguageTexts[Name]>;
  for (const language of LANGUAGES) Object.defineProperty(catalogue, language, { enumerable: true, get: () => textsIn(language)[name] });
  return catalogue;
}
