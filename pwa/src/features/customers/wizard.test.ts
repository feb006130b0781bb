import { describe, expect, it } from 'vitest';
import {
  availabilityErrors,
  checkInfo,
  checkPrices,
  customerCreateOf,
  emptyInfo,
  nothingSaved,
  plannedSites,
  previewSiteImport,
  pricesInputOf,
  remainingTasks,
  repeatedSiteNames,
  suggestPrefix,
} from './wizard.ts';

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

  it.each([
    [{ customerNumberTaken: false, prefixTaken: false }, {}],
    [
      { customerNumberTaken: true, prefixTaken: false },
      { customerNumber: { code: 'conflict', key: 'customer.number_taken', params: { customerNumber: 'FR1' }, message: '', field: 'customerNumber' } },
    ],
    [
      { customerNumberTaken: true, prefixTaken: true },
      {
        customerNumber: { code: 'conflict', key: 'customer.number_taken', params: { customerNumber: 'FR1' }, message: '', field: 'customerNumber' },
        prefix: { code: 'conflict', key: 'customer.prefix_taken', params: { prefix: 'AL' }, message: '', field: 'prefix' },
      },
    ],
  ])('turns the availability %o into the errors a refused creation would answer', (availability, errors) => {
    expect(availabilityErrors(availability, { ...emptyInfo('fr'), customerNumber: ' FR1 ', prefix: 'AL' })).toEqual(errors);
  });

  const draft = (key: number, name: string) => ({ key, name });
  const imported = (name: string) => ({ name, address: null, postcode: null, city: null, country: null, coordinatorId: null });

  it.each([
    [[draft(1, 'Lille'), draft(2, 'Roubaix')], [imported('Tourcoing')], []],
    [[draft(1, 'Lille'), draft(2, ' lille ')], [], [2]],
    [[draft(1, 'Siège'), draft(2, '')], [imported('SIÈGE')], [1]],
    [[draft(1, ''), draft(2, '')], [], []],
  ])('finds drafts named like another site: %o %o', (drafts, files, repeated) => {
    expect(repeatedSiteNames(drafts, files)).toEqual(repeated);
  });

  it('judges a sites file before the customer exists, against the typed sites and with the new contact as coordinator', () => {
    const csv = 'name,city,coordinator email\nA2,Lille,TLOU@algiz.test\nLille,Lille,\nA3,Lille,other@algiz.test\nA4,Lille,\n';
    const preview = previewSiteImport(csv, { drafts: [draft(1, 'Lille')], imported: [imported('A4')], contactEmail: 'tlou@algiz.test ' });
    expect(preview).toMatchObject({
      lines: [
        { line: 2, status: 'ok', site: { name: 'A2', city: 'Lille' } },
        { line: 3, status: 'error', errors: [{ field: 'name' }] },
        { line: 4, status: 'error', errors: [{ field: 'coordinatorEmail' }] },
        { line: 5, status: 'error', errors: [{ field: 'name' }] },
      ],
    });
  });

  it('answers the keyed error of a file refused as a whole', () => {
    expect(previewSiteImport('city,floor\nLille,2\n', { drafts: [], imported: [], contactEmail: '' })).toEqual({
      error: { code: 'bad_request', key: 'site_import.unknown_column', params: { column: 'floor', field: 'floor' }, message: expect.any(String), field: 'floor' },
    });
  });

  it.each([
    [nothingSaved(), 2, ['customer', 'coordinator', 'sites', 'prices']],
    [nothingSaved(), 0, ['customer', 'coordinator', 'prices']],
    [{ customerId: 'c', coordinatorId: null, sitesCreated: 0, pricesSaved: false }, 2, ['coordinator', 'sites', 'prices']],
    [{ customerId: 'c', coordinatorId: 'k', sitesCreated: 1, pricesSaved: false }, 2, ['sites', 'prices']],
    [{ customerId: 'c', coordinatorId: 'k', sitesCreated: 2, pricesSaved: false }, 2, ['prices']],
    [{ customerId: 'c', coordinatorId: 'k', sitesCreated: 2, pricesSaved: true }, 2, []],
  ])('after %o with %i sites planned, a retry still does %o', (progress, planned, tasks) => {
    expect(remainingTasks(progress, planned)).toEqual(tasks);
  });

  it('plans the typed sites with a name, then the imported ones', () => {
    expect(plannedSites([{ key: 1, name: ' Lille ', city: 'Lille' }, draft(2, '  ')], [{ ...imported('A2'), postcode: '59000', coordinatorId: 'new-contact' }])).toEqual([
      { name: 'Lille', city: 'Lille' },
      { name: 'A2', address: undefined, postcode: '59000', city: undefined, country: undefined },
    ]);
  });
});
