import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><rect width="100" height="50"/></svg>';

describe('floor plans API', () => {
  let t: TestApp;
  let admin: Caller;
  let other: Caller;
  let customer: Json;
  let device: Json;
  let plan: Json;

  const upload = (caller: Caller, customerId: string, body: Uint8Array | string, query: string, type = 'image/png') =>
    t.app.request(`/api/customers/${customerId}/floorplans?${query}`, { method: 'POST', headers: { cookie: caller.cookie, 'content-type': type }, body });

  beforeAll(async () => {
    t = await createTestApp();
    const partner = await t.createPartner();
    admin = await signedIn(t, partner.id, 'partner_admin');
    other = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    customer = (await admin.request('POST', '/customers', customerInput())).body;
    device = (await admin.request('POST', '/devices', deviceInput(customer.id))).body;
  });
  afterAll(() => t.close());

  it('stores an uploaded plan and serves the exact bytes back, sandboxed', async () => {
    const response = await upload(admin, customer.id, PNG, 'name=Ground%20floor&floor=0');
    expect(response.status).toBe(201);
    plan = (await response.json()) as Json;
    expect(plan).toMatchObject({ customerId: customer.id, name: 'Ground floor', floor: 0, contentType: 'image/png', devices: [] });
    const image = await t.app.request(plan.imageUrl, { headers: { cookie: admin.cookie } });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
  });

  it('takes the type from the bytes, not the header, and refuses what is not an image', async () => {
    const svg: Json = await (await upload(admin, customer.id, SVG, 'name=First&floor=1', 'image/png')).json();
    expect(svg.contentType).toBe('image/svg+xml');
    const refused = await upload(admin, customer.id, 'hello', 'name=Bad&floor=2');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ field: 'image' });
    expect((await upload(admin, customer.id, PNG, 'floor=2')).status).toBe(400);
    const list = await admin.request('GET', `/customers/${customer.id}/floorplans`);
    expect(list.body.items.map((item: Json) => item.name)).toEqual(['Ground floor', 'First']);
  });

  it("places the customer's devices in %, and only them", async () => {
    const placed = await admin.request('PUT', `/floorplans/${plan.id}/devices`, { devices: [{ deviceId: device.id, x: 12.5, y: 80 }] });
    expect(placed.body.devices).toEqual([{ deviceId: device.id, x: 12.5, y: 80, deviceCode: device.deviceCode, model: device.model }]);
    expect((await admin.request('PUT', `/floorplans/${plan.id}/devices`, { devices: [{ deviceId: device.id, x: 101, y: 0 }] })).status).toBe(400);
    const stranger = (await admin.request('POST', '/devices', deviceInput((await admin.request('POST', '/customers', customerInput())).body.id))).body;
    expect((await admin.request('PUT', `/floorplans/${plan.id}/devices`, { devices: [{ deviceId: stranger.id, x: 1, y: 1 }] })).body).toMatchObject({ field: 'devices' });
  });

  it("hides a partner's plans from another partner on every route", async () => {
    expect((await other.request('GET', `/customers/${customer.id}/floorplans`)).status).toBe(404);
    expect((await upload(other, customer.id, PNG, 'name=X&floor=0')).status).toBe(404);
    expect((await t.app.request(plan.imageUrl, { headers: { cookie: other.cookie } })).status).toBe(404);
    expect((await other.request('PUT', `/floorplans/${plan.id}/devices`, { devices: [] })).status).toBe(404);
    expect((await other.request('DELETE', `/floorplans/${plan.id}`)).status).toBe(404);
  });

  it('deletes a plan with its positions', async () => {
    expect((await admin.request('DELETE', `/floorplans/${plan.id}`)).body).toEqual({ deleted: true });
    expect((await admin.request('DELETE', `/floorplans/${plan.id}`)).status).toBe(404);
  });
});
