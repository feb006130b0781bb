/**
 * The pseudo-locale, for the crawler: every text that comes from a catalogue (the app's, a
 * feature's, or the shared ones rendered here) is wrapped in ⟦…⟧, so any text on a screen that
 * did not come from a catalogue stands out. Turned on per browser with
 * localStorage 'parc.pseudo-locale' = '1'; off for everyone else.
 */
let enabled = false;

export const PSEUDO_LOCALE_KEY = 'parc.pseudo-locale';

/** Whether this browser asked for the pseudo-locale; a browser with storage turned off did not. */
export function pseudoLocaleRequested(): boolean {
  try {
    return globalThis.localStorage?.getItem(PSEUDO_LOCALE_KEY) === '1';
  } catch {
    return false;
  }
}

export function enablePseudoLocale(on: boolean): void {
  enabled = on;
}

/** A catalogue text as the screen shows it: wrapped in the pseudo-locale, as is otherwise. */
export function fromCatalogue(text: string): string {
  return enabled ? `⟦${text}⟧` : text;
}
