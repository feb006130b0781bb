/**
 * Billing on a tablet, as the dealer's administrator: the tiered customer's prices get two more bands
 * per counter (a band out of order is refused at its field first, what was typed kept), saved as a
 * new version that applies from the current period; the previous month is billed for every customer,
 * the tiered customer's run shows its bands and is approved; on the customer's Billing tab an invoice
 * for that run gets two payments and is paid.
 *
 * The previous month is billed at the prices in force then (the demo's first version, tiered too):
 * the new version applies from the current period, which cannot be approved before it ends.
 */
import { periodKeyAt } from '@parc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingRunPage, BillingRunsPage, CustomerBillingTabPage, InvoicesPanelPage, PricesTabPage } from '../page-models/billing.page.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { openDevice, type Device } from '../support/browser.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const TIME_ZONE = 'Europe/Zurich';
/** Studio Legale Ferrari & Lepori, the demo customer billed by volume tiers. */
const CUSTOMER = '10633';
const currentPeriod = periodKeyAt(new Date(), TIME_ZONE);
const [year, month] = currentPeriod.split('-').map(Number) as [number, number];
const previousPeriod = periodKeyAt(new Date(Date.UTC(year, month - 2, 15)), TIME_ZONE);
const monthName = (period: string) => new Intl.DateTimeFormat('fr-CH', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-15T00:00:00Z`));

let server: RunningServer;
let device: Device;
let customerId: string;
let runId: string;
const invoiceNumber = `FA-${String(Date.now()).slice(-6)}`;

beforeAll(async () => {
  server = await startServer();
  const cookie = await sessionCookie(server.baseURL, demoAdmin);
  const customers = (await (await fetch(`${server.baseURL}/api/customers?pageSize=100`, { headers: { cookie } })).json()) as { items: { id: string; customerNumber: string }[] };
  customerId = customers.items.find((customer) => customer.customerNumber === CUSTOMER)!.id;
  device = await openDevice('tablet', server.baseURL);
  await new LoginPage(device.page).signInTo(demoAdmin, '/console');
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
});

describe('billing on a tablet', () => {
  it('adds two bands per counter to the tiered prices and saves them as a new version', async () => {
    const prices = new PricesTabPage(device.page);
    await prices.goto(customerId);
    expect(await prices.model('Par paliers de volume').isChecked()).toBe(true);
    expect(await prices.history.count()).toBe(1);

    await prices.addBand('mono', { from: '50001', price: '0.03' });
    await prices.addBand('mono', { from: '100001', price: '0,02' });
    await prices.addBand('colour', { from: '50001', price: '0.045' });
    // Out of order: refused at its field, nothing sent, the rest kept.
    await prices.addBand('colour', { from: '20000', price: '0.04' });
    await prices.addBand('scan', { price: '0.01' });
    await prices.addBand('scan', { from: '1001', price: '0.005' });
    await prices.saveButton.click();
    await prices.errorAt('tiers.colour.5.from').waitFor();
    expect(await prices.errorAt('tiers.colour.5.from').innerText()).toBe('Doit venir après le début du palier précédent');
    expect(await prices.field('tiers.mono.5.price').inputValue()).toBe('0,02');
    await device.screenshot('tablet-prices-band-refused');

    await prices.field('tiers.colour.5.from').fill('100001');
    await prices.saveButton.click();
    await prices.saved.waitFor();
    expect(await prices.saved.innerText()).toBe(`Version 2 enregistrée : elle s’applique dès ${monthName(currentPeriod)}.`);
    // As the server keeps it: a point for the comma.
    expect(await prices.field('tiers.mono.5.price').inputValue()).toBe('0.02');
    expect(await prices.history.count()).toBe(2);
    await device.screenshot('tablet-prices-tiered');

    await prices.history.nth(1).getByRole('button').click();
    await prices.viewing.waitFor();
    expect(await prices.field('tiers.scan.0.price').count()).toBe(0);
    expect(await prices.field('tiers.mono.3.price').isDisabled()).toBe(true);
    await prices.viewing.getByRole('button', { name: 'Retour aux prix actuels' }).click();
    expect(await prices.field('tiers.scan.1.price').inputValue()).toBe('0.005');
  });

  it('bills the previous month for every customer and approves the tiered customer’s run', async () => {
    const { page } = device;
    await page.locator('#console-nav').getByRole('link', { name: 'Facturation' }).click();
    const runs = new BillingRunsPage(page);
    await runs.period.waitFor();
    expect(await runs.period.inputValue()).toBe(previousPeriod);
    await runs.runAll.click();
    await runs.result.waitFor();
    expect(await runs.result.innerText()).toMatch(/\d+ facturations calculées\./);
    const row = runs.row(CUSTOMER);
    await row.waitFor();
    expect(await row.innerText()).toContain('Brouillon');
    await device.screenshot('tablet-billing-runs');

    await row.getByRole('link', { name: 'Studio Legale Ferrari & Lepori' }).click();
    const run = new BillingRunPage(page);
    await run.total.waitFor();
    runId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await run.heading.innerText()).toContain(monthName(previousPeriod));
    expect(await run.status.innerText()).toBe('Brouillon');
    expect(await run.deviceGroups.count()).toBeGreaterThan(0);
    // The customer's total per counter, band by band (from the prices in force that month).
    await run.customerLines.filter({ hasText: 'Paliers · Noir et blanc' }).waitFor();
    expect(await run.customerLines.filter({ hasText: 'pages 1 à 100' }).count()).toBeGreaterThan(0);
    const [csv] = await Promise.all([page.waitForEvent('download'), run.exportCsv.click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), run.exportXlsx.click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    await device.screenshot('tablet-billing-run');

    page.once('dialog', (dialog) => void dialog.accept());
    await run.approveButton.click();
    await page.locator('.billing-run__heading .badge', { hasText: 'Approuvée' }).waitFor();
    expect(await run.approveButton.count()).toBe(0);
  });

  it('shows the approved run with its lines on the customer’s Billing tab, and its invoice paid in two parts', async () => {
    const tab = new CustomerBillingTabPage(device.page);
    await tab.goto(customerId);
    await tab.estimate.waitFor();
    const approved = tab.run(previousPeriod);
    await approved.locator('summary').click();
    await approved.locator('.run-lines').waitFor();
    expect(await approved.locator('summary').innerText()).toContain('Approuvée');

    const invoices = new InvoicesPanelPage(device.page);
    await invoices.addButton.click();
    await invoices.field('number').fill(invoiceNumber);
    // The run brings its total as the invoice's amount.
    await invoices.field('billingRunId').selectOption(runId);
    expect(await invoices.field('amount').inputValue()).toMatch(/^\d+\.\d{2}$/);
    await invoices.saveInvoice();
    await invoices.invoice(invoiceNumber).waitFor();
    expect(await invoices.status(invoiceNumber).innerText()).toBe('Ouverte');

    await invoices.openPayments(invoiceNumber);
    await invoices.pay('100.00');
    await invoices.status(invoiceNumber).filter({ hasText: 'Payée en partie' }).waitFor();
    await invoices.pay();
    await invoices.status(invoiceNumber).filter({ hasText: /^Payée$/ }).waitFor();
    await invoices.dialog.getByText('Cette facture est entièrement payée.').waitFor();
    await device.screenshot('tablet-invoice-paid');
    await device.page.keyboard.press('Escape');
    await invoices.dialog.waitFor({ state: 'detached' });
    await device.screenshot('tablet-customer-billing');
  });
});
