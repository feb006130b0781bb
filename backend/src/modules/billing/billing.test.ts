import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';

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

  it('has no prices at first, then keeps exact decimals and the included pages', async () => {
    expect((await admin.request('GET', `/customers/${customer.id}/prices`)).body).toEqual({ prices: null });
    const saved = await admin.request('PUT', `/customers/${customer.id}/prices`, { currency: 'EUR', monoPrice: '0.0085', colourPrice: 0.2, scanPrice: '0', includedPages: 1000 });
    expect(saved.body).toMatchObject({ customerId: customer.id, billingType: 'per_page', currency: 'EUR', monoPrice: '0.0085', colourPrice: '0.2', scanPrice: '0', includedPages: 1000 });
    const changed = await admin.request('PUT', `/customers/${customer.id}/prices`, { currency: 'CHF', monoPrice: '0.1', colourPrice: '0.25', scanPrice: '0.01' });
    expect(changed.body).toMatchObject({ currency: 'CHF', monoPrice: '0.1', includedPages: null });
    expect((await admin.request('GET', `/customers/${customer.id}/prices`)).body.prices).toEqual(changed.body);
  });

  it.each([
    ['monoPrice', { monoPrice: '-1' }],
    ['monoPrice', { monoPrice: '0.12345' }],
    ['currency', { currency: 'eur' }],
    ['includedPages', { includedPages: -5 }],
  ])('refuses a bad %s', async (field, overrides) => {
    const response = await admin.request('PUT', `/customers/${customer.id}/prices`, { currency: 'EUR', monoPrice: '0.1', colourPrice: '0.2', scanPrice: '0', ...overrides });
    expect(response.body).toMatchObject({ code: 'bad_request', field });
  });

  it("hides another partner's customer", async () => {
    expect((await other.request('GET', `/customers/${customer.id}/prices`)).status).toBe(404);
    expect((await other.request('PUT', `/customers/${customer.id}/prices`, { currency: 'EUR', monoPrice: '1', colourPrice: '1', scanPrice: '1' })).status).toBe(404);
    expect((await admin.request('GET', `/customers/${customer.id}/prices`)).body.prices.monoPrice).toBe('0.1');
  });
});
