import { describe, expect, it } from 'vitest';
import type { Language } from '@parc/shared/languages';
import { createI18n } from './i18n.ts';

/** A loader whose fetches the test answers one by one, as a slow network would. */
function slowLoader() {
  const pending = new Map<Language, { resolve(): void; reject(error: Error): void }>();
  const load = (language: Language) => new Promise<void>((resolve, reject) => void pending.set(language, { resolve, reject }));
  return { texts: { loaded: () => false, load }, answer: (language: Language) => pending.get(language)!.resolve(), fail: (language: Language) => pending.get(language)!.reject(new Error('offline')) };
}

describe('createI18n', () => {
  it('keeps the current language on screen until the new one is loaded, then switches', async () => {
    const network = slowLoader();
    const i18n = createI18n('fr', network.texts);
    const switched = i18n.setLanguage('de');
    expect(i18n.language()).toBe('fr');
    expect(i18n.t('app.loading')).toBe('Chargement…');
    network.answer('de');
    await switched;
    expect(i18n.language()).toBe('de');
    expect(i18n.t('app.loading')).toBe('Wird geladen…');
  });

  it('shows the last language asked for when an earlier one arrives later', async () => {
    const network = slowLoader();
    const i18n = createI18n('fr', network.texts);
    const toGerman = i18n.setLanguage('de');
    const toItalian = i18n.setLanguage('it');
    network.answer('it');
    await toItalian;
    network.answer('de');
    await toGerman;
    expect(i18n.language()).toBe('it');
  });

  it('switches in the same pass when the language is already loaded', () => {
    const i18n = createI18n('fr', { loaded: () => true, load: () => Promise.reject(new Error('not asked')) });
    void i18n.setLanguage('en');
    expect(i18n.language()).toBe('en');
  });

  it('stays in the current language when the new one cannot be fetched', async () => {
    const network = slowLoader();
    const i18n = createI18n('en', network.texts);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const switched = i18n.setLanguage('it');
      network.fail('it');
      await switched;
    } finally {
      console.error = original;
    }
    expect(i18n.language()).toBe('en');
    expect(errors).toHaveLength(1);
  });
});
