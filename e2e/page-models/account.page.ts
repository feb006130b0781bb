import type { Locator, Page } from 'playwright-core';

/** The console's account screen (/console/account), found by its sections and field names. */
export class AccountPage {
  readonly language: Locator;
  readonly name: Locator;
  readonly profile: Locator;
  readonly password: Locator;

  constructor(readonly page: Page) {
    this.profile = page.locator('section[aria-labelledby="account-profile"]');
    this.password = page.locator('section[aria-labelledby="account-password"]');
    this.language = this.profile.locator('select[name="language"]');
    this.name = this.profile.locator('input[name="name"]');
  }

  /** Opens the screen from the console's menu, as a person on a phone does. */
  async openFromMenu(): Promise<void> {
    await this.page.locator('.console__menu-toggle').click();
    await this.page.locator('#console-nav a[href="/console/account"]').click();
    await this.page.waitForURL((url) => url.pathname === '/console/account');
    await this.name.waitFor();
  }

  async rename(name: string): Promise<void> {
    await this.name.fill(name);
    await this.profile.locator('button[type="submit"]').click();
    await this.profile.getByRole('status').waitFor();
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.password.locator('input[name="currentPassword"]').fill(current);
    await this.password.locator('input[name="password"]').fill(next);
    await this.password.locator('input[name="confirm"]').fill(next);
    await this.password.locator('button[type="submit"]').click();
    await this.password.getByRole('status').waitFor();
  }
}
