/**
 * Permissions in the console (issue 15): for every screen a staff profile grants, at each level,
 * what the interface offers is what the server accepts. With the screen at "none", its navigation
 * entry is gone and its address shows a page saying so in the user's language, asking the server
 * nothing it would refuse; at "view" the screen loads with no refused request and without its
 * changing controls; at "edit" those controls are there. Every other screen is at "none" (the
 * dashboard, the home, at view), so a screen that leans on another's data is caught too.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { MeterEntryPage } from '@parc/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Screen } from '@parc/shared/contracts/profiles';
import { SCREENS } from '@parc/shared/contracts/profiles';
import { LoginPage } from '../page-models/login.page.ts';
import { demoMeterToken } from '../page-models/meter-entry.ts';
import { setLanguage, signedIn, type Caller } from '../page-models/maintenance-api.ts';
import { demoAdmin, type Account } from '../support/accounts.ts';
import { loadCatalogues, type Catalogues } from '../support/crawl.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();
const staff: Account = { ...demoAdmin, email: 'staff@demo-dealer.test' };
const LEVELS = ['none', 'view', 'edit'] as const;

/**
 * Each screen's address, its navigation entry (when it has one) and a control only "edit" offers: the
 * devices to add have none without a device an agent found, which the demo has not.
 */
const SCREEN_VISITS: Record<Exclude<Screen, 'dashboard'>, { url: string; nav: string | null; editControl: string | null }> = {
  customers: { url: '/console/customers', nav: '/console/customers', editControl: 'a[href="/console/customers/new"]' },
  devices: { url: '/console/devices', nav: '/console/devices', editControl: '[data-action="add-device"]' },
  readings: { url: '/console/readings/to-check', nav: null, editControl: '[data-action="accept-reading"]' },
  maintenance: { url: '/console/requests', nav: '/console/requests', editControl: '[data-action="new-request"]' },
  consumables: { url: '/console/consumables/stocks', nav: '/console/consumables', editControl: '[data-action="add-stock"]' },
  billing: { url: '/console/billing', nav: '/console/billing', editControl: '[data-action="run-billing"]' },
  reports: { url: '/console/reports', nav: '/console/reports', editControl: '[data-action="create-report"]' },
  agents: { url: '/console/pending-devices', nav: null, editControl: null },
  users: { url: '/console/users', nav: '/console/users', editControl: '[data-action="reset-password"]' },
  settings: { url: '/console/settings', nav: '/console/settings', editControl: '[data-action="save-appearance"]' },
};

let admin: Caller;
let staffId: string;
let catalogues: Catalogues;
const profiles = new Map<string, string>();

/** A profile opening `screen` at `level`, the dashboard at view and nothing else; made once. */
async function profileFor(screen: Screen, level: (typeof LEVELS)[number]): Promise<string> {
  const name = `${screen} ${level}`;
  if (!profiles.has(name)) {
    const permissions = Object.fromEntries(SCREENS.map((each) => [each, each === screen ? level : each === 'dashboard' ? 'view' : 'none']));
    profiles.set(name, (await admin<{ id: string }>('POST', '/profiles', { name, permissions })).id);
  }
  return profiles.get(name)!;
}

/** Opens the address afresh (the console asks for the permissions as it starts) and waits until the screen has settled. */
async function visit(page: Page, url: string): Promise<string[]> {
  const refused: string[] = [];
  const onResponse = (response: { status(): number; url(): string; request(): { method(): string } }) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('h1').first().waitFor();
  await page.locator('[aria-busy="true"], .loading').first().waitFor({ state: 'hidden' });
  page.off('response', onResponse);
  return refused;
}

beforeAll(async () => {
  admin = await signedIn(spec.server.baseURL, demoAdmin);
  catalogues = await loadCatalogues();
  staffId = await setLanguage(admin, staff.email, 'de');
  // A reading to check, so the readings screen has one to accept: the customer types far more than the machine can print.
  const token = demoMeterToken(spec.server.output());
  const page = (await (await fetch(`${spec.server.baseURL}/api/links/${token}`)).json()) as MeterEntryPage;
  const machine = page.machines.find((candidate) => candidate.counters.some((each) => each.last && each.entry.state === 'to_enter'))!;
  const counter = machine.counters.find((each) => each.last && each.entry.state === 'to_enter')!;
  const entered = await fetch(`${spec.server.baseURL}/api/links/${token}/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ entries: [{ clientId: randomUUID(), deviceId: machine.deviceId, counter: counter.counter, value: counter.last!.value + 9_000_000 }] }),
  });
  expect(((await entered.json()) as { results: { entry?: { state: string } }[] }).results[0]!.entry?.state).toBe('to_check');
});

describe('a staff profile sees what it may do, and nothing the server would refuse', () => {
  // One sign-in for every screen and level: a profile's change is read at the next request, and each visit reloads the console.
  it('on every screen at none, view and edit', async () => {
    const tablet = await spec.openDevice('tablet');
    const { page } = tablet;
    await admin('PUT', `/users/${staffId}/profile`, { profileId: await profileFor('customers', 'none') });
    await new LoginPage(page).signInTo(staff, '/console');

    for (const [name, screen] of Object.entries(SCREEN_VISITS)) {
      for (const level of LEVELS) {
        await admin('PUT', `/users/${staffId}/profile`, { profileId: await profileFor(name as Screen, level) });
        const refused = await visit(page, screen.url);
        expect(refused, `${name} at ${level}: requests refused`).toEqual([]);
        const forbidden = page.getByTestId('console-forbidden');
        if (screen.nav) expect(await page.locator(`#console-nav a[href="${screen.nav}"]`).count(), `${name} at ${level}: navigation`).toBe(level === 'none' ? 0 : 1);
        if (level === 'none') {
          expect(await forbidden.locator('h1').innerText()).toBe(catalogues.de['console.forbidden.title']);
          continue;
        }
        expect(await forbidden.count(), `${name} at ${level}`).toBe(0);
        if (!screen.editControl) continue;
        if (level === 'edit') await page.locator(screen.editControl).first().waitFor();
        else expect(await page.locator(screen.editControl).count(), `${name} at view: a changing control`).toBe(0);
      }
    }
  });
});
