import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn, type Caller } from '../customers/test-client.ts';

describe('preferences API', () => {
  let t: TestApp;
  let alice: Caller;
  let bob: Caller;
  beforeAll(async () => {
    t = await createTestApp();
    const partner = await t.createPartner();
    alice = await signedIn(t, partner.id, 'partner_admin');
    bob = await signedIn(t, partner.id, 'partner_staff');
  });
  afterAll(() => t.close());

  it('keeps display options per user and screen, and resets them', async () => {
    expect((await alice.request('GET', '/preferences/customers')).body).toEqual({ screen: 'customers', value: null });
    const value = { visibleColumns: ['name', 'prefix', 'devices'], rowsPerPage: 20 };
    expect((await alice.request('PUT', '/preferences/customers', value)).body).toEqual({ screen: 'customers', value });
    expect((await alice.request('PUT', '/preferences/customers', { ...value, rowsPerPage: 50 })).status).toBe(200);
    expect((await alice.request('GET', '/preferences/customers')).body.value).toEqual({ ...value, rowsPerPage: 50 });
    expect((await bob.request('GET', '/preferences/customers')).body.value).toBeNull();
    expect((await alice.request('GET', '/preferences/devices')).body.value).toBeNull();
    expect((await alice.request('DELETE', '/preferences/customers')).body.value).toBeNull();
    expect((await alice.request('GET', '/preferences/customers')).body.value).toBeNull();
  });

  it.each([
    ['rowsPerPage', { visibleColumns: [], rowsPerPage: 15 }],
    ['visibleColumns', { visibleColumns: 'name', rowsPerPage: 10 }],
    ['userId', { visibleColumns: [], rowsPerPage: 10, userId: 'x' }],
  ])('refuses a bad %s', async (_field, body) => {
    expect((await alice.request('PUT', '/preferences/customers', body)).status).toBe(400);
  });

  it('refuses an unknown screen and anonymous callers', async () => {
    expect((await alice.request('GET', '/preferences/nope')).body).toMatchObject({ code: 'bad_request', field: 'screen' });
    expect((await t.app.request('/api/preferences/customers')).status).toBe(401);
  });
});
