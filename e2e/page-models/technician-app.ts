import type { Locator, Page } from 'playwright-core';

/** The technician app on a phone: the sync bar, the day's requests, one request with its actions and the conflicts. */
export class TechnicianApp {
  readonly syncNetwork: Locator;
  readonly syncPending: Locator;
  readonly syncLast: Locator;
  readonly syncNow: Locator;
  readonly requestCards: Locator;
  readonly conflicts: Locator;
  readonly requestState: Locator;
  /** On a request's page: a change to it that did not go through, until read. */
  readonly changeNotice: Locator;

  constructor(readonly page: Page) {
    this.syncNetwork = page.getByTestId('sync-network');
    this.syncPending = page.getByTestId('sync-pending');
    this.syncLast = page.getByTestId('sync-last');
    this.syncNow = page.getByTestId('sync-now');
    this.requestCards = page.getByTestId('request-card');
    this.conflicts = page.getByTestId('conflict');
    this.requestState = page.locator('main [data-testid="request-state"][data-state]');
    this.changeNotice = page.locator('main [data-testid="change-notice"]');
  }

  /** Waits until the day is on the phone: the list shows and a sync went through. */
  async waitForDay(): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === '/tech');
    await this.requestCards.first().waitFor();
    await this.page.locator('[data-testid="sync-last"][data-synced="true"]').waitFor();
  }

  async pendingCount(): Promise<number> {
    return Number(await this.syncPending.getAttribute('data-count'));
  }

  async waitForPending(count: number): Promise<void> {
    await this.page.locator(`[data-testid="sync-pending"][data-count="${count}"]`).waitFor();
  }

  /** Waits until the sync bar shows the phone on or off line. */
  async waitForNetwork(online: boolean): Promise<void> {
    await this.page.locator(`section.sync-status[data-online="${online}"]`).waitFor();
  }

  async waitForConflicts(count: number): Promise<void> {
    if (count === 0) await this.conflicts.first().waitFor({ state: 'detached' });
    else await this.page.locator(`[data-testid="sync-conflicts"][data-count="${count}"]`).waitFor();
  }

  card(requestId: string): Locator {
    return this.page.locator(`[data-testid="request-card"][data-request-id="${requestId}"]`);
  }

  /** The line of a request's card telling that a change to it did not go through. */
  cardNotice(requestId: string): Locator {
    return this.card(requestId).getByTestId('card-notice');
  }

  /** "I have read it" on the request's page: the notice goes, and with it a request that left the day. */
  async readNotice(): Promise<void> {
    const count = await this.changeNotice.count();
    await this.changeNotice.first().getByTestId('notice-read').click();
    // One fewer: the last place is gone.
    await this.changeNotice.nth(count - 1).waitFor({ state: 'detached' });
  }

  async openRequest(requestId: string): Promise<void> {
    await this.card(requestId).click();
    await this.page.waitForURL((url) => url.pathname === `/tech/requests/${requestId}`);
    await this.requestState.waitFor();
  }

  async backToList(): Promise<void> {
    await this.page.locator('.back-link').click();
    await this.requestCards.first().waitFor();
  }

  async stateOfOpenRequest(): Promise<string | null> {
    return this.requestState.getAttribute('data-state');
  }

  async changeState(to: 'in_progress' | 'done', comment: string): Promise<void> {
    await this.page.getByTestId(`to-${to}`).click();
    const form = this.page.getByTestId('state-form');
    await form.locator('textarea[name="comment"]').fill(comment);
    await form.locator('button[type="submit"]').click();
    await this.page.locator(`main [data-testid="request-state"][data-state="${to}"]`).waitFor();
  }

  async addPhoto(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const before = await this.page.getByTestId('pending-photo').count();
    await this.page.getByTestId('photo-input').setInputFiles(file);
    await this.page.getByTestId('pending-photo').nth(before).waitFor();
  }

  counterReading(counter?: string): Locator {
    const rows = this.page.getByTestId('counter-reading');
    return counter ? this.page.locator(`[data-testid="counter-reading"][data-counter="${counter}"]`) : rows.first();
  }

  async recordReading(value: number, counter?: string): Promise<void> {
    const row = this.counterReading(counter);
    await row.locator('input[name="value"]').fill(String(value));
    await row.locator('button[type="submit"]').click();
    await row.locator('[data-testid="reading-status"]').waitFor();
  }

  async readingState(counter?: string): Promise<string | null> {
    return this.counterReading(counter).getAttribute('data-state');
  }

  async resolveConflict(keep: 'mine' | 'theirs'): Promise<void> {
    await this.conflicts.first().getByTestId(keep === 'mine' ? 'keep-mine' : 'keep-theirs').click();
  }
}
