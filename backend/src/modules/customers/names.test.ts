import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, signedIn, type Caller, type Json } from './test-client.ts';

describe('customer and technician names for filters', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  let first: Json;

  const staffWith = async (permissions: Record<string, string>) => {
    const all = { dashboard: 'none', customers: 'none', devices: 'none', readings: 'none', maintenance: 'none', consumables: 'none', billing: 'none', reports: 'none', agents: 'none', users: 'none', settings: 'none' };
    const profile = (await admin.request('POST', '/profiles', { name: `P ${Object.keys(permissions).join()}`, permissions: { ...all, ...permissions } })).body;
    const staff = await signedIn(t, partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: profile.id });
    return staff;
  };

  beforeAll(async () => {
    t = await createTestApp();
    partnerId = (await t.createPartner()).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
    first = (await admin.request('POST', '/customers', customerInput({ customerNumber: '200', name: 'Zürcher Druck', address: 'Secret street 1' }))).body;
    const second = (await admin.request('POST', '/customers', customerInput({ customerNumber: '100', name: 'Beta' }))).body;
    await admin.request('POST', `/customers/${second.id}/deactivate`);
    await signedIn(t, partnerId, 'technician');
    const leaving = await signedIn(t, partnerId, 'technician');
    await admin.request('DELETE', `/users/${leaving.userId}`);
  });
  afterAll(() => t.close());

  it('gives a maintenance clerk who may not open customers their names and numbers only, by number', async () => {
    const clerk = await staffWith({ maintenance: 'view' });
    expect((await clerk.request('GET', '/customers')).status).toBe(403);
    const names = await clerk.request('GET', '/customer-names');
    expect(names.status).toBe(200);
    expect(names.body.items.map((item: Json) => item.customerNumber)).toEqual(['100', '200']);
    expect(names.body.items[1]).toEqual({ id: first.id, name: 'Zürcher Druck', customerNumber: '200', active: true });
    expect(names.body.items[0].active).toBe(false);
  });

  it('answers another dealer none, and neither a profile that filters by no customer nor a coordinator (whose app is not the console)', async () => {
    const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [first.id] });
    expect((await coordinator.request('GET', '/customer-names')).status).toBe(403);
    const stranger = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    expect((await stranger.request('GET', '/customer-names')).body.items).toEqual([]);
    expect((await (await staffWith({ settings: 'edit' })).request('GET', '/customer-names')).status).toBe(403);
  });

  it('lists the active technicians to whoever assigns requests', async () => {
    const clerk = await staffWith({ maintenance: 'view' });
    const technicians = (await clerk.request('GET', '/technicians')).body.items;
    expect(technicians).toHaveLength(1);
    expect(Object.keys(technicians[0]).sort()).toEqual(['id', 'name']);
    expect((await (await staffWith({ billing: 'edit' })).request('GET', '/technicians')).status).toBe(403);
  });
});
