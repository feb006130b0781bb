import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller } from './test-client.ts';

describe('customers API', () => {
  let t: TestApp;
  let adminA: Caller;
  let adminB: Caller;
  let partnerA: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    partnerA = await t.createPartner('Dealer A');
    const partnerB = await t.createPartner('Dealer B');
    adminA = await signedIn(t, partnerA.id, 'partner_admin');
    adminB = await signedIn(t, partnerB.id, 'partner_admin');
  });
  afterAll(() => t.close());

  it('creates a customer with the partner defaults and reads it back', async () => {
    const created = await adminA.request('POST', '/customers', customerInput({ name: 'Algiz Technologie', prefix: 'AL', city: 'Lille', taxNumber: '  ' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Algiz Technologie', prefix: 'AL', city: 'Lille', taxNumber: null, language: 'fr', timezone: 'Europe/Zurich', currency: 'CHF', active: true });
    const read = await adminA.request('GET', `/customers/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });

  it.each([
    ['prefix', { prefix: 'al' }],
    ['prefix', { prefix: 'TOO-LONG' }],
    ['timezone', { timezone: 'Europe/Nowhere' }],
    ['timezone', { timezone: '+01:00' }],
    ['currency', { currency: 'chf' }],
    ['name', { name: '   ' }],
    ['language', { language: 'es' }],
    ['country', { country: 'Suisse' }],
  ])('refuses a bad %s with a 400 naming it', async (field, overrides) => {
    const response = await adminA.request('POST', '/customers', customerInput(overrides));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad_request', field });
  });

  it('refuses a prefix or number another customer of the partner uses, but not one of another partner', async () => {
    await adminA.request('POST', '/customers', customerInput({ prefix: 'DUP', customerNumber: 'N-DUP' }));
    const samePrefix = await adminA.request('POST', '/customers', customerInput({ prefix: 'DUP' }));
    expect(samePrefix.status).toBe(409);
    expect(samePrefix.body).toMatchObject({ code: 'conflict', field: 'prefix' });
    expect(samePrefix.body).toMatchObject({ key: 'customer.prefix_taken', params: { prefix: 'DUP' }, message: 'Un autre client utilise déjà le préfixe DUP.' });
    const sameNumber = await adminA.request('POST', '/customers', customerInput({ customerNumber: 'N-DUP' }));
    expect(sameNumber.body).toMatchObject({ code: 'conflict', field: 'customerNumber', key: 'customer.number_taken', params: { customerNumber: 'N-DUP' } });
    const otherPartner = await adminB.request('POST', '/customers', customerInput({ prefix: 'DUP', customerNumber: 'N-DUP' }));
    expect(otherPartner.status).toBe(201);
  });

  it('says which of a number and a prefix are taken, inactive customers included, without creating anything', async () => {
    const partner = await t.createPartner();
    const admin = await signedIn(t, partner.id, 'partner_admin');
    const existing = await admin.request('POST', '/customers', customerInput({ prefix: 'AV', customerNumber: 'N-AV' }));
    await admin.request('POST', `/customers/${existing.body.id}/deactivate`);
    const availability = (customerNumber: string, prefix: string) => admin.request('GET', `/customers/availability?customerNumber=${encodeURIComponent(customerNumber)}&prefix=${prefix}`);
    expect((await availability('N-AV', 'AV')).body).toEqual({ customerNumberTaken: true, prefixTaken: true });
    expect((await availability(' N-AV ', 'AW')).body).toEqual({ customerNumberTaken: true, prefixTaken: false });
    expect((await availability('N-AW', 'AV')).body).toEqual({ customerNumberTaken: false, prefixTaken: true });
    expect((await availability('n-av', 'AW')).body).toEqual({ customerNumberTaken: false, prefixTaken: false });
    // Another dealer's customers do not count.
    expect((await adminB.request('GET', '/customers/availability?customerNumber=N-AV&prefix=AV')).body).toEqual({ customerNumberTaken: false, prefixTaken: false });
    expect((await admin.request('GET', '/customers')).body.total).toBe(1);
  });

  it.each([
    ['prefix', 'customerNumber=N1&prefix=ab'],
    ['customerNumber', 'customerNumber=%20&prefix=AB'],
  ])('refuses an availability question with a bad %s, naming it', async (field, query) => {
    expect(await adminA.request('GET', `/customers/availability?${query}`)).toMatchObject({ status: 400, body: { code: 'bad_request', field } });
  });

  it('answers availability to the dealer’s office only, not to technicians or coordinators', async () => {
    const customer = (await adminA.request('POST', '/customers', customerInput())).body;
    for (const caller of [await signedIn(t, partnerA.id, 'technician'), await signedIn(t, partnerA.id, 'coordinator', { customerIds: [customer.id] })]) {
      expect(await caller.request('GET', `/customers/availability?customerNumber=${customer.customerNumber}&prefix=AB`)).toMatchObject({ status: 403, body: { key: 'access.role' } });
    }
  });

  it('lists with search, active filter and paging', async () => {
    const partner = await t.createPartner();
    const admin = await signedIn(t, partner.id, 'partner_staff');
    for (const [name, prefix] of [['Zeta Print', 'ZP'], ['Alpha Office', 'AO'], ['Beta Bureau', 'BB']]) {
      await admin.request('POST', '/customers', customerInput({ name, prefix }));
    }
    const all = await admin.request('GET', '/customers?page=1&pageSize=2');
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.body.items.map((c: { name: string }) => c.name)).toEqual(['Alpha Office', 'Beta Bureau']);
    expect((await admin.request('GET', '/customers?search=zp')).body.items.map((c: { prefix: string }) => c.prefix)).toEqual(['ZP']);
    expect((await admin.request('GET', '/customers?search=bureau')).body.total).toBe(1);
    expect((await admin.request('GET', '/customers?search=%25')).body.total).toBe(0);
    const beta = all.body.items[1];
    expect((await admin.request('POST', `/customers/${beta.id}/deactivate`)).body.active).toBe(false);
    expect((await admin.request('GET', '/customers?active=true')).body.total).toBe(2);
    expect((await admin.request('GET', '/customers?active=false')).body.items.map((c: { id: string }) => c.id)).toEqual([beta.id]);
    expect((await admin.request('GET', '/customers?pageSize=500')).body).toMatchObject({ code: 'bad_request', field: 'pageSize' });
  });

  it('searches without regard to case or accents, either way round', async () => {
    const partner = await t.createPartner();
    const admin = await signedIn(t, partner.id, 'partner_staff');
    for (const [name, prefix] of [['Zürcher Druck', 'ZD'], ['Bureau Genève', 'BG'], ['Zeta Print', 'ZP']]) await admin.request('POST', '/customers', customerInput({ name, prefix }));
    const prefixes = async (search: string) => (await admin.request('GET', `/customers?search=${encodeURIComponent(search)}`)).body.items.map((c: { prefix: string }) => c.prefix);
    expect(await prefixes('zurcher')).toEqual(['ZD']);
    expect(await prefixes('ZÜRCH')).toEqual(['ZD']);
    expect(await prefixes('genève')).toEqual(['BG']);
    expect(await prefixes('GENEVE')).toEqual(['BG']);
    expect(await prefixes('zéta')).toEqual(['ZP']);
  });

  it('updates a customer, and keeps the prefix once devices exist', async () => {
    const customer = (await adminA.request('POST', '/customers', customerInput({ prefix: 'PRE' }))).body;
    const renamed = await adminA.request('PATCH', `/customers/${customer.id}`, { prefix: 'PRE2', city: 'Genève' });
    expect(renamed.body).toMatchObject({ prefix: 'PRE2', city: 'Genève', name: customer.name });
    const device = await adminA.request('POST', '/devices', deviceInput(customer.id));
    expect(device.status).toBe(201);
    await adminA.request('POST', `/devices/${device.body.id}/deactivate`);
    const refused = await adminA.request('PATCH', `/customers/${customer.id}`, { prefix: 'PRE3' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'conflict', field: 'prefix' });
    expect((await adminA.request('PATCH', `/customers/${customer.id}`, { prefix: 'PRE2', name: 'Same prefix is fine' })).status).toBe(200);
  });

  it('refuses an update that changes nothing', async () => {
    const customer = (await adminA.request('POST', '/customers', customerInput())).body;
    const response = await adminA.request('PATCH', `/customers/${customer.id}`, {});
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ key: 'validation.custom', params: { detail: expect.stringMatching(/at least one field/) } });
  });

  it('hides partner A from partner B on every route', async () => {
    const customer = (await adminA.request('POST', '/customers', customerInput())).body;
    for (const [method, path, body] of [
      ['GET', `/customers/${customer.id}`],
      ['PATCH', `/customers/${customer.id}`, { name: 'Stolen' }],
      ['POST', `/customers/${customer.id}/deactivate`],
    ] as const) {
      const response = await adminB.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain(customer.name);
    }
    const list = await adminB.request('GET', `/customers?search=${encodeURIComponent(customer.name)}`);
    expect(list.body.total).toBe(0);
    expect((await adminA.request('GET', `/customers/${customer.id}`)).body.name).toBe(customer.name);
  });

  it('answers 404 for an unknown id and 400 naming id for a malformed one', async () => {
    expect((await adminA.request('GET', '/customers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await adminA.request('GET', '/customers/nope')).body).toMatchObject({ code: 'bad_request', field: 'id' });
  });

  it('lets coordinators read only their customers, technicians read all, and neither write', async () => {
    const mine = (await adminA.request('POST', '/customers', customerInput())).body;
    const other = (await adminA.request('POST', '/customers', customerInput())).body;
    const coordinator = await signedIn(t, partnerA.id, 'coordinator', { customerIds: [mine.id] });
    const technician = await signedIn(t, partnerA.id, 'technician');
    expect((await coordinator.request('GET', `/customers/${mine.id}`)).status).toBe(200);
    expect((await coordinator.request('GET', `/customers/${other.id}`)).status).toBe(404);
    expect((await coordinator.request('GET', '/customers')).body.items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await technician.request('GET', `/customers/${other.id}`)).status).toBe(200);
    for (const caller of [coordinator, technician]) {
      expect((await caller.request('POST', '/customers', customerInput())).status).toBe(403);
      expect((await caller.request('PATCH', `/customers/${mine.id}`, { name: 'x' })).status).toBe(403);
      expect((await caller.request('POST', `/customers/${mine.id}/deactivate`)).status).toBe(403);
    }
    expect((await t.app.request('/api/customers')).status).toBe(401);
  });

  it('documents every fleet route in the OpenAPI document', async () => {
    const document = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, object> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/customers',
        '/customers/{id}',
        '/customers/{customerId}/sites',
        '/customers/{customerId}/sites/import',
        '/customers/{customerId}/coordinators',
        '/devices',
        '/devices/{id}',
        '/devices/{deviceId}/counters',
        '/devices/{deviceId}/readings',
        '/readings/{id}',
      ]),
    );
  });
});
