import { describe, expect, it } from 'vitest';
import { demoAdmin } from '../support/accounts.ts';
import { serverForFile } from '../support/spec-server.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { DevicePage, DevicesListPage, UsersPage } from '../page-models/devices.page.ts';

const spec = serverForFile();

interface Row {
  id: string;
  deviceCode: string;
  model: string;
  customerName: string;
  siteName: string | null;
}

describe('partner console: devices and users on a tablet', () => {
  it('finds a device by advanced search, shows its counter history, changes a setting, and invites a user', async () => {
    const device = await spec.openDevice('tablet');
    const { page } = device;
    await new LoginPage(page).signInTo(demoAdmin, '/console');

    // A demo device that has a site and readings, read through the API the screen uses.
    const target = await page.evaluate(async () => {
      const response = await fetch('/api/console/devices?pageSize=200&sort=total&order=desc');
      const body = (await response.json()) as { items: (Row & { counters: { total: number | null } })[] };
      return body.items.find((row) => row.siteName && row.counters.total !== null) ?? null;
    });
    expect(target).not.toBeNull();
    const { deviceCode, model, customerName, siteName } = target!;

    const list = new DevicesListPage(page);
    await list.goto();
    await list.advancedSearch({ customer: customerName, site: siteName!, model });
    // The filtered page replaces the first one: wait until every row shown is at the chosen site.
    await page.waitForFunction(
      ({ code, site }) => {
        const rows = [...(globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; querySelector(selector: string): { textContent: string | null } | null }> } }).document.querySelectorAll('tr[data-device-code]')];
        return rows.some((row) => row.getAttribute('data-device-code') === code) && rows.every((row) => row.querySelector('[data-column="site"]')?.textContent === site);
      },
      { code: deviceCode, site: siteName },
    );
    expect(await list.codes()).toContain(deviceCode);

    await list.row(deviceCode).locator('[data-column="id"] a').click();
    await page.waitForURL((url) => url.pathname === `/console/devices/${target!.id}`);
    const devicePage = new DevicePage(page);
    await devicePage.chartCanvas.first().waitFor();
    expect(await page.locator('main h1').textContent()).toContain(deviceCode);

    await devicePage.setIncludedInReports(false);
    const settings = await page.evaluate(async (id) => ((await (await fetch(`/api/devices/${id}/console`)).json()) as { settings: { includedInReports: boolean } }).settings, target!.id);
    expect(settings.includedInReports).toBe(false);
    await page.locator('ol.events li', { hasText: /Réglages modifiés/ }).first().waitFor();
    await page.locator('#history').scrollIntoViewIfNeeded();
    await device.screenshot('tablet-device-page');

    const users = new UsersPage(page);
    await users.goto();
    await users.invite({ name: 'Luc Morand', email: 'luc.morand@demo-dealer.test' });
    expect(await page.locator('tr[data-user-email="luc.morand@demo-dealer.test"]').textContent()).toContain('Invitation en attente');
    await device.screenshot('tablet-users');
  });
});
