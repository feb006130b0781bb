/**
 * A customer's agent reports a printer that is an active device of another customer of the dealer
 * (issue 16, finding 4). The agent's answer says nothing about the other customer; the dealer sees the
 * printer flagged "reported at another customer" in the customer's devices to add, on a phone and a
 * tablet, in French, German, Italian and English, without sideways scrolling, and moves it there:
 * the device itself changes customer and its history says so.
 *
 * The agent is played over HTTP with an Ed25519 key of node:crypto (EdDSA JWT as the protocol says).
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { Language } from '@parc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from '../page-models/login.page.ts';
import { openDevice, type DeviceName } from '../support/browser.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { loadCatalogues, scanPage, type Catalogues } from '../support/crawl.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let cookie: string;
let catalogues: Catalogues;
let here: { id: string; name: string };
let theirs: { id: string; serial: string; deviceCode: string; customerId: string };
/** The agent's bearer token, fresh for each request. */
let agentBearer: () => string;

async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}, status = 200): Promise<T> {
  const response = await fetch(`${server.baseURL}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { cookie, 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  expect({ path, status: response.status, text: response.status === status ? '' : text }).toEqual({ path, status, text: '' });
  return (text ? JSON.parse(text) : null) as T;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');
function agentToken(privateKey: KeyObject, credentialId: string, agentId: string): string {
  const iat = Math.floor(Date.now() / 1000);
  const signing = `${base64url(JSON.stringify({ alg: 'EdDSA', kid: credentialId }))}.${base64url(JSON.stringify({ sub: agentId, iat, exp: iat + 60, jti: randomUUID() }))}`;
  return `${signing}.${base64url(sign(null, Buffer.from(signing), privateKey))}`;
}

beforeAll(async () => {
  server = await startServer();
  cookie = await sessionCookie(server.baseURL, demoAdmin);
  catalogues = await loadCatalogues();
  const customers = (await api<{ items: { id: string; name: string; active: boolean }[] }>('/customers?pageSize=50')).items.filter((customer) => customer.active);
  // A device of one demo customer; the agent belongs to another.
  for (const customer of customers) {
    const devices = (await api<{ items: { id: string; serial: string; deviceCode: string; customerId: string; active: boolean }[] }>(`/devices?customerId=${customer.id}`)).items;
    const device = devices.find((candidate) => candidate.active);
    if (device) {
      theirs = device;
      break;
    }
  }
  here = customers.find((customer) => customer.id !== theirs.customerId)!;

  const agent = await api<{ id: string; key: string }>(`/customers/${here.id}/agents`, { method: 'POST', body: { name: 'Reception network' } }, 201);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  const enrolled = await api<{ agentId: string; credentialId: string }>('/agent/enroll', {
    method: 'POST',
    body: { key: agent.key, publicKey: { kty: 'OKP', crv: 'Ed25519', x }, hostname: 'pc-reception', platform: 'linux', version: '1.0.0' },
  });
  const reading = {
    vendor: 'generic',
    manufacturer: 'Kyocera',
    model: 'TASKalfa 2553ci',
    serial: theirs.serial,
    firmware: null,
    mac: null,
    sysObjectId: null,
    sysDescr: null,
    counters: { total: 1000 },
    supplies: [],
    status: { printer: 'idle', errors: [] },
    alerts: [],
    warnings: [],
  };
  agentBearer = () => `Bearer ${agentToken(privateKey, enrolled.credentialId, enrolled.agentId)}`;
  const answer = await api<{ results: { status: string; message?: string }[] }>('/agent/samples', {
    method: 'POST',
    headers: { cookie: '', authorization: agentBearer() },
    body: { samples: [{ sampleId: randomUUID(), takenAt: new Date().toISOString(), ip: '192.168.1.20', reading }] },
  });
  expect(answer.results[0]!.status).toBe('pending_device');
  for (const secret of [theirs.id, theirs.deviceCode, theirs.customerId]) expect(JSON.stringify(answer)).not.toContain(secret);
});

afterAll(async () => {
  await server?.stop();
});

async function setLanguage(language: Language): Promise<void> {
  const me = await api<{ user: { id: string } }>('/auth/me');
  await api(`/users/${me.user.id}`, { method: 'PATCH', body: { language } });
}

describe('a printer reported at another customer', () => {
  const views: [Language, DeviceName][] = [
    ['fr', 'phone'],
    ['fr', 'tablet'],
    ['de', 'phone'],
    ['it', 'tablet'],
    ['en', 'phone'],
  ];

  it.each(views)('is flagged with the three decisions in %s on a %s, within the screen', async (language, size) => {
    await setLanguage(language);
    const device = await openDevice(size, server.baseURL);
    try {
      await new LoginPage(device.page).signInTo(demoAdmin, '/console');
      await device.page.goto(`/console/customers/${here.id}/pending`);
      const card = device.page.locator('.pending-reported');
      await card.waitFor();
      await device.page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
      const texts = catalogues[language];
      for (const key of ['pending.decide.move', 'pending.decide.ignore']) await card.getByRole('button', { name: texts[key]! }).waitFor();
      await card.getByRole('link', { name: texts['pending.history']!.replace('{code}', theirs.deviceCode) }).waitFor();
      const scan = await scanPage(device.page);
      expect(scan.problems).toEqual([]);
      await device.screenshot(`pending-reported-${language}-${size}`);
    } finally {
      await device.close();
    }
  });

  it('moves the device to this customer on the dealer’s decision, and its history says so', async () => {
    await setLanguage('en');
    const device = await openDevice('tablet', server.baseURL);
    try {
      await new LoginPage(device.page).signInTo(demoAdmin, '/console');
      await device.page.goto(`/console/customers/${here.id}/pending`);
      const card = device.page.locator('.pending-reported');
      await card.getByRole('button', { name: catalogues.en['pending.decide.move']! }).click();
      await device.page.getByRole('status').filter({ hasText: 'Device moved to this customer' }).waitFor();
      await card.waitFor({ state: 'detached' });
    } finally {
      await device.close();
    }
    const moved = await api<{ customerId: string; deviceCode: string }>(`/devices/${theirs.id}`);
    expect(moved.customerId).toBe(here.id);
    const events = (await api<{ items: { kind: string; detail: string | null }[] }>(`/devices/${theirs.id}/events`)).items;
    expect(events.find((event) => event.kind === 'customer_moved')?.detail).toContain(`${theirs.deviceCode} (`);
    expect(events.find((event) => event.kind === 'customer_moved')?.detail).toContain(`→ ${moved.deviceCode} (${here.name})`);
  });

  it('deletes printers nobody wants from the list, checked together on a phone, after the question', async () => {
    await setLanguage('fr');
    const serials = ['UNWANTED-1', 'UNWANTED-2'];
    await api('/agent/discovery', {
      method: 'POST',
      headers: { cookie: '', authorization: agentBearer() },
      body: {
        scanId: randomUUID(),
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        finishedAt: new Date().toISOString(),
        progress: { probed: 254, total: 254 },
        found: serials.map((serial, at) => ({ ip: `192.168.1.${60 + at}`, serial, mac: null, manufacturer: 'HP', model: 'LaserJet M404' })),
        failures: [],
      },
    }, 204);
    const device = await openDevice('phone', server.baseURL);
    try {
      await new LoginPage(device.page).signInTo(demoAdmin, '/console');
      await device.page.goto(`/console/customers/${here.id}/pending`);
      for (const serial of serials) await device.page.getByRole('checkbox', { name: `Sélectionner ${serial}` }).check();
      await device.page.getByRole('button', { name: 'Supprimer la sélection (2)' }).click();
      const confirm = device.page.getByTestId('confirm-dialog');
      expect(await confirm.getByRole('heading').innerText()).toBe('Supprimer 2 périphériques de la liste ?');
      expect((await scanPage(device.page)).problems).toEqual([]);
      await device.screenshot('pending-delete-fr-phone');
      await confirm.getByRole('button', { name: 'Supprimer' }).click();
      await device.page.getByRole('status').filter({ hasText: '2 périphériques supprimés de la liste.' }).waitFor();
    } finally {
      await device.close();
    }
    const waiting = (await api<{ items: { serial: string }[] }>(`/devices/pending?customerId=${here.id}`)).items.map((item) => item.serial);
    expect(waiting.filter((serial) => serials.includes(serial))).toEqual([]);
  });
});
