import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DealerSetup } from '@parc/shared/contracts/setup';
import { campaignSettings, partners, setupLinks, users } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { describeJob, runJob } from '../meters/jobs.ts';
import { SETUP_LIMIT } from './setup.routes.ts';
import { additionalPartnerLink, firstRunLink } from './setup.service.ts';

const NOW = new Date('2026-11-20T08:00:00Z');
const PASSWORD = 'Grüezi Druckerflotte 7';

const setup = (overrides: { dealer?: Partial<DealerSetup['dealer']>; admin?: Partial<DealerSetup['admin']> } = {}) => ({
  dealer: { name: 'Kopierwerk Basel AG', country: 'CH', currency: 'CHF', language: 'de', timeZone: 'Europe/Zurich', ...overrides.dealer },
  admin: { name: 'Ursula Meier', email: 'Ursula.Meier@kopierwerk.test', password: PASSWORD, ...overrides.admin },
});

let apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.map((app) => app.close()));
  apps = [];
});
let addresses = 0;

/** A fresh installation: an empty database, as a server with the demo off finds it. */
async function freshInstallation(keep: TestApp[] = apps) {
  const t = await createTestApp();
  keep.push(t);
  t.setNow(NOW);
  return { t, call: caller(t) };
}

/** Calls from an address of their own, so that each test's attempts count alone against the rate limit. */
function caller(t: TestApp) {
  const address = `192.0.2.${++addresses}`;
  return async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await t.app.request(`/api${path}`, {
      method,
      headers: { 'cf-connecting-ip': address, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

const tokenOf = (url: string) => new URL(url).pathname.replace('/setup/', '');

describe('first-run setup', () => {
  it('creates the dealer and its administrator from the printed link, who then signs in; the link works once', async () => {
    const { t, call } = await freshInstallation();
    const link = await firstRunLink(t.deps);
    expect(link).toEqual({ url: expect.stringMatching(/^http:\/\/parc\.test\/setup\/[\w-]{43}$/), expiresAt: '2026-11-21T08:00:00.000Z' });
    const token = tokenOf(link!.url);
    // Only the hash is kept.
    const [stored] = await t.database.db.select().from(setupLinks);
    expect(stored).toMatchObject({ kind: 'first', usedAt: null, partnerId: null });
    expect(stored!.tokenHash).not.toContain(token);

    expect(await call('GET', `/setup/${token}`)).toMatchObject({ status: 200, body: { kind: 'first', expiresAt: '2026-11-21T08:00:00.000Z' } });
    const created = await call('POST', `/setup/${token}`, setup());
    expect(created).toMatchObject({ status: 201, body: { partnerId: expect.any(String), email: 'ursula.meier@kopierwerk.test' } });

    const [partner] = await t.database.db.select().from(partners);
    expect(partner).toMatchObject({
      id: created.body.partnerId,
      name: 'Kopierwerk Basel AG',
      email: 'ursula.meier@kopierwerk.test',
      country: 'CH',
      currency: 'CHF',
      defaultLanguage: 'de',
      defaultTimezone: 'Europe/Zurich',
    });
    const [admin] = await t.database.db.select().from(users).where(eq(users.partnerId, partner!.id));
    expect(admin).toMatchObject({ name: 'Ursula Meier', email: 'ursula.meier@kopierwerk.test', role: 'partner_admin', language: 'de', active: true });
    expect(admin!.passwordHash).not.toContain(PASSWORD);

    // The administrator signs in with what they chose, and works in the console at once.
    const login = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ursula.meier@kopierwerk.test', password: PASSWORD }) });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ user: { role: 'partner_admin', partnerId: partner!.id, language: 'de' } });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const customer = await t.app.request('/api/customers', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ customerNumber: '1', name: 'Erster Kunde', prefix: 'EK' }) });
    expect(customer.status).toBe(201);

    // Spent: the page and a second form both hear so, and no more first-run links are given.
    expect(await call('GET', `/setup/${token}`)).toMatchObject({ status: 410, body: { code: 'link_invalid', key: 'setup.link_used' } });
    expect(await call('POST', `/setup/${token}`, setup({ dealer: { name: 'Zweiter Händler' } }))).toMatchObject({ status: 410, body: { key: 'setup.link_used' } });
    expect(await t.database.db.select({ id: partners.id }).from(partners)).toHaveLength(1);
    expect(await firstRunLink(t.deps)).toBeNull();
  });

  it("gives the dealer's country, currency and time zone to its campaign and its new customers", async () => {
    const { t, call } = await freshInstallation();
    const token = tokenOf((await firstRunLink(t.deps))!.url);
    const dealer = { name: 'Bureau Mondial', country: 'FR', currency: 'EUR', language: 'fr', timeZone: 'Europe/Paris' } as const;
    const created = await call('POST', `/setup/${token}`, setup({ dealer, admin: { email: 'direction@mondial.test' } }));
    expect(created.status).toBe(201);
    const [settings] = await t.database.db.select().from(campaignSettings).where(eq(campaignSettings.partnerId, created.body.partnerId));
    expect(settings).toMatchObject({ timezone: 'Europe/Paris', sendDay: 20, scheduleKind: 'monthly' });

    const login = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'direction@mondial.test', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const customer = await t.app.request('/api/customers', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ customerNumber: '1', name: 'Client', prefix: 'CL' }) });
    expect(await customer.json()).toMatchObject({ country: 'FR', currency: 'EUR', language: 'fr', timezone: 'Europe/Paris' });
  });

  it('refuses an expired link, and a link printed before the last one', async () => {
    const { t, call } = await freshInstallation();
    const earlier = tokenOf((await firstRunLink(t.deps))!.url);
    const latest = tokenOf((await firstRunLink(t.deps))!.url);
    expect(await call('GET', `/setup/${earlier}`)).toMatchObject({ status: 410, body: { key: 'setup.link_invalid' } });
    expect((await call('GET', `/setup/${latest}`)).status).toBe(200);

    t.setNow(new Date(NOW.getTime() + 24 * 3_600_000));
    expect(await call('GET', `/setup/${latest}`)).toMatchObject({ status: 410, body: { code: 'link_invalid', key: 'setup.link_expired' } });
    expect(await call('POST', `/setup/${latest}`, setup())).toMatchObject({ status: 410, body: { key: 'setup.link_expired' } });
    expect(await t.database.db.select({ id: partners.id }).from(partners)).toHaveLength(0);
    expect(await call('GET', '/setup/no-such-token')).toMatchObject({ status: 410, body: { key: 'setup.link_invalid' } });
  });

  /** One installation for the cases that must change nothing: its link is refused input only. */
  const untouched = { t: undefined as unknown as TestApp, token: '' };
  const kept: TestApp[] = [];
  beforeAll(async () => {
    untouched.t = (await freshInstallation(kept)).t;
    untouched.token = tokenOf((await firstRunLink(untouched.t.deps))!.url);
  });
  afterAll(() => Promise.all(kept.map((app) => app.close())));

  it.each([
    ['an unknown country', setup({ dealer: { country: 'XX' } }), { key: 'validation.custom', field: 'dealer.country' }],
    ['a country in lower case', setup({ dealer: { country: 'ch' } }), { key: 'validation.custom', field: 'dealer.country' }],
    ['an unknown currency', setup({ dealer: { currency: 'ABC' } }), { key: 'validation.custom', field: 'dealer.currency' }],
    ['an unknown time zone', setup({ dealer: { timeZone: 'Europe/Atlantis' } }), { key: 'validation.custom', field: 'dealer.timeZone' }],
    ['a language Parc does not speak', setup({ dealer: { language: 'es' as 'en' } }), { key: 'validation.invalid_value', field: 'dealer.language' }],
    ['an empty dealer name', setup({ dealer: { name: '  ' } }), { key: 'validation.too_small', field: 'dealer.name' }],
    ['no administrator name', setup({ admin: { name: '' } }), { key: 'validation.too_small', field: 'admin.name' }],
    ['a malformed email', setup({ admin: { email: 'ursula@' } }), { key: 'validation.invalid_format', field: 'admin.email' }],
    ['a short password', setup({ admin: { password: 'kurz' } }), { key: 'password.too_short', field: 'password' }],
    ['a password from the breach lists', setup({ admin: { password: 'Passwort2024!' } }), { key: 'password.common', field: 'password' }],
    ['a password made of the email', setup({ admin: { password: 'ursula.meier-2026' } }), { key: 'password.contains_email', field: 'password' }],
  ])('refuses %s, and the link still works', async (_case, body, error) => {
    const call = caller(untouched.t);
    expect(await call('POST', `/setup/${untouched.token}`, body)).toMatchObject({ status: 400, body: { code: 'bad_request', ...error } });
    expect(await untouched.t.database.db.select({ id: partners.id }).from(partners)).toHaveLength(0);
    expect((await call('GET', `/setup/${untouched.token}`)).status).toBe(200);
  });

  it('limits how often one address may try tokens', async () => {
    const call = caller(untouched.t);
    for (let attempt = 0; attempt < SETUP_LIMIT.limit; attempt++) expect((await call('GET', `/setup/guess-${attempt}`)).status).toBe(410);
    expect(await call('GET', '/setup/guess-again')).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
  });
});

describe('npm run job -- setup-link and add-partner', () => {
  it('setup-link refuses once a dealer exists and says how to add one; add-partner makes a link that adds a dealer', async () => {
    const { t, call } = await freshInstallation();
    const existing = await t.createPartner('Erster Händler');
    const refused = await runJob(t.deps, 'setup-link', NOW);
    expect(refused).toEqual({ job: 'setup-link', summary: null });
    expect(describeJob(refused)).toContain('npm run job -- add-partner');
    expect(await t.database.db.select().from(setupLinks)).toHaveLength(0);

    const added = await runJob(t.deps, 'add-partner', NOW);
    expect(added.job).toBe('add-partner');
    const url = (added.summary as { url: string }).url;
    expect(describeJob(added)).toContain(url);
    const token = tokenOf(url);
    expect(await call('GET', `/setup/${token}`)).toMatchObject({ status: 200, body: { kind: 'additional' } });
    expect((await call('POST', `/setup/${token}`, setup())).status).toBe(201);
    const dealers = await t.database.db.select({ id: partners.id, name: partners.name }).from(partners);
    expect(dealers.map((dealer) => dealer.name).sort()).toEqual(['Erster Händler', 'Kopierwerk Basel AG']);
    expect(dealers.map((dealer) => dealer.id)).toContain(existing.id);
  });

  it('leaves other add-partner links working, and refuses a first-run link once a dealer exists', async () => {
    const { t, call } = await freshInstallation();
    const first = tokenOf((await firstRunLink(t.deps))!.url);
    const one = tokenOf((await additionalPartnerLink(t.deps)).url);
    const two = tokenOf((await additionalPartnerLink(t.deps)).url);
    expect((await call('POST', `/setup/${one}`, setup())).status).toBe(201);
    expect(await call('GET', `/setup/${first}`)).toMatchObject({ status: 409, body: { key: 'setup.partner_exists' } });
    expect(await call('POST', `/setup/${first}`, setup({ admin: { email: 'other@dealer.test' } }))).toMatchObject({ status: 409, body: { key: 'setup.partner_exists' } });
    // The same person may administer a second dealer, with another password: sign-in picks the account by it.
    expect(await call('POST', `/setup/${two}`, setup({ dealer: { name: 'Kopierwerk Zürich AG' } }))).toMatchObject({ status: 400, body: { key: 'auth.password_opens_other_account', field: 'admin.password' } });
    expect((await call('POST', `/setup/${two}`, setup({ dealer: { name: 'Kopierwerk Zürich AG' }, admin: { password: 'Zürcher Kopien 2027' } }))).status).toBe(201);
    expect(await t.database.db.select({ id: partners.id }).from(partners)).toHaveLength(2);
  });
});
