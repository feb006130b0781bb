import type { Locator, Page } from 'playwright-core';

/** The console's maintenance requests list. */
export class RequestsListPage {
  readonly rows: Locator;
  readonly newRequest: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('[data-testid="requests-table"] tbody tr[data-request-id]');
    this.newRequest = page.locator('a[data-action="new-request"]');
  }

  async open(): Promise<void> {
    await this.page.locator('nav#console-nav a[href="/console/requests"]').click();
    await this.page.waitForURL((url) => url.pathname === '/console/requests');
    await this.rows.first().waitFor();
  }

  row(requestId: string): Locator {
    return this.page.locator(`tr[data-request-id="${requestId}"]`);
  }
}

/** The new request form with its device picker. */
export class NewRequestPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('request-form');
  }

  /** Picks the device by searching its ID, fills the texts, creates; resolves with the new request's id. */
  async create(input: { deviceCode: string; subject: string; description: string }): Promise<string> {
    await this.form.locator('input[name="deviceSearch"]').fill(input.deviceCode);
    await this.form.locator(`[data-testid="device-matches"] button[data-device-code="${input.deviceCode}"]`).click();
    await this.form.getByTestId('chosen-device').waitFor();
    await this.form.locator('input[name="subject"]').fill(input.subject);
    await this.form.locator('textarea[name="description"]').fill(input.description);
    await this.form.locator('button[type="submit"]').click();
    await this.page.waitForURL((url) => /^\/console\/requests\/[0-9a-f-]{36}$/.test(url.pathname));
    return new URL(this.page.url()).pathname.split('/').at(-1)!;
  }
}

/** Who may read a comment or note: the dealer's side only, or the customer too. */
export type Visibility = 'internal' | 'shared';

/** One request: assignment, state changes with their comment, notes, history. */
export class RequestPage {
  readonly state: Locator;
  readonly assignment: Locator;
  readonly transitions: Locator;
  readonly noteForm: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.state = page.locator('.request__heading [data-state]');
    this.assignment = page.getByTestId('assignment');
    this.transitions = page.getByTestId('transitions');
    this.noteForm = page.getByTestId('note-form');
    this.history = page.getByTestId('history');
  }

  /** The visibility chosen in a form (the transitions or the note form). */
  async visibilityIn(form: Locator): Promise<string | null> {
    return form.locator('[data-testid="visibility-choice"] input:checked').getAttribute('value');
  }

  private async choose(form: Locator, visibility: Visibility | undefined): Promise<void> {
    if (visibility) await form.locator(`[data-testid="visibility-choice"] input[value="${visibility}"]`).check();
  }

  /** Adds a note, leaving its visibility as offered unless one is given; waits until the history shows it. */
  async addNote(text: string, visibility?: Visibility): Promise<void> {
    const before = await this.history.locator('li[data-kind="note"]').count();
    await this.noteForm.locator('textarea[name="note"]').fill(text);
    await this.choose(this.noteForm, visibility);
    await this.noteForm.locator('button[type="submit"]').click();
    await this.history.locator('li[data-kind="note"]').nth(before).waitFor();
  }

  async goto(requestId: string): Promise<void> {
    await this.page.goto(`/console/requests/${requestId}`);
    await this.state.waitFor();
  }

  async assign(technicianName: string): Promise<void> {
    const select = this.assignment.locator('select[name="technicianId"]');
    await select.locator('option', { hasText: technicianName }).waitFor({ state: 'attached' });
    await select.selectOption({ label: technicianName });
    await this.assignment.locator('button[type="submit"]').click();
    await this.assignment.locator('[role="status"]').waitFor();
  }

  /** The target states offered as buttons. */
  async offered(): Promise<string[]> {
    return this.transitions.locator('button[data-to]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-to') ?? ''));
  }

  async move(to: string, comment: string, visibility?: Visibility): Promise<void> {
    await this.transitions.locator('textarea[name="comment"]').fill(comment);
    await this.choose(this.transitions, visibility);
    await this.transitions.locator(`button[data-to="${to}"]`).click();
    const moved = this.page.locator(`.request__heading [data-state="${to}"]`);
    const refused = this.page.locator('.request [role="alert"]');
    await moved.or(refused).first().waitFor();
    if (await refused.isVisible()) throw new Error(`Moving to ${to} was refused: ${await refused.textContent()}`);
  }
}
