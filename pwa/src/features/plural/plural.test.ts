import { describe, expect, it } from 'vitest';
import { dashboardText } from '../dashboard/messages/index.ts';
import { plural, pluralForm } from './plural.ts';

describe('pluralForm', () => {
  it.each([
    ['en', 0, 'other'],
    ['en', 1, 'one'],
    ['en', 2, 'other'],
    ['de', 1, 'one'],
    ['de', 12, 'other'],
    ['it', 1, 'one'],
    ['it', 1_000_000, 'other'],
    // French counts 0 and 1 in the singular, and a million (CLDR "many") in the plural.
    ['fr', 0, 'one'],
    ['fr', 1, 'one'],
    ['fr', 2, 'other'],
    ['fr', 1_000_000, 'other'],
  ] as const)('%s %d -> %s', (language, count, form) => {
    expect(pluralForm(language, count)).toBe(form);
  });
});

describe('the location requests tile', () => {
  const label = (language: 'fr' | 'de' | 'it' | 'en', count: number) =>
    dashboardText[language][plural(language, count, { one: 'dashboard.locationRequests.one', other: 'dashboard.locationRequests.other' } as const)];

  it('says "request" for one and "requests" for more, in every language', () => {
    expect([label('en', 1), label('en', 2)]).toEqual(['Location request', 'Location requests']);
    expect([label('de', 1), label('de', 2)]).toEqual(['Standortanfrage', 'Standortanfragen']);
    expect([label('it', 1), label('it', 3)]).toEqual(['Richiesta di ubicazione', 'Richieste di ubicazione']);
    expect([label('fr', 0), label('fr', 1), label('fr', 2)]).toEqual(['Demande d’emplacement', 'Demande d’emplacement', 'Demandes d’emplacement']);
  });
});
