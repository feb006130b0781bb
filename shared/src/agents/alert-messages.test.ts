import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../languages.ts';
import { alertText } from './alert-messages.ts';

describe('alert texts in the user’s language', () => {
  it.each([
    [{ group: 'status', code: 'noPaper', description: 'noPaper' }, 'de', 'Kein Papier'],
    [{ group: 'cover', code: 'coverOpen', description: 'Front cover open' }, 'it', 'Coperchio aperto'],
    [{ group: 'input', code: 'subunitEmpty', description: 'Tray 2 empty' }, 'fr', 'Bac papier : Vide'],
    [{ group: 'input', code: 'subunitEmpty', description: 'Tray 2 empty' }, 'en', 'Paper tray: Empty'],
    [{ group: 'marker', code: 'jam', description: 'Fuser jam' }, 'de', 'Druckwerk: Stau'],
    [{ group: 'alert', code: 'subunitEmpty', description: '' }, 'en', 'Empty'],
    // Unknown to Parc: the printer's own words, then the raw group and code.
    [{ group: 'generalPrinter', code: 'code 40000', description: 'Sleep mode' }, 'fr', 'Sleep mode'],
    [{ group: 'generalPrinter', code: 'code 40000', description: '  ' }, 'fr', 'generalPrinter code 40000'],
  ] as const)('%o in %s', (alert, language, text) => {
    expect(alertText(alert, alert.description, language)).toBe(text);
  });

  it('words every known code differently per language where the languages differ', () => {
    for (const code of ['noToner', 'markerTonerAlmostEmpty', 'serviceRequested']) {
      const texts = LANGUAGES.map((language) => alertText({ group: 'status', code }, 'x', language));
      expect(new Set(texts).size).toBe(LANGUAGES.length);
    }
  });
});
