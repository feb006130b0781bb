import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the module: nothing loaded yet (the test setup loads every language into the shared one). */
async function freshTexts() {
  vi.resetModules();
  return import('./texts.ts');
}

describe('catalogueOf', () => {
  it('reads only the languages loaded, and throws rather than show keys for the others', async () => {
    const { catalogueOf, loadLanguage } = await freshTexts();
    const app = catalogueOf('app');
    expect(() => app.de['app.loading']).toThrow(/de texts were read before loadLanguage/);
    await loadLanguage('de');
    expect(app.de['app.loading']).toBe('Wird geladen…');
    expect(() => app.fr).toThrow(/fr texts/);
  });

  it('gives a feature its own catalogue from the same language chunk', async () => {
    const { catalogueOf, loadLanguage } = await freshTexts();
    await loadLanguage('it');
    expect(catalogueOf('console').it['console.retry']).toBe('Riprovare');
  });
});
