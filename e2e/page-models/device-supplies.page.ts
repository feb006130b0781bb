import type { Locator, Page } from 'playwright-core';

/** The device page's supplies section: each supply with the order on its way, and the device's orders table. */
export class DeviceSuppliesPage {
  readonly supplies: Locator;
  readonly orders: Locator;

  constructor(readonly page: Page) {
    this.supplies = page.getByTestId('device-supply');
    this.orders = page.getByTestId('device-orders');
  }

  async goto(deviceId: string): Promise<void> {
    await this.page.goto(`/console/devices/${deviceId}`);
    await this.supplies.first().waitFor();
  }

  supply(index: string): Locator {
    return this.page.locator(`[data-testid="device-supply"][data-index="${index}"]`);
  }

  /** The line under a supply saying which order is on its way for it. */
  orderOnItsWay(index: string): Locator {
    return this.supply(index).getByTestId('supply-order');
  }

  /** The order's row in the device's orders table; `status` waits for that status. */
  order(code: string, status?: string): Locator {
    return this.orders.locator(`tr[data-order="${code}"]${status ? `[data-status="${status}"]` : ''}`);
  }
}
