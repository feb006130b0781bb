import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinators, overageAlerts, users } from '../../db/schema/index.ts';
import type { TestApp } from '../../test/app.ts';
import { partnerAdminApp } from '../../test/partner-admin.ts';
import type { Caller, Json } from '../customers/test-client.ts';
import { runJob } from '../meters/jobs.ts';
import { customerReadThisMonth, includedMono } from './forecast.testing.ts';
import { runOverageAlerts } from './overage.job.ts';

describe('the overage alert job', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => ({ t, admin, partnerId } = await partnerAdminApp()));
  afterAll(() => t.close());

  const nextDay = () => new Date(t.deps.clock().getTime() + 86_400_000);
  const addCoordinator = async (customerId: string, body: Record<string, unknown>): Promise<Json> => {
    const response = await admin.request('POST', `/customers/${customerId}/coordinators`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  /** The mails a run sends, by recipient. */
  const sentBy = async (run: () => Promise<unknown>) => {
    const before = t.mailer.sent.length;
    await run();
    return new Map(t.mailer.sent.slice(before).map((mail) => [mail.to, mail]));
  };
  const alertsOf = (customerId: string) => t.database.db.select().from(overageAlerts).where(eq(overageAlerts.customerId, customerId));

  it('emails each opted-in coordinator once per period and kind, in their language', async () => {
    const customer = await customerReadThisMonth(admin, includedMono(1_000), { language: 'de' });
    await addCoordinator(customer.id, { name: 'Anna', email: 'anna@kunde.ch', overageAlerts: true });
    await addCoordinator(customer.id, { name: 'Bruno', email: 'bruno@kunde.ch' });
    // Carla signs in (an Italian account): her language, and a button to her view.
    const carla = await addCoordinator(customer.id, { name: 'Carla', email: 'carla@kunde.ch', overageAlerts: true });
    const { userId } = await t.signIn(partnerId, 'coordinator', { customerIds: [customer.id], email: 'carla@kunde.ch' });
    await t.database.db.update(users).set({ language: 'it' }).where(eq(users.id, userId));
    await t.database.db.update(coordinators).set({ userId }).where(eq(coordinators.id, carla.id));

    let result: Awaited<ReturnType<typeof runJob>> | undefined;
    const mails = await sentBy(async () => (result = await runJob(t.deps, 'overage', t.deps.clock())));
    expect(result).toMatchObject({ job: 'overage', summary: { alertsRecorded: 1, emailsSent: 2, failures: [] } });
    expect([...mails.keys()].sort()).toEqual(['anna@kunde.ch', 'carla@kunde.ch']);
    const anna = mails.get('anna@kunde.ch')!;
    expect(anna.subject).toBe(`Inbegriffene Seiten: Überschreitung erwartet (Kunde ${customer.customerNumber})`);
    expect(anna.text).toMatch(/Schwarzweiss-Seiten: bisher 775 von 1.000 inbegriffenen; bis zum 30\. November etwa 1.220, also etwa 220 darüber, ungefähr ab dem 25\. November\./);
    expect(anna.text).not.toContain('http://parc.test/coordinator');
    const carlaMail = mails.get('carla@kunde.ch')!;
    expect(carlaMail.text).toContain('Pagine in bianco e nero: finora 775 su 1000 incluse');
    expect(carlaMail.text).toContain('Vedere la previsione:\nhttp://parc.test/coordinator');
    // Pages only: the amounts are the dealer's to tell.
    expect(anna.text).not.toContain('CHF');
    expect(await alertsOf(customer.id)).toMatchObject([{ period: '2026-11', counter: 'mono', projectedPages: 1_222, included: 1_000, sentAt: t.deps.clock() }]);

    expect((await sentBy(() => runOverageAlerts(t.deps, nextDay()))).size).toBe(0);
  });

  it('tells nobody who did not opt in, and tells them once they do', async () => {
    const customer = await customerReadThisMonth(admin, includedMono(1_000));
    const dora = await addCoordinator(customer.id, { name: 'Dora', email: 'dora@client.ch' });
    expect((await sentBy(() => runOverageAlerts(t.deps, t.deps.clock()))).has('dora@client.ch')).toBe(false);
    // Nothing claimed while nobody would be told.
    expect(await alertsOf(customer.id)).toEqual([]);

    expect((await admin.request('PATCH', `/coordinators/${dora.id}`, { overageAlerts: true })).body.overageAlerts).toBe(true);
    const mails = await sentBy(() => runOverageAlerts(t.deps, nextDay()));
    expect(mails.get('dora@client.ch')?.subject).toBe(`Pages incluses : dépassement prévu (client ${customer.customerNumber})`);
  });

  it('sends nothing while the pages stay within the included ones', async () => {
    const customer = await customerReadThisMonth(admin, includedMono(5_000));
    await addCoordinator(customer.id, { name: 'Emil', email: 'emil@client.ch', overageAlerts: true });
    expect((await sentBy(() => runOverageAlerts(t.deps, t.deps.clock()))).has('emil@client.ch')).toBe(false);
    expect(await alertsOf(customer.id)).toEqual([]);
  });

  it('tries again at the next run when the mail could not go out', async () => {
    const customer = await customerReadThisMonth(admin, includedMono(1_000));
    await addCoordinator(customer.id, { name: 'Fritz', email: 'fritz@client.ch', overageAlerts: true });
    const failing = { ...t.deps, mailer: { send: () => Promise.reject(new Error('mail provider down')) } };
    const summary = await runOverageAlerts(failing, t.deps.clock());
    expect(summary.failures).toContainEqual({ customerNumber: customer.customerNumber, message: 'mail provider down' });
    expect(await alertsOf(customer.id)).toEqual([]);
    expect((await sentBy(() => runOverageAlerts(t.deps, nextDay()))).has('fritz@client.ch')).toBe(true);
  });
});
