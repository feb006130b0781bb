import type { Page } from 'playwright-core';

/** The API keys section of the console's settings (partner admins). */
export class ApiKeysSection {
  readonly table;

  constructor(readonly page: Page) {
    this.table = page.locator('table[data-testid="api-keys"]');
  }

  async goto(): Promise<void> {
    await this.page.goto('/console/settings');
    await this.page.locator('#api-keys-title').waitFor();
  }

  /** Creates a key and returns its secret, read from the dialog that shows it once; the dialog is left open. */
  async create(name: string, scope: 'read' | 'write'): Promise<string> {
    await this.page.locator('.api-keys__heading button').click();
    const dialog = this.page.locator('dialog[open]');
    await dialog.locator('input[name="name"]').fill(name);
    await dialog.locator(`input[name="scope"][value="${scope}"]`).check();
    await dialog.locator('button[type="submit"]').click();
    return ((await dialog.locator('[data-testid="api-key-secret"]').textContent()) ?? '').trim();
  }

  async closeDialog(): Promise<void> {
    await this.page.locator('dialog[open] .button--primary').click();
    await this.page.locator('dialog[open]').waitFor({ state: 'detached' });
  }

  row(name: string) {
    return this.table.locator(`tr[data-api-key="${name}"]`);
  }

  async revoke(name: string): Promise<void> {
    await this.row(name).locator('.card-table__actions button').click();
    await this.page.locator('[data-testid="confirm-dialog"] .button--danger').click();
    await this.row(name).waitFor({ state: 'detached' });
  }
}
