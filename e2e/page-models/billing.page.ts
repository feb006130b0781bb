import type { Locator, Page } from 'playwright-core';

type Kind = 'mono' | 'colour' | 'scan';

/** A customer's prices tab: the pricing model, the bands of each counter, saving a version, the versions so far. */
export class PricesTabPage {
  readonly saveButton: Locator;
  readonly saved: Locator;
  readonly problem: Locator;
  readonly history: Locator;
  readonly viewing: Locator;

  constructor(readonly page: Page) {
    this.saveButton = page.locator('.prices__save button[type="submit"]');
    this.saved = page.locator('.prices__save .success');
    this.problem = page.locator('.prices__save .form__error');
    this.history = page.locator('.prices table tbody tr');
    this.viewing = page.locator('.prices__viewing');
  }

  async goto(customerId: string): Promise<void> {
    await this.page.goto(`/console/customers/${customerId}/prices`);
    // Editable once the user's permissions are known.
    await this.saveButton.waitFor();
  }

  model(label: string): Locator {
    return this.page.getByRole('radio', { name: label });
  }

  bands(kind: Kind): Locator {
    return this.page.locator(`.tier-bands[data-kind="${kind}"]`);
  }

  /** Adds a band at the end of a counter's bands; the first band starts at page 1 by itself. */
  async addBand(kind: Kind, band: { from?: string; price: string }): Promise<void> {
    const bands = this.bands(kind);
    const index = await bands.locator('input[name$=".price"]').count();
    await bands.locator('.actions button').click();
    if (band.from !== undefined) await this.field(`tiers.${kind}.${index}.from`).fill(band.from);
    await this.field(`tiers.${kind}.${index}.price`).fill(band.price);
  }

  field(path: string): Locator {
    return this.page.locator(`[name="${path}"]`);
  }

  /** The error shown under a field. */
  errorAt(path: string): Locator {
    return this.page.locator('label.field', { has: this.field(path) }).locator('.field-error');
  }
}

/** The console's billing runs: a period, computing it for every customer, the runs with their actions. */
export class BillingRunsPage {
  readonly period: Locator;
  readonly runAll: Locator;
  readonly result: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.period = page.locator('input[name="period"]');
    this.runAll = page.locator('.run-billing button');
    this.result = page.locator('.run-billing__result');
    this.outcome = page.locator('.billing > .success');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/console/billing${query}`);
    await this.period.waitFor();
  }

  row(customerNumber: string): Locator {
    return this.page.locator(`.runs-table tbody tr[data-run="${customerNumber}"]`);
  }
}

/** One billing run: its status, lines per device and for the customer, total, exports and actions. */
export class BillingRunPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly approveButton: Locator;
  readonly deviceGroups: Locator;
  readonly customerLines: Locator;
  readonly total: Locator;
  readonly exportCsv: Locator;
  readonly exportXlsx: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('.billing-run h1');
    this.status = page.locator('.billing-run__heading .badge');
    this.approveButton = page.locator('.billing-run__actions button.button--primary');
    this.deviceGroups = page.locator('.run-lines tbody[data-device]');
    this.customerLines = page.locator('.run-lines tbody[data-customer-lines] tr:not(.run-lines__group)');
    this.total = page.getByTestId('run-total');
    this.exportCsv = page.locator('.billing-run__actions a[href*="export.csv"]');
    this.exportXlsx = page.locator('.billing-run__actions a[href*="export.xlsx"]');
  }
}

/** A customer's billing tab: the current period's estimate and the runs so far. */
export class CustomerBillingTabPage {
  readonly estimate: Locator;
  readonly runs: Locator;

  constructor(readonly page: Page) {
    this.estimate = page.locator('.estimate');
    this.runs = page.locator('.run-details');
  }

  async goto(customerId: string): Promise<void> {
    await this.page.goto(`/console/customers/${customerId}/billing`);
    await this.page.locator('.customer-billing').waitFor();
  }

  run(period: string): Locator {
    return this.page.locator(`.run-details[data-period="${period}"]`);
  }
}

/** The invoices on a customer's Billing tab: adding one (linked to a run) and paying it, in the panel's dialogs. */
export class InvoicesPanelPage {
  readonly addButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.addButton = page.getByRole('button', { name: 'Ajouter une facture' });
    this.dialog = page.locator('dialog[open]');
  }

  field(name: string): Locator {
    return this.dialog.locator(`[name="${name}"]`);
  }

  async saveInvoice(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Enregistrer la facture' }).click();
  }

  invoice(number: string): Locator {
    return this.page.locator(`.invoices [data-invoice="${number}"]`);
  }

  status(number: string): Locator {
    return this.invoice(number).locator('.invoices-table__number .badge');
  }

  async openPayments(number: string): Promise<void> {
    await this.page.getByRole('button', { name: `Paiements de la facture ${number}` }).click();
    await this.dialog.waitFor();
  }

  /** Records a payment of `amount` (the remaining amount when absent, as the form proposes). */
  async pay(amount?: string): Promise<void> {
    if (amount !== undefined) await this.field('paymentAmount').fill(amount);
    await this.dialog.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  }
}
