import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/app.ts';
import { newCustomer, partnerAdminApp } from '../../test/partner-admin.ts';
import { customerInput, deviceInput, partnerWithDevice, signedIn, type Caller, type Json } from '../customers/test-client.ts';

describe('devices API', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => ({ t, admin, partnerId } = await partnerAdminApp()));
  afterAll(() => t.close());


  it('names devices PREFIX-n in order and gives them total and mono counters, plus colour when colour-capable', async () => {
    const customer = await newCustomer(admin, { prefix: 'DEMO' });
    const mono = await admin.request('POST', '/devices', deviceInput(customer.id));
    const colour = await admin.request('POST', '/devices', deviceInput(customer.id, { colourCapable: true }));
    expect(mono.status).toBe(201);
    expect(mono.body).toMatchObject({ deviceCode: 'DEMO-1', deviceNumber: 1, customerId: customer.id });
    expect(colour.body.deviceCode).toBe('DEMO-2');
    expect(mono.body.counters.map((c: Json) => c.kind)).toEqual(expect.arrayContaining(['total', 'mono']));
    expect(mono.body.counters).toHaveLength(2);
    expect(colour.body.counters.map((c: Json) => c.kind).sort()).toEqual(['colour', 'mono', 'total']);
  });

  it('gives ten concurrent creates ten different numbers', async () => {
    const customer = await newCustomer(admin, { prefix: 'RACE' });
    const responses = await Promise.all(Array.from({ length: 10 }, () => admin.request('POST', '/devices', deviceInput(customer.id))));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(responses.map((r) => r.body.deviceNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('never reuses a number, even after the last device is deactivated', async () => {
    const customer = await newCustomer(admin, { prefix: 'NR' });
    await admin.request('POST', '/devices', deviceInput(customer.id));
    const second = await admin.request('POST', '/devices', deviceInput(customer.id));
    await admin.request('POST', `/devices/${second.body.id}/deactivate`);
    expect((await admin.request('POST', '/devices', deviceInput(customer.id))).body.deviceCode).toBe('NR-3');
  });

  it('refuses a serial an active device of the partner carries, and frees it on deactivation', async () => {
    const customer = await newCustomer(admin);
    const other = await newCustomer(admin);
    const first = await admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'XK-100' }));
    const duplicate = await admin.request('POST', '/devices', deviceInput(other.id, { serial: 'XK-100' }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'conflict', field: 'serial' });
    expect(duplicate.body.message).toContain(first.body.deviceCode);
    const renamed = await admin.request('POST', '/devices', deviceInput(other.id, { serial: 'XK-200' }));
    expect((await admin.request('PATCH', `/devices/${renamed.body.id}`, { serial: 'XK-100' })).status).toBe(409);
    await admin.request('POST', `/devices/${first.body.id}/deactivate`);
    expect((await admin.request('POST', '/devices', deviceInput(other.id, { serial: 'XK-100' }))).status).toBe(201);
    const otherPartner = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    const theirs = (await otherPartner.request('POST', '/customers', customerInput())).body;
    expect((await otherPartner.request('POST', '/devices', deviceInput(theirs.id, { serial: 'XK-100' }))).status).toBe(201);
  });

  it('lets only one of several concurrent creates with the same serial through, with a clear 409 for the rest', async () => {
    const customer = await newCustomer(admin);
    const responses = await Promise.all(Array.from({ length: 5 }, () => admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'SAME-SERIAL' }))));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) expect(refused.body).toMatchObject({ code: 'conflict', field: 'serial' });
  });

  it('refuses a site or coordinator of another customer', async () => {
    const customer = await newCustomer(admin);
    const other = await newCustomer(admin);
    const site = (await admin.request('POST', `/customers/${other.id}/sites`, { name: 'Elsewhere' })).body;
    const coordinator = (await admin.request('POST', `/customers/${other.id}/coordinators`, { name: 'Someone else' })).body;
    expect((await admin.request('POST', '/devices', deviceInput(customer.id, { siteId: site.id }))).body).toMatchObject({ code: 'bad_request', field: 'siteId' });
    expect((await admin.request('POST', '/devices', deviceInput(customer.id, { coordinatorId: coordinator.id }))).body).toMatchObject({
      code: 'bad_request',
      field: 'coordinatorId',
    });
    const ownSite = (await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'HQ' })).body;
    const device = await admin.request('POST', '/devices', deviceInput(customer.id, { siteId: ownSite.id }));
    expect(device.body.siteId).toBe(ownSite.id);
    expect((await admin.request('PATCH', `/devices/${device.body.id}`, { siteId: site.id })).body.field).toBe('siteId');
  });

  it('filters and pages the list', async () => {
    const customer = await newCustomer(admin, { prefix: 'FLT' });
    const site = (await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Lausanne' })).body;
    await admin.request('POST', '/devices', deviceInput(customer.id, { manufacturer: 'HP', model: 'M428', serial: 'HPSER1', location: 'Reception' }));
    await admin.request('POST', '/devices', deviceInput(customer.id, { manufacturer: 'Canon', siteId: site.id, internalNumber: '0002' }));
    const gone = await admin.request('POST', '/devices', deviceInput(customer.id, { manufacturer: 'Canon' }));
    await admin.request('POST', `/devices/${gone.body.id}/deactivate`);
    const list = async (query: string) => (await admin.request('GET', `/devices?customerId=${customer.id}&${query}`)).body;
    expect((await list('')).total).toBe(3);
    expect((await list('manufacturer=hp')).items.map((d: Json) => d.serial)).toEqual(['HPSER1']);
    expect((await list('model=m428')).total).toBe(1);
    expect((await list(`siteId=${site.id}`)).items.map((d: Json) => d.deviceCode)).toEqual(['FLT-2']);
    expect((await list('active=false')).items.map((d: Json) => d.deviceCode)).toEqual(['FLT-3']);
    for (const search of ['hpser', 'FLT-1', 'recep']) expect((await list(`search=${search}`)).items.map((d: Json) => d.deviceCode)).toEqual(['FLT-1']);
    expect((await list('search=0002')).items.map((d: Json) => d.deviceCode)).toEqual(['FLT-2']);
    expect(await list('pageSize=2&page=2')).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ deviceCode: 'FLT-3' }] });
    // Past the last page: no rows, still the total.
    expect(await list('pageSize=2&page=3')).toMatchObject({ total: 3, page: 3, items: [] });
  });

  it('adds a colour counter when a device becomes colour-capable', async () => {
    const customer = await newCustomer(admin);
    const device = (await admin.request('POST', '/devices', deviceInput(customer.id))).body;
    const changed = await admin.request('PATCH', `/devices/${device.id}`, { colourCapable: true, location: 'Floor 2' });
    expect(changed.body).toMatchObject({ colourCapable: true, location: 'Floor 2', deviceCode: device.deviceCode });
    expect(changed.body.counters.map((c: Json) => c.kind).sort()).toEqual(['colour', 'mono', 'total']);
  });

  it.each([
    ['serial', { serial: '' }],
    ['manufacturer', { manufacturer: undefined }],
    ['ip', { ip: '999.1.1.1' }],
    ['mac', { mac: 'nope' }],
    ['customerId', { customerId: 'x' }],
  ])('refuses a bad %s with a 400 naming it', async (field, overrides) => {
    const customer = await newCustomer(admin);
    const response = await admin.request('POST', '/devices', deviceInput(customer.id, overrides));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad_request', field });
  });

  it('hides partner A devices from partner B on every route', async () => {
    const a = await partnerWithDevice(t);
    const b = await partnerWithDevice(t);
    for (const [method, path, body] of [
      ['GET', `/devices/${a.device.id}`],
      ['PATCH', `/devices/${a.device.id}`, { location: 'x' }],
      ['POST', `/devices/${a.device.id}/deactivate`],
      ['POST', '/devices', deviceInput(a.customer.id)],
    ] as const) {
      const response = await b.admin.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain(a.device.serial);
    }
    expect((await b.admin.request('GET', `/devices?customerId=${a.customer.id}`)).body.total).toBe(0);
    expect((await b.admin.request('GET', '/devices')).body.items.map((d: Json) => d.id)).toEqual([b.device.id]);
    expect((await a.admin.request('GET', `/devices/${a.device.id}`)).body.active).toBe(true);
  });

  it("lets coordinators read only their customers' devices and technicians read, without writing", async () => {
    const mine = await newCustomer(admin);
    const other = await newCustomer(admin);
    const myDevice = (await admin.request('POST', '/devices', deviceInput(mine.id))).body;
    const otherDevice = (await admin.request('POST', '/devices', deviceInput(other.id))).body;
    const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [mine.id] });
    const technician = await signedIn(t, partnerId, 'technician');
    expect((await coordinator.request('GET', `/devices/${myDevice.id}`)).status).toBe(200);
    expect((await coordinator.request('GET', `/devices/${otherDevice.id}`)).status).toBe(404);
    expect((await coordinator.request('GET', '/devices')).body.items.map((d: Json) => d.id)).toEqual([myDevice.id]);
    expect((await coordinator.request('GET', `/devices?customerId=${other.id}`)).body.total).toBe(0);
    expect((await technician.request('GET', `/devices/${otherDevice.id}`)).status).toBe(200);
    for (const caller of [coordinator, technician]) {
      expect((await caller.request('POST', '/devices', deviceInput(mine.id))).status).toBe(403);
      expect((await caller.request('PATCH', `/devices/${myDevice.id}`, { location: 'x' })).status).toBe(403);
      expect((await caller.request('POST', `/devices/${myDevice.id}/deactivate`)).status).toBe(403);
    }
  });

  it('adds a device by hand with the counters it has, recording its starting counters as readings at the install date', async () => {
    const customer = await newCustomer(admin);
    const created = await admin.request(
      'POST',
      '/devices',
      deviceInput(customer.id, {
        installedAt: '2026-06-01T00:00:00Z',
        counters: ['scan', 'large'],
        startingCounters: [
          { counter: 'total', value: 5000 },
          { counter: 'scan', value: 700 },
        ],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.colourCapable).toBe(false);
    expect(created.body.counters.map((c: Json) => c.kind).sort()).toEqual(['large', 'mono', 'scan', 'total']);
    const readings = (await admin.request('GET', `/devices/${created.body.id}/readings`)).body.items as Json[];
    expect(readings.map((r) => [r.counterKind, r.value, r.source, r.takenAt]).sort()).toEqual([
      ['scan', 700, 'partner', '2026-06-01T00:00:00.000Z'],
      ['total', 5000, 'partner', '2026-06-01T00:00:00.000Z'],
    ]);
    // Colour among the counters makes the device colour-capable; a starting value needs its counter.
    const colour = await admin.request('POST', '/devices', deviceInput(customer.id, { counters: ['colour'] }));
    expect(colour.body.colourCapable).toBe(true);
    const noCounter = await admin.request('POST', '/devices', deviceInput(customer.id, { startingCounters: [{ counter: 'colour', value: 1 }] }));
    expect(noCounter.status).toBe(400);
    expect(noCounter.body).toMatchObject({ key: 'device.no_counter', field: 'startingCounters.0.counter' });
  });

  it('suggests the models of the fleet first, then common real ones', async () => {
    const customer = await newCustomer(admin);
    await admin.request('POST', '/devices', deviceInput(customer.id, { manufacturer: 'Olivetti', model: 'd-Color MF3302', colourCapable: true }));
    const models = (await admin.request('GET', '/devices/models')).body.items as Json[];
    expect(models).toContainEqual({ manufacturer: 'Olivetti', model: 'd-Color MF3302', counters: ['colour'] });
    expect(models).toContainEqual({ manufacturer: 'Ricoh', model: 'IM C3000', counters: ['colour', 'scan'] });
  });

  it('reactivates a deactivated device unless another active device took its serial', async () => {
    const customer = await newCustomer(admin);
    const device = (await admin.request('POST', '/devices', deviceInput(customer.id))).body;
    await admin.request('POST', `/devices/${device.id}/deactivate`);
    const reactivated = await admin.request('POST', `/devices/${device.id}/reactivate`);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ id: device.id, active: true, deviceCode: device.deviceCode });
    await admin.request('POST', `/devices/${device.id}/deactivate`);
    const successor = (await admin.request('POST', '/devices', deviceInput(customer.id, { serial: device.serial }))).body;
    const refused = await admin.request('POST', `/devices/${device.id}/reactivate`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ key: 'device.serial_taken', params: { serial: device.serial, deviceCode: successor.deviceCode } });
  });

  it('deletes a device without history, and refuses one with readings, saying to deactivate it', async () => {
    const customer = await newCustomer(admin);
    const mistake = (await admin.request('POST', '/devices', deviceInput(customer.id))).body;
    const counted = (await admin.request('POST', '/devices', deviceInput(customer.id, { startingCounters: [{ counter: 'total', value: 10 }] }))).body;
    expect((await admin.request('DELETE', `/devices/${mistake.id}`)).status).toBe(204);
    expect((await admin.request('GET', `/devices/${mistake.id}`)).status).toBe(404);
    const refused = await admin.request('DELETE', `/devices/${counted.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ key: 'device.has_history', params: { readings: 1 } });
    expect(refused.body.message).toContain('Désactivez-le plutôt');
    expect((await admin.request('GET', `/devices/${counted.id}`)).status).toBe(200);
    // Its number is never reused.
    expect((await admin.request('POST', '/devices', deviceInput(customer.id))).body.deviceCode).toBe(`${customer.prefix}-3`);
    const technician = await signedIn(t, partnerId, 'technician');
    expect((await technician.request('DELETE', `/devices/${counted.id}`)).status).toBe(403);
    expect((await technician.request('POST', `/devices/${counted.id}/reactivate`)).status).toBe(403);
  });
});
