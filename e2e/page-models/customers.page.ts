import type { Locator, Page } from 'playwright-core';

/** The console's dashboard: tiles and the volumes chart. */
export class DashboardPage {
  readonly tiles: Locator;
  readonly chart: Locator;

  constructor(readonly page: Page) {
    this.tiles = page.locator('a.tile');
    this.chart = page.locator('.volume-chart canvas');
  }

  tile(key: string): Locator {
    return this.page.getByTestId(`tile-${key}`);
  }

  async goto(): Promise<void> {
    await this.page.goto('/console');
    await this.tiles.first().waitFor();
  }
}

/** The customers list: search, table, and the way to the add-customer wizard. */
export class CustomersListPage {
  readonly search: Locator;
  readonly table: Locator;
  readonly addButton: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('customers-search');
    this.table = page.getByTestId('customers-table');
    this.addButton = page.locator('a[href="/console/customers/new"]');
  }

  async goto(): Promise<void> {
    await this.page.goto('/console/customers');
    await this.table.waitFor();
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr', { has: this.page.locator('a.customers-table__name', { hasText: name }) });
  }
}

/** The three-step add-customer wizard and its summary. */
export class CustomerWizardPage {
  readonly next: Locator;
  readonly cancel: Locator;
  /** The question asked before leaving with something typed. */
  readonly leaveDialog: Locator;
  readonly importFile: Locator;
  readonly importErrors: Locator;
  readonly importResult: Locator;
  readonly sites: Locator;
  readonly summary: Locator;
  readonly agentKey: Locator;
  readonly sendInstructions: Locator;

  constructor(readonly page: Page) {
    this.next = page.locator('form button[type="submit"]');
    this.cancel = page.getByTestId('wizard-cancel');
    this.leaveDialog = page.getByTestId('confirm-dialog');
    this.importFile = page.getByTestId('site-import-file');
    this.importErrors = page.getByTestId('import-error');
    this.importResult = page.getByTestId('import-result');
    this.sites = page.getByTestId('wizard-sites').locator('li');
    this.summary = page.getByTestId('wizard-summary');
    this.agentKey = page.getByTestId('agent-key');
    this.sendInstructions = this.summary.locator('button');
  }

  field(name: string): Locator {
    return this.page.locator(`[name="${name}"]`);
  }

  /** The sentence under a field, once there is one. */
  async fieldError(name: string): Promise<string> {
    const error = this.page.locator('label.field', { has: this.field(name) }).locator('.field-error');
    await error.waitFor();
    return error.innerText();
  }

  async step(title: string): Promise<void> {
    await this.page.locator('#step-title', { hasText: title }).waitFor();
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await this.field(name).fill(value);
  }

  async importCsv(name: string, csv: string): Promise<void> {
    await this.importFile.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await this.importResult.waitFor();
  }
}

/** The readings-to-check queue. */
export class ToCheckPage {
  constructor(readonly page: Page) {}

  row(readingId: string): Locator {
    return this.page.locator(`tr[data-reading="${readingId}"]`);
  }

  async goto(): Promise<void> {
    await this.page.goto('/console/readings/to-check');
    await this.page.locator('#to-check-title').waitFor();
  }

  async accept(readingId: string): Promise<void> {
    await this.row(readingId).locator('button.button--primary').click();
    await this.row(readingId).waitFor({ state: 'detached' });
  }
}
