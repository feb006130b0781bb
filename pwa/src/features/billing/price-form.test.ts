import { describe, expect, it } from 'vitest';
import { emptyPriceList } from '@parc/shared/billing/price-list';
import type { PriceListData } from '@parc/shared/contracts/billing';
import { decimalOf, emptyTermsForm, newTier, poolIdFor, priceFormOf, priceListOf, type FieldProblem, type PriceForm } from './price-form.ts';

const DEVICE = '7f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const OTHER_DEVICE = '0b8e3c1a-5d2f-4e6a-8b9c-1d2e3f4a5b6c';

/** Every pricing model at once: what a round trip must keep. */
const full: PriceListData = {
  model: 'tiered',
  currency: 'CHF',
  defaults: { prices: { mono: '0.012', colour: '0.065', scan: null }, included: { mono: 500, colour: 100, scan: 0 }, fixedFee: '25' },
  models: [{ manufacturer: 'Canon', model: 'iR-ADV C3550', terms: { prices: { mono: '0.02', colour: '0.03', scan: '0.01' }, included: { mono: 100, colour: 100, scan: 200 }, fixedFee: '0' } }],
  devices: [{ deviceId: DEVICE, terms: { prices: { mono: '0.0085', colour: '0.045', scan: null }, included: { mono: 0, colour: 0, scan: 0 }, fixedFee: '120' } }],
  tiers: {
    mono: [
      { from: 1, price: '0.10' },
      { from: 101, price: '0.08' },
    ],
    colour: [{ from: 1, price: '0.12' }],
    scan: [],
  },
  pools: [{ id: 'head-office', name: 'Head office', deviceIds: [DEVICE, OTHER_DEVICE], included: { mono: 10_000, colour: 2_000, scan: 0 } }],
  minimumPerPeriod: '150.00',
  largeCountsDouble: true,
  consumables: [{ supplyModel: 'Black Toner', price: '89.00' }],
  trueUp: 'quarterly',
};

const formWith = (change: (form: PriceForm) => void): PriceForm => {
  const form = priceFormOf(emptyPriceList('CHF'), 'CHF');
  change(form);
  return form;
};
const problemsOf = (form: PriceForm): Record<string, FieldProblem> => {
  const result = priceListOf(form);
  return result.ok ? {} : result.problems;
};

describe('decimalOf', () => {
  it.each([
    ['0.0085', '0.0085'],
    ['0,0085', '0.0085'],
    [' 12,5 ', '12.5'],
    ["1'250.50", '1250.50'],
    ['1 250,50', '1250.50'],
    ['1,250.50', '1,250.50'],
    ['abc', 'abc'],
  ])('%j → %j', (typed, expected) => {
    expect(decimalOf(typed)).toBe(expected);
  });
});

describe('priceFormOf and priceListOf', () => {
  it('give back the saved price list unchanged, every model at once', () => {
    expect(priceListOf(priceFormOf(full, 'EUR'))).toEqual({ ok: true, list: full });
  });

  it('show an empty list in the customer’s currency, with nothing priced, included or charged', () => {
    const form = priceFormOf(null, 'EUR');
    expect(form.currency).toBe('EUR');
    expect(form.defaults).toEqual(emptyTermsForm());
    expect(priceListOf(form)).toEqual({ ok: true, list: emptyPriceList('EUR') });
  });

  it('read empty fields as: not billed, no pages included, no fee, no minimum', () => {
    const form = formWith((draft) => {
      draft.defaults.prices.mono = '0,012';
      draft.defaults.included.colour = "1'000";
      draft.minimumPerPeriod = '  ';
    });
    const result = priceListOf(form);
    expect(result.ok && result.list.defaults).toEqual({ prices: { mono: '0.012', colour: null, scan: null }, included: { mono: 0, colour: 1000, scan: 0 }, fixedFee: '0' });
    expect(result.ok && result.list.minimumPerPeriod).toBeNull();
  });

  it('gives new pools an id from their name, unlike the others', () => {
    const form = formWith((draft) => {
      draft.pools = [
        { id: '', name: 'Siège Genève', deviceIds: 'all', included: { mono: '100', colour: '', scan: '' } },
        { id: 'siege-geneve', name: 'Old', deviceIds: [DEVICE], included: { mono: '', colour: '', scan: '' } },
      ];
    });
    const result = priceListOf(form);
    expect(result.ok && result.list.pools.map((pool) => pool.id)).toEqual(['siege-geneve-2', 'siege-geneve']);
  });
});

describe('priceListOf refuses, at the field the server would name', () => {
  it.each<[string, (form: PriceForm) => void, Record<string, FieldProblem>]>([
    ['a price that is not a number', (form) => (form.defaults.prices.colour = '0.0x'), { 'defaults.prices.colour': 'price' }],
    ['a price with seven decimals', (form) => (form.defaults.fixedFee = '0.0000001'), { 'defaults.fixedFee': 'price' }],
    ['pages that are not whole', (form) => (form.defaults.included.mono = '10.5'), { 'defaults.included.mono': 'pages' }],
    ['a currency that is no code', (form) => (form.currency = 'Fr.'), { currency: 'currency' }],
    ['a minimum that is not an amount', (form) => (form.minimumPerPeriod = '-5'), { minimumPerPeriod: 'price' }],
    ['tiers not starting at page 1', (form) => (form.tiers.mono = [{ from: '10', price: '0.1' }]), { 'tiers.mono.0.from': 'first_not_one' }],
    [
      'tiers not increasing',
      (form) =>
        (form.tiers.colour = [
          { from: '1', price: '0.12' },
          { from: '1000', price: '0.10' },
          { from: '500', price: '0.08' },
        ]),
      { 'tiers.colour.2.from': 'not_increasing' },
    ],
    ['a band without its first page', (form) => (form.tiers.scan = [{ from: '1', price: '0.1' }, { from: '', price: '0.05' }]), { 'tiers.scan.1.from': 'from' }],
    ['a band without a price', (form) => (form.tiers.mono = [{ from: '1', price: '' }]), { 'tiers.mono.0.price': 'price' }],
    ['a model not chosen', (form) => (form.models = [{ manufacturer: '', model: '', terms: emptyTermsForm() }]), { 'models.0.manufacturer': 'required', 'models.0.model': 'required' }],
    [
      'a model priced twice',
      (form) =>
        (form.models = [
          { manufacturer: 'Canon', model: 'C3550', terms: emptyTermsForm() },
          { manufacturer: 'canon', model: 'c3550', terms: emptyTermsForm() },
        ]),
      { 'models.1.model': 'duplicate' },
    ],
    ['a device not chosen', (form) => (form.devices = [{ deviceId: '', terms: emptyTermsForm() }]), { 'devices.0.deviceId': 'required' }],
    [
      'a device priced twice',
      (form) =>
        (form.devices = [
          { deviceId: DEVICE, terms: emptyTermsForm() },
          { deviceId: DEVICE, terms: emptyTermsForm() },
        ]),
      { 'devices.1.deviceId': 'duplicate' },
    ],
    ['a pool without a name', (form) => (form.pools = [{ id: 'p', name: ' ', deviceIds: 'all', included: { mono: '', colour: '', scan: '' } }]), { 'pools.0.name': 'required' }],
    ['a pool without devices', (form) => (form.pools = [{ id: 'p', name: 'P', deviceIds: [], included: { mono: '', colour: '', scan: '' } }]), { 'pools.0.deviceIds': 'required' }],
    [
      'a supply model priced twice',
      (form) =>
        (form.consumables = [
          { supplyModel: 'Black Toner', price: '89' },
          { supplyModel: 'black toner ', price: '90' },
        ]),
      { 'consumables.1.supplyModel': 'duplicate' },
    ],
    ['a supply model without a price', (form) => (form.consumables = [{ supplyModel: 'Black Toner', price: '' }]), { 'consumables.0.price': 'price' }],
  ])('%s', (_case, change, problems) => {
    expect(problemsOf(formWith(change))).toEqual(problems);
  });
});

describe('newTier', () => {
  it('starts the first band at page 1 and leaves the next ones’ first page to the clerk', () => {
    expect(newTier([])).toEqual({ from: '1', price: '' });
    expect(newTier([{ from: '1', price: '0.1' }])).toEqual({ from: '', price: '' });
  });
});

describe('poolIdFor', () => {
  it.each([
    ['Head office', [], 'head-office'],
    ['Étage 2 — Zürich', [], 'etage-2-zurich'],
    ['***', [], 'pool'],
    ['Head office', ['head-office', 'head-office-2'], 'head-office-3'],
  ])('%j with %j taken → %j', (name, taken, id) => {
    expect(poolIdFor(name, new Set(taken))).toBe(id);
  });
});
