import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, partnerWithDevice, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { issueLink } from '../links/links.service.ts';
import { collectNotices, sendDueNotices } from '../notifications/notices.service.ts';

describe('location change requests', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  let customer: Json;
  let device: Json;

  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, customer, device, partner: { id: partnerId } } = await partnerWithDevice(t));
    await admin.request('PATCH', `/devices/${device.id}`, { location: 'REZ - ACCUEIL' });
  });
  afterAll(() => t.close());

  async function ask(location: string, message = '') {
    const { token } = await issueLink(t.deps, { partnerId, customerId: customer.id, period: '2026-11' });
    const response = await t.app.request(`/api/links/${token}/location-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: device.id, location, message }),
    });
    expect(response.status).toBe(202);
    return token;
  }

  const pageOf = async (token: string) => (await (await t.app.request(`/api/links/${token}`)).json()) as Json;
  const open = async (caller: Caller = admin) => (await caller.request('GET', `/location-requests?customerId=${customer.id}`)).body.items as Json[];

  it('tells the dealer’s administrators, in their language, and shows "requested" on the meter page', async () => {
    const before = t.mailer.sent.length;
    const token = await ask('1ER - COMPTABILITÉ', 'Moved last week');
    // Told before the answer (Parc's default rule: at once, to the administrators), once.
    await collectNotices(t.deps, t.deps.clock());
    await sendDueNotices(t.deps, t.deps.clock());
    const mails = t.mailer.sent.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(device.deviceCode);
    expect(mails[0]!.text).toContain('1ER - COMPTABILITÉ');
    expect(mails[0]!.text).toContain('Moved last week');
    expect(mails[0]!.text).toContain(`/console/customers/${customer.id}?tab=locations`);
    const machine = (await pageOf(token)).machines.find((item: Json) => item.deviceId === device.id);
    expect(machine).toMatchObject({ location: 'REZ - ACCUEIL', requestedLocation: '1ER - COMPTABILITÉ' });
    expect(await open()).toEqual([
      expect.objectContaining({ deviceCode: device.deviceCode, currentLocation: 'REZ - ACCUEIL', location: '1ER - COMPTABILITÉ', message: 'Moved last week', outcome: null }),
    ]);
    expect((await admin.request('GET', '/dashboard')).body.locationRequests).toBe(1);
  });

  it('applies a request to the device once; the page then shows the new location, no longer "requested"', async () => {
    const [request] = await open();
    const applied = await admin.request('POST', `/location-requests/${request!.id}/apply`);
    expect(applied.body).toMatchObject({ outcome: 'applied', handledBy: expect.stringMatching(/@/) });
    expect((await admin.request('POST', `/location-requests/${request!.id}/dismiss`)).status).toBe(409);
    expect((await admin.request('GET', `/devices/${device.id}`)).body.location).toBe('1ER - COMPTABILITÉ');
    const { token } = await issueLink(t.deps, { partnerId, customerId: customer.id, period: '2026-11' });
    expect((await pageOf(token)).machines.find((item: Json) => item.deviceId === device.id)).toMatchObject({ location: '1ER - COMPTABILITÉ', requestedLocation: null });
    expect(await open()).toEqual([]);
    expect((await admin.request('GET', `/location-requests?customerId=${customer.id}&state=all`)).body.items).toHaveLength(1);
  });

  it('dismisses a request: the device keeps its location', async () => {
    await ask('CAVE');
    const [request] = await open();
    expect((await admin.request('POST', `/location-requests/${request!.id}/dismiss`)).body.outcome).toBe('dismissed');
    expect((await admin.request('GET', `/devices/${device.id}`)).body.location).toBe('1ER - COMPTABILITÉ');
  });

  it('shows a coordinator only their customers, and another dealer nothing', async () => {
    await ask('2E - DIRECTION');
    const other = (await admin.request('POST', '/customers', customerInput({ prefix: 'OTH' }))).body;
    await admin.request('POST', '/devices', deviceInput(other.id));
    const stranger = await signedIn(t, partnerId, 'coordinator', { customerIds: [other.id] });
    expect((await stranger.request('GET', '/location-requests')).status).toBe(403);
    const otherDealer = await partnerWithDevice(t);
    const [request] = await open();
    expect((await otherDealer.admin.request('GET', '/location-requests')).body.items).toEqual([]);
    expect((await otherDealer.admin.request('POST', `/location-requests/${request!.id}/apply`)).status).toBe(404);
    expect((await admin.request('GET', `/devices/${device.id}`)).body.location).toBe('1ER - COMPTABILITÉ');
  });
});
