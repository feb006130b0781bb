import type { Locator, Page } from 'playwright-core';

/**
 * Customers' location change requests in the console: the dealer's list (/console/location-requests)
 * and a customer's tab share the same cards, Apply and Dismiss buttons, and the "show handled" switch.
 */
export class LocationRequestsPage {
  readonly heading: Locator;
  readonly openList: Locator;
  readonly openRequests: Locator;
  readonly empty: Locator;
  readonly notice: Locator;
  readonly showHandled: Locator;
  readonly handledRequests: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('main h1');
    this.openList = page.getByTestId('open-location-requests');
    this.openRequests = this.openList.getByTestId('location-request');
    this.empty = page.getByTestId('location-requests-empty');
    this.notice = page.getByTestId('location-requests-notice');
    this.showHandled = page.getByTestId('show-handled');
    this.handledRequests = page.getByTestId('handled-location-requests').getByTestId('location-request');
  }

  /** The dealer's list of every customer's open requests. */
  async goto(): Promise<void> {
    await this.page.goto('/console/location-requests');
    await this.waitForList();
  }

  /** A customer's tab, the way the notice email links to it. */
  async gotoCustomer(customerId: string): Promise<void> {
    await this.page.goto(`/console/customers/${customerId}?tab=locations`);
    await this.waitForList();
  }

  /** Waits until the open requests (or the "none" message) are shown. */
  async waitForList(): Promise<void> {
    await this.openList.or(this.empty).waitFor();
  }

  openRequest(deviceCode: string): Locator {
    return this.openList.locator(`[data-testid="location-request"][data-device-code="${deviceCode}"]`);
  }

  handledRequest(deviceCode: string): Locator {
    return this.handledRequests.and(this.page.locator(`[data-device-code="${deviceCode}"]`));
  }

  applyButton(deviceCode: string): Locator {
    return this.openRequest(deviceCode).getByTestId('apply-request');
  }

  dismissButton(deviceCode: string): Locator {
    return this.openRequest(deviceCode).getByTestId('dismiss-request');
  }

  /** The customer's name on a card of the dealer's list, a link to the customer's tab. */
  customerLink(deviceCode: string): Locator {
    return this.openRequest(deviceCode).locator('a.location-request__customer');
  }

  /** Whether the page is wider than the screen (something would need sideways scrolling). */
  async overflowsSideways(): Promise<boolean> {
    // An expression as text: this file is type-checked without the DOM library.
    return Boolean(await this.page.evaluate('document.documentElement.scrollWidth > window.innerWidth'));
  }
}
