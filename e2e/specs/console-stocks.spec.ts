/**
 * Local stocks in the console (issue 11), on a tablet in German: a logistics clerk adds a stock at a
 * customer's site (its device ticked, a coordinator as manager), adds a toner from the catalogue with
 * its minimum and target, counts what is on the shelf, places the suggested replenishment (shipped
 * with a tracking number; a double tap places one) and receives it. The API then holds the counted
 * quantity plus the replenishment, and the stock's movements say why in words. The page never
 * scrolls sideways.
 */
import type { LocalStock, Replenishment, StockMovement } from '@parc/shared/contracts/stocks';
import type { SupplyModel } from '@parc/shared/contracts/supplies';
import { beforeAll, describe, expect, it } from 'vitest';
import { scrollsSideways } from '../page-models/consumables.page.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { signedIn, type Caller } from '../page-models/maintenance-api.ts';
import { demoAdmin } from '../support/accounts.ts';
import { loadCatalogues, scanPage, type Catalogues } from '../support/crawl.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();
const STOCK_NAME = 'Materialraum 2. OG';
const TRACKING = '99.00.123456.78901234';

let api: Caller;
let catalogues: Catalogues;
let customer: { id: string };
let site: { id: string };
let device: { id: string; deviceCode: string };
let coordinator: { id: string };
let toner: SupplyModel;

const de = (key: string) => catalogues.de[key]!;

beforeAll(async () => {
  api = await signedIn(spec.server.baseURL, demoAdmin);
  catalogues = await loadCatalogues();
  const me = await api<{ user: { id: string } }>('GET', '/auth/me');
  await api('PATCH', `/users/${me.user.id}`, { language: 'de' });

  customer = await api<{ id: string }>('POST', '/customers', { customerNumber: 'E2E-STK', name: 'Lager Test AG', prefix: 'E2ESTK' });
  site = await api<{ id: string }>('POST', `/customers/${customer.id}/sites`, { name: 'Hauptsitz' });
  device = await api<{ id: string; deviceCode: string }>('POST', '/devices', { customerId: customer.id, serial: 'E2E-STK-1', manufacturer: 'Canon', model: 'iR C5840', siteId: site.id, location: 'Empfang' });
  coordinator = await api<{ id: string }>('POST', `/customers/${customer.id}/coordinators`, { name: 'Anna Muster', email: 'anna@lager.test' });
  // A toner of the demo's catalogue with the dealer's own reference, found in the dialog by it.
  toner = (await api<{ items: SupplyModel[] }>('GET', '/supplies/models?pageSize=200')).items.find((model) => model.kind === 'toner' && model.dealerReference !== null)!;
  expect(toner).toBeDefined();
});

describe('local stocks in the console', () => {
  it('adds a stock, a supply, a count, then places and receives the suggested replenishment on a tablet in German', async () => {
    const tablet = await spec.openDevice('tablet');
    const page = tablet.page;
    await new LoginPage(page).signInTo(demoAdmin, '/console');
    await page.goto('/console/consumables/stocks');
    await page.locator('html[lang="de"]').waitFor({ state: 'attached' });
    await page.getByTestId('stocks-table').waitFor();
    expect(await page.locator('.tabs [aria-current="page"]').textContent()).toContain(de('consumables.tab.stocks'));

    // The stock: name, customer, site, the site's device, the coordinator as manager.
    await page.locator('[data-action="add-stock"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('input[name="name"]').fill(STOCK_NAME);
    await dialog.locator('select[name="customerId"]').selectOption(customer.id);
    await dialog.locator(`select[name="siteId"] option[value="${site.id}"]`).waitFor({ state: 'attached' });
    await dialog.locator('select[name="siteId"]').selectOption(site.id);
    await dialog.locator(`input[name="deviceIds"][value="${device.id}"]`).check();
    await dialog.locator(`select[name="managerCoordinatorId"] option[value="${coordinator.id}"]`).waitFor({ state: 'attached' });
    await dialog.locator('select[name="managerCoordinatorId"]').selectOption(coordinator.id);
    await dialog.locator('button[type="submit"]').click();

    // It opens as the low-stock email links to it.
    await page.waitForURL((url) => url.pathname === '/console/consumables/stocks' && url.searchParams.has('stock'));
    const stockId = new URL(page.url()).searchParams.get('stock')!;
    await page.getByTestId('stock-items').waitFor();
    expect(await page.locator('#stock-title').textContent()).toBe(STOCK_NAME);
    expect(await page.getByTestId('stock-served').textContent()).toContain(device.deviceCode);
    const created = await api<LocalStock>('GET', `/supplies/stocks/${stockId}`);
    expect(created).toMatchObject({ name: STOCK_NAME, customer: { id: customer.id }, site: { id: site.id }, manager: { coordinatorId: coordinator.id, email: null }, items: [] });
    expect(created.devices.map((each) => each.id)).toEqual([device.id]);

    // A toner from the catalogue, none on the shelf yet: empty.
    await page.locator('[data-action="add-item"]').click();
    await dialog.locator('input[name="search"]').fill(toner.dealerReference!);
    await dialog.locator(`input[name="supplyModelId"][value="${toner.id}"]`).check();
    await dialog.locator('input[name="minimum"]').fill('2');
    await dialog.locator('input[name="target"]').fill('6');
    await dialog.locator('input[name="quantity"]').fill('0');
    await dialog.locator('button[type="submit"]').click();
    const row = page.locator(`tr[data-supply-model="${toner.id}"]`);
    await page.locator(`tr[data-supply-model="${toner.id}"][data-state="empty"]`).waitFor();
    expect(await row.textContent()).toContain(de('stocks.state.empty'));

    // One counted on the shelf: at its minimum, low.
    await row.locator('[data-action="count"]').click();
    await dialog.locator('input[name="quantity"]').fill('1');
    await dialog.locator('button[type="submit"]').click();
    await page.locator(`tr[data-supply-model="${toner.id}"][data-state="low"]`).waitFor();
    expect((await row.locator('[data-field="quantity"]').textContent())?.trim()).toBe('1');
    expect(await row.textContent()).toContain(de('stocks.state.low'));

    // The replenishment suggests five (back to the target of six), shipped at once with its tracking number; a double tap places one.
    await page.locator('[data-action="replenish"]').click();
    const line = dialog.locator(`[data-testid="replenishment-lines"] li[data-supply-model="${toner.id}"] input[name="quantity"]`);
    expect(await line.inputValue()).toBe('5');
    await dialog.locator('select[name="carrierId"]').selectOption({ label: 'La Poste' });
    await dialog.locator('input[name="trackingNumber"]').fill(TRACKING);
    await dialog.locator('button[type="submit"]').dblclick();
    const shipped = page.locator('[data-replenishment][data-status="shipped"]');
    await shipped.waitFor();
    await dialog.waitFor({ state: 'detached' });
    const placed = (await api<{ items: Replenishment[] }>('GET', `/supplies/replenishments?stockId=${stockId}`)).items;
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ status: 'shipped', trackingNumber: TRACKING, carrier: { name: 'La Poste' }, lines: [{ supplyModelId: toner.id, quantity: 5 }] });
    expect(await shipped.locator('a[href]').getAttribute('href')).toBe(placed[0]!.trackingLink);
    expect((await row.locator('[data-field="inTransit"]').textContent())?.trim()).toBe('5');
    expect(await scrollsSideways(page)).toBe(false);
    await tablet.screenshot('console-stocks-shipped-de-tablet');

    // Received: six on the shelf, nothing on its way, and the movements say why.
    await shipped.locator('[data-action="receive"]').click();
    await page.locator(`[data-replenishment="${placed[0]!.code}"][data-status="received"]`).waitFor();
    await page.locator(`tr[data-supply-model="${toner.id}"][data-state="ok"]`).waitFor();
    expect((await row.locator('[data-field="quantity"]').textContent())?.trim()).toBe('6');
    const received = await api<LocalStock>('GET', `/supplies/stocks/${stockId}`);
    expect(received.items).toMatchObject([{ supplyModelId: toner.id, quantity: 6, minimum: 2, target: 6, state: 'ok', inTransit: 0, suggested: 0 }]);
    const movements = (await api<{ items: StockMovement[] }>('GET', `/supplies/stocks/${stockId}/movements`)).items;
    expect(movements.map((movement) => [movement.reason, movement.delta])).toEqual([
      ['replenishment', 5],
      ['count', 1],
    ]);
    await page.locator('[data-testid="stock-movements"] [data-reason="replenishment"]').waitFor();
    const shown = await page.getByTestId('stock-movements').textContent();
    expect(shown).toContain(de('stocks.movement.replenishment').replace('{code}', placed[0]!.code));
    expect(shown).toContain(de('stocks.movement.count'));
    expect(await scrollsSideways(page)).toBe(false);
    expect((await scanPage(page)).problems).toEqual([]);
    await tablet.screenshot('console-stocks-received-de-tablet');

    // The list (the tab's own link, without the stock): the stock with its one device and nothing low.
    await page.getByTestId('tab-stocks').click();
    const listed = page.locator(`[data-testid="stocks-table"] tr[data-stock="${STOCK_NAME}"]`);
    await listed.waitFor();
    expect(await listed.textContent()).toContain(de('stocks.alert.none'));
    expect(await scrollsSideways(page)).toBe(false);
  });
});
