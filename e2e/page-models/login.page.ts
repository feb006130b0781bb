import type { Locator, Page } from 'playwright-core';
import type { Account } from '../support/accounts.ts';
import { AppShell } from './app-shell.page.ts';

/** The login page, found the way a person finds it: by labels and roles. */
export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly language: Locator;

  constructor(readonly page: Page) {
    this.email = page.locator('input[name="email"]');
    this.password = page.locator('input[name="password"]');
    this.submit = page.locator('form button[type="submit"]');
    this.error = page.getByRole('alert');
    this.language = page.locator('.language-switcher select');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.email.waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Opens the login page, signs in and waits for `home`, the page the account lands on. */
  async signInTo(account: Account, home: string): Promise<AppShell> {
    await this.goto();
    await this.signIn(account.email, account.password);
    const shell = new AppShell(this.page);
    await shell.waitForPage(home);
    return shell;
  }

  /** Chooses a language and waits until the page speaks it (its texts are fetched first, one language at a time). */
  async chooseLanguage(code: 'fr' | 'de' | 'it' | 'en'): Promise<void> {
    await this.language.selectOption(code);
    await this.page.locator(`html[lang="${code}"]`).waitFor({ state: 'attached' });
  }
}
