import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_PATTERN } from '@parc/shared/contracts/api-keys';
import { SCREENS, type Permissions } from '@parc/shared/contracts/profiles';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, partnerWithDevice, signedIn, type Caller, type Json } from '../customers/test-client.ts';

describe('API keys', () => {
  let t: TestApp;
  let dealer: Awaited<ReturnType<typeof partnerWithDevice>>;
  let other: Awaited<ReturnType<typeof partnerWithDevice>>;

  beforeAll(async () => {
    t = await createTestApp();
    dealer = await partnerWithDevice(t);
    other = await partnerWithDevice(t);
  });
  afterAll(() => t.close());

  /** A request made with a key only (no cookie), as a script would. */
  async function withKey(secret: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${secret}`, ...headers } };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (body !== undefined) init.headers = { ...init.headers, 'content-type': 'application/json' };
    const response = await t.app.request(`/api${path}`, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Json };
  }

  async function newKey(admin: Caller, scope: 'read' | 'write', name = `Key ${scope}`): Promise<{ id: string; secret: string }> {
    const created = await admin.request('POST', '/api-keys', { name, scope });
    expect(created.status).toBe(201);
    return { id: created.body.key.id, secret: created.body.secret };
  }

  const allAt = (level: 'none' | 'view' | 'edit') => Object.fromEntries(SCREENS.map((screen) => [screen, level])) as Permissions;

  it('is created with a name and a scope, shown once, listed without its secret, and revoked', async () => {
    const created = await dealer.admin.request('POST', '/api-keys', { name: 'ERP export', scope: 'read' });
    expect(created.status).toBe(201);
    const { key, secret } = created.body;
    expect(secret).toMatch(API_KEY_PATTERN);
    expect(key).toMatchObject({ name: 'ERP export', scope: 'read', prefix: secret.slice(0, 13), createdBy: { id: dealer.admin.userId, name: 'Test partner_admin' }, lastUsedAt: null });
    expect(key.createdAt).toBe('2026-11-20T08:00:00.000Z');

    const list = await dealer.admin.request('GET', '/api-keys');
    expect(list.status).toBe(200);
    expect(list.body.items.find((item: Json) => item.id === key.id)).toEqual(key);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(13));
    expect(text).not.toMatch(/secret/i);

    // Another dealer neither sees nor revokes it.
    expect((await other.admin.request('GET', '/api-keys')).body.items.map((item: Json) => item.id)).not.toContain(key.id);
    expect((await other.admin.request('DELETE', `/api-keys/${key.id}`)).status).toBe(404);
    expect((await withKey(secret, 'GET', '/customers')).status).toBe(200);

    expect((await dealer.admin.request('DELETE', `/api-keys/${key.id}`)).status).toBe(204);
    expect((await dealer.admin.request('GET', '/api-keys')).body.items.map((item: Json) => item.id)).not.toContain(key.id);
    expect((await dealer.admin.request('DELETE', `/api-keys/${key.id}`)).body.key).toBe('api_key.not_found');
    const refused = await withKey(secret, 'GET', '/customers');
    expect(refused).toMatchObject({ status: 401, body: { key: 'api_key.revoked' } });
  });

  it('is managed by partner admins only', async () => {
    const staff = await signedIn(t, dealer.partner.id, 'partner_staff');
    for (const [method, path, body] of [
      ['GET', '/api-keys', undefined],
      ['POST', '/api-keys', { name: 'Mine', scope: 'write' }],
    ] as const) {
      expect(await staff.request(method, path, body)).toMatchObject({ status: 403, body: { key: 'access.role' } });
    }
  });

  it('reads with GET and only what its dealer holds', async () => {
    const { secret } = await newKey(dealer.admin, 'read');
    const customers = await withKey(secret, 'GET', '/customers');
    expect(customers.status).toBe(200);
    expect(customers.body.items.map((item: Json) => item.id)).toContain(dealer.customer.id);
    expect(customers.body.items.map((item: Json) => item.id)).not.toContain(other.customer.id);
    expect((await withKey(secret, 'GET', `/devices/${dealer.device.id}`)).status).toBe(200);
    expect((await withKey(secret, 'GET', `/customers/${other.customer.id}`)).status).toBe(404);
    expect((await withKey(secret, 'GET', `/devices/${other.device.id}`)).status).toBe(404);
  });

  it('refuses every change with a read-only key, and makes them with a read and write key', async () => {
    const read = await newKey(dealer.admin, 'read');
    const write = await newKey(dealer.admin, 'write');
    const parameter = (await dealer.admin.request('POST', '/parameters', { name: 'Cost centre', kind: 'text', appliesTo: 'device' })).body;
    const changes = [
      ['POST', '/customers', customerInput()],
      ['PATCH', `/customers/${dealer.customer.id}`, { name: 'Renamed by a script' }],
      ['DELETE', `/parameters/${parameter.id}`, undefined],
    ] as const;
    for (const [method, path, body] of changes) expect(await withKey(read.secret, method, path, body)).toMatchObject({ status: 403, body: { key: 'api_key.read_only' } });
    expect((await dealer.admin.request('GET', `/customers/${dealer.customer.id}`)).body.name).not.toBe('Renamed by a script');
    expect((await dealer.admin.request('GET', '/parameters')).body.items.map((item: Json) => item.id)).toContain(parameter.id);

    const created = await withKey(write.secret, 'POST', '/customers', customerInput({ name: 'Made by the ERP' }));
    expect(created).toMatchObject({ status: 201, body: { name: 'Made by the ERP' } });
    expect((await withKey(write.secret, 'PATCH', `/customers/${created.body.id}`, { name: 'Renamed by the ERP' })).status).toBe(200);
    expect((await dealer.admin.request('GET', `/customers/${created.body.id}`)).body.name).toBe('Renamed by the ERP');
    expect((await withKey(write.secret, 'DELETE', `/parameters/${parameter.id}`)).status).toBe(204);
  });

  it("acts with its creator's current role, profile and customers, whatever its scope", async () => {
    const creator = await signedIn(t, dealer.partner.id, 'partner_admin');
    const { secret } = await newKey(creator, 'write');
    expect((await withKey(secret, 'GET', '/customers')).status).toBe(200);

    // The creator becomes staff whose profile forbids customers: the key follows at once.
    const profile = await dealer.admin.request('POST', '/profiles', { name: 'No customers', permissions: { ...allAt('edit'), customers: 'none' } });
    expect((await dealer.admin.request('PATCH', `/users/${creator.userId}`, { role: 'partner_staff' })).status).toBe(200);
    expect((await dealer.admin.request('PUT', `/users/${creator.userId}/profile`, { profileId: profile.body.id })).status).toBe(200);
    expect(await withKey(secret, 'GET', '/customers')).toMatchObject({ status: 403, body: { key: 'access.profile', params: { screen: 'customers', level: 'view' } } });
    expect(await withKey(secret, 'POST', '/customers', customerInput())).toMatchObject({ status: 403, body: { key: 'access.profile' } });
    expect((await withKey(secret, 'GET', `/devices/${dealer.device.id}`)).status).toBe(200);

    // Made a coordinator of one customer: the key sees that customer's devices only, and no partner screen.
    const elsewhere = (await dealer.admin.request('POST', '/devices', deviceInput((await dealer.admin.request('POST', '/customers', customerInput())).body.id))).body;
    expect((await withKey(secret, 'GET', `/devices/${elsewhere.id}`)).status).toBe(200);
    expect((await dealer.admin.request('PATCH', `/users/${creator.userId}`, { role: 'coordinator', customerIds: [dealer.customer.id] })).status).toBe(200);
    expect((await withKey(secret, 'GET', `/devices/${dealer.device.id}`)).status).toBe(200);
    expect((await withKey(secret, 'GET', `/devices/${elsewhere.id}`)).status).toBe(404);
    expect((await withKey(secret, 'GET', '/customers')).body.items.map((item: Json) => item.id)).toEqual([dealer.customer.id]);
    expect(await withKey(secret, 'GET', '/profiles')).toMatchObject({ status: 403, body: { key: 'access.role' } });
  });

  it('stops working when its creator is deactivated', async () => {
    const creator = await signedIn(t, dealer.partner.id, 'partner_admin');
    const { secret } = await newKey(creator, 'read');
    expect((await withKey(secret, 'GET', '/customers')).status).toBe(200);
    expect((await dealer.admin.request('DELETE', `/users/${creator.userId}`)).status).toBe(204);
    expect(await withKey(secret, 'GET', '/customers')).toMatchObject({ status: 401, body: { key: 'api_key.creator_inactive' } });
  });

  it('refuses a malformed or unknown key with 401', async () => {
    const { secret } = await newKey(dealer.admin, 'read');
    const unknown = `parc_${'A'.repeat(43)}`;
    for (const authorization of [`Basic ${secret}`, `Bearer ${secret.slice(0, -1)}`, `Bearer ${unknown}`, 'Bearer', `Bearer  ${secret}`]) {
      const response = await t.app.request('/api/customers', { headers: { authorization } });
      expect({ authorization, status: response.status, key: ((await response.json()) as Json).key }).toEqual({ authorization, status: 401, key: 'api_key.invalid' });
    }
    // The scheme's name is not case-sensitive.
    expect((await t.app.request('/api/customers', { headers: { authorization: `bearer ${secret}` } })).status).toBe(200);
  });

  it('never reaches what needs a person signed in: their account, users, keys, signing out', async () => {
    const { id, secret } = await newKey(dealer.admin, 'write');
    const sessionOnly = [
      ['GET', '/auth/me', undefined],
      ['GET', '/me/permissions', undefined],
      ['PUT', '/preferences/customers', { columns: ['name'] }],
      ['POST', '/users', { email: 'new.admin@dealer.test', name: 'New admin', role: 'partner_admin', language: 'en' }],
      ['GET', '/api-keys', undefined],
      ['POST', '/api-keys', { name: 'Another', scope: 'write' }],
      ['DELETE', `/api-keys/${id}`, undefined],
      ['POST', '/auth/logout', undefined],
    ] as const;
    for (const [method, path, body] of sessionOnly) {
      const response = await withKey(secret, method, path, body);
      expect({ method, path, status: response.status, key: response.body?.key }).toEqual({ method, path, status: 403, key: 'api_key.session_only' });
    }
    expect((await dealer.admin.request('GET', '/api-keys')).body.items.map((item: Json) => item.id)).toContain(id);
    expect((await withKey(secret, 'GET', '/customers')).status).toBe(200);
  });

  it('writes from another origin, as scripts do, since no cookie rides along; a cookie still needs the own origin', async () => {
    const { secret } = await newKey(dealer.admin, 'write');
    const foreign = { origin: 'https://erp.example', 'sec-fetch-site': 'cross-site' };
    expect((await withKey(secret, 'POST', '/customers', customerInput(), foreign)).status).toBe(201);
    const withCookie = await withKey(secret, 'POST', '/customers', customerInput(), { ...foreign, cookie: dealer.admin.cookie });
    expect(withCookie).toMatchObject({ status: 403, body: { key: 'request.foreign_origin' } });
  });

  it('records its last use at most once a minute', async () => {
    const { id, secret } = await newKey(dealer.admin, 'read');
    const lastUse = async () => (await dealer.admin.request('GET', '/api-keys')).body.items.find((item: Json) => item.id === id).lastUsedAt;
    const start = t.deps.clock();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    try {
      t.setNow(at(0));
      await withKey(secret, 'GET', '/customers');
      expect(await lastUse()).toBe(at(0).toISOString());
      t.setNow(at(59));
      await withKey(secret, 'GET', '/customers');
      expect(await lastUse()).toBe(at(0).toISOString());
      t.setNow(at(60));
      await withKey(secret, 'GET', '/customers');
      expect(await lastUse()).toBe(at(60).toISOString());
    } finally {
      t.setNow(start);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await t.app.request('/api/openapi.json')).json()) as Json;
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.securitySchemes.apiKey.description).toContain('Authorization: Bearer parc_');
    expect(document.paths['/customers'].get.security).toEqual([{ session: [] }, { apiKey: [] }]);
    expect(document.paths['/api-keys'].post.security).toEqual([{ session: [] }]);
    expect(document.paths['/auth/me'].get.security).toEqual([{ session: [] }]);
  });
});
