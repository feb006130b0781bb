import type { Locator, Page } from 'playwright-core';

/** The frame around signed-in screens: top bar, navigation, logout and the page heading. */
export class AppShell {
  readonly topBar: Locator;
  readonly navigation: Locator;
  /** The console's side navigation (a drawer on phones), which replaces the top bar's there. */
  readonly consoleNavigation: Locator;
  readonly logoutButton: Locator;
  readonly heading: Locator;
  readonly signedInUser: Locator;
  readonly offlineBanner: Locator;

  constructor(readonly page: Page) {
    this.topBar = page.locator('header.topbar');
    this.navigation = this.topBar.locator('nav');
    this.consoleNavigation = page.locator('nav#console-nav');
    this.logoutButton = this.topBar.locator('.topbar__user button');
    this.heading = page.locator('main h1');
    this.signedInUser = page.getByTestId('signed-in-user');
    // The shell's own banner; a console screen may add its dated one (data-testid="kept-answers") below it.
    this.offlineBanner = page.locator('.banner--offline:not([data-testid])');
  }

  /** Waits until the URL is `path` and its page heading shows. */
  async waitForPage(path: string): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === path);
    await this.heading.waitFor();
  }

  async logout(): Promise<void> {
    await this.logoutButton.click();
    await this.page.waitForURL((url) => url.pathname === '/login');
  }
}
