import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { base64url, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkInvalidBodySchema,
  meterEntryPageSchema,
  meterEntryResultsSchema,
  reasonMessage,
  type CounterKind,
  type MeterEntryPage,
  type MeterEntryResult,
} from '@parc/shared';
import { counters, customers, devices, locationRequests, meterLinks, readings } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { issueLink } from './links.service.ts';
import { rotateSigningKey } from './links.tokens.ts';

const START = new Date('2026-11-20T08:00:00Z');
const minutesLater = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const CUSTOMER_NAME = 'Fiduciaire Secrète SA';
const DEALER = 'Devillard Bureautique';

let t: TestApp;
let partnerId: string;
let otherPartnerId: string;
let customerId: string;
let partnerCookie: string;
let otherCookie: string;
/** Read by hand: mono + colour (+ a total the customer is not asked for). */
let mfp: string;
/** Only a total counter: the total is asked. */
let printer: string;
/** Read by an agent two days ago: not on the page. */
let agentRead: string;
let sequence = 0;

const uuid = () => crypto.randomUUID();
/** Long before any history the tests write: the install date is not what they are about. */
const INSTALLED = new Date('2025-01-01T00:00:00Z');
const monthly = (from: number, step: number) =>
  ['2026-05-20', '2026-06-22', '2026-07-20', '2026-08-20', '2026-09-21', '2026-10-20'].map((day, i) => ({ takenAt: new Date(`${day}T09:00:00Z`), value: from + i * step }));

async function addDevice(customer: string, kinds: CounterKind[], options: { active?: boolean } = {}) {
  const n = ++sequence;
  const [device] = await t.database.db
    .insert(devices)
    .values({ partnerId, customerId: customer, deviceNumber: n, deviceCode: `FS-${n}`, serial: `SER${n}`, manufacturer: 'Ricoh', model: `MP C${n}`, internalNumber: `000${n}`, location: 'REZ - COMPTABILITÉ', active: options.active ?? true, installedAt: INSTALLED })
    .returning();
  const rows = await t.database.db.insert(counters).values(kinds.map((kind) => ({ partnerId, deviceId: device!.id, kind }))).returning();
  return { id: device!.id, counter: (kind: CounterKind) => rows.find((row) => row.kind === kind)!.id };
}

async function addHistory(device: { id: string; counter: (kind: CounterKind) => string }, kind: CounterKind, points: { takenAt: Date; value: number }[], source: 'link' | 'agent' = 'link') {
  await t.database.db.insert(readings).values(points.map((p) => ({ partnerId, deviceId: device.id, counterId: device.counter(kind), ...p, source, enteredBy: source === 'agent' ? 'agent:1' : 'import' })));
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(START);
  ({ id: partnerId } = await t.createPartner(DEALER));
  ({ id: otherPartnerId } = await t.createPartner('Other Dealer'));
  const [customer] = await t.database.db.insert(customers).values({ partnerId, customerNumber: '999999', name: CUSTOMER_NAME, prefix: 'FS' }).returning();
  customerId = customer!.id;
  const a = await addDevice(customerId, ['total', 'mono', 'colour']);
  mfp = a.id;
  await addHistory(a, 'mono', monthly(334_805, 2_000));
  await addHistory(a, 'colour', monthly(25_827, 400));
  // An agent read it once, long ago: still asked of the customer, and the partner sees that value too.
  await addHistory(a, 'mono', [{ takenAt: new Date('2026-09-25T09:00:00Z'), value: 343_000 }], 'agent');
  const b = await addDevice(customerId, ['total']);
  printer = b.id;
  await addHistory(b, 'total', monthly(10_000, 300));
  const c = await addDevice(customerId, ['mono']);
  agentRead = c.id;
  await addHistory(c, 'mono', [{ takenAt: new Date('2026-11-18T09:00:00Z'), value: 5_000 }], 'agent');
  await addDevice(customerId, ['mono'], { active: false });
  ({ cookie: partnerCookie } = await t.signIn(partnerId, 'partner_staff'));
  ({ cookie: otherCookie } = await t.signIn(otherPartnerId, 'partner_admin'));
});
afterAll(() => t.close());

const issue = (period = '2026-11') => issueLink(t.deps, { partnerId, customerId, period });
const getPage = (token: string) => t.app.request(`/api/links/${token}`);
const asPartner = (path: string, init: RequestInit = {}, cookie = partnerCookie) =>
  t.app.request(`/api${path}`, { ...init, headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) } });

async function submit(token: string, entries: { clientId?: string; deviceId: string; counter: CounterKind; value: number }[]): Promise<MeterEntryResult[]> {
  const response = await t.app.request(`/api/links/${token}/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ entries: entries.map((entry) => ({ clientId: uuid(), ...entry })) }),
  });
  expect(response.status).toBe(200);
  return meterEntryResultsSchema.parse(await response.json()).results;
}

async function page(token: string): Promise<MeterEntryPage> {
  const response = await getPage(token);
  expect(response.status).toBe(200);
  return meterEntryPageSchema.parse(await response.json());
}

const counterOf = (p: MeterEntryPage, deviceId: string, kind: CounterKind) => p.machines.find((m) => m.deviceId === deviceId)!.counters.find((c) => c.counter === kind)!;

async function expectInvalid(response: Response) {
  expect(response.status).toBe(410);
  const text = await response.text();
  expect(text).not.toContain('999999');
  expect(text).not.toContain(CUSTOMER_NAME);
  return linkInvalidBodySchema.parse(JSON.parse(text));
}

async function linkEntries(counterId: string) {
  return t.database.db
    .select()
    .from(readings)
    .where(and(eq(readings.counterId, counterId), isNotNull(readings.linkId)));
}

describe('issuing', () => {
  it('is idempotent: the same link, token and URL for a customer and period', async () => {
    const first = await issue();
    const again = await issue();
    expect(again).toEqual({ ...first, created: false });
    expect(first.created).toBe(true);
    expect(first.url).toBe(`http://parc.test/m/${first.token}`);
    // End of 4 December in Zurich (UTC+1).
    expect(first.expiresAt.toISOString()).toBe('2026-12-04T23:00:00.000Z');
    const claims = decodeJwt(first.token);
    expect(Object.keys(claims).sort()).toEqual(['exp', 'jti', 'per', 'pid', 'sub']);
    expect(decodeProtectedHeader(first.token)).toMatchObject({ alg: 'HS256', kid: expect.any(String) });
  });

  it('refuses another partner’s customer and a closed period', async () => {
    await expect(issueLink(t.deps, { partnerId: otherPartnerId, customerId, period: '2026-11' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(issue('2026-09')).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('the entry page', () => {
  it('lists the machines to read by hand, with their last values, and no names', async () => {
    const { token } = await issue();
    const response = await getPage(token);
    const text = await response.clone().text();
    expect(text).not.toContain(CUSTOMER_NAME);
    const p = await page(token);
    expect(p).toMatchObject({ customerNumber: '999999', period: '2026-11', lastValidDay: '2026-12-04', language: 'fr', dealer: { name: DEALER } });
    expect(p.machines.map((m) => m.deviceId)).toEqual([mfp, printer]);
    expect(p.machines[0]!.counters.map((c) => c.counter)).toEqual(['mono', 'colour']);
    expect(counterOf(p, mfp, 'mono')).toEqual({ counter: 'mono', last: { value: 344_805, takenAt: '2026-10-20T09:00:00.000Z' }, entry: { state: 'to_enter' } });
    expect(counterOf(p, printer, 'total').last?.value).toBe(11_500);
    expect(p.machines.some((m) => m.deviceId === agentRead)).toBe(false);
    const [link] = await t.database.db.select().from(meterLinks).where(eq(meterLinks.customerId, customerId));
    expect(link!.openedAt).toEqual(START);
  });
});

describe('entering counters', () => {
  it('refuses a lower value, naming the last one', async () => {
    const { token } = await issue();
    const [result] = await submit(token, [{ deviceId: mfp, counter: 'mono', value: 12_305 }]);
    expect(result).toMatchObject({ status: 'refused', reason: { code: 'below_last', params: { lastValue: 344_805 } } });
    if (result?.status !== 'refused') throw new Error('expected refused');
    expect(reasonMessage(result.reason, 'fr')).toContain('344805');
    expect(await linkEntries(await counterId(mfp, 'mono'))).toHaveLength(0);
  });

  it('saves a far higher value as to check, and a plausible one as entered, in one reading per counter', async () => {
    const { token } = await issue();
    const [high] = await submit(token, [{ deviceId: mfp, counter: 'mono', value: 400_000 }]);
    expect(high).toMatchObject({ status: 'saved', entry: { state: 'to_check', value: 400_000, reason: { code: 'above_usual' } } });
    const [fixed] = await submit(token, [{ deviceId: mfp, counter: 'mono', value: 346_900 }]);
    expect(fixed).toMatchObject({ status: 'saved', entry: { state: 'entered', value: 346_900 } });
    const stored = await linkEntries(await counterId(mfp, 'mono'));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ value: 346_900, status: 'entered' });
    expect(counterOf(await page(token), mfp, 'mono').entry).toMatchObject({ state: 'entered', value: 346_900 });
  });

  it('applies a clientId once: the same clientId again gets the same result', async () => {
    const { token } = await issue();
    const clientId = uuid();
    const [first] = await submit(token, [{ clientId, deviceId: mfp, counter: 'colour', value: 28_200 }]);
    const [second] = await submit(token, [{ clientId, deviceId: mfp, counter: 'colour', value: 28_200 }]);
    expect(first).toMatchObject({ status: 'saved', entry: { state: 'entered', value: 28_200 } });
    expect(second).toEqual(first);
    expect(await linkEntries(await counterId(mfp, 'colour'))).toHaveLength(1);
  });

  it('rejects a machine that is not on the page', async () => {
    const { token } = await issue();
    const [result] = await submit(token, [{ deviceId: agentRead, counter: 'mono', value: 6_000 }]);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'not_on_page' } });
  });

  it('marks the link complete when every counter is entered', async () => {
    const { token, linkId } = await issue();
    await submit(token, [{ deviceId: printer, counter: 'total', value: 11_800 }]);
    const response = await asPartner(`/links?customerId=${customerId}&period=2026-11`);
    const { items } = (await response.json()) as { items: { id: string; state: string }[] };
    expect(items.find((item) => item.id === linkId)?.state).toBe('complete');
  });

  it('rejects a change to a counter already sent', async () => {
    const { token } = await issue();
    const [entry] = await linkEntries(await counterId(printer, 'total'));
    await t.database.db.update(readings).set({ lockedAt: minutesLater(1) }).where(eq(readings.id, entry!.id));
    const [result] = await submit(token, [{ deviceId: printer, counter: 'total', value: 11_900 }]);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'locked', message: expect.stringContaining('transmis') } });
    expect(counterOf(await page(token), printer, 'total').entry).toMatchObject({ state: 'sent', value: 11_800 });
  });

  it('stores a location change request for the dealer', async () => {
    const { token } = await issue();
    const response = await t.app.request(`/api/links/${token}/location-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: mfp, location: '1ER - COMMERCIAL', message: 'Moved last week' }),
    });
    expect(response.status).toBe(202);
    const [request] = await t.database.db.select().from(locationRequests);
    expect(request).toMatchObject({ partnerId, deviceId: mfp, location: '1ER - COMMERCIAL' });
  });
});

async function counterId(deviceId: string, kind: CounterKind) {
  const [row] = await t.database.db.select().from(counters).where(and(eq(counters.deviceId, deviceId), eq(counters.kind, kind)));
  return row!.id;
}

describe('the receipt', () => {
  it('is a PDF with the customer number and the values', async () => {
    const { token } = await issue();
    const response = await t.app.request(`/api/links/${token}/receipt.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const folder = mkdtempSync(join(tmpdir(), 'parc-receipt-'));
    try {
      writeFileSync(join(folder, 'receipt.pdf'), pdf);
      const text = execFileSync('pdftotext', [join(folder, 'receipt.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('999999');
      expect(text).toContain('346900');
      expect(text).toContain(DEALER);
      expect(text).toContain('Saisie effectuée');
      expect(text).not.toContain(CUSTOMER_NAME);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('links that do not work', () => {
  it('answers 410 for a tampered token, without a dealer when several dealers share the installation', async () => {
    const { token } = await issue();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${header}.${payload}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expect((await expectInvalid(await getPage(flipped))).dealer).toBeNull();
    expect((await expectInvalid(await getPage('not-a-token'))).dealer).toBeNull();
  });

  it('answers 410 for a token signed with another key under a known kid', async () => {
    const { token } = await issue();
    const forged = await new SignJWT(decodeJwt(token))
      .setProtectedHeader(decodeProtectedHeader(token) as { alg: string; kid: string })
      .sign(crypto.getRandomValues(new Uint8Array(32)));
    expect((await expectInvalid(await getPage(forged))).dealer).toBeNull();
  });

  it('answers 410 with the dealer for an expired but genuine link', async () => {
    const { token, expiresAt } = await issue();
    t.setNow(expiresAt);
    try {
      expect((await expectInvalid(await getPage(token))).dealer?.name).toBe(DEALER);
    } finally {
      t.setNow(START);
    }
  });

  it('answers 410 once the stored expiry has passed, even while the token itself would still be valid', async () => {
    const { token, linkId, expiresAt } = await issue('2027-01');
    await t.database.db.update(meterLinks).set({ expiresAt: START }).where(eq(meterLinks.id, linkId));
    try {
      expect((await expectInvalid(await getPage(token))).dealer?.name).toBe(DEALER);
    } finally {
      await t.database.db.update(meterLinks).set({ expiresAt }).where(eq(meterLinks.id, linkId));
    }
  });

  it('revokes and resends: the old link is gone, the new one keeps the entries', async () => {
    const { token, linkId } = await issue();
    const resent = await asPartner(`/links/${linkId}/resend`, { method: 'POST' });
    expect(resent.status).toBe(201);
    const fresh = (await resent.json()) as { linkId: string; token: string; url: string };
    expect(fresh.linkId).not.toBe(linkId);
    expect((await expectInvalid(await getPage(token))).dealer?.name).toBe(DEALER);
    expect(counterOf(await page(fresh.token), mfp, 'mono').entry).toMatchObject({ state: 'entered', value: 346_900 });
    const revoked = await asPartner(`/links/${fresh.linkId}/revoke`, { method: 'POST' });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ state: 'revoked' });
    await expectInvalid(await getPage(fresh.token));
    expect((await issue()).linkId).not.toBe(fresh.linkId);
  });

  it('keeps verifying links signed with a retired key after rotation', async () => {
    const before = await issue();
    await rotateSigningKey(t.database.db, START);
    expect((await getPage(before.token)).status).toBe(200);
    const next = await issue('2026-12');
    expect(decodeProtectedHeader(next.token).kid).not.toBe(decodeProtectedHeader(before.token).kid);
    expect((await getPage(next.token)).status).toBe(200);
  });

  it('rate limits guesses per address, never a customer reloading a working link', async () => {
    const { token, linkId } = await issue();
    const from = (address: string, path = token) => t.app.request(`/api/links/${path}`, { headers: { 'cf-connecting-ip': address } });
    // The customer opens the link (from anywhere: the first open of a token counts like a guess).
    expect((await from('203.0.113.12')).status).toBe(200);
    for (let i = 0; i < 60; i++) expect((await from('203.0.113.9', `guess-${i}`)).status).toBe(410);
    expect((await from('203.0.113.9', 'guess-60')).status).toBe(429);
    expect((await from('203.0.113.10', 'guess-61')).status).toBe(410);
    // The link that opened before opens from the blocked address too: its reloads are not guesses.
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.9')).status).toBe(200);
    // Once revoked, every try counts again.
    expect((await asPartner(`/links/${linkId}/revoke`, { method: 'POST' })).status).toBe(200);
    for (let i = 0; i < 60; i++) expect((await from('203.0.113.11')).status).toBe(410);
    expect((await from('203.0.113.11')).status).toBe(429);
  });
});

describe('the partner’s review of values to check', () => {
  let toCheckId: string;

  it('lists flagged values with the reason in words, the previous value and the agent’s latest', async () => {
    const { token } = await issue();
    const [flagged] = await submit(token, [{ deviceId: mfp, counter: 'colour', value: 60_000 }]);
    expect(flagged).toMatchObject({ status: 'saved', entry: { state: 'to_check' } });
    const response = await asPartner('/readings/to-check');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Record<string, unknown>[] };
    const item = items.find((i) => i.deviceId === mfp && i.counter === 'colour')!;
    expect(item).toMatchObject({ value: 60_000, previous: { value: 27_827 }, reason: { code: 'above_usual' }, explanation: expect.stringMatching(/fois ce qu’il imprime d’habitude/) });
    toCheckId = item.readingId as string;
  });

  it('shows the agent’s latest value beside a flagged value of a counter the agent also reads', async () => {
    const { token } = await issue();
    await submit(token, [{ deviceId: mfp, counter: 'mono', value: 500_000 }]);
    const { items } = (await (await asPartner('/readings/to-check')).json()) as { items: Record<string, unknown>[] };
    expect(items.find((i) => i.deviceId === mfp && i.counter === 'mono')).toMatchObject({ previous: { value: 344_805 }, agentLatest: { value: 343_000 } });
  });

  it('is isolated per partner', async () => {
    const { items } = (await (await asPartner('/readings/to-check', {}, otherCookie)).json()) as { items: unknown[] };
    expect(items).toEqual([]);
    expect((await asPartner(`/readings/${toCheckId}/accept`, { method: 'POST', body: '{}' }, otherCookie)).status).toBe(404);
    const { linkId } = await issue();
    expect((await asPartner(`/links/${linkId}/revoke`, { method: 'POST' }, otherCookie)).status).toBe(404);
    expect((await asPartner(`/links/${linkId}/resend`, { method: 'POST' }, otherCookie)).status).toBe(404);
    const list = (await (await asPartner('/links', {}, otherCookie)).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it('accepts a flagged value with a note', async () => {
    const response = await asPartner(`/readings/${toCheckId}/accept`, { method: 'POST', body: JSON.stringify({ note: 'Big mailing in November' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'accepted', value: 60_000, note: 'Big mailing in November' });
    expect((await asPartner(`/readings/${toCheckId}/accept`, { method: 'POST', body: '{}' })).status).toBe(409);
  });

  it('corrects a flagged value, refusing one below the previous reading', async () => {
    const [mono] = await linkEntries(await counterId(mfp, 'mono'));
    const lower = await asPartner(`/readings/${mono!.id}/correct`, { method: 'POST', body: JSON.stringify({ value: 100, note: 'typo' }) });
    expect(lower.status).toBe(422);
    const response = await asPartner(`/readings/${mono!.id}/correct`, { method: 'POST', body: JSON.stringify({ value: 347_000, note: 'Checked by phone' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'corrected',
      source: 'correction',
      value: 347_000,
      note: 'Checked by phone',
      // The customer's changes of the period's value, then the dealer's correction: nothing changed silently.
      revisions: expect.arrayContaining([expect.objectContaining({ action: 'replace', by: expect.stringMatching(/^link:/) }), expect.objectContaining({ action: 'correct', oldValue: 500_000, newValue: 347_000, note: 'Checked by phone' })]),
    });
    expect(((await lower.json()) as { reason: { code: string } }).reason.code).toBe('below_last');
  });

  it('settles what the dealer accepted or corrected: the customer can no longer overwrite it through the link', async () => {
    const { token } = await issue();
    const [colour, mono] = await submit(token, [
      { deviceId: mfp, counter: 'colour', value: 61_000 },
      { deviceId: mfp, counter: 'mono', value: 348_000 },
    ]);
    expect(colour).toMatchObject({ status: 'refused', reason: { code: 'settled', params: { value: 60_000 } } });
    expect(mono).toMatchObject({ status: 'refused', reason: { code: 'settled', params: { value: 347_000 } } });
    const [stored] = await linkEntries(await counterId(mfp, 'mono'));
    expect(stored).toMatchObject({ value: 347_000, status: 'corrected' });
  });
});
