import type { Locator, Page } from 'playwright-core';

/** The coordinator's area on a phone: their requests, "report a problem", and one request in detail. */
export class CoordinatorApp {
  readonly reportForm: Locator;
  readonly sendButton: Locator;
  readonly reportOutcome: Locator;
  readonly reportOffline: Locator;
  readonly queuedReports: Locator;
  readonly openRequests: Locator;
  readonly requestState: Locator;
  readonly history: Locator;
  /** The forecast before billing: one block per customer with included pages. */
  readonly forecast: Locator;

  constructor(readonly page: Page) {
    this.reportForm = page.getByTestId('report-form');
    this.sendButton = this.reportForm.locator('button[type="submit"]');
    this.reportOutcome = page.getByTestId('report-outcome');
    this.reportOffline = page.getByTestId('report-offline');
    this.queuedReports = page.getByTestId('queued-report');
    this.openRequests = page.getByTestId('open-request');
    this.requestState = page.locator('main [data-testid="request-state"][data-state]');
    this.history = page.getByTestId('coordinator-history');
    this.forecast = page.getByTestId('coordinator-forecast');
  }

  /** Waits until the list shows: the report form comes with the overview. */
  async waitForHome(): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === '/coordinator');
    await this.reportForm.waitFor();
  }

  async fillReport(subject: string, description = ''): Promise<void> {
    await this.reportForm.locator('input[name="subject"]').fill(subject);
    await this.reportForm.locator('textarea[name="description"]').fill(description);
  }

  /** Taps Send twice in a row, as an impatient finger does. */
  async doubleTapSend(): Promise<void> {
    await this.sendButton.dblclick();
  }

  async waitForOutcome(state: 'queued' | 'sent'): Promise<void> {
    await this.page.locator(`[data-testid="report-outcome"][data-state="${state}"]`).waitFor();
  }

  queuedReport(subject: string): Locator {
    return this.queuedReports.filter({ hasText: subject });
  }

  openRequest(subject: string): Locator {
    return this.openRequests.filter({ hasText: subject });
  }

  /** Waits for a request's detail screen. */
  async waitForRequest(requestId: string): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === `/coordinator/requests/${requestId}`);
    await this.requestState.waitFor();
  }

  /** The history lines, newest first, as shown. */
  async historyTexts(): Promise<string[]> {
    return this.history.getByTestId('coordinator-event').allInnerTexts();
  }
}
