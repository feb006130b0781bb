import { describe, expect, it } from 'vitest';
import { checkInfo, checkPrices, customerCreateOf, emptyInfo, pricesInputOf, suggestPrefix } from './wizard.ts';

const contact = { name: 'Théophile Lou', email: 'tlou@algiz.test', phone: '' };

describe('add-customer wizard rules', () => {
  it.each([
    ['Algiz Technologie', 'AT'],
    ['Isola', 'ISO'],
    ['École des Arts et Métiers 2', 'EDAE'],
    ['  ', ''],
  ])('suggests a prefix for %s', (name, prefix) => {
    expect(suggestPrefix(name)).toBe(prefix);
  });

  it.each([
    [{}, contact, { info: { name: 'required', customerNumber: 'required', prefix: 'required' }, contact: {} }],
    [{ name: 'A', customerNumber: '1', prefix: 'al' }, contact, { info: { prefix: 'format' }, contact: {} }],
    [{ name: 'A', customerNumber: '1', prefix: 'AL', country: 'Suisse' }, { ...contact, email: 'nope' }, { info: { country: 'format' }, contact: { email: 'format' } }],
    [{ name: 'A', customerNumber: '1', prefix: 'AL' }, { name: '', email: '', phone: '' }, { info: {}, contact: { name: 'required', email: 'required' } }],
  ])('checks information %o', (overrides, contactInfo, errors) => {
    expect(checkInfo({ ...emptyInfo('fr'), ...overrides }, contactInfo)).toEqual(errors);
  });

  it.each([
    [{ currency: 'EUR', monoPrice: '0.10', colourPrice: '0,2', scanPrice: '0' }, {}],
    [{ currency: 'eur', monoPrice: '', colourPrice: '-1', scanPrice: '0.12345' }, { currency: 'format', monoPrice: 'required', colourPrice: 'format', scanPrice: 'format' }],
  ])('checks prices %o', (prices, errors) => {
    expect(checkPrices(prices)).toEqual(errors);
  });

  it('builds the API bodies with blanks dropped and decimal commas as points', () => {
    expect(customerCreateOf({ ...emptyInfo('de'), name: ' Algiz ', customerNumber: 'FR1', prefix: 'AL', country: 'fr', city: 'Lille' }, 'EUR')).toEqual({
      name: 'Algiz',
      customerNumber: 'FR1',
      prefix: 'AL',
      language: 'de',
      country: 'FR',
      address: undefined,
      postcode: undefined,
      city: 'Lille',
      taxNumber: undefined,
      activity: undefined,
      currency: 'EUR',
    });
    expect(pricesInputOf({ currency: 'EUR', monoPrice: '0,1', colourPrice: '0.2', scanPrice: '0' })).toMatchObject({ model: 'per_page', currency: 'EUR', defaults: { prices: { mono: '0.1', colour: '0.2', scan: '0' }, included: { mono: 0, colour: 0, scan: 0 }, fixedFee: '0' } });
  });
});
