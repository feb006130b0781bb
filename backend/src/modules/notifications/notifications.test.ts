import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultRule } from '@parc/shared/notifications/categories';
import { agents, deviceAlerts, sessions } from '../../db/schema/index.ts';
import { runScheduledJobs, SCHEDULED_JOBS } from '../jobs/scheduled.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { MAX_ATTEMPTS } from './notices.repo.ts';
import { collectNotices, sendDueNotices } from './notices.service.ts';

describe('notifications', () => {
  let t: TestApp;
  let admin: Caller;
  let adminEmail: string;
  let viewer: Caller;
  let stranger: Caller;
  let partnerId: string;
  let first: Json;
  let second: Json;
  let firstDevice: Json;
  let secondDevice: Json;
  let alerts = 0;

  /** Moves the clock; the test's sessions (a day long) stay open. */
  const at = async (iso: string) => {
    const now = new Date(iso);
    t.setNow(now);
    await t.database.db.update(sessions).set({ expiresAt: new Date(now.getTime() + 86_400_000) });
  };
  /** A new jam inside the machine (a technician's work), reported by the agent now. */
  const jam = async (device: Json, description: string) => {
    const now = t.deps.clock();
    await t.database.db.insert(deviceAlerts).values({ partnerId, deviceId: device.id, key: `alert:marker:jam:${++alerts}`, severity: 'critical', group: 'marker', code: 'jam', description, openedAt: now, lastSeenAt: now });
  };
  const collectAndSend = async () => ({ ...(await collectNotices(t.deps, t.deps.clock())), ...(await sendDueNotices(t.deps, t.deps.clock())) });
  const rule = (change: Record<string, unknown> = {}) => ({ ...defaultRule('device_alert'), ...change });

  beforeAll(async () => {
    t = await createTestApp();
    await at('2026-12-04T09:00:00Z');
    partnerId = (await t.createPartner()).id;
    adminEmail = 'office@dealer.test';
    admin = await signedIn(t, partnerId, 'partner_admin', { email: adminEmail });
    stranger = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    first = (await admin.request('POST', '/customers', customerInput({ customerNumber: 'K-1' }))).body;
    second = (await admin.request('POST', '/customers', customerInput({ customerNumber: 'K-2' }))).body;
    firstDevice = (await admin.request('POST', '/devices', deviceInput(first.id, { serial: 'N-1', model: 'C5535' }))).body;
    secondDevice = (await admin.request('POST', '/devices', deviceInput(second.id, { serial: 'N-2', model: 'C3000' }))).body;
    const profile = (await admin.request('POST', '/profiles', { name: 'Customers only', permissions: { dashboard: 'view', customers: 'view', devices: 'view', readings: 'none', billing: 'none', agents: 'none', users: 'none', settings: 'none' } })).body;
    viewer = await signedIn(t, partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${viewer.userId}/profile`, { profileId: profile.id });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.mailer.sent.length = 0;
    for (const category of ['device_alert', 'agent_offline'] as const) {
      await admin.request('DELETE', `/notification-rules/${category}`);
      for (const customer of [first, second]) await admin.request('DELETE', `/customers/${customer.id}/notification-rules/${category}`);
    }
    for (const language of ['fr', 'en'] as const) await admin.request('DELETE', `/notification-templates/device_alert/${language}`);
  });

  it('gathers three events in one daily digest per address, grouped by customer, sent at 06:00 the dealer’s time and never twice', async () => {
    await at('2026-12-07T09:00:00Z');
    const set = await admin.request('PUT', '/notification-rules/device_alert', rule({ frequency: 'daily', addresses: ['Ops@Dealer.test'] }));
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.items.find((row: Json) => row.category === 'device_alert')).toMatchObject({ source: 'dealer', rule: { frequency: 'daily', addresses: ['ops@dealer.test'] } });

    await jam(firstDevice, 'Fuser jam');
    await jam(secondDevice, 'Drum jam');
    await jam(firstDevice, 'Duplex jam');
    expect(await collectAndSend()).toMatchObject({ recorded: 3, told: 3, emails: 0 });

    // Due at 06:00 in Zurich the next morning (05:00 UTC in winter): not a minute before.
    await at('2026-12-08T04:59:00Z');
    expect(await collectAndSend()).toMatchObject({ recorded: 0, emails: 0 });
    await at('2026-12-08T05:00:00Z');
    expect(await collectAndSend()).toMatchObject({ recorded: 0, emails: 2 });
    expect(t.mailer.sent.map((mail) => mail.to).sort()).toEqual([adminEmail, 'ops@dealer.test']);
    const digest = t.mailer.sent[0]!;
    expect(digest.subject).toMatch(/^3 notifications/);
    const lines = ['K-1', 'Fuser jam', 'Duplex jam', 'K-2', 'Drum jam'].map((line) => digest.text.indexOf(line));
    expect(lines.every((position) => position >= 0), digest.text).toBe(true);
    expect(lines[0]).toBeLessThan(lines[1]!);
    expect(lines[3]).toBeLessThan(lines[4]!);

    await at('2026-12-09T05:00:00Z');
    expect(await collectAndSend()).toMatchObject({ recorded: 0, emails: 0 });
    const history = (await admin.request('GET', '/notices')).body.items.filter((item: Json) => item.category === 'device_alert');
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(history[0].deliveries).toEqual(expect.arrayContaining([expect.objectContaining({ email: 'ops@dealer.test', frequency: 'daily', sentAt: '2026-12-08T05:00:00.000Z' })]));
  });

  it('follows a customer’s own rule over the dealer’s, and the rule’s complexities', async () => {
    await at('2026-12-10T09:00:00Z');
    await admin.request('PUT', '/notification-rules/device_alert', rule({ frequency: 'immediate' }));
    const own = await admin.request('PUT', `/customers/${second.id}/notification-rules/device_alert`, rule({ enabled: false }));
    expect(own.body.items.find((row: Json) => row.category === 'device_alert')).toMatchObject({ source: 'customer', rule: { enabled: false } });
    expect((await admin.request('GET', `/customers/${first.id}/notification-rules`)).body.items.find((row: Json) => row.category === 'device_alert').source).toBe('dealer');

    await jam(firstDevice, 'Told jam');
    await jam(secondDevice, 'Silenced jam');
    const now = t.deps.clock();
    // Toner low is the user's to fix: not told under the default complexities.
    await t.database.db.insert(deviceAlerts).values({ partnerId, deviceId: firstDevice.id, key: 'status:lowToner', severity: 'warning', group: 'status', code: 'lowToner', description: 'Toner low', openedAt: now, lastSeenAt: now });
    expect(await collectAndSend()).toMatchObject({ recorded: 3, told: 1, emails: 1 });
    expect(t.mailer.sent[0]).toMatchObject({ to: adminEmail });
    expect(t.mailer.sent[0]!.subject).toContain('Told jam');
    expect(t.mailer.sent[0]!.text).toContain(`/console/devices/${firstDevice.id}`);

    // Inheriting again: the next alert at that customer is told, the one silenced before is not.
    await admin.request('DELETE', `/customers/${second.id}/notification-rules/device_alert`);
    await at('2026-12-10T09:05:00Z');
    await jam(secondDevice, 'Now told');
    expect(await collectAndSend()).toMatchObject({ recorded: 1, told: 1, emails: 1 });
    expect(t.mailer.sent[1]!.subject).toContain('Now told');
    expect((await admin.request('GET', '/notices')).body.items.map((item: Json) => item.subject).join()).not.toContain('Silenced jam');
  });

  it('tells about an agent silent past the threshold once per silence, through the scheduled job', async () => {
    await at('2026-12-11T09:00:00Z');
    const [agent] = await t.database.db.insert(agents).values({ partnerId, customerId: first.id, name: 'Office PC', lastContactAt: new Date('2026-12-10T10:00:00Z') }).returning();
    const jobs = SCHEDULED_JOBS.filter((job) => job.name === 'notices');
    // 23 hours: under the default 24.
    await runScheduledJobs(t.deps, t.deps.clock(), { instance: 'a', jobs });
    expect(t.mailer.sent).toHaveLength(0);
    await at('2026-12-11T10:05:00Z');
    const [a, b] = await Promise.all([runScheduledJobs(t.deps, t.deps.clock(), { instance: 'a', jobs }), runScheduledJobs(t.deps, t.deps.clock(), { instance: 'b', jobs })]);
    expect([...a.failures, ...b.failures]).toEqual([]);
    expect(t.mailer.sent.map((mail) => mail.subject)).toEqual([expect.stringContaining('Office PC')]);
    await at('2026-12-11T12:00:00Z');
    await runScheduledJobs(t.deps, t.deps.clock(), { instance: 'a', jobs });
    expect(t.mailer.sent).toHaveLength(1);

    // Back in touch, then silent again: a new silence, told again.
    await t.database.db.update(agents).set({ lastContactAt: new Date('2026-12-11T12:00:00Z') }).where(eq(agents.id, agent!.id));
    await at('2026-12-12T12:10:00Z');
    await runScheduledJobs(t.deps, t.deps.clock(), { instance: 'a', jobs });
    expect(t.mailer.sent).toHaveLength(2);
  });

  it('sends an edited template with its placeholders filled, shows it in the preview, refuses an unknown placeholder and resets', async () => {
    await at('2026-12-12T09:00:00Z');
    await admin.request('PUT', '/notification-rules/device_alert', rule({ frequency: 'immediate' }));
    const text = { subject: 'Panne {device.id} chez {customer.number}', body: 'Bonjour,\n\n{alert.description} sur {device.model}.\n\nLien : {link}' };
    const saved = await admin.request('PUT', '/notification-templates/device_alert/fr', text);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ edited: true, subject: text.subject, placeholders: expect.arrayContaining(['device.id', 'link']) });

    await jam(firstDevice, 'Bourrage four');
    await collectAndSend();
    const mail = t.mailer.sent.find((sent) => sent.to === adminEmail)!;
    expect(mail.subject).toBe(`Panne ${firstDevice.deviceCode} chez K-1`);
    expect(mail.text).toContain('Bourrage four sur');
    expect(mail.text).toContain(`Lien : ${t.deps.publicUrl}/console/devices/${firstDevice.id}`);

    const preview = await admin.request('POST', '/notification-templates/device_alert/fr/preview', { subject: 'Aperçu {device.serial}', body: '{alert.description}' });
    expect(preview.body).toMatchObject({ sample: false, subject: 'Aperçu N-1' });
    expect(preview.body.html).toContain('Bourrage four');
    const sample = await admin.request('POST', '/notification-templates/campaign_missed/en/preview', { subject: 'Missed {campaign.period}', body: '{customer.number}' });
    expect(sample.body).toMatchObject({ sample: true, subject: 'Missed November 2026' });

    const bad = await admin.request('PUT', '/notification-templates/device_alert/en', { subject: 'Alert {device.colour}', body: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ key: 'notice_template.unknown_placeholder', params: { placeholder: 'device.colour' } });
    expect((await admin.request('POST', '/notification-templates/device_alert/en/preview', { subject: 'ok', body: 'Open {device.id' })).body).toMatchObject({ key: 'notice_template.unclosed_brace' });

    const reset = await admin.request('DELETE', '/notification-templates/device_alert/fr');
    expect(reset.body).toMatchObject({ edited: false });
    expect(reset.body.subject).toBe(reset.body.defaults.subject);
    expect((await admin.request('GET', '/notification-templates')).body.items.filter((item: Json) => item.edited)).toEqual([]);
  });

  it('puts the dealer’s header and footer around a notice', async () => {
    await at('2026-12-13T09:00:00Z');
    await admin.request('PUT', '/notification-rules/device_alert', rule({ frequency: 'immediate' }));
    expect((await admin.request('PUT', '/notification-frames/fr', { header: 'Hotline 8–17 h', footer: 'Merci de votre confiance.' })).status).toBe(200);
    await jam(firstDevice, 'Cadre');
    await collectAndSend();
    const { text } = t.mailer.sent[0]!;
    expect(text.indexOf('Hotline 8–17 h')).toBeLessThan(text.indexOf('Cadre'));
    expect(text.indexOf('Cadre')).toBeLessThan(text.indexOf('Merci de votre confiance.'));
    await admin.request('PUT', '/notification-frames/fr', { header: '', footer: '' });
  });

  it('marks a notice sent only once the mailer took it, tries a refused one again, and gives up after a few tries', async () => {
    await at('2026-12-14T09:00:00Z');
    await admin.request('PUT', '/notification-rules/device_alert', rule({ frequency: 'immediate' }));
    const send = t.mailer.send.bind(t.mailer);
    const refuse = () => {
      t.mailer.send = async () => {
        throw new Error('mail server down');
      };
    };
    refuse();
    await jam(firstDevice, 'Retried jam');
    expect(await collectAndSend()).toMatchObject({ recorded: 1, emails: 0, failed: 1 });
    const pending = (await admin.request('GET', '/notices')).body.items.find((item: Json) => item.subject.includes('Retried jam'));
    expect(pending.deliveries).toEqual([expect.objectContaining({ sentAt: null })]);
    t.mailer.send = send;
    expect(await sendDueNotices(t.deps, t.deps.clock())).toEqual({ emails: 1, failed: 0 });
    expect(t.mailer.sent.map((mail) => mail.subject)).toEqual([expect.stringContaining('Retried jam')]);

    refuse();
    await jam(firstDevice, 'Abandoned jam');
    await collectNotices(t.deps, t.deps.clock());
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) expect(await sendDueNotices(t.deps, t.deps.clock())).toEqual({ emails: 0, failed: 1 });
    t.mailer.send = send;
    expect(await sendDueNotices(t.deps, t.deps.clock())).toEqual({ emails: 0, failed: 0 });
  });

  it('checks a rule, and keeps it to those allowed', async () => {
    expect((await admin.request('PUT', '/notification-rules/agent_offline', { ...defaultRule('agent_offline'), threshold: 0 })).body).toMatchObject({ key: 'notice_rule.threshold', params: { min: 1, max: 720 } });
    expect((await admin.request('PUT', '/notification-rules/device_alert', rule({ roles: [] }))).body).toMatchObject({ key: 'notice_rule.no_recipient' });
    expect((await admin.request('PUT', '/notification-rules/device_alert', rule({ complexities: [] }))).body).toMatchObject({ key: 'notice_rule.no_complexity' });
    expect((await admin.request('PUT', '/notification-rules/device_alert', rule({ addresses: ['not-an-address'] }))).status).toBe(400);
    expect((await admin.request('PUT', '/notification-rules/device_alert', { ...rule(), frequency: 'hourly' })).status).toBe(400);
    // A category without threshold or complexities keeps neither.
    const saved = await admin.request('PUT', '/notification-rules/order_created', { ...defaultRule('order_created'), threshold: 5, complexities: ['user'] });
    expect(saved.body.items.find((row: Json) => row.category === 'order_created').rule).toMatchObject({ threshold: null, complexities: [] });
    await admin.request('DELETE', '/notification-rules/order_created');

    expect((await viewer.request('GET', '/notification-rules')).status).toBe(403);
    expect((await viewer.request('GET', `/customers/${first.id}/notification-rules`)).status).toBe(200);
    expect((await viewer.request('PUT', `/customers/${first.id}/notification-rules/device_alert`, rule())).status).toBe(403);
    expect((await stranger.request('GET', `/customers/${first.id}/notification-rules`)).status).toBe(404);
    expect((await stranger.request('PUT', `/customers/${first.id}/notification-rules/device_alert`, rule())).status).toBe(404);
    expect((await stranger.request('DELETE', `/customers/${first.id}/notification-rules/device_alert`)).status).toBe(404);
    expect((await stranger.request('GET', '/notices')).body.items).toEqual([]);
  });
});
