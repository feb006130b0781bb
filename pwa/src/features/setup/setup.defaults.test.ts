import { describe, expect, it } from 'vitest';
import { defaultCountry, defaultTimeZone, suggestedCurrency } from './setup.defaults.ts';

describe('what the setup form proposes', () => {
  it.each([
    [['de-CH', 'de'], 'CH'],
    [['fr-FR'], 'FR'],
    [['it', 'en-GB'], 'GB'],
    [['en'], 'CH'],
    [['en-419'], 'CH'],
    [[], 'CH'],
  ])('the country from the browser languages %j is %s', (languages, expected) => {
    expect(defaultCountry(languages)).toBe(expected);
  });

  it.each([
    ['CH', 'CHF'],
    ['LI', 'CHF'],
    ['DE', 'EUR'],
    ['IT', 'EUR'],
    ['GB', 'GBP'],
    ['JP', undefined],
  ])('a dealer in %s bills in %s', (country, expected) => {
    expect(suggestedCurrency(country)).toBe(expected);
  });

  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['UTC', 'Europe/Zurich'],
    [undefined, 'Europe/Zurich'],
    ['Mars/Olympus', 'Europe/Zurich'],
  ])('the time zone from the browser %s is %s', (zone, expected) => {
    expect(defaultTimeZone(zone)).toBe(expected);
  });
});
