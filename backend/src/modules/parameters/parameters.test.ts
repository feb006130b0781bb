import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidOid } from '@parc/shared/contracts/parameters';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { partnerWithDevice, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { checkedValue } from './parameters.service.ts';

describe('custom parameters API', () => {
  let t: TestApp;
  let admin: Caller;
  let customer: Json;
  let device: Json;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, customer, device, partner: { id: partnerId } } = await partnerWithDevice(t));
  });
  afterAll(() => t.close());

  it('defines text, list and OID parameters and refuses inconsistent ones', async () => {
    const list = await admin.request('POST', '/parameters', { name: 'Contract', kind: 'list', appliesTo: 'customer', options: ['Gold', 'Silver'] });
    expect(list.status).toBe(201);
    expect(list.body).toMatchObject({ kind: 'list', options: ['Gold', 'Silver'], oid: null });
    const oid = await admin.request('POST', '/parameters', { name: 'Page count OID', kind: 'oid', appliesTo: 'device', oid: '.1.3.6.1.2.1.43.10.2.1.4.1.1' });
    expect(oid.body.oid).toBe('1.3.6.1.2.1.43.10.2.1.4.1.1');
    expect((await admin.request('POST', '/parameters', { name: 'Bad', kind: 'oid', appliesTo: 'device', oid: '1.3.abc' })).body).toMatchObject({ code: 'bad_request', field: 'oid' });
    expect((await admin.request('POST', '/parameters', { name: 'Empty', kind: 'list', appliesTo: 'device' })).body).toMatchObject({ field: 'options' });
    expect((await admin.request('POST', '/parameters', { name: 'Contract', kind: 'text', appliesTo: 'customer' })).status).toBe(409);
    expect((await admin.request('GET', '/parameters?appliesTo=device')).body.items.map((p: Json) => p.name)).toEqual(['Page count OID']);
  });

  it('sets, lists and clears values on customers and devices; a removed choice clears its values', async () => {
    const tier = (await admin.request('POST', '/parameters', { name: 'Tier', kind: 'list', appliesTo: 'customer', options: ['A', 'B'] })).body;
    const room = (await admin.request('POST', '/parameters', { name: 'Room', kind: 'text', appliesTo: 'device' })).body;
    const set = await admin.request('PUT', `/customers/${customer.id}/parameters`, { values: [{ parameterId: tier.id, value: 'B' }] });
    expect(set.status).toBe(200);
    expect(set.body.items.find((v: Json) => v.parameter.id === tier.id).value).toBe('B');
    expect((await admin.request('PUT', `/customers/${customer.id}/parameters`, { values: [{ parameterId: tier.id, value: 'Z' }] })).body.code).toBe('bad_request');
    expect((await admin.request('PUT', `/customers/${customer.id}/parameters`, { values: [{ parameterId: room.id, value: 'x' }] })).body.code).toBe('bad_request');
    await admin.request('PUT', `/devices/${device.id}/parameters`, { values: [{ parameterId: room.id, value: ' 2.14 ' }] });
    expect((await admin.request('GET', `/devices/${device.id}/parameters`)).body.items.find((v: Json) => v.parameter.id === room.id).value).toBe('2.14');
    await admin.request('PUT', `/devices/${device.id}/parameters`, { values: [{ parameterId: room.id, value: null }] });
    expect((await admin.request('GET', `/devices/${device.id}/parameters`)).body.items.find((v: Json) => v.parameter.id === room.id).value).toBeNull();
    await admin.request('PATCH', `/parameters/${tier.id}`, { options: ['A', 'C'] });
    expect((await admin.request('GET', `/customers/${customer.id}/parameters`)).body.items.find((v: Json) => v.parameter.id === tier.id).value).toBeNull();
    expect((await admin.request('DELETE', `/parameters/${room.id}`)).status).toBe(204);
  });

  it("keeps other partners' parameters and entities out (404 / refused)", async () => {
    const mine = (await admin.request('POST', '/parameters', { name: 'Mine', kind: 'text', appliesTo: 'device' })).body;
    const other = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    expect((await other.request('PATCH', `/parameters/${mine.id}`, { name: 'Theirs' })).status).toBe(404);
    expect((await other.request('DELETE', `/parameters/${mine.id}`)).status).toBe(404);
    expect((await other.request('GET', `/devices/${device.id}/parameters`)).status).toBe(404);
    expect((await other.request('PUT', `/customers/${customer.id}/parameters`, { values: [{ parameterId: mine.id, value: 'x' }] })).status).toBe(404);
    expect((await other.request('GET', '/parameters')).body.items).toEqual([]);
    const technician = await signedIn(t, partnerId, 'technician');
    expect((await technician.request('GET', '/parameters')).status).toBe(403);
  });

  it('lets only settings editors define parameters', async () => {
    const profile = (await admin.request('POST', '/profiles', { name: 'Devices only', permissions: { dashboard: 'view', customers: 'view', devices: 'edit', readings: 'view', billing: 'view', agents: 'view', users: 'none', settings: 'view' } })).body;
    const staff = await signedIn(t, partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: profile.id });
    expect((await staff.request('POST', '/parameters', { name: 'Nope', kind: 'text', appliesTo: 'device' })).status).toBe(403);
    const room = (await admin.request('POST', '/parameters', { name: 'Desk', kind: 'text', appliesTo: 'device' })).body;
    expect((await staff.request('PUT', `/devices/${device.id}/parameters`, { values: [{ parameterId: room.id, value: '7' }] })).status).toBe(200);
    expect((await staff.request('PUT', `/customers/${customer.id}/parameters`, { values: [{ parameterId: room.id, value: '7' }] })).status).toBe(403);
  });

  it('lists the definitions to whoever sees devices or customers (their filters and columns), not to a profile without any', async () => {
    const staffWith = async (permissions: Record<string, string>) => {
      const profile = (await admin.request('POST', '/profiles', { name: `Profile ${Object.values(permissions).join(' ')}`, permissions })).body;
      const staff = await signedIn(t, partnerId, 'partner_staff');
      await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: profile.id });
      return staff;
    };
    const none = { dashboard: 'none', customers: 'none', devices: 'none', readings: 'none', billing: 'none', agents: 'none', users: 'none', settings: 'none' };
    const devicesOnly = await staffWith({ ...none, devices: 'view' });
    const listed = await devicesOnly.request('GET', '/parameters?appliesTo=device');
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect((await (await staffWith({ ...none, customers: 'view' })).request('GET', '/parameters')).status).toBe(200);
    expect((await (await staffWith({ ...none, billing: 'edit' })).request('GET', '/parameters')).status).toBe(403);
    expect((await devicesOnly.request('POST', '/parameters', { name: 'Nope', kind: 'text', appliesTo: 'device' })).status).toBe(403);
  });
});

describe('parameter values and OIDs', () => {
  it.each([
    ['1.3.6.1.2.1.1.5.0', true],
    ['.1.3.6.1.2.1.1.5.0', true],
    ['1', false],
    ['1.3.06.1', false],
    ['3.1.2', false],
    ['1.3.6.a', false],
  ])('OID %s valid: %s', (oid, valid) => expect(isValidOid(oid)).toBe(valid));

  it.each([
    [{ name: 'T', kind: 'text', options: [] }, '  x ', 'x'],
    [{ name: 'T', kind: 'text', options: [] }, '   ', null],
    [{ name: 'L', kind: 'list', options: ['A'] }, 'A', 'A'],
    [{ name: 'L', kind: 'list', options: ['A'] }, null, null],
  ] as const)('%o takes %o as %o', (parameter, value, stored) => {
    expect(checkedValue({ ...parameter, options: [...parameter.options] }, value)).toBe(stored);
  });

  it.each([
    [{ name: 'L', kind: 'list' as const, options: ['A'] }, 'B'],
    [{ name: 'O', kind: 'oid' as const, options: [] }, '42'],
  ])('refuses %o = %s', (parameter, value) => {
    expect(() => checkedValue(parameter, value)).toThrow();
  });
});
