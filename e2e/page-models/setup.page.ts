import type { Locator, Page } from 'playwright-core';

export interface DealerForm {
  dealerName: string;
  country: string;
  timeZone: string;
  adminName: string;
  email: string;
  password: string;
  confirm?: string;
}

/** The one-time setup page (/setup/<token>): the dealer, its first administrator, or why the link no longer works. */
export class SetupPage {
  readonly heading: Locator;
  readonly language: Locator;
  readonly country: Locator;
  readonly currency: Locator;
  readonly dealerLanguage: Locator;
  readonly timeZone: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly gone: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('main h1');
    this.language = page.locator('.language-switcher select');
    this.country = page.locator('select[name="country"]');
    this.currency = page.locator('select[name="currency"]');
    this.dealerLanguage = page.locator('select[name="language"]');
    this.timeZone = page.locator('select[name="timeZone"]');
    this.submit = page.locator('form button[type="submit"]');
    this.error = page.locator('form').getByRole('alert');
    this.gone = page.getByTestId('setup-link-gone');
  }

  /** Opens the link as printed (its path, on the test's server) and waits for the form or the "no longer works" page. */
  async open(link: string): Promise<void> {
    await this.page.goto(new URL(link).pathname);
    await this.page.locator('form, [data-testid="setup-link-gone"]').first().waitFor();
  }

  async chooseLanguage(code: 'fr' | 'de' | 'it' | 'en'): Promise<void> {
    await this.language.selectOption(code);
    await this.page.locator(`html[lang="${code}"]`).waitFor({ state: 'attached' });
  }

  async fill(form: DealerForm): Promise<void> {
    await this.page.locator('input[name="dealerName"]').fill(form.dealerName);
    await this.country.selectOption(form.country);
    await this.timeZone.selectOption(form.timeZone);
    await this.page.locator('input[name="adminName"]').fill(form.adminName);
    await this.page.locator('input[name="email"]').fill(form.email);
    await this.page.locator('input[name="password"]').fill(form.password);
    await this.page.locator('input[name="confirm"]').fill(form.confirm ?? form.password);
  }
}
