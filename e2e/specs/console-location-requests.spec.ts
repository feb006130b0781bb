/**
 * A customer asks, through its meter link, to change where a machine stands; the dealer's
 * administrator, whose console speaks German, sees it on the dashboard, opens it and applies it on a
 * tablet: the device takes the new location and the request leaves the open ones. A second request,
 * handled meanwhile by someone else, answers "already handled" in German on a phone, without
 * sideways scrolling.
 *
 * The link comes from the campaign job run through the server (as in meter-campaign.spec.ts), for
 * the German-speaking demo customer.
 */
import { join } from 'node:path';
import { localDateKey, periodKeyAt, type MeterEntryPage as LinkPage } from '@parc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from '../page-models/customers.page.ts';
import { LocationRequestsPage } from '../page-models/location-requests.page.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { artifactsDir, openDevice, type Device } from '../support/browser.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { linkClaims, meterLinkTokens, readOutbox } from '../support/outbox.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const TIME_ZONE = 'Europe/Zurich';
/** Zürcher Haustechnik AG, the demo customer writing in German. */
const CUSTOMER = '10517';
const period = periodKeyAt(new Date(), TIME_ZONE);
/** On or after the campaign's send day (the 20th), before the link expires. */
const campaignAsOf = [localDateKey(new Date(), TIME_ZONE), `${period}-20`].sort().at(-1)!;

const NEW_LOCATION = '3. OG – Buchhaltung, neben dem Fenster';
const MESSAGE = 'Wir sind am Montag in den dritten Stock umgezogen.';

let server: RunningServer;
let adminCookie: string;
let token: string;
let machines: LinkPage['machines'];

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.baseURL}${path}`, { ...init, headers: { cookie: adminCookie, 'content-type': 'application/json', ...init.headers } });
}

interface OpenRequest {
  id: string;
  customerId: string;
  deviceId: string;
  deviceCode: string;
}

/** What the customer does on its meter page: asks for a new location for a machine. */
async function askForLocation(deviceId: string, location: string, message: string): Promise<void> {
  const response = await fetch(`${server.baseURL}/api/links/${token}/location-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, location, message }),
  });
  expect(response.status).toBe(202);
}

async function openRequests(): Promise<OpenRequest[]> {
  return ((await (await api('/api/location-requests?state=open')).json()) as { items: OpenRequest[] }).items;
}

async function signInOn(name: 'tablet' | 'phone'): Promise<Device> {
  const device = await openDevice(name, server.baseURL);
  await new LoginPage(device.page).signInTo(demoAdmin, '/console');
  // The administrator's own language (German) replaces the browser's once signed in.
  await device.page.locator('html[lang="de"]').waitFor({ state: 'attached' });
  return device;
}

beforeAll(async () => {
  server = await startServer();
  adminCookie = await sessionCookie(server.baseURL, demoAdmin);
  const me = (await (await api('/api/auth/me')).json()) as { user: { id: string } };
  expect((await api(`/api/users/${me.user.id}`, { method: 'PATCH', body: JSON.stringify({ language: 'de' }) })).status).toBe(200);

  await server.runJob(['campaign', '--as-of', campaignAsOf]);
  const tokens = readOutbox(server.dataDir)
    .filter((email) => email.subject.includes(CUSTOMER))
    .flatMap(meterLinkTokens)
    .filter((candidate) => linkClaims(candidate).per === period);
  expect(tokens, `a campaign email for ${CUSTOMER} in the outbox`).not.toHaveLength(0);
  token = tokens.at(-1)!;
  machines = ((await (await fetch(`${server.baseURL}/api/links/${token}`)).json()) as LinkPage).machines;
  expect(machines.length).toBeGreaterThan(1);
});

afterAll(async () => {
  await server?.stop();
});

describe('location change requests in the console', () => {
  it('shows one open request on the dashboard; applied from the customer’s tab, it moves the device on a tablet', async () => {
    const machine = machines[0]!;
    expect(await openRequests()).toEqual([]);
    await askForLocation(machine.deviceId, NEW_LOCATION, MESSAGE);

    const tablet = await signInOn('tablet');
    try {
      const { page } = tablet;
      const dashboard = new DashboardPage(page);
      await dashboard.goto();
      const tile = dashboard.tile('locationRequests');
      expect(await tile.locator('.tile__value').innerText()).toBe('1');
      expect(await tile.locator('.tile__label').innerText()).toBe('Standortanfrage');
      expect(await tile.getAttribute('class')).toContain('tile--attention');
      await tablet.screenshot('tablet-dashboard-location-requests');

      // The tile leads to every customer's open requests; the card names the customer and links to its tab.
      await tile.click();
      await page.waitForURL((url) => url.pathname === '/console/location-requests');
      const requests = new LocationRequestsPage(page);
      await requests.waitForList();
      expect(await requests.heading.innerText()).toBe('Standortanfragen');
      expect(await requests.openRequests.count()).toBe(1);
      const card = requests.openRequest(machine.deviceCode);
      const text = await card.innerText();
      expect(text).toContain('Zürcher Haustechnik AG');
      expect(text).toContain(machine.model);
      expect(text).toContain(NEW_LOCATION);
      expect(text).toContain(MESSAGE);
      expect(text).toContain('Gewünschter Standort');
      expect(await card.getByTestId('current-location').innerText()).toBe(machine.location ?? 'nicht angegeben');
      expect(await requests.overflowsSideways()).toBe(false);
      await tablet.screenshot('tablet-location-requests-list');

      await requests.customerLink(machine.deviceCode).click();
      await page.waitForURL((url) => /^\/console\/customers\/[\w-]+\/locations$/.test(url.pathname));
      await requests.waitForList();
      expect(await page.getByTestId('tab-locations').getAttribute('aria-current')).toBe('page');
      expect(await page.getByTestId('tab-locations').innerText()).toBe('Standortanfragen');
      await tablet.screenshot('tablet-customer-location-requests');

      const apply = requests.applyButton(machine.deviceCode);
      expect(await apply.innerText()).toBe('Übernehmen');
      await apply.click();
      await requests.notice.waitFor();
      expect(await requests.notice.innerText()).toBe(`Der Standort von ${machine.deviceCode} ist jetzt «${NEW_LOCATION}».`);
      await requests.openRequest(machine.deviceCode).waitFor({ state: 'detached' });
      await requests.empty.waitFor();
      expect(await openRequests()).toEqual([]);
      await tablet.screenshot('tablet-customer-location-applied');

      // Handled ones on demand: the outcome, who, when.
      await requests.showHandled.check();
      const handled = requests.handledRequest(machine.deviceCode);
      await handled.waitFor();
      const handledText = await handled.getByTestId('request-outcome').innerText();
      expect(handledText).toContain('Übernommen');
      expect(handledText).toContain(demoAdmin.email);
      expect(await handled.getByTestId('apply-request').count()).toBe(0);
      await tablet.screenshot('tablet-customer-location-handled');

      // The device page shows the new location.
      await handled.locator('a.location-request__device').click();
      await page.waitForURL((url) => url.pathname === `/console/devices/${machine.deviceId}`);
      const location = page.locator('dl.facts dt', { hasText: 'Standort im Gebäude' }).locator('xpath=following-sibling::dd[1]');
      await location.waitFor();
      expect(await location.innerText()).toBe(NEW_LOCATION);
      await page.locator('section[aria-labelledby="general"]').screenshot({ path: join(artifactsDir, 'tablet-device-location-applied.png') });

      await dashboard.goto();
      expect(await dashboard.tile('locationRequests').locator('.tile__value').innerText()).toBe('0');
    } finally {
      await tablet.close();
    }
  });

  it('says "already handled" in German on a phone when someone else handled the request meanwhile', async () => {
    const machine = machines[1]!;
    await askForLocation(machine.deviceId, 'Empfang', '');
    const [request] = await openRequests();
    expect(request?.deviceCode).toBe(machine.deviceCode);

    const phone = await signInOn('phone');
    try {
      const requests = new LocationRequestsPage(phone.page);
      await requests.goto();
      await requests.openRequest(machine.deviceCode).waitFor();
      expect(await requests.overflowsSideways()).toBe(false);
      await phone.screenshot('phone-location-requests-list');

      // The notice email's link: the tab is chosen, and brought into view in the sideways-scrolling tabs.
      await requests.gotoCustomer(request!.customerId);
      await requests.openRequest(machine.deviceCode).waitFor();
      expect(await requests.overflowsSideways()).toBe(false);
      const tab = phone.page.getByTestId('tab-locations');
      expect(await tab.getAttribute('aria-current')).toBe('page');
      const box = (await tab.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await phone.screenshot('phone-customer-location-requests');

      // A colleague dismisses it from another screen before this one is used.
      expect((await api(`/api/location-requests/${request!.id}/dismiss`, { method: 'POST' })).status).toBe(200);
      await requests.applyButton(machine.deviceCode).click();
      await requests.notice.waitFor();
      expect(await requests.notice.getAttribute('role')).toBe('alert');
      expect(await requests.notice.innerText()).toBe('Diese Anfrage wurde inzwischen schon bearbeitet. Die Liste ist wieder aktuell.');
      await requests.openRequest(machine.deviceCode).waitFor({ state: 'detached' });
      await requests.empty.waitFor();
      expect(await requests.overflowsSideways()).toBe(false);
      await phone.screenshot('phone-customer-location-already-handled');

      // The device kept its location.
      const device = (await (await api(`/api/devices/${machine.deviceId}`)).json()) as { location: string | null };
      expect(device.location).toBe(machine.location);
    } finally {
      await phone.close();
    }
  });
});
