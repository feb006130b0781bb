import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignContacts, counters, customers, devices, meterLinks, readingChecks, readings } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { runCampaign } from './campaign.job.ts';

const BEFORE_SEND = new Date('2026-11-19T12:00:00Z');
/** 08:00 in Zurich (UTC+1 in November): the send instant of 2026-11. */
const SEND = new Date('2026-11-20T07:00:00Z');
/** 08:00 in Zurich on 1 December: three days before the last valid day (the 4th). */
const REMINDER = new Date('2026-12-01T07:00:00Z');
/** The 2026-11 link expired at midnight Zurich ending 4 December. */
const AFTER_DEADLINE = new Date('2026-12-05T06:00:00Z');

let t: TestApp;
let partnerId: string;
let cookie: string;
let monthlyCustomer: string;
let quarterlyCustomer: string;
let sequence = 0;

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
const linkIn = (text: string, pattern: RegExp) => text.match(pattern)?.[0];

async function addCustomer(customerNumber: string) {
  const [row] = await t.database.db.insert(customers).values({ partnerId, customerNumber, name: `Customer ${customerNumber}`, prefix: `C${customerNumber}` }).returning();
  const [device] = await t.database.db
    .insert(devices)
    .values({ partnerId, customerId: row!.id, deviceNumber: 1, deviceCode: `C${customerNumber}-1`, serial: `SER${++sequence}`, manufacturer: 'Ricoh', model: 'MP 2550', location: 'REZ', installedAt: new Date('2025-01-01T00:00:00Z') })
    .returning();
  const [counter] = await t.database.db.insert(counters).values({ partnerId, deviceId: device!.id, kind: 'mono' }).returning();
  // Six months of regular history: enough for an estimate.
  const days = ['2026-05-20', '2026-06-22', '2026-07-20', '2026-08-20', '2026-09-21', '2026-10-20'];
  await t.database.db
    .insert(readings)
    .values(days.map((day, i) => ({ partnerId, deviceId: device!.id, counterId: counter!.id, value: 100_000 + i * 2_000, takenAt: new Date(`${day}T09:00:00Z`), source: 'link' as const, enteredBy: 'import' })));
  return row!.id;
}

/** Invites an address through the API and, unless told otherwise, clicks the confirmation link. */
async function addContact(customerId: string, email: string, options: { confirm?: boolean; language?: string } = {}) {
  const response = await t.app.request(`/api/customers/${customerId}/campaign/contacts`, json({ email, language: options.language ?? 'fr' }));
  expect(response.status).toBe(201);
  const mail = t.mailer.sent.findLast((m) => m.to === email)!;
  const confirm = linkIn(mail.text, /http:\/\/parc\.test\/api\/campaign\/confirm\/\S+/)!;
  if (options.confirm !== false) expect((await t.app.request(confirm.replace('http://parc.test', ''))).status).toBe(200);
}

const campaignMails = () => t.mailer.sent.filter((mail) => mail.text.includes('/m/'));

beforeAll(async () => {
  t = await createTestApp();
  ({ id: partnerId } = await t.createPartner('Devillard Bureautique'));
  ({ cookie } = await t.signIn(partnerId, 'partner_admin'));
  monthlyCustomer = await addCustomer('999999');
  quarterlyCustomer = await addCustomer('888888');
  const put = await t.app.request(`/api/customers/${quarterlyCustomer}/campaign`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ schedule: { kind: 'quarterly' }, sendDay: null, lastValidDay: null, timeZone: null, enabled: true }),
  });
  expect(put.status).toBe(200);
  await addContact(monthlyCustomer, 'compta@client.test');
  await addContact(monthlyCustomer, 'chef@client.test', { language: 'de' });
  await addContact(monthlyCustomer, 'pending@client.test', { confirm: false });
  await addContact(monthlyCustomer, 'gone@client.test');
  await addContact(quarterlyCustomer, 'quarter@client.test');
  // gone@ unsubscribes with the link its confirmation email carries.
  const goneMail = t.mailer.sent.findLast((m) => m.to === 'gone@client.test')!;
  const unsubscribe = linkIn(goneMail.text, /http:\/\/parc\.test\/api\/campaign\/unsubscribe\/\S+/)!;
  expect((await t.app.request(unsubscribe.replace('http://parc.test', ''))).status).toBe(200);
  t.mailer.sent.length = 0;
});

afterAll(() => t?.close());

describe('the campaign job', () => {
  it('sends nothing the day before the send day', async () => {
    const summary = await runCampaign(t.deps, BEFORE_SEND);
    expect(summary).toMatchObject({ linksIssued: 0, requestsSent: 0, remindersSent: 0 });
    expect(t.mailer.sent).toHaveLength(0);
  });

  it('on the send day, emails each confirmed, subscribed contact its link, in its language', async () => {
    const summary = await runCampaign(t.deps, SEND);
    expect(summary).toMatchObject({ customersDue: 1, linksIssued: 1, requestsSent: 2, failures: [] });
    expect(campaignMails().map((m) => m.to).sort()).toEqual(['chef@client.test', 'compta@client.test']);
    const [french, german] = ['compta@client.test', 'chef@client.test'].map((to) => campaignMails().find((m) => m.to === to)!);
    expect(french!.subject).toContain('999999');
    expect(french!.subject).toMatch(/^Relevé de vos compteurs/);
    expect(german!.subject).toMatch(/^Ablesung/);
    // Both carry the same link, and their own unsubscribe link.
    const link = linkIn(french!.text, /http:\/\/parc\.test\/m\/\S+/);
    expect(link).toBeTruthy();
    expect(german!.text).toContain(link!);
    expect(french!.text).toMatch(/\/api\/campaign\/unsubscribe\//);
    expect(french!.replyTo).toMatch(/@dealer\.test$/);
    const [row] = await t.database.db.select().from(meterLinks).where(eq(meterLinks.customerId, monthlyCustomer));
    expect(row!.sentAt).toEqual(SEND);
  });

  it('running again sends nothing twice', async () => {
    const summary = await runCampaign(t.deps, new Date(SEND.getTime() + 3_600_000));
    expect(summary).toMatchObject({ linksIssued: 0, requestsSent: 0 });
    expect(campaignMails()).toHaveLength(2);
  });

  it('skips a quarterly customer in November', async () => {
    expect(t.mailer.sent.some((m) => m.to === 'quarter@client.test')).toBe(false);
    expect(await t.database.db.select().from(meterLinks).where(eq(meterLinks.customerId, quarterlyCustomer))).toHaveLength(0);
  });

  it('a contact confirmed later in the window gets the request at the next run', async () => {
    await t.database.db.update(campaignContacts).set({ confirmedAt: SEND }).where(eq(campaignContacts.email, 'pending@client.test'));
    const summary = await runCampaign(t.deps, new Date('2026-11-25T10:00:00Z'));
    expect(summary.requestsSent).toBe(1);
    expect(campaignMails().filter((m) => m.to === 'pending@client.test')).toHaveLength(1);
  });

  it('reminds each contact once, from the reminder date, while readings are missing', async () => {
    t.mailer.sent.length = 0;
    expect((await runCampaign(t.deps, new Date(REMINDER.getTime() - 60_000))).remindersSent).toBe(0);
    const summary = await runCampaign(t.deps, REMINDER);
    expect(summary.remindersSent).toBe(3);
    expect(t.mailer.sent.map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/^Rappel/), expect.stringMatching(/^Erinnerung/)]));
    expect(t.mailer.sent[0]!.text).toContain('MP 2550');
    expect((await runCampaign(t.deps, new Date(REMINDER.getTime() + 7_200_000))).remindersSent).toBe(0);
    expect(t.mailer.sent).toHaveLength(3);
  });

  it('after the deadline, estimates the missing counter once, labelled as an estimate', async () => {
    const summary = await runCampaign(t.deps, AFTER_DEADLINE);
    expect(summary.estimatesCreated).toBe(1);
    const estimates = await t.database.db.select().from(readings).where(eq(readings.source, 'estimate'));
    expect(estimates).toHaveLength(1);
    expect(estimates[0]!.note).toMatch(/^Estimate: 110000 on 2026-10-20/);
    expect(estimates[0]!.value).toBeGreaterThan(110_000);
    // Through the one writer: judged by the acceptance policy, its verdict kept beside it.
    const [check] = await t.database.db.select().from(readingChecks).where(eq(readingChecks.readingId, estimates[0]!.id));
    expect(check).toMatchObject({ verdict: 'plausible', reason: { code: 'estimate' } });
    expect(estimates[0]).toMatchObject({ status: 'entered', enteredBy: expect.stringMatching(/^estimate:/), createdAt: AFTER_DEADLINE });
    expect((await runCampaign(t.deps, new Date(AFTER_DEADLINE.getTime() + 3_600_000))).estimatesCreated).toBe(0);
  });

  it('shows the funnel and response rate in the console stats', async () => {
    t.setNow(AFTER_DEADLINE);
    ({ cookie } = await t.signIn(partnerId, 'partner_staff'));
    const response = await t.app.request('/api/campaign/stats?period=2026-11', { headers: { cookie } });
    expect(response.status).toBe(200);
    const stats = (await response.json()) as { totals: Record<string, number>; customers: { customerNumber: string; state: string; emailsSent: number; responseRate: number | null }[] };
    expect(stats.totals).toMatchObject({ customers: 2, issued: 1, sent: 1, opened: 0, firstEntry: 0, complete: 0 });
    expect(stats.customers.find((c) => c.customerNumber === '999999')).toMatchObject({ state: 'expired', emailsSent: 6, responseRate: 0 });
    expect(stats.customers.find((c) => c.customerNumber === '888888')).toMatchObject({ state: 'not_issued', emailsSent: 0, responseRate: null });
  });
});

describe('self sign-up', () => {
  const signup = (body: unknown) => t.app.request('/api/campaign/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it.each([
    ['an unknown customer number', '123456', 0],
    ['a known customer number', '999999', 1],
  ])('answers 202 for %s, and mails only a real customer’s confirmation', async (_, customerNumber, mails) => {
    t.mailer.sent.length = 0;
    const response = await signup({ customerNumber, email: `New.${customerNumber}@Client.test`, language: 'it' });
    expect(response.status).toBe(202);
    // The answer comes before the lookup and the email, so a real customer's takes no longer.
    expect(t.mailer.sent).toHaveLength(0);
    await t.deps.background.idle();
    expect(t.mailer.sent).toHaveLength(mails);
    if (mails) expect(t.mailer.sent[0]).toMatchObject({ to: `new.${customerNumber}@client.test`, subject: expect.stringMatching(/^Confermi/) });
  });
});

describe('a link the partner resends', () => {
  /** The customer's own calendar: readings until the 10th (its link expires at midnight Zurich ending 10 December). */
  const EXPIRY = new Date('2026-12-10T23:00:00Z');
  let customerId: string;
  let oldLink: string;

  beforeAll(async () => {
    ({ cookie } = await t.signIn(partnerId, 'partner_admin'));
    customerId = await addCustomer('777777');
    const put = await t.app.request(`/api/customers/${customerId}/campaign`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ schedule: null, sendDay: null, lastValidDay: 10, timeZone: null, enabled: true }),
    });
    expect(put.status).toBe(200);
    t.setNow(new Date('2026-11-25T09:00:00Z'));
    await addContact(customerId, 'resend@client.test', { language: 'it' });
    await runCampaign(t.deps, new Date('2026-11-25T09:00:00Z'));
    const mail = campaignMails().findLast((m) => m.to === 'resend@client.test')!;
    oldLink = linkIn(mail.text, /http:\/\/parc\.test\/m\/\S+/)!;
    t.mailer.sent.length = 0;
  });

  it('emails the new link to the contacts, expiring by the customer’s calendar', async () => {
    const [link] = await t.database.db.select().from(meterLinks).where(eq(meterLinks.customerId, customerId));
    expect(link!.expiresAt).toEqual(EXPIRY);
    const response = await t.app.request(`/api/links/${link!.id}/resend`, { method: 'POST', headers: { cookie } });
    expect(response.status).toBe(201);
    const resent = (await response.json()) as { url: string; expiresAt: string };
    expect(resent.expiresAt).toBe(EXPIRY.toISOString());
    expect(resent.url).not.toBe(oldLink);
    expect(t.mailer.sent.map((m) => m.to)).toEqual(['resend@client.test']);
    expect(t.mailer.sent[0]!.subject).toContain('777777');
    expect(t.mailer.sent[0]!.text).toContain(resent.url);
    expect(t.mailer.sent[0]!.text).not.toContain(oldLink);
  });

  it.each([
    ['a minute before the link expires: nothing yet', new Date(EXPIRY.getTime() - 60_000), 0],
    ['at the very instant it expires: the missing counter is estimated', EXPIRY, 1],
  ])('estimates %s', async (_name, asOf, estimates) => {
    expect((await runCampaign(t.deps, asOf)).estimatesCreated).toBe(estimates);
  });
});
