import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deviceAlerts } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';

describe('actions on an error', () => {
  let t: TestApp;
  let admin: Caller;
  let viewer: Caller;
  let stranger: Caller;
  let partnerId: string;
  let device: Json;
  let jamId: string;

  const openAlert = async (key: string, code: string, description: string) => {
    const at = t.deps.clock();
    const [row] = await t.database.db.insert(deviceAlerts).values({ partnerId, deviceId: device.id, key, severity: 'critical', group: 'marker', code, description, openedAt: at, lastSeenAt: at }).returning();
    return row!.id;
  };
  const listed = async (caller: Caller, query = '') => (await caller.request('GET', `/errors${query}`)).body.items.map((item: Json) => item.code).sort();
  const history = async () => (await admin.request('GET', `/devices/${device.id}/events`)).body.items.filter((event: Json) => event.kind.startsWith('alert_'));

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date('2026-12-05T09:00:00Z'));
    partnerId = (await t.createPartner()).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
    stranger = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    const customer = (await admin.request('POST', '/customers', customerInput({ customerNumber: 'K-77' }))).body;
    device = (await admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'ALR-1', model: 'C5535', location: 'Empfang' }))).body;
    jamId = await openAlert('alert:marker:jam', 'jam', 'Fuser jam');
    await openAlert('alert:marker:tonerLow', 'tonerLow', 'Toner low');
    const profile = (await admin.request('POST', '/profiles', { name: 'Look only', permissions: { dashboard: 'view', customers: 'view', devices: 'view', readings: 'view', maintenance: 'view', billing: 'none', agents: 'none', users: 'none', settings: 'none' } })).body;
    viewer = await signedIn(t, partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${viewer.userId}/profile`, { profileId: profile.id });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.mailer.sent.length = 0;
  });

  it('forwards an error by email with the device, the customer number and the message, and notes it in the history', async () => {
    const sent = await admin.request('POST', `/errors/${jamId}/email`, { to: ['it@kunde.test', 'tech@dealer.test'], message: 'Bitte morgen vorbeischauen.', language: 'de' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(204);
    expect(t.mailer.sent.map((mail) => mail.to)).toEqual(['it@kunde.test', 'tech@dealer.test']);
    const mail = t.mailer.sent[0]!;
    expect(mail.subject).toContain(device.deviceCode);
    expect(mail.text).toContain('K-77');
    expect(mail.text).toContain('ALR-1');
    expect(mail.text).toContain('Bitte morgen vorbeischauen.');
    expect(mail.replyTo).toMatch(/@dealer\.test$/);
    expect(await history()).toEqual([expect.objectContaining({ kind: 'alert_emailed', detail: 'Fuser jam → it@kunde.test, tech@dealer.test · Bitte morgen vorbeischauen.' })]);
    expect((await admin.request('POST', `/errors/${jamId}/email`, { to: ['not an address'], language: 'de' })).status).toBe(400);
  });

  it('ignores an error for some days, then it shows again; reported anew while ignored for good, it stays ignored', async () => {
    expect((await admin.request('POST', `/errors/${jamId}/notes`, { text: 'Customer ordered a new fuser' })).status).toBe(204);
    expect((await admin.request('PUT', `/errors/${jamId}/ignore`, { days: 7, note: 'Fuser on its way' })).status).toBe(204);
    expect(await listed(admin)).toEqual(['tonerLow']);
    const ignored = (await admin.request('GET', '/errors?ignored=true')).body.items;
    expect(ignored).toEqual([expect.objectContaining({ code: 'jam', ignored: expect.objectContaining({ until: '2026-12-12T09:00:00.000Z' }) })]);

    t.setNow(new Date('2026-12-12T09:01:00Z'));
    admin = await signedIn(t, partnerId, 'partner_admin'); // the first session has ended by now
    expect(await listed(admin)).toEqual(['jam', 'tonerLow']);

    // For good: the printer clears the jam and reports it again (a new alert row): still ignored.
    expect((await admin.request('PUT', `/errors/${jamId}/ignore`, { days: null })).status).toBe(204);
    await t.database.db.update(deviceAlerts).set({ clearedAt: t.deps.clock() }).where(eq(deviceAlerts.id, jamId));
    await openAlert('alert:marker:jam', 'jam', 'Fuser jam');
    expect(await listed(admin)).toEqual(['tonerLow']);
    const again = (await admin.request('GET', '/errors?ignored=true')).body.items[0];
    expect(again.ignored.until).toBeNull();
    expect((await admin.request('DELETE', `/errors/${again.id}/ignore`)).status).toBe(204);
    expect(await listed(admin)).toEqual(['jam', 'tonerLow']);
    expect((await history()).map((event: Json) => event.kind).sort()).toEqual(['alert_emailed', 'alert_ignored', 'alert_ignored', 'alert_noted', 'alert_unignored']);
  });

  it('lets a profile that only views maintenance see errors but not act, and another dealer not even find them', async () => {
    t.setNow(new Date('2026-12-05T09:00:00Z'));
    const [current] = (await admin.request('GET', '/errors')).body.items;
    expect((await viewer.request('PUT', `/errors/${current.id}/ignore`, { days: 1 })).body.key).toBe('access.profile');
    expect((await viewer.request('GET', '/errors')).status).toBe(200);
    expect((await stranger.request('PUT', `/errors/${current.id}/ignore`, { days: 1 })).body.key).toBe('request.alert_not_found');
    expect((await stranger.request('POST', `/errors/${current.id}/email`, { to: ['a@b.test'], language: 'fr' })).status).toBe(404);
    expect(t.mailer.sent).toEqual([]);
  });
});
