import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPriceList, perPagePriceList } from '@parc/shared/billing/price-list';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';

describe('customer prices API', () => {
  let t: TestApp;
  let admin: Caller;
  let other: Caller;
  let customer: Json;
  beforeAll(async () => {
    t = await createTestApp();
    const partner = await t.createPartner();
    admin = await signedIn(t, partner.id, 'partner_admin');
    other = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    customer = (await admin.request('POST', '/customers', customerInput())).body;
  });
  afterAll(() => t.close());

  it('has no prices at first, then keeps every version with exact decimals, in force from the current period', async () => {
    expect((await admin.request('GET', `/customers/${customer.id}/prices`)).body).toEqual({ current: null, history: [], changesTakeEffect: '2026-11' });
    const first = await admin.request('PUT', `/customers/${customer.id}/prices`, perPagePriceList('EUR', { mono: '0.0085', colour: '0.2', scan: '0' }));
    expect(first.status).toBe(200);
    expect(first.body.current).toMatchObject({ effectiveFrom: '2026-11', savedBy: expect.stringContaining('@'), prices: { model: 'per_page', currency: 'EUR', defaults: { prices: { mono: '0.0085', colour: '0.2', scan: '0' } } } });
    const tiered = { ...emptyPriceList('CHF'), model: 'tiered', tiers: { mono: [{ from: 1, price: 10 }, { from: 101, price: '8' }], colour: [], scan: [] } };
    const second = await admin.request('PUT', `/customers/${customer.id}/prices`, tiered);
    expect(second.body.current.prices).toMatchObject({ model: 'tiered', currency: 'CHF', tiers: { mono: [{ from: 1, price: '10' }, { from: 101, price: '8' }] } });
    expect(second.body.history.map((version: Json) => version.prices.model)).toEqual(['tiered', 'per_page']);
    expect((await admin.request('GET', `/customers/${customer.id}/prices`)).body).toEqual(second.body);
  });

  it.each([
    ['defaults', { defaults: { prices: { mono: '-1', colour: null, scan: null }, included: { mono: 0, colour: 0, scan: 0 }, fixedFee: '0' } }],
    ['defaults', { defaults: { prices: { mono: '0.1234567', colour: null, scan: null }, included: { mono: 0, colour: 0, scan: 0 }, fixedFee: '0' } }],
    ['currency', { currency: 'eur' }],
    ['tiers', { tiers: { mono: [{ from: 5, price: '1' }], colour: [], scan: [] } }],
    ['tiers', { tiers: { mono: [{ from: 1, price: '1' }, { from: 1, price: '2' }], colour: [], scan: [] } }],
    ['model', { model: 'per_toner' }],
  ])('refuses a bad %s', async (field, overrides) => {
    const response = await admin.request('PUT', `/customers/${customer.id}/prices`, { ...emptyPriceList('EUR'), ...overrides });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad_request', field: expect.stringMatching(new RegExp(`^${field}`)) });
  });

  it('prices only its own devices and puts a device in one pool at most', async () => {
    const device = (await admin.request('POST', '/devices', deviceInput(customer.id))).body;
    const terms = emptyPriceList('EUR').defaults;
    const foreign = await admin.request('PUT', `/customers/${customer.id}/prices`, { ...emptyPriceList('EUR'), devices: [{ deviceId: crypto.randomUUID(), terms }] });
    expect(foreign.body).toMatchObject({ key: 'prices.unknown_device', field: 'devices' });
    const pool = (id: string) => ({ id, name: id, deviceIds: [device.id], included: { mono: 100, colour: 0, scan: 0 } });
    const twice = await admin.request('PUT', `/customers/${customer.id}/prices`, { ...emptyPriceList('EUR'), pools: [pool('a'), pool('b')] });
    expect(twice.body).toMatchObject({ key: 'prices.duplicate_pool', field: 'pools' });
    const choices = await admin.request('GET', `/customers/${customer.id}/pricing-choices`);
    expect(choices.body).toEqual({ models: [{ manufacturer: device.manufacturer, model: device.model, devices: 1 }], devices: [{ id: device.id, code: device.deviceCode, manufacturer: device.manufacturer, model: device.model, serial: device.serial }], supplyModels: [] });
  });

  it('answers the current period’s estimate, null without prices', async () => {
    const fresh = (await admin.request('POST', '/customers', customerInput())).body;
    expect((await admin.request('GET', `/customers/${fresh.id}/billing/estimate`)).body).toEqual({ estimate: null });
    const estimate = (await admin.request('GET', `/customers/${customer.id}/billing/estimate`)).body.estimate;
    expect(estimate).toMatchObject({ period: '2026-11', currency: 'CHF', totalSoFar: '0.00', projectedTotal: '0.00' });
    expect((await other.request('GET', `/customers/${customer.id}/billing/estimate`)).status).toBe(404);
  });

  it("hides another partner's customer", async () => {
    expect((await other.request('GET', `/customers/${customer.id}/prices`)).status).toBe(404);
    expect((await other.request('PUT', `/customers/${customer.id}/prices`, emptyPriceList('EUR'))).status).toBe(404);
    expect((await admin.request('GET', `/customers/${customer.id}/prices`)).body.current.prices.currency).toBe('CHF');
  });
});
