/**
 * The console offline (issue 15): the lists and details a dealer opened keep their last answer on
 * the tablet and show it without a network, dated and read-only; a screen never opened says it
 * needs the connection; signing out forgets what was kept.
 */
import { describe, expect, it } from 'vitest';
import { LoginPage } from '../page-models/login.page.ts';
import { signedIn } from '../page-models/maintenance-api.ts';
import { demoAdmin } from '../support/accounts.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();

describe('the console without a network', () => {
  it('shows the customers list and a customer as last seen, dated, and asks for the network elsewhere', async () => {
    const admin = await signedIn(spec.server.baseURL, demoAdmin);
    const customers = await admin<{ items: { id: string; name: string }[] }>('GET', '/customers?pageSize=5');
    const customer = customers.items[0]!;

    const tablet = await spec.openDevice('tablet');
    const { page, context } = tablet;
    await new LoginPage(page).goto();
    // The worker claims the page, so its precache answers the reloads below.
    await page.waitForFunction("navigator.serviceWorker.controller?.state === 'activated'");
    await new LoginPage(page).signInTo(demoAdmin, '/console');
    await page.goto('/console/customers');
    await page.getByText(customer.name).first().waitFor();
    await page.goto(`/console/customers/${customer.id}`);
    await page.locator('h1', { hasText: customer.name }).waitFor();
    expect(await page.getByTestId('kept-answers').count()).toBe(0);

    await context.setOffline(true);
    await page.reload();
    await page.locator('h1', { hasText: customer.name }).waitFor();
    const kept = page.getByTestId('kept-answers');
    await kept.waitFor();
    expect(await kept.innerText()).toMatch(/Données du .*lecture seule/);
    await page.goto('/console/customers');
    await page.getByText(customer.name).first().waitFor();
    await kept.waitFor();
    await tablet.screenshot('tablet-console-offline-customers');

    // Never opened online: nothing kept to show, and the screen says why instead of showing stale data.
    await page.goto('/console/reports');
    await page.locator('h1').first().waitFor();
    expect(await kept.count()).toBe(0);

    // Back online, a screen's fresh answer replaces the kept one and the date goes.
    await context.setOffline(false);
    await page.goto('/console/customers');
    await page.getByText(customer.name).first().waitFor();
    expect(await kept.count()).toBe(0);

    // Signing out forgets every answer kept on the tablet.
    await page.locator('.topbar__user button').click();
    await page.locator('input[name="email"]').waitFor();
    const remaining = await page.evaluate(
      "new Promise((resolve) => { const open = indexedDB.open('parc'); open.onsuccess = () => { const request = open.result.transaction('kv').objectStore('kv').getAllKeys(); request.onsuccess = () => resolve(request.result.map(String)); }; })",
    );
    expect((remaining as string[]).filter((key) => key.startsWith('answer:'))).toEqual([]);
  });
});
