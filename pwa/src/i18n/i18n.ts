import { createSignal, type Accessor } from 'solid-js';
import type { MessageKey } from './catalogue.ts';
import type { Language } from '@parc/shared/languages';
import { isLanguageLoaded, loadLanguage } from './texts.ts';
import { catalogues, translate, type MessageParams } from './translate.ts';

export interface I18n {
  language: Accessor<Language>;
  /**
   * Fetches the language's texts, then switches to it: until then the screen stays in the current
   * language (never keys). The last call wins over one still loading; a language that cannot be
   * fetched (offline, never precached) leaves the current one.
   */
  setLanguage(language: Language): Promise<void>;
  /** Reactive: text read through `t` follows the current language. */
  t(key: MessageKey, params?: MessageParams): string;
}

/** Where a language's texts come from (texts.ts; tests hand a slow one). */
export interface LanguageLoader {
  loaded(language: Language): boolean;
  load(language: Language): Promise<void>;
}

/** `initial` must be loaded already (index.tsx awaits it before the first render). */
export function createI18n(initial: Language, texts: LanguageLoader = { loaded: isLanguageLoaded, load: loadLanguage }): I18n {
  const [language, setShown] = createSignal<Language>(initial);
  let wanted = initial;
  return {
    language,
    async setLanguage(next) {
      wanted = next;
      // Already here (the session loads the user's before showing them signed in): switch in the same pass.
      if (texts.loaded(next)) {
        setShown(next);
        return;
      }
      try {
        await texts.load(next);
      } catch (error) {
        console.error(`The ${next} texts could not be loaded; the screen stays in ${language()}.`, error);
        return;
      }
      if (wanted === next) setShown(next);
    },
    t: (key, params) => translate(catalogues[language()], key, params),
  };
}
