import type { Locator, Page } from 'playwright-core';

/** The console's devices list with its advanced search panel. */
export class DevicesListPage {
  readonly search: Locator;
  readonly advancedToggle: Locator;
  readonly panel: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.search = page.locator('input[name="search"]');
    this.advancedToggle = page.locator('button[aria-controls="advanced-search"]');
    this.panel = page.locator('#advanced-search');
    this.rows = page.locator('table.devices__table tbody tr[data-device-code]');
  }

  async goto(): Promise<void> {
    await this.page.goto('/console/devices');
    await this.rows.first().waitFor();
  }

  /** Opens the panel, fills the criteria given, and searches. */
  async advancedSearch(criteria: { customer?: string; site?: string; model?: string }): Promise<void> {
    if (!(await this.panel.isVisible())) await this.advancedToggle.click();
    if (criteria.customer) await this.panel.locator('select[name="customerId"]').selectOption({ label: criteria.customer });
    if (criteria.site) {
      const site = this.panel.locator('select[name="siteId"]');
      await site.locator('option', { hasText: criteria.site }).first().waitFor({ state: 'attached' });
      await site.selectOption({ label: criteria.site });
    }
    if (criteria.model) await this.panel.locator('input[name="model"]').fill(criteria.model);
    await this.panel.locator('button[type="submit"]').click();
  }

  row(deviceCode: string): Locator {
    return this.page.locator(`tr[data-device-code="${deviceCode}"]`);
  }

  async codes(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-device-code') ?? ''));
  }

  /** Import dialog: the customer, the file, the preview's verdict; then commits and waits for the list's notice. */
  async importDevices(customer: string, name: string, csv: string): Promise<{ summary: string; lines: number }> {
    await this.page.getByRole('button', { name: /^Importer$/ }).click();
    const dialog = this.page.locator('dialog[open]');
    await dialog.locator('select[name="customerId"]').selectOption({ label: customer });
    await dialog.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const summary = (await dialog.getByTestId('import-summary').textContent()) ?? '';
    const lines = await dialog.locator('tr[data-line]').count();
    await dialog.locator('button.button--primary').click();
    await this.page.getByTestId('devices-done').waitFor();
    return { summary, lines };
  }
}

/** The device page: chart, settings form. */
export class DevicePage {
  readonly chart: Locator;
  readonly chartCanvas: Locator;
  readonly settings: Locator;
  readonly settingsStatus: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('counter-chart');
    this.chartCanvas = this.chart.locator('canvas');
    this.settings = page.getByTestId('device-settings');
    this.settingsStatus = this.settings.locator('[role="status"]');
  }

  async setIncludedInReports(included: boolean): Promise<void> {
    await this.settings.locator('input[name="includedInReports"]').setChecked(included);
    await this.settings.locator('button[type="submit"]').click();
    await this.settingsStatus.waitFor();
  }
}

/** Users and profiles. */
export class UsersPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/console/users');
    await this.page.locator('table.users__table tbody tr').first().waitFor();
  }

  async invite(user: { name: string; email: string }): Promise<void> {
    await this.page.locator('details > summary').click();
    const form = this.page.locator('details form');
    await form.locator('input[name="name"]').fill(user.name);
    await form.locator('input[name="email"]').fill(user.email);
    await form.locator('button[type="submit"]').click();
    await this.page.locator(`tr[data-user-email="${user.email}"]`).waitFor();
  }
}
