/**
 * The notification screens as a person uses them: the categories in Settings (a switch and a
 * frequency in each row, an Edit dialog, an Email editor), and a customer's Notifications tab.
 */
import type { Locator, Page } from 'playwright-core';

/** Settings → Notifications. */
export class NotificationSettingsPage {
  readonly rules: Locator;

  constructor(readonly page: Page) {
    this.rules = page.getByTestId('notification-rules');
  }

  async goto(): Promise<void> {
    await this.page.goto('/console/settings');
    await this.rules.locator('tr[data-category]').first().waitFor();
  }

  row(category: string): Locator {
    return this.rules.locator(`tr[data-category="${category}"]`);
  }

  source(category: string): Locator {
    return this.row(category).getByTestId('rule-source');
  }

  switchOf(category: string): Locator {
    return this.row(category).locator('input[role="switch"]');
  }

  frequencyOf(category: string): Locator {
    return this.row(category).locator('select[name="frequency"]');
  }

  async editRule(category: string): Promise<RuleDialog> {
    await this.row(category).locator('[data-action="edit-rule"]').click();
    return new RuleDialog(this.page);
  }

  async editTemplate(category: string): Promise<TemplateEditor> {
    await this.row(category).locator('[data-action="edit-template"]').click();
    const editor = new TemplateEditor(this.page);
    await editor.body.waitFor();
    return editor;
  }
}

/** The rule dialog, for the dealer's rule or a customer's override. */
export class RuleDialog {
  readonly dialog: Locator;
  readonly enabled: Locator;
  readonly frequency: Locator;
  readonly addresses: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('rule-dialog');
    this.enabled = this.dialog.locator('input[name="enabled"]');
    this.frequency = this.dialog.locator('select[name="frequency"]');
    this.addresses = this.dialog.locator('textarea[name="addresses"]');
    this.error = this.dialog.getByRole('alert');
  }

  role(role: string): Locator {
    return this.dialog.locator(`input[name="roles"][value="${role}"]`);
  }

  /** Saves and waits for the dialog to close (it stays open with an error otherwise). */
  async save(): Promise<void> {
    await this.dialog.locator('button[type="submit"]').click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}

/** The email editor of one category. */
export class TemplateEditor {
  readonly dialog: Locator;
  readonly subject: Locator;
  readonly body: Locator;
  readonly state: Locator;
  readonly problem: Locator;
  readonly preview: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('template-dialog');
    this.subject = this.dialog.locator('input[name="subject"]');
    this.body = this.dialog.locator('textarea[name="body"]');
    this.state = this.dialog.getByTestId('template-state');
    this.problem = this.dialog.getByRole('alert');
    this.preview = this.dialog.getByTestId('template-preview');
    this.save = this.dialog.locator('button[type="submit"]');
  }

  language(code: string): Locator {
    return this.dialog.locator(`[role="tab"][data-language="${code}"]`);
  }

  chip(placeholder: string): Locator {
    return this.dialog.locator(`button[data-placeholder="${placeholder}"]`);
  }

  /** Puts the cursor at the end of the body. */
  async cursorAtEndOfBody(): Promise<void> {
    await this.body.click();
    await this.body.press('Control+End');
  }

  /** Asks for the preview and returns the text of the rendered email. */
  async previewText(): Promise<string> {
    await this.dialog.locator('[data-action="preview"]').click();
    await this.preview.waitFor();
    return this.page.frameLocator('[data-testid="template-preview"] iframe').locator('body').innerText();
  }

  async resetToDefault(): Promise<void> {
    await this.dialog.locator('[data-action="reset-template"]').click();
    const confirm = this.page.getByTestId('confirm-dialog');
    await confirm.locator('.button--danger').click();
    await confirm.waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'detached' });
  }
}

/** A customer's Notifications tab. */
export class CustomerNotificationsPage {
  readonly rules: Locator;

  constructor(readonly page: Page) {
    this.rules = page.getByTestId('customer-notification-rules');
  }

  async goto(customerId: string): Promise<void> {
    await this.page.goto(`/console/customers/${customerId}/notifications`);
    await this.rules.locator('tr[data-category]').first().waitFor();
  }

  row(category: string): Locator {
    return this.rules.locator(`tr[data-category="${category}"]`);
  }

  source(category: string): Locator {
    return this.row(category).getByTestId('rule-source');
  }

  async override(category: string): Promise<RuleDialog> {
    await this.row(category).locator('[data-action="override-rule"]').click();
    return new RuleDialog(this.page);
  }

  async inherit(category: string): Promise<void> {
    await this.row(category).locator('[data-action="inherit-rule"]').click();
    await this.row(category).locator('[data-action="inherit-rule"]').waitFor({ state: 'detached' });
  }
}
