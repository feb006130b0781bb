import { describe, expect, it } from 'vitest';
import { demoAdmin } from '../support/accounts.ts';
import { serverForFile } from '../support/spec-server.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { DevicePage, DevicesListPage, UsersPage } from '../page-models/devices.page.ts';
import { ApiKeysSection } from '../page-models/api-keys.page.ts';
import { scrollsSideways } from '../page-models/consumables.page.ts';

const spec = serverForFile();

interface Row {
  id: string;
  deviceCode: string;
  model: string;
  customerName: string;
  siteName: string | null;
}

describe('partner console: devices, users and API keys', () => {
  it('finds a device by advanced search, shows its counter history, changes a setting, invites a user, and imports five devices', async () => {
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

    // Five devices of the same customer from a spreadsheet's CSV: previewed line by line, then imported.
    const csv = ['Numéro de série;Fabricant;Modèle;Date d’installation;Total', ...[1, 2, 3, 4, 5].map((n) => `E2E-IMP-${n};Ricoh;IM C3000;01.03.2026;${n * 1000}`)].join('\r\n');
    await list.goto();
    const imported = await list.importDevices(customerName, 'parc.csv', csv);
    expect(imported).toEqual({ summary: 'Lignes prêtes à importer : 5.', lines: 5 });
    await list.search.fill('E2E-IMP');
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(selector: string): { length: number } } }).document.querySelectorAll('tr[data-device-code]').length === 5);
    await device.screenshot('tablet-devices-imported');
  });

  it('creates an API key on a phone, shows it once, a script reads with it, and revokes it', async () => {
    const device = await spec.openDevice('phone');
    const { page } = device;
    await new LoginPage(page).signInTo(demoAdmin, '/console');
    const keys = new ApiKeysSection(page);
    await keys.goto();
    const secret = await keys.create('ERP', 'read');
    expect(secret).toMatch(/^parc_[A-Za-z0-9_-]{43}$/);
    expect(await page.locator('dialog[open]').textContent()).toContain('plus jamais affichée');
    expect(await scrollsSideways(page)).toBe(false);
    await device.screenshot('phone-api-key-created');
    await keys.closeDialog();
    expect(await keys.row('ERP').textContent()).toContain(secret.slice(0, 13));
    expect(await keys.table.textContent()).not.toContain(secret);
    await keys.row('ERP').scrollIntoViewIfNeeded();
    await device.screenshot('phone-api-keys');

    // A script sends the key (the page's own fetch, with the header: the key, not the cookie, decides).
    const withKey = (method: string) =>
      page.evaluate(async ({ key, method }) => (await fetch('/api/customers', { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' })).status, { key: secret, method });
    expect(await withKey('GET')).toBe(200);
    expect(await withKey('POST')).toBe(403);

    await keys.revoke('ERP');
    expect(await withKey('GET')).toBe(401);
  });
});
