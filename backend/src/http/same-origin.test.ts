import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { customerInput, partnerWithDevice, type Caller, type Json } from '../modules/customers/test-client.ts';

describe('writes with the session cookie come from Parc’s own origin', () => {
  let t: TestApp;
  let admin: Caller;
  let customer: Json;
  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, customer } = await partnerWithDevice(t));
  });
  afterAll(() => t.close());

  it.each([
    ['another port of the same host', { origin: 'http://parc.test:8081' }],
    ['another site', { origin: 'https://evil.example' }],
    ['a same-site page (Sec-Fetch-Site)', { 'sec-fetch-site': 'same-site' }],
    ['a cross-site page (Sec-Fetch-Site)', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
  ])('refuses a forged write from %s, changing nothing', async (_name, headers) => {
    const forged = await admin.request('PATCH', `/customers/${customer.id}`, { name: 'Forged' }, headers);
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('forbidden');
    const created = await admin.request('POST', '/customers', customerInput(), { ...headers, 'content-type': 'text/plain' });
    expect(created.status).toBe(403);
    expect((await admin.request('GET', `/customers/${customer.id}`)).body.name).not.toBe('Forged');
  });

  it.each([
    ['the public origin', { origin: 'http://parc.test', 'sec-fetch-site': 'same-origin' }],
    ['a script without browser headers', {}],
  ])('accepts a write from %s', async (_name, headers) => {
    expect((await admin.request('PATCH', `/customers/${customer.id}`, { name: 'Renamed' }, headers)).status).toBe(200);
  });

  it('lets reads and cookie-less writes through (sign-in from anywhere is rate-limited, not origin-bound)', async () => {
    expect((await admin.request('GET', `/customers/${customer.id}`, undefined, { origin: 'https://evil.example' })).status).toBe(200);
    const signIn = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ email: 'nobody@x.test', password: 'x' }) });
    expect(signIn.status).not.toBe(403);
  });
});
