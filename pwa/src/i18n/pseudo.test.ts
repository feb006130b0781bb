import { afterEach, describe, expect, it } from 'vitest';
import { enablePseudoLocale, fromCatalogue, pseudoLocaleRequested } from './pseudo.ts';
import { catalogues, translate } from './translate.ts';

describe('the pseudo-locale', () => {
  afterEach(() => enablePseudoLocale(false));

  it('wraps every catalogue text, parameters filled inside', () => {
    enablePseudoLocale(true);
    expect(fromCatalogue('Total')).toBe('⟦Total⟧');
    expect(translate(catalogues.en, 'app.loading')).toBe(`⟦${catalogues.en['app.loading']}⟧`);
  });

  it('changes nothing for everyone else', () => {
    expect(fromCatalogue('Total')).toBe('Total');
    expect(translate(catalogues.de, 'app.loading')).toBe(catalogues.de['app.loading']);
  });

  it('is not requested where storage is turned off (reading it throws)', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: () => { throw new Error('SecurityError'); } });
    try {
      expect(pseudoLocaleRequested()).toBe(false);
    } finally {
      if (original) Object.defineProperty(globalThis, 'localStorage', original);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
