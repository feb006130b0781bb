import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { partnerWithDevice, signedIn, type Json } from '../customers/test-client.ts';

describe('counters API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists, adds, refuses a duplicate kind, deactivates and switches a kind back on', async () => {
    const { admin, device } = await partnerWithDevice(t);
    expect((await admin.request('GET', `/devices/${device.id}/counters`)).body.items.map((c: Json) => c.kind)).toEqual(
      expect.arrayContaining(['total', 'mono']),
    );
    const scan = await admin.request('POST', `/devices/${device.id}/counters`, { kind: 'scan' });
    expect(scan.status).toBe(201);
    expect(scan.body).toMatchObject({ kind: 'scan', active: true, deviceId: device.id });
    expect((await admin.request('POST', `/devices/${device.id}/counters`, { kind: 'scan' })).body).toMatchObject({ code: 'conflict', field: 'kind' });
    expect((await admin.request('POST', `/counters/${scan.body.id}/deactivate`)).body.active).toBe(false);
    const again = await admin.request('POST', `/devices/${device.id}/counters`, { kind: 'scan' });
    expect(again.body).toMatchObject({ id: scan.body.id, active: true });
    expect((await admin.request('GET', `/counters/${scan.body.id}`)).body.kind).toBe('scan');
    expect((await admin.request('POST', `/devices/${device.id}/counters`, { kind: 'cyan' })).body).toMatchObject({ code: 'bad_request', field: 'kind' });
  });

  it('hides partner A counters from partner B on every route', async () => {
    const a = await partnerWithDevice(t);
    const b = await partnerWithDevice(t);
    const counter = a.device.counters[0];
    for (const [method, path, body] of [
      ['GET', `/devices/${a.device.id}/counters`],
      ['POST', `/devices/${a.device.id}/counters`, { kind: 'large' }],
      ['GET', `/counters/${counter.id}`],
      ['POST', `/counters/${counter.id}/deactivate`],
    ] as const) {
      expect((await b.admin.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect((await a.admin.request('GET', `/counters/${counter.id}`)).body.active).toBe(true);
    expect((await a.admin.request('GET', `/devices/${a.device.id}/counters`)).body.items).toHaveLength(2);
  });

  it('lets coordinators read only their customers and technicians read, without writing', async () => {
    const { partner, admin, customer, device } = await partnerWithDevice(t);
    const other = (await admin.request('POST', '/customers', { customerNumber: 'O1', name: 'Other', prefix: 'OTH' })).body;
    const coordinator = await signedIn(t, partner.id, 'coordinator', { customerIds: [other.id] });
    const ownCoordinator = await signedIn(t, partner.id, 'coordinator', { customerIds: [customer.id] });
    const technician = await signedIn(t, partner.id, 'technician');
    expect((await coordinator.request('GET', `/devices/${device.id}/counters`)).status).toBe(404);
    expect((await coordinator.request('GET', `/counters/${device.counters[0].id}`)).status).toBe(404);
    expect((await ownCoordinator.request('GET', `/counters/${device.counters[0].id}`)).status).toBe(200);
    expect((await technician.request('GET', `/devices/${device.id}/counters`)).status).toBe(200);
    for (const caller of [ownCoordinator, technician]) {
      expect((await caller.request('POST', `/devices/${device.id}/counters`, { kind: 'scan' })).status).toBe(403);
      expect((await caller.request('POST', `/counters/${device.counters[0].id}/deactivate`)).status).toBe(403);
    }
  });
});
