import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/app.ts';
import { newCustomer, partnerAdminApp } from '../../test/partner-admin.ts';
import { customerInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';

describe('coordinators API', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => ({ t, admin, partnerId } = await partnerAdminApp()));
  afterAll(() => t.close());

  const mainNames = async (customerId: string) =>
    (await admin.request('GET', `/customers/${customerId}/coordinators`)).body.items.filter((c: Json) => c.isMain).map((c: Json) => c.name);

  it('keeps one main coordinator: making one main makes the previous ordinary', async () => {
    const customer = await newCustomer(admin);
    const first = await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Lambert', email: ' Lambert@Client.CH ', isMain: true });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'Lambert', email: 'lambert@client.ch', isMain: true });
    const second = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Orlyane', isMain: true })).body;
    expect(await mainNames(customer.id)).toEqual(['Orlyane']);
    await admin.request('PATCH', `/coordinators/${first.body.id}`, { isMain: true });
    expect(await mainNames(customer.id)).toEqual(['Lambert']);
    expect((await admin.request('GET', `/coordinators/${second.id}`)).body.isMain).toBe(false);
  });

  it('takes a deactivated coordinator out of the main role and refuses to make it main', async () => {
    const customer = await newCustomer(admin);
    const main = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Dante', isMain: true })).body;
    const deactivated = await admin.request('POST', `/coordinators/${main.id}/deactivate`);
    expect(deactivated.body).toMatchObject({ active: false, isMain: false });
    expect((await admin.request('PATCH', `/coordinators/${main.id}`, { isMain: true })).body).toMatchObject({ code: 'bad_request', field: 'isMain' });
    expect((await admin.request('GET', `/customers/${customer.id}/coordinators?active=true`)).body.items).toEqual([]);
  });

  it('reactivates a coordinator as an ordinary one, leaving the main one in place', async () => {
    const customer = await newCustomer(admin);
    const first = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Aline', isMain: true })).body;
    await admin.request('POST', `/coordinators/${first.id}/deactivate`);
    const second = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Bruno', isMain: true })).body;
    const reactivated = await admin.request('POST', `/coordinators/${first.id}/reactivate`);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ id: first.id, active: true, isMain: false });
    expect(await mainNames(customer.id)).toEqual(['Bruno']);
    // Back among the active ones, it may be made main again, which makes the other ordinary.
    expect((await admin.request('PATCH', `/coordinators/${first.id}`, { isMain: true })).body.isMain).toBe(true);
    expect(await mainNames(customer.id)).toEqual(['Aline']);
    expect((await admin.request('GET', `/coordinators/${second.id}`)).body).toMatchObject({ active: true, isMain: false });
    expect((await admin.request('POST', '/coordinators/00000000-0000-4000-8000-00000000dead/reactivate')).body.key).toBe('coordinator.not_found');
  });

  it('keeps overage alerts off by default and on only for a coordinator with an email address', async () => {
    const customer = await newCustomer(admin);
    const needsEmail = { code: 'bad_request', key: 'coordinator.alerts_need_email', field: 'overageAlerts' };
    expect((await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Ilse', overageAlerts: true })).body).toMatchObject(needsEmail);
    const ilse = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Ilse' })).body;
    expect(ilse.overageAlerts).toBe(false);
    expect((await admin.request('PATCH', `/coordinators/${ilse.id}`, { overageAlerts: true })).body).toMatchObject(needsEmail);
    const on = await admin.request('PATCH', `/coordinators/${ilse.id}`, { email: 'ilse@client.ch', overageAlerts: true });
    expect(on.body).toMatchObject({ email: 'ilse@client.ch', overageAlerts: true });
    // Taking the address away would leave alerts nobody receives.
    expect((await admin.request('PATCH', `/coordinators/${ilse.id}`, { email: null })).body).toMatchObject(needsEmail);
    expect((await admin.request('PATCH', `/coordinators/${ilse.id}`, { email: null, overageAlerts: false })).body).toMatchObject({ email: null, overageAlerts: false });
  });

  it.each([
    ['name', { name: '' }],
    ['email', { name: 'A', email: 'not-an-email' }],
    ['isMain', { name: 'A', isMain: 'yes' }],
  ])('refuses a bad %s with a 400 naming it', async (field, body) => {
    const customer = await newCustomer(admin);
    expect((await admin.request('POST', `/customers/${customer.id}/coordinators`, body)).body).toMatchObject({ code: 'bad_request', field });
  });

  it('hides partner A coordinators from partner B on every route', async () => {
    const customer = await newCustomer(admin);
    const coordinator = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Karel Secret' })).body;
    const otherAdmin = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    for (const [method, path, body] of [
      ['GET', `/customers/${customer.id}/coordinators`],
      ['POST', `/customers/${customer.id}/coordinators`, { name: 'Intruder', isMain: true }],
      ['GET', `/coordinators/${coordinator.id}`],
      ['PATCH', `/coordinators/${coordinator.id}`, { isMain: true }],
      ['POST', `/coordinators/${coordinator.id}/deactivate`],
      ['POST', `/coordinators/${coordinator.id}/reactivate`],
    ] as const) {
      const response = await otherAdmin.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('Karel');
    }
    expect((await admin.request('GET', `/coordinators/${coordinator.id}`)).body).toMatchObject({ isMain: false, active: true });
  });

  it('lets coordinators read only their customers and technicians read, without writing', async () => {
    const mine = await newCustomer(admin);
    const other = await newCustomer(admin);
    const myCoordinator = (await admin.request('POST', `/customers/${mine.id}/coordinators`, { name: 'Mine' })).body;
    const otherCoordinator = (await admin.request('POST', `/customers/${other.id}/coordinators`, { name: 'Theirs' })).body;
    const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [mine.id] });
    const technician = await signedIn(t, partnerId, 'technician');
    expect((await coordinator.request('GET', `/coordinators/${myCoordinator.id}`)).status).toBe(200);
    expect((await coordinator.request('GET', `/coordinators/${otherCoordinator.id}`)).status).toBe(404);
    expect((await coordinator.request('GET', `/customers/${other.id}/coordinators`)).status).toBe(404);
    expect((await technician.request('GET', `/coordinators/${otherCoordinator.id}`)).status).toBe(200);
    for (const caller of [coordinator, technician]) {
      expect((await caller.request('POST', `/customers/${mine.id}/coordinators`, { name: 'x' })).status).toBe(403);
      expect((await caller.request('PATCH', `/coordinators/${myCoordinator.id}`, { name: 'x' })).status).toBe(403);
      expect((await caller.request('POST', `/coordinators/${myCoordinator.id}/deactivate`)).status).toBe(403);
      expect((await caller.request('POST', `/coordinators/${myCoordinator.id}/reactivate`)).status).toBe(403);
    }
  });
});
