/**
 * Issue 10, beyond the anchors: on a phone, the customer's meter page (in German) shows where the
 * included pages stand this billing period, pages only, and the coordinator's view (in Italian)
 * adds the period's amount. One included page per device and kind: whatever the day, the demo's
 * readings are beyond it, so the texts below hold on any date.
 */
import { emptyPriceList } from '@parc/shared/billing/price-list';
import { describe, expect, it } from 'vitest';
import { CoordinatorApp } from '../page-models/coordinator-app.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { demoCoordinator, setLanguage, signedIn } from '../page-models/maintenance-api.ts';
import { demoMeterToken, MeterEntryPage } from '../page-models/meter-entry.ts';
import { demoAdmin } from '../support/accounts.ts';
import type { Device } from '../support/browser.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();

async function includeOnePage(): Promise<void> {
  const admin = await signedIn(spec.server.baseURL, demoAdmin);
  const { items } = await admin<{ items: { id: string; customerNumber: string }[] }>('GET', '/customers?search=10452');
  const customer = items.find((candidate) => candidate.customerNumber === '10452')!;
  const prices = { ...emptyPriceList('CHF'), defaults: { prices: { mono: '0.01', colour: '0.05', scan: null }, included: { mono: 1, colour: 1, scan: 0 }, fixedFee: '10' } };
  await admin('PUT', `/customers/${customer.id}/prices`, prices);
  await setLanguage(admin, demoCoordinator.email, 'it');
}

/** Nothing wider than the phone: no sideways scrolling. */
const pageWidth = (device: Device) => device.page.evaluate<number>('document.documentElement.scrollWidth');

describe('the overage forecast before billing, on a phone', () => {
  it('shows the customer the included pages in German, without money', async () => {
    await includeOnePage();
    const device = await spec.openDevice('phone');
    const entry = new MeterEntryPage(device.page);
    await entry.open(demoMeterToken(spec.server.output()));
    await entry.chooseLanguage('de');
    await entry.forecast.waitFor();
    expect(await entry.forecast.locator('h2').innerText()).toBe('Inbegriffene Seiten');
    expect(await entry.forecast.locator('h3').allInnerTexts()).toEqual(['Schwarzweiss-Seiten', 'Farbseiten']);
    const lines = await entry.forecast.locator('.forecast__kind p').allInnerTexts();
    expect(lines[0]).toMatch(/^Bisher [\d'’]+ von \d+ inbegriffenen Seiten\.$/);
    // Beyond the included pages from the second day of the period; on its first, too early to say.
    expect(lines[1]).toMatch(/^Die inbegriffenen Seiten waren um den \d+\. \p{L}+ aufgebraucht\.|^Die Periode hat eben begonnen/u);
    expect(await entry.forecast.innerText()).not.toMatch(/CHF|Fr\./);
    expect(await pageWidth(device)).toBeLessThanOrEqual(390);
    await entry.forecast.scrollIntoViewIfNeeded();
    await device.screenshot('meter-forecast-de-390');
  });

  it("adds the period's amount for the coordinator, in Italian", async () => {
    const device = await spec.openDevice('phone');
    await new LoginPage(device.page).signInTo(demoCoordinator, '/coordinator');
    const app = new CoordinatorApp(device.page);
    await app.waitForHome();
    await app.forecast.waitFor();
    expect(await app.forecast.locator('h2').innerText()).toBe('Previsione prima della fatturazione');
    expect(await app.forecast.locator('h3').first().innerText()).toBe('Fiduciaire Delaloye & Fournier SA');
    expect(await app.forecast.locator('.forecast__amount').innerText()).toMatch(/^Importo del periodo (a questo ritmo: circa|finora:) CHF/);
    expect(await pageWidth(device)).toBeLessThanOrEqual(390);
    await device.screenshot('coordinator-forecast-it-390');
  });
});
