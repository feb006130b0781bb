import { describe, expect, it } from 'vitest';
import { countryCodes, currencyCodes, isCountryCode, isCurrencyCode } from './codes.ts';

describe('country codes', () => {
  it.each([
    ['CH', true],
    ['DE', true],
    ['LI', true],
    ['IT', true],
    ['ch', false],
    ['CHE', false],
    ['', false],
    ['ZZ', false],
    ['EU', false],
    ['UN', false],
    ['XK', true],
    ['XA', false],
    ['QO', false],
    ['AA', false],
  ])('%s is a country: %s', (code, expected) => {
    expect(isCountryCode(code)).toBe(expected);
  });

  it('lists the countries once each, the usual ones included', () => {
    const codes = countryCodes();
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThan(200);
    expect(codes).toEqual(expect.arrayContaining(['AT', 'CH', 'DE', 'FR', 'IT', 'LI', 'LU']));
    expect(codes.every(isCountryCode)).toBe(true);
  });
});

describe('currency codes', () => {
  it.each([
    ['CHF', true],
    ['EUR', true],
    ['USD', true],
    ['chf', false],
    ['CH', false],
    ['ABC', false],
    ['', false],
  ])('%s is a currency: %s', (code, expected) => {
    expect(isCurrencyCode(code)).toBe(expected);
  });

  it('offers the currencies a dealer in Switzerland and its neighbours bills in', () => {
    for (const code of ['CHF', 'EUR', 'GBP', 'USD']) expect(currencyCodes().has(code)).toBe(true);
  });
});
