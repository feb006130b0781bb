/**
 * Automatic supply orders end to end (issue 11): an agent enrolled over HTTP with the agent's own
 * client and signer reports a falling black toner to the real backend — read twice at the threshold,
 * shaken back up a few points, then falling on. Exactly one order is placed, its email lands in the
 * outbox for the recipient of the dealer's first matching routing rule and nobody else, and the device
 * page on a tablet, in German, shows it on its way. A new cartridge (full, with a new serial) closes
 * it as replaced, and the device has no order in flight any more.
 */
import { randomUUID } from 'node:crypto';
import type { AgentSample, SampleResult } from '@parc/shared/contracts/agents';
import type { DeviceSupplies, OrderRouteView, SupplyOrderView } from '@parc/shared/contracts/supplies';
import type { PrinterReading, Supply } from '@parc/shared/agents/reading';
import { beforeAll, describe, expect, it } from 'vitest';
import { BackendClient } from '../../agent/src/upload/client.ts';
import { createSigner, generateAgentKeyPair } from '../../agent/src/upload/signer.ts';
import { AGENT_VERSION } from '../../agent/src/version.ts';
import { DeviceSuppliesPage } from '../page-models/device-supplies.page.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { devices } from '../support/browser.ts';
import { loadCatalogues, scanPage, type Catalogues } from '../support/crawl.ts';
import { readOutbox } from '../support/outbox.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();
const DAY_MS = 86_400_000;
const SERIAL = 'E2E-XRX-0481';
const MANUFACTURER = 'Xerox';
const ROUTED_TO = 'orders@desk.test';
const TONER_INDEX = '1.1';
const OLD_CARTRIDGE = 'Black Toner, PN 006R01509;SN48178080E0000481';
const NEW_CARTRIDGE = 'Black Toner, PN 006R01509;SN99990000E0000001';

let cookie: string;
let catalogues: Catalogues;
let agent: BackendClient;
let device: { id: string; deviceCode: string };
/** Forty days ago: the falling toner's reads are days after it, the new cartridge's read is now. */
let origin: number;
/** The one order the falling toner placed, as the API showed it once placed. */

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${spec.server.baseURL}/api${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return (text ? JSON.parse(text) : null) as T;
}

const ordersOf = async (deviceId: string) => (await api<{ items: SupplyOrderView[] }>('GET', `/supplies/orders?deviceId=${deviceId}`)).items;
const suppliesOf = (deviceId: string) => api<DeviceSupplies>('GET', `/devices/${deviceId}/supplies`);
/** Every email of the outbox that names the order. */
const emailsNaming = (code: string) => readOutbox(spec.server.dataDir).filter((email) => email.subject.includes(code) || email.body.includes(code));

function toner(percent: number, description = OLD_CARTRIDGE): Supply {
  return { index: TONER_INDEX, description, type: 'toner', colour: 'black', level: percent, max: 100, percent, state: 'measured', source: 'printer_mib' };
}

/** The agent's read of the printer `day` days after the origin (or at an instant), as the agent makes a sample. */
function sample(day: number | Date, supply: Supply): AgentSample {
  const takenAt = typeof day === 'number' ? new Date(origin + day * DAY_MS) : day;
  const reading: PrinterReading = {
    vendor: 'xerox',
    manufacturer: MANUFACTURER,
    model: 'VersaLink B405',
    serial: SERIAL,
    firmware: null,
    mac: null,
    sysObjectId: '1.3.6.1.4.1.253.8.62.1.20.7.1.1',
    sysDescr: 'Xerox VersaLink B405',
    counters: { total: 10_000 + Math.round(((takenAt.getTime() - origin) / DAY_MS) * 100), mono: null, colour: null, scan: null, large: null },
    supplies: [supply],
    status: { printer: 'idle', errors: [] },
    alerts: [],
    warnings: [],
  };
  return { sampleId: randomUUID(), takenAt: takenAt.toISOString(), ip: '192.168.1.30', reading };
}

async function push(samples: AgentSample[]): Promise<SampleResult['status'][]> {
  return (await agent.pushSamples(samples)).map((result) => result.status);
}

async function setLanguage(language: 'de'): Promise<void> {
  const me = await api<{ user: { id: string } }>('GET', '/auth/me');
  await api('PATCH', `/users/${me.user.id}`, { language });
}

beforeAll(async () => {
  origin = Date.now() - 40 * DAY_MS;
  cookie = await sessionCookie(spec.server.baseURL, demoAdmin);
  catalogues = await loadCatalogues();

  const customer = await api<{ id: string }>('POST', '/customers', { customerNumber: 'E2E-SUP', name: 'Toner Desk AG', prefix: 'E2ESUP' });
  device = await api<{ id: string; deviceCode: string }>('POST', '/devices', {
    customerId: customer.id,
    serial: SERIAL,
    manufacturer: MANUFACTURER,
    model: 'VersaLink B405',
    installedAt: new Date(origin - 30 * DAY_MS).toISOString(),
  });

  // The rule for this manufacturer goes first: the demo's own rule for every toner comes after it.
  const route = await api<OrderRouteView>('POST', '/supplies/routes', { name: 'Xerox desk', filters: { manufacturer: MANUFACTURER }, recipients: [{ kind: 'address', address: ROUTED_TO }] });
  const routes = (await api<{ items: OrderRouteView[] }>('GET', '/supplies/routes')).items;
  await api('PUT', '/supplies/routes/order', { ids: [route.id, ...routes.filter((each) => each.id !== route.id).map((each) => each.id)] });

  // The agent as installed at the customer: its own key pair, enrollment and signed requests.
  const { key } = await api<{ key: string }>('POST', `/customers/${customer.id}/agents`, { name: 'Reception' });
  const { privateJwk, publicJwk } = await generateAgentKeyPair();
  const enrolled = await new BackendClient(spec.server.baseURL).enroll({ key, publicKey: publicJwk, hostname: 'pc-desk', platform: 'linux', version: AGENT_VERSION });
  agent = new BackendClient(spec.server.baseURL, { signer: await createSigner({ agentId: enrolled.agentId, credentialId: enrolled.credentialId, privateJwk }) });
});

describe('automatic supply orders from the agent', () => {
  it('a falling toner places exactly one order (read twice, shaken), emailed to the routed recipient only, shown on the tablet in German; a new cartridge closes it as replaced', async () => {
    for (const [day, percent] of [[0, 60], [5, 45], [10, 30], [15, 24]] as const) expect(await push([sample(day, toner(percent))])).toEqual(['accepted']);
    expect(await ordersOf(device.id)).toEqual([]);

    // At the threshold, read again later and the first read resent by the agent (its journal retrying): still one order.
    const crossing = sample(20, toner(19));
    expect(await push([crossing])).toEqual(['accepted']);
    expect(await push([sample(20.5, toner(19)), crossing])).toEqual(['accepted', 'duplicate']);
    // The cartridge shaken: the level rises a few points, which is no new cartridge; then it falls on.
    for (const [day, percent] of [[22, 26], [24, 17], [26, 15]] as const) expect(await push([sample(day, toner(percent))])).toEqual(['accepted']);

    const orders = await ordersOf(device.id);
    expect(orders).toHaveLength(1);
    const placed = orders[0]!;
    expect(placed).toMatchObject({ code: 'E2ESUP-ORDER-1', status: 'new', trigger: 'level', kind: 'toner', colour: 'black', supplyIndex: TONER_INDEX, partNumber: '006R01509', percentAtOrder: 19, createdBy: null, heldBack: null });

    await expect.poll(() => emailsNaming(placed.code).length).toBeGreaterThan(0);
    const emails = emailsNaming(placed.code);
    expect(emails.map((email) => email.to)).toEqual([ROUTED_TO]);
    expect(emails[0]!.subject).toContain(placed.code);
    expect(emails[0]!.body).toContain(SERIAL);
    await expect.poll(async () => (await ordersOf(device.id))[0]!.notifiedAt).not.toBeNull();

    const supplies = await suppliesOf(device.id);
    expect(supplies.items).toMatchObject([{ index: TONER_INDEX, percent: 15, partNumber: '006R01509', serial: '48178080E0000481', order: { code: placed.code, status: 'new' } }]);

    // The device page on a tablet, in German: the order on its way and in the device's orders.
    await setLanguage('de');
    const tablet = await spec.openDevice('tablet');
    await new LoginPage(tablet.page).signInTo(demoAdmin, '/console');
    const page = new DeviceSuppliesPage(tablet.page);
    await page.goto(device.id);
    await tablet.page.locator('html[lang="de"]').waitFor({ state: 'attached' });

    const status = catalogues.de['orders.status.new']!;
    const onItsWay = catalogues.de['device.supplies.onItsWay']!.replace('{code}', placed.code).replace('{status}', status);
    expect((await page.orderOnItsWay(TONER_INDEX).textContent())?.trim()).toBe(onItsWay);
    const row = page.order(placed.code, 'new');
    await row.waitFor();
    expect(await row.textContent()).toContain(status);
    expect(await page.orders.locator('tbody tr').count()).toBe(1);
    expect((await scanPage(tablet.page)).problems).toEqual([]);
    await tablet.screenshot('supplies-order-de-tablet');
    // Named without the part number and serial shown beside it; on a phone the orders are cards: nothing scrolls sideways.
    expect(await page.supply(TONER_INDEX).getByRole('meter', { name: 'Black Toner', exact: true }).count()).toBe(1);
    expect(await row.textContent()).not.toContain(OLD_CARTRIDGE);
    await tablet.page.setViewportSize(devices.phone.viewport);
    expect((await scanPage(tablet.page)).problems).toEqual([]);
    expect(await tablet.page.evaluate<boolean>(`(() => { const table = document.querySelector('[data-testid="device-orders"]'); return table.scrollWidth <= table.parentElement.clientWidth; })()`)).toBe(true);

    // A new cartridge closes the order as replaced, and no order is in flight any more.
    const replacement = sample(30, toner(100, NEW_CARTRIDGE));
    expect(await push([replacement])).toEqual(['accepted']);

    await expect.poll(async () => (await ordersOf(device.id)).map((order) => order.status)).toEqual(['replaced']);
    const [closed] = await ordersOf(device.id);
    expect(closed).toMatchObject({ id: placed.id, code: placed.code, status: 'replaced', replacedAt: replacement.takenAt });

    const replaced = await suppliesOf(device.id);
    expect(replaced.items).toMatchObject([{ index: TONER_INDEX, percent: 100, serial: '99990000E0000001', order: null }]);
    expect(replaced.orders.map((order) => [order.code, order.status])).toEqual([[placed.code, 'replaced']]);
    // Closing it sends nothing more about it.
    expect(emailsNaming(placed.code).map((email) => email.to)).toEqual([ROUTED_TO]);

    await page.goto(device.id);
    await page.order(placed.code, 'replaced').waitFor();
    expect(await page.order(placed.code, 'replaced').textContent()).toContain(catalogues.de['orders.status.replaced']!);
    expect(await page.orderOnItsWay(TONER_INDEX).count()).toBe(0);
  });
});
