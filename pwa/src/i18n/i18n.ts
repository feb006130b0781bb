import { createSignal, type Accessor } from 'solid-js';
import type { MessageKey } from './catalogue.ts';
import type { Language } from '@parc/shared/languages';
import { catalogues, translate, type MessageParams } from './translate.ts';

export interface I18n {
  language: Accessor<Language>;
  setLanguage(language: Language): void;
  /** Reactive: text read through `t` follows the current language. */
  t(key: MessageKey, params?: MessageParams): string;
}

export function createI18n(initial: Language): I18n {
  const [language, setLanguage] = createSignal<Language>(initial);
  return {
    language,
    setLanguage,
    t: (key, params) => translate(catalogues[language()], key, params),
  };
}
