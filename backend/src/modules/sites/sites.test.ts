import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/app.ts';
import { newCustomer, partnerAdminApp } from '../../test/partner-admin.ts';
import { deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';

describe('sites API', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => ({ t, admin, partnerId } = await partnerAdminApp()));
  afterAll(() => t.close());

  const importCsv = (caller: Caller, customerId: string, mode: string, csv: string) =>
    caller.request('POST', `/customers/${customerId}/sites/import?mode=${mode}`, csv, { 'content-type': 'text/csv' });

  it("creates, lists, changes and deactivates sites; a new site gets the customer's main coordinator", async () => {
    const customer = await newCustomer(admin);
    const main = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Théophile Lou', isMain: true })).body;
    const created = await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Lille', city: 'Lille', country: 'fr' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Lille', country: 'FR', coordinatorId: main.id, active: true });
    const without = await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Annexe', coordinatorId: null });
    expect(without.body.coordinatorId).toBeNull();
    expect((await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Lille' })).body).toMatchObject({ code: 'conflict', field: 'name' });
    expect((await admin.request('PATCH', `/sites/${created.body.id}`, { address: '3 place Lamartine' })).body.address).toBe('3 place Lamartine');
    await admin.request('POST', `/sites/${without.body.id}/deactivate`);
    expect((await admin.request('GET', `/customers/${customer.id}/sites?active=true`)).body.items.map((s: Json) => s.name)).toEqual(['Lille']);
    expect((await admin.request('GET', `/customers/${customer.id}/sites`)).body.items).toHaveLength(2);
    expect((await admin.request('GET', `/sites/${created.body.id}`)).body.name).toBe('Lille');
  });

  it('reactivates a deactivated site, offered for new devices again', async () => {
    const customer = await newCustomer(admin);
    const site = (await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Entrepôt' })).body;
    await admin.request('POST', `/sites/${site.id}/deactivate`);
    expect((await admin.request('POST', '/devices', deviceInput(customer.id, { siteId: site.id }))).body).toMatchObject({ key: 'site.not_active', field: 'siteId' });
    const reactivated = await admin.request('POST', `/sites/${site.id}/reactivate`);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ id: site.id, active: true });
    expect((await admin.request('POST', '/devices', deviceInput(customer.id, { siteId: site.id }))).status).toBe(201);
  });

  it('deletes a site nothing refers to, and refuses one with devices, plans or stocks, saying what it has', async () => {
    const customer = await newCustomer(admin);
    const add = async (name: string) => (await admin.request('POST', `/customers/${customer.id}/sites`, { name })).body;
    const [mistake, withDevice, withPlan, withStock] = [await add('Typo'), await add('Siège'), await add('Annexe'), await add('Dépôt')];
    const device = (await admin.request('POST', '/devices', deviceInput(customer.id, { siteId: withDevice.id }))).body;
    // A retired device keeps its readings, and so its site.
    await admin.request('POST', `/devices/${device.id}/deactivate`);
    const plan = await t.app.request(`/api/customers/${customer.id}/floorplans?name=Ground&floor=0&siteId=${withPlan.id}`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'image/png' },
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
    });
    expect(plan.status).toBe(201);
    expect((await admin.request('POST', '/supplies/stocks', { name: 'Armoire', customerId: customer.id, siteId: withStock.id })).status).toBe(201);

    const deleted = await admin.request('DELETE', `/sites/${mistake.id}`);
    expect(deleted.status).toBe(204);
    expect((await admin.request('GET', `/sites/${mistake.id}`)).status).toBe(404);
    expect((await admin.request('DELETE', `/sites/${mistake.id}`)).body.key).toBe('site.not_found');
    for (const [site, references] of [
      [withDevice, { devices: 1, plans: 0, stocks: 0 }],
      [withPlan, { devices: 0, plans: 1, stocks: 0 }],
      [withStock, { devices: 0, plans: 0, stocks: 1 }],
    ] as const) {
      const refused = await admin.request('DELETE', `/sites/${site.id}`);
      expect(refused).toMatchObject({ status: 409, body: { code: 'conflict', key: 'site.in_use', params: references } });
    }
    expect((await admin.request('GET', `/customers/${customer.id}/sites`)).body.items.map((s: Json) => s.name)).toEqual(['Annexe', 'Dépôt', 'Siège']);
  });

  it('imports a Latin-1 file from a spreadsheet with its accents, as UTF-8 does', async () => {
    const customer = await newCustomer(admin);
    const latin1 = Uint8Array.from([...'name;city\nBureau;Genève\n'].map((char) => char.charCodeAt(0)));
    const response = await t.app.request(`/api/customers/${customer.id}/sites/import?mode=commit`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'text/csv' }, body: latin1 });
    expect(response.status).toBe(200);
    const sites = (await admin.request('GET', `/customers/${customer.id}/sites`)).body.items;
    expect(sites.map((site: Json) => site.city)).toEqual(['Genève']);
  });

  it('refuses a coordinator of another customer and names the field of bad input', async () => {
    const customer = await newCustomer(admin);
    const other = await newCustomer(admin);
    const foreign = (await admin.request('POST', `/customers/${other.id}/coordinators`, { name: 'X' })).body;
    expect((await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'A', coordinatorId: foreign.id })).body.field).toBe('coordinatorId');
    expect((await admin.request('POST', `/customers/${customer.id}/sites`, { name: '' })).body).toMatchObject({ code: 'bad_request', field: 'name' });
    expect((await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'A', country: 'Suisse' })).body.field).toBe('country');
  });

  it('previews an import with per-line errors and writes nothing', async () => {
    const customer = await newCustomer(admin);
    await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Existing' });
    const anna = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Anna', email: 'anna@client.ch' })).body;
    const csv = ['name,address,postcode,city,country,coordinator email', 'HQ,Rue 1,1000,Lausanne,CH,anna@client.ch', ',no name,,,,', 'existing,,,,,', 'HQ,,,,,', 'Depot,,,,XX1,nobody@client.ch'].join('\n');
    const preview = await importCsv(admin, customer.id, 'preview', csv);
    expect(preview.status).toBe(200);
    expect(preview.body.created).toBe(0);
    expect(preview.body.lines.map((l: Json) => [l.line, l.status, l.errors.map((e: Json) => e.field)])).toEqual([
      [2, 'ok', []],
      [3, 'error', ['name']],
      [4, 'error', ['name']],
      [5, 'error', ['name']],
      [6, 'error', ['country', 'coordinatorEmail']],
    ]);
    expect(preview.body.lines[0].site).toMatchObject({ name: 'HQ', coordinatorId: anna.id });
    expect((await admin.request('GET', `/customers/${customer.id}/sites`)).body.items).toHaveLength(1);
  });

  it('commits all or nothing', async () => {
    const customer = await newCustomer(admin);
    const refused = await importCsv(admin, customer.id, 'commit', 'name,city\nGood,Bern\nGood,Basel');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'bad_request', lines: [{ line: 2, status: 'ok' }, { line: 3, status: 'error' }] });
    expect((await admin.request('GET', `/customers/${customer.id}/sites`)).body.items).toHaveLength(0);
    const committed = await importCsv(admin, customer.id, 'commit', 'name,city\nGood,Bern\nBetter,Basel');
    expect(committed.status).toBe(200);
    expect(committed.body.created).toBe(2);
    expect((await admin.request('GET', `/customers/${customer.id}/sites`)).body.items.map((s: Json) => s.name)).toEqual(['Better', 'Good']);
  });

  it('imports a French Excel export: semicolons, BOM, CRLF, quoted values', async () => {
    const customer = await newCustomer(admin);
    const csv = '\uFEFFNom;Adresse;NPA;Ville;Pays\r\n"Siège; bâtiment A";"Rue du Lac 1";1003;Lausanne;CH\r\nDépôt;;1020;Renens;ch\r\n';
    const committed = await importCsv(admin, customer.id, 'commit', csv);
    expect(committed.status).toBe(200);
    const sites = (await admin.request('GET', `/customers/${customer.id}/sites`)).body.items;
    expect(sites.map((s: Json) => [s.name, s.postcode, s.city, s.country])).toEqual([
      ['Dépôt', '1020', 'Renens', 'CH'],
      ['Siège; bâtiment A', '1003', 'Lausanne', 'CH'],
    ]);
  });

  it('refuses a file with a bad header, naming the column', async () => {
    const customer = await newCustomer(admin);
    const response = await importCsv(admin, customer.id, 'preview', 'name,floor\nHQ,2');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad_request', field: 'floor' });
    expect((await importCsv(admin, customer.id, 'dryrun', 'name\nHQ')).body.field).toBe('mode');
  });

  it('hides partner A sites from partner B on every route', async () => {
    const customer = await newCustomer(admin);
    const site = (await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Secret HQ' })).body;
    const otherAdmin = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    for (const [method, path, body] of [
      ['GET', `/customers/${customer.id}/sites`],
      ['POST', `/customers/${customer.id}/sites`, { name: 'Intruder' }],
      ['GET', `/sites/${site.id}`],
      ['PATCH', `/sites/${site.id}`, { name: 'x' }],
      ['POST', `/sites/${site.id}/deactivate`],
      ['POST', `/sites/${site.id}/reactivate`],
      ['DELETE', `/sites/${site.id}`],
    ] as const) {
      const response = await otherAdmin.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('Secret HQ');
    }
    expect((await importCsv(otherAdmin, customer.id, 'commit', 'name\nIntruder')).status).toBe(404);
    expect((await admin.request('GET', `/customers/${customer.id}/sites`)).body.items.map((s: Json) => s.name)).toEqual(['Secret HQ']);
  });

  it('lets coordinators read only their customers and technicians read, without writing', async () => {
    const mine = await newCustomer(admin);
    const other = await newCustomer(admin);
    const mySite = (await admin.request('POST', `/customers/${mine.id}/sites`, { name: 'Mine' })).body;
    const otherSite = (await admin.request('POST', `/customers/${other.id}/sites`, { name: 'Theirs' })).body;
    const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [mine.id] });
    const technician = await signedIn(t, partnerId, 'technician');
    expect((await coordinator.request('GET', `/sites/${mySite.id}`)).status).toBe(200);
    expect((await coordinator.request('GET', `/sites/${otherSite.id}`)).status).toBe(404);
    expect((await coordinator.request('GET', `/customers/${other.id}/sites`)).status).toBe(404);
    expect((await technician.request('GET', `/customers/${other.id}/sites`)).body.items).toHaveLength(1);
    for (const caller of [coordinator, technician]) {
      expect((await caller.request('POST', `/customers/${mine.id}/sites`, { name: 'x' })).status).toBe(403);
      expect((await caller.request('PATCH', `/sites/${mySite.id}`, { name: 'x' })).status).toBe(403);
      expect((await caller.request('POST', `/sites/${mySite.id}/deactivate`)).status).toBe(403);
      expect((await caller.request('POST', `/sites/${mySite.id}/reactivate`)).status).toBe(403);
      expect((await caller.request('DELETE', `/sites/${mySite.id}`)).status).toBe(403);
      expect((await importCsv(caller, mine.id, 'commit', 'name\nx')).status).toBe(403);
    }
  });
});
