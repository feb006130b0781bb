/**
 * The partner console on a tablet: the dashboard, the add-customer wizard end to end (a number
 * already taken said on step 1, a site file refused for one bad line then imported once fixed,
 * nothing saved before Finish, one customer for a double click, a question before leaving) and
 * the new customer in the list; a reading flagged "to check" by a customer's link entry, accepted
 * from the review queue.
 */
import { localDateKey, periodKeyAt } from '@parc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerWizardPage, CustomersListPage, DashboardPage, ToCheckPage } from '../page-models/customers.page.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { openDevice, type Device } from '../support/browser.ts';
import { demoAdmin } from '../support/accounts.ts';
import { linkClaims, meterLinkTokens, readOutbox } from '../support/outbox.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const TIME_ZONE = 'Europe/Zurich';
const period = periodKeyAt(new Date(), TIME_ZONE);
/** On or after the campaign's send day (the 20th), before the link expires. */
const campaignAsOf = [localDateKey(new Date(), TIME_ZONE), `${period}-20`].sort().at(-1)!;
const suffix = String(Date.now()).slice(-5);
const customerName = `Algiz Technologie ${suffix}`;
const prefix = `AZ${suffix}`;

let server: RunningServer;
let device: Device;

/** The API as the signed-in administrator. */
async function apiGet<T>(path: string): Promise<T> {
  const response = await device.page.request.get(`/api${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Customers of the dealer, active or not (matching `search` if given). */
async function customersTotal(search?: string): Promise<number> {
  return (await apiGet<{ total: number }>(`/customers?pageSize=1${search ? `&search=${encodeURIComponent(search)}` : ''}`)).total;
}

beforeAll(async () => {
  server = await startServer();
  device = await openDevice('tablet', server.baseURL);
  await new LoginPage(device.page).signInTo(demoAdmin, '/console');
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
});

describe('partner console: customers on a tablet', () => {
  it('shows the dashboard totals and the volumes chart', async () => {
    const dashboard = new DashboardPage(device.page);
    await dashboard.goto();
    expect(Number((await dashboard.tile('customers').locator('.tile__value').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    await dashboard.chart.waitFor();
    await device.screenshot('tablet-console-dashboard');
  });

  it('folds the navigation behind a menu button on a phone', async () => {
    const phone = await openDevice('phone', server.baseURL);
    try {
      await phone.context.addCookies(await device.context.cookies());
      await new DashboardPage(phone.page).goto();
      const navigation = phone.page.locator('#console-nav');
      const toggle = phone.page.locator('.console__menu-toggle');
      expect(await navigation.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
      await phone.screenshot('phone-console-dashboard');
      await toggle.click();
      // An expression as text: this file is type-checked without the DOM library.
      await phone.page.waitForFunction("document.querySelector('#console-nav').getBoundingClientRect().left >= 0");
      await phone.screenshot('phone-console-menu');
      await navigation.getByRole('link', { name: 'Clients' }).click();
      await phone.page.waitForURL((url) => url.pathname === '/console/customers');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');

      // An unknown console address: said inside the frame, the way back to the dashboard offered.
      await phone.page.goto('/console/no-such-screen');
      await phone.page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
      await toggle.waitFor();
      await phone.page.getByRole('link', { name: 'Retour au tableau de bord' }).click();
      await phone.page.waitForURL((url) => url.pathname === '/console');
    } finally {
      await phone.close();
    }
  });

  it('asks before discarding what was typed in the wizard, and then nothing exists', async () => {
    const { page } = device;
    const before = await customersTotal();
    const list = new CustomersListPage(page);
    await list.goto();
    await list.addButton.click();
    const wizard = new CustomerWizardPage(page);
    await wizard.step('Informations sur le client');
    // Nothing typed: Cancel leaves without a question.
    await wizard.cancel.click();
    await page.waitForURL((url) => url.pathname === '/console/customers');

    await list.addButton.click();
    await wizard.step('Informations sur le client');
    await wizard.fill({ name: `Abandon ${suffix}`, prefix: `AB${suffix}`, customerNumber: `AB${suffix}`, contactName: 'Anna Keller', contactEmail: `anna.${suffix}@abandon.test` });
    await wizard.next.click();
    await wizard.step('Sites');
    expect(await customersTotal(), 'leaving step 1 creates nothing').toBe(before);

    await wizard.cancel.click();
    await wizard.leaveDialog.waitFor();
    expect(await wizard.leaveDialog.getByRole('heading').innerText()).toBe('Abandonner l’ajout de ce client ?');
    await device.screenshot('tablet-wizard-leave');
    // Staying keeps everything typed.
    await wizard.leaveDialog.getByRole('button', { name: 'Continuer la saisie' }).click();
    await wizard.leaveDialog.waitFor({ state: 'detached' });
    await wizard.next.click();
    await wizard.step('Prix');

    // The browser's Back asks too.
    await page.goBack();
    await wizard.leaveDialog.waitFor();
    await wizard.leaveDialog.getByRole('button', { name: 'Abandonner' }).click();
    await page.waitForURL((url) => url.pathname === '/console/customers');
    expect(await customersTotal()).toBe(before);
    expect(await customersTotal(`AB${suffix}`)).toBe(0);
  });

  it('adds a customer with the wizard, importing sites from a file fixed after a refusal', async () => {
    const { page } = device;
    const before = await customersTotal();
    const taken = (await apiGet<{ items: { customerNumber: string }[] }>('/customers?pageSize=1')).items[0]!.customerNumber;
    const list = new CustomersListPage(page);
    await list.goto();
    await list.addButton.click();
    const wizard = new CustomerWizardPage(page);
    await wizard.step('Informations sur le client');
    await wizard.fill({
      name: customerName,
      country: 'FR',
      address: '3 place Lamartine',
      postcode: '59000',
      city: 'Lille',
      prefix,
      customerNumber: taken,
      activity: 'Éditeur de logiciels',
      contactName: 'Théophile Lou',
      contactEmail: `tlou.${suffix}@algiz.test`,
      contactPhone: '03.20.20.20.20',
    });
    await wizard.next.click();
    // A number another customer has: said under the field, on this step.
    expect(await wizard.fieldError('customerNumber')).toBe(`Un autre client a déjà le numéro ${taken}.`);
    await device.screenshot('tablet-wizard-number-taken');
    await wizard.fill({ customerNumber: `FR${suffix}` });
    await wizard.next.click();

    await wizard.step('Sites');
    expect(await customersTotal(), 'leaving step 1 creates nothing').toBe(before);
    await wizard.importCsv('sites.csv', 'name,address,postcode,city,country\nA2,12 rue Nationale,59000,Lille,FR\n,5 rue sans nom,59800,Lille,FR\n');
    expect(await wizard.importErrors.count()).toBe(1);
    expect(await wizard.importErrors.first().innerText()).toContain('3');
    await device.screenshot('tablet-wizard-import-error');
    await wizard.importCsv('sites.csv', 'name,address,postcode,city,country\nA2,12 rue Nationale,59000,Lille,FR\nA3,5 rue Esquermoise,59800,Lille,FR\n');
    await wizard.sites.nth(1).waitFor();
    expect(await wizard.importErrors.count()).toBe(0);
    await wizard.next.click();

    await wizard.step('Prix');
    await wizard.fill({ currency: 'EUR', monoPrice: '0.10', colourPrice: '0,2', scanPrice: '0' });
    expect(await customersTotal(), 'nothing is created before Finish').toBe(before);
    // A double click on Finish creates one customer.
    await wizard.next.dblclick();

    await wizard.summary.waitFor();
    expect(await customersTotal()).toBe(before + 1);
    const [created] = (await apiGet<{ items: { id: string; currency: string }[] }>(`/customers?search=${prefix}`)).items;
    expect(created?.currency).toBe('EUR');
    expect((await apiGet<{ items: unknown[] }>(`/customers/${created!.id}/sites`)).items).toHaveLength(3);
    expect((await apiGet<{ items: { isMain: boolean }[] }>(`/customers/${created!.id}/coordinators`)).items).toMatchObject([{ isMain: true }]);
    expect((await apiGet<{ items: unknown[] }>(`/agents?customerId=${created!.id}`)).items).toHaveLength(1);
    expect(await wizard.agentKey.innerText()).toMatch(/^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$/);
    expect(await wizard.summary.innerText()).toContain('3 sites');
    await wizard.sendInstructions.click();
    await page.getByText(`tlou.${suffix}@algiz.test`).waitFor();
    await device.screenshot('tablet-wizard-summary');

    await list.goto();
    await list.search.fill(prefix);
    const row = list.row(customerName);
    await row.waitFor();
    // The search is applied after a short pause in typing: wait until the other customers are gone.
    await list.table.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    const text = await row.innerText();
    expect(text).toContain('3 sites');
    expect(text).toContain('À la page imprimée');
    expect(text).toContain('Nouveau');
    // The customer's own address, not its first site's.
    expect(text).toContain('3 place Lamartine, 59000 Lille');
    await device.screenshot('tablet-customers-list');

    await row.locator('a.customers-table__name').click();
    await device.page.getByTestId('tab-agent').click();
    await device.page.getByTestId('agent-card').waitFor();
    await device.screenshot('tablet-customer-agent');
    await device.page.getByTestId('tab-statistics').click();
    await device.page.locator('.volume-section').first().waitFor();
    await device.screenshot('tablet-customer-statistics');

    // A site entered by mistake is deleted, after the question.
    await device.page.getByTestId('tab-sites').click();
    await device.page.getByRole('rowheader', { name: 'A3' }).waitFor();
    await device.page.locator('summary[aria-label$=": A3"]').click();
    await device.page.locator('details[open] .row-menu__items').getByRole('button', { name: 'Supprimer' }).click();
    const confirm = device.page.getByTestId('confirm-dialog');
    expect(await confirm.getByRole('heading').innerText()).toBe('Supprimer le site A3 ?');
    await confirm.getByRole('button', { name: 'Supprimer' }).click();
    await device.page.getByRole('rowheader', { name: 'A3' }).waitFor({ state: 'detached' });
    await device.page.getByRole('rowheader', { name: 'A2' }).waitFor();
  });

  it('accepts a reading flagged from a customer link in the review queue', async () => {
    await server.runJob(['campaign', '--as-of', campaignAsOf]);
    const token = readOutbox(server.dataDir)
      .flatMap(meterLinkTokens)
      .filter((candidate) => linkClaims(candidate).per === period)
      .at(-1);
    expect(token, 'a campaign link in the outbox').toBeDefined();
    const entryPage = (await (await fetch(`${server.baseURL}/api/links/${token}`)).json()) as {
      machines: { deviceId: string; counters: { counter: string; last: { value: number } | null }[] }[];
    };
    const machine = entryPage.machines.find((candidate) => candidate.counters.some((counter) => counter.last));
    const counter = machine!.counters.find((candidate) => candidate.last)!;
    const answer = await fetch(`${server.baseURL}/api/links/${token}/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entries: [{ clientId: crypto.randomUUID(), deviceId: machine!.deviceId, counter: counter.counter, value: counter.last!.value + 5_000_000 }] }),
    });
    const [result] = ((await answer.json()) as { results: { status: string; entry?: { state: string; readingId?: string } }[] }).results;
    expect(result?.entry?.state).toBe('to_check');

    const queue = new ToCheckPage(device.page);
    await queue.goto();
    const readingId = await device.page.locator('tr[data-reading]').last().getAttribute('data-reading');
    await queue.accept(readingId!);
    const status = await device.page.evaluate(async (id) => ((await (await fetch(`/api/readings/${id}`)).json()) as { status: string }).status, readingId);
    expect(status).toBe('accepted');
  });
});
