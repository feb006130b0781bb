import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '@parc/shared/languages';
import { catalogues, pickLanguage, translate } from './translate.ts';

describe('pickLanguage', () => {
  it.each<[string | null | undefined, string[], Language]>([
    ['de', ['en-US'], 'de'],
    ['it-CH', [], 'it'],
    [null, ['de-CH', 'fr-CH'], 'de'],
    [undefined, ['es-ES', 'en-GB'], 'en'],
    ['es', ['pt-BR'], 'fr'],
    [null, [], 'fr'],
    ['EN', [], 'en'],
  ])('user %j with browser %j gives %s', (userLanguage, browserLanguages, expected) => {
    expect(pickLanguage(userLanguage, browserLanguages)).toBe(expected);
  });
});

describe('translate', () => {
  it.each<[Language, string]>([
    ['fr', 'Connecté en tant que Anne (anne@x.test)'],
    ['de', 'Angemeldet als Anne (anne@x.test)'],
    ['it', 'Accesso effettuato come Anne (anne@x.test)'],
    ['en', 'Signed in as Anne (anne@x.test)'],
  ])('fills placeholders in %s', (language, expected) => {
    expect(translate(catalogues[language], 'home.signedInAs', { name: 'Anne', email: 'anne@x.test' })).toBe(expected);
  });

  it('leaves a placeholder without value visible', () => {
    expect(translate(catalogues.en, 'home.signedInAs', { name: 'Anne' })).toBe('Signed in as Anne ({email})');
  });

  it.each(LANGUAGES)('%s keeps the same placeholders as French in every message', (language) => {
    const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).sort();
    for (const [key, text] of Object.entries(catalogues.fr)) {
      expect(placeholders(catalogues[language][key as keyof typeof catalogues.fr]), key).toEqual(placeholders(text));
    }
  });
});
