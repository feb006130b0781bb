import { describe, expect, it } from 'vitest';
import { CHOSEN_LANGUAGE_KEY, chosenLanguage, openingLanguage, rememberLanguage, type KeyValueStore } from './meter-entry.language.ts';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { values: Record<string, string> } {
  const values = { ...initial };
  return {
    values,
    getItem: (key) => values[key] ?? null,
    setItem: (key, value) => {
      values[key] = value;
    },
  };
}

const refusing: KeyValueStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('the language chosen on the meter page', () => {
  it('opens in the customer’s language until the person chooses one, then in their choice', () => {
    const store = memoryStore();
    expect(openingLanguage(store, 'fr')).toBe('fr');
    rememberLanguage(store, 'de');
    expect(store.values[CHOSEN_LANGUAGE_KEY]).toBe('de');
    expect(openingLanguage(store, 'fr')).toBe('de');
  });

  it.each([['es'], [''], ['DE'], ['<script>']])('ignores a stored %j that is not one of Parc’s languages', (stored) => {
    expect(chosenLanguage(memoryStore({ [CHOSEN_LANGUAGE_KEY]: stored }))).toBeNull();
    expect(openingLanguage(memoryStore({ [CHOSEN_LANGUAGE_KEY]: stored }), 'it')).toBe('it');
  });

  it('works without storage, or with a storage that refuses access', () => {
    expect(openingLanguage(null, 'en')).toBe('en');
    expect(openingLanguage(refusing, 'en')).toBe('en');
    expect(() => rememberLanguage(refusing, 'de')).not.toThrow();
    expect(() => rememberLanguage(null, 'de')).not.toThrow();
  });
});
