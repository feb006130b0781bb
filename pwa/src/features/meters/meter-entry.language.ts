/**
 * The language a customer chose on the meter page, remembered on the device: the page opens in it
 * on reload and next month (the link changes, the person does not), else in the customer's language.
 */
import { isLanguage, type Language } from '@parc/shared/languages';

export const CHOSEN_LANGUAGE_KEY = 'parc.meters.language';

/** The part of `localStorage` used here; null where the browser refuses storage. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The browser's local storage, or null when it is missing or refused (some private modes throw on access). */
export function deviceStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function chosenLanguage(store: KeyValueStore | null): Language | null {
  try {
    const value = store?.getItem(CHOSEN_LANGUAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(store: KeyValueStore | null, language: Language): void {
  try {
    store?.setItem(CHOSEN_LANGUAGE_KEY, language);
  } catch {
    // Storage full or refused: the choice holds for this visit only.
  }
}

/** The page's first language: the choice made on this device, else the customer's (or, for a dead link, the browser's). */
export function openingLanguage(store: KeyValueStore | null, fallback: Language): Language {
  return chosenLanguage(store) ?? fallback;
}
