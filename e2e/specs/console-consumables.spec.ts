/**
 * The consumables settings in the console (issue 11), on a tablet, by a logistics clerk (a staff
 * account whose profile edits consumables and only views customers): a customer's own order
 * configuration overriding the dealer's default, each setting saying where its value comes from,
 * then one setting inherited again; a routing rule added and moved first, in the list and in the
 * API; the same screens in German with no French left. No screen scrolls sideways at 820 px.
 */
import type { OrderConfigView, OrderRouteView } from '@parc/shared/contracts/supplies';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsumablesPage, CustomerConsumablesPage, OrderConfigFormPage, scrollsSideways, textOf } from '../page-models/consumables.page.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { signedIn, type Caller } from '../page-models/maintenance-api.ts';
import { demoAdmin, type Account } from '../support/accounts.ts';
import { loadCatalogues, scanPage, textProblems, type Catalogues } from '../support/crawl.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();
/** The demo's staff account, given the logistics profile below. */
const clerk: Account = { ...demoAdmin, email: 'staff@demo-dealer.test' };
const ROUTE = 'Ricoh cyan chez le client';
const ROUTE_ADDRESS = 'logistique@toner-ricoh.test';

let admin: Caller;
let catalogues: Catalogues;
let clerkId: string;
let customer: { id: string };

const fr = (key: string) => catalogues.fr[key]!;
const de = (key: string) => catalogues.de[key]!;

/** An API answer read with the page's own session, as the signed-in clerk. */
async function asClerk<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api${path}`);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/** The screen neither scrolls sideways nor has anything sticking out of it. */
async function expectFitsWidth(page: Page): Promise<void> {
  expect(await scrollsSideways(page)).toBe(false);
  expect((await scanPage(page)).problems).toEqual([]);
}

beforeAll(async () => {
  admin = await signedIn(spec.server.baseURL, demoAdmin);
  catalogues = await loadCatalogues();

  // The dealer's default: colour toners ordered at 15 %, on the level; everything else is Parc's default.
  await admin('PUT', '/supplies/order-config', { method: 'level', levelThresholds: { colour_toner: 15 } });

  // The logistics clerk: consumables to edit, customers and devices to look at, nothing else.
  const permissions = { dashboard: 'view', customers: 'view', devices: 'view', readings: 'none', maintenance: 'none', consumables: 'edit', billing: 'none', reports: 'none', agents: 'none', users: 'none', settings: 'none' };
  const profile = await admin<{ id: string }>('POST', '/profiles', { name: 'Logistique', permissions });
  const users = await admin<{ items: { id: string; email: string }[] }>('GET', '/users?pageSize=200');
  clerkId = users.items.find((user) => user.email === clerk.email)!.id;
  await admin('PUT', `/users/${clerkId}/profile`, { profileId: profile.id });
  await admin('PATCH', `/users/${clerkId}`, { language: 'fr' });

  customer = await admin<{ id: string }>('POST', '/customers', { customerNumber: 'E2E-CONS', name: 'Imprimerie Vaudoise SA', prefix: 'E2ECONS' });
});

describe('consumables settings in the console, on a tablet', () => {
  it("overrides the dealer's order configuration for a customer, each setting with its source, then inherits one again", async () => {
    const tablet = await spec.openDevice('tablet');
    const { page } = tablet;
    await new LoginPage(page).signInTo(clerk, '/console');
    const customerPage = new CustomerConsumablesPage(page);
    await customerPage.goto(customer.id);
    const config = customerPage.config;
    expect(await customerPage.tab.getAttribute('aria-current')).toBe('page');

    // Before: the colour toners' threshold and the method from the dealer, the black toner's from Parc.
    expect(await config.source('levelThresholds.colour_toner')).toBe(fr('config.source.dealer'));
    expect(await config.control('levelThresholds.colour_toner').inputValue()).toBe('15');
    expect(await config.control('levelThresholds.colour_toner').isDisabled()).toBe(true);
    expect(await config.source('method')).toBe(fr('config.source.dealer'));
    expect(await config.source('levelThresholds.mono_toner')).toBe(fr('config.source.default'));
    expect(await config.control('levelThresholds.mono_toner').inputValue()).toBe('20');

    // The customer's own: colour toners at 30 %, ordered proactively.
    await config.inherit('levelThresholds.colour_toner', false);
    await config.control('levelThresholds.colour_toner').fill('30');
    await config.inherit('method', false);
    await config.control('method').selectOption('proactive');
    expect(await config.source('levelThresholds.colour_toner')).toBe(fr('config.source.here.customer'));
    await config.save();
    expect(await config.source('levelThresholds.colour_toner')).toBe(fr('config.source.here.customer'));
    expect(await config.source('method')).toBe(fr('config.source.here.customer'));
    expect(await config.source('levelThresholds.mono_toner')).toBe(fr('config.source.default'));
    await expectFitsWidth(page);
    await tablet.screenshot('tablet-customer-order-config');

    const saved = await asClerk<OrderConfigView>(page, `/customers/${customer.id}/order-config`);
    expect(saved.own).toEqual({ method: 'proactive', levelThresholds: { colour_toner: 30 } });
    expect(saved.effective).toMatchObject({ method: 'proactive', levelThresholds: { colour_toner: 30, mono_toner: 20 } });
    expect(saved.from).toMatchObject({ method: 'customer', levelThresholds: { colour_toner: 'customer', mono_toner: 'default' }, proactiveDays: 'default' });

    // The method inherited again: the dealer's shows once saved.
    await config.inherit('method', true);
    expect(await config.source('method')).toBe(fr('config.source.above'));
    await config.save();
    expect(await config.source('method')).toBe(fr('config.source.dealer'));
    expect(await config.control('method').inputValue()).toBe('level');
    expect(await config.source('levelThresholds.colour_toner')).toBe(fr('config.source.here.customer'));

    const inherited = await asClerk<OrderConfigView>(page, `/customers/${customer.id}/order-config`);
    expect(inherited.own).toEqual({ levelThresholds: { colour_toner: 30 } });
    expect(inherited.effective).toMatchObject({ method: 'level', levelThresholds: { colour_toner: 30 } });
    expect(inherited.from).toMatchObject({ method: 'dealer', levelThresholds: { colour_toner: 'customer' } });

    // Opened again, the page shows what was saved.
    await customerPage.goto(customer.id);
    expect(await config.control('levelThresholds.colour_toner').inputValue()).toBe('30');
    expect(await config.source('levelThresholds.colour_toner')).toBe(fr('config.source.here.customer'));
    expect(await config.source('method')).toBe(fr('config.source.dealer'));
    await expectFitsWidth(page);
  });

  it('adds a routing rule (manufacturer, toner, cyan; to the site coordinator and an address) and moves it first', async () => {
    const tablet = await spec.openDevice('tablet');
    const { page } = tablet;
    await new LoginPage(page).signInTo(clerk, '/console');
    const consumables = new ConsumablesPage(page, catalogues.fr);
    await consumables.goto('routing');
    const before = await consumables.routeNames();
    expect(before.length, 'the demo has routing rules of its own').toBeGreaterThan(0);

    await consumables.fillNewRoute({
      name: ROUTE,
      filters: { manufacturer: 'Ricoh', kind: 'toner', colour: 'cyan' },
      recipients: [{ kind: 'site_coordinator' }, { kind: 'address', address: ROUTE_ADDRESS }],
    });
    await expectFitsWidth(page);
    await consumables.saveNewRoute(ROUTE);

    // Added last, described in words.
    expect(await consumables.routeNames()).toEqual([...before, ROUTE]);
    const summary = await consumables.route(ROUTE).innerText();
    const described = [
      fr('routing.filter.manufacturerIs').replace('{value}', 'Ricoh'),
      fr('routing.filter.kindIs').replace('{value}', fr('kind.toner')),
      fr('routing.filter.colourIs').replace('{value}', fr('colour.cyan')),
      fr('routing.recipient.site_coordinator'),
      ROUTE_ADDRESS,
    ];
    for (const text of described) expect(summary).toContain(text);

    await consumables.moveToFirst(ROUTE);
    expect(await consumables.routeNames()).toEqual([ROUTE, ...before]);
    expect(await consumables.route(ROUTE).locator('.route__position').textContent()).toBe('1');
    await expectFitsWidth(page);
    await tablet.screenshot('tablet-consumables-routing');

    const { items } = await asClerk<{ items: OrderRouteView[] }>(page, '/supplies/routes');
    expect(items.map((route) => route.name)).toEqual([ROUTE, ...before]);
    expect(items[0]).toMatchObject({
      name: ROUTE,
      filters: { manufacturer: 'Ricoh', kind: 'toner', colour: 'cyan' },
      recipients: [{ kind: 'site_coordinator' }, { kind: 'address', address: ROUTE_ADDRESS }],
    });

    // Opened again, the order holds.
    await consumables.goto('routing');
    expect(await consumables.routeNames()).toEqual([ROUTE, ...before]);
  });

  it('speaks German on the consumables tabs and the customer’s once the clerk’s language is German', async () => {
    await admin('PATCH', `/users/${clerkId}`, { language: 'de' });
    const tablet = await spec.openDevice('tablet');
    const { page } = tablet;
    await new LoginPage(page).signInTo(clerk, '/console');
    await page.locator('html[lang="de"]').waitFor({ state: 'attached' });
    const consumables = new ConsumablesPage(page, catalogues.de);
    const noFrench = async () => expect(textProblems(catalogues, (await scanPage(page)).texts, 'de')).toEqual([]);

    await consumables.goto('configuration');
    expect(await textOf(consumables.heading)).toBe(de('consumables.title'));
    for (const tab of ['orders', 'catalogue', 'configuration', 'routing', 'suppliers']) expect(await textOf(consumables.tab(tab))).toBe(de(`consumables.tab.${tab}`));
    const dealerConfig = new OrderConfigFormPage(page);
    expect(await dealerConfig.form.getAttribute('aria-label')).toBe(de('config.title.dealer'));
    expect(await dealerConfig.source('levelThresholds.colour_toner')).toBe(de('config.source.here.dealer'));
    expect(await dealerConfig.source('levelThresholds.mono_toner')).toBe(de('config.source.default'));
    expect(await dealerConfig.label('levelThresholds.colour_toner')).toBe(de('config.group.colour_toner'));
    expect(await dealerConfig.inheritLabel('levelThresholds.colour_toner')).toBe(de('config.inherit'));
    expect(await textOf(dealerConfig.legends.first())).toBe(de('config.group.method'));
    expect(await textOf(dealerConfig.submit)).toBe(de('config.save'));
    await noFrench();
    await expectFitsWidth(page);

    await consumables.open('routing');
    expect(await textOf(consumables.routingIntro)).toBe(de('routing.intro'));
    expect(await textOf(consumables.routingFallback)).toBe(de('routing.fallback'));
    expect(await consumables.addRouteButton.count()).toBe(1);
    expect(await consumables.routes.first().locator('.route__recipients').innerText()).toContain(de('routing.sendTo'));
    await noFrench();
    await expectFitsWidth(page);
    await tablet.screenshot('tablet-consumables-routing-de');

    const customerPage = new CustomerConsumablesPage(page);
    await customerPage.goto(customer.id);
    expect(await textOf(customerPage.tab)).toBe(de('tab.consumables'));
    expect(await customerPage.config.form.getAttribute('aria-label')).toBe(de('config.title.customer'));
    expect(await textOf(customerPage.config.intro)).toBe(de('config.intro.customer'));
    expect(await customerPage.config.source('levelThresholds.mono_toner')).toBe(de('config.source.default'));
    expect(await customerPage.config.inheritLabel('levelThresholds.mono_toner')).toBe(de('config.inherit'));
    await noFrench();
    await expectFitsWidth(page);
  });
});
