import type { Download, Locator, Page } from 'playwright-core';

/** A counter's state as the page shows it (the `data-state` of its row). */
export type CounterState = 'to_enter' | 'pending' | 'entered' | 'to_check' | 'refused' | 'rejected' | 'sent' | 'settled';

/** The meter page's demo link as the server prints it at start-up. */
export function demoMeterToken(serverOutput: string): string {
  const match = serverOutput.match(/\/m\/([A-Za-z0-9_\-.]+)/);
  if (!match) throw new Error(`no demo meter link in the server's output:\n${serverOutput}`);
  return match[1]!;
}

/** The customer's meter entry page `/m/:token`: machines by their device ID, counters by kind. */
export class MeterEntryPage {
  readonly heading: Locator;
  readonly customerNumber: Locator;
  readonly validUntil: Locator;
  readonly progress: Locator;
  readonly onlyToReadFilter: Locator;
  readonly pendingNotice: Locator;
  readonly linkInvalid: Locator;
  readonly language: Locator;
  readonly receipt: Locator;
  /** What the page says when the receipt cannot be made (no connection...). */
  readonly receiptNotice: Locator;
  /** The staff app's top bar, which a customer's page must not show. */
  readonly staffTopBar: Locator;
  /** The included pages' forecast, when the customer has included pages. */
  readonly forecast: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('main h1');
    this.customerNumber = page.getByTestId('customer-number');
    this.validUntil = page.getByTestId('valid-until');
    this.progress = page.getByTestId('progress');
    this.onlyToReadFilter = page.locator('.meter-entry__filter input');
    this.pendingNotice = page.getByTestId('pending-notice');
    this.linkInvalid = page.getByTestId('link-invalid');
    this.language = page.locator('.language-switcher select');
    this.receipt = page.getByTestId('receipt');
    this.receiptNotice = page.getByTestId('receipt-notice');
    this.staffTopBar = page.locator('header.topbar');
    this.forecast = page.getByTestId('forecast');
  }

  /** Opens the link and waits until it shows either the machines or the invalid-link page. */
  async open(token: string): Promise<void> {
    await this.page.goto(`/m/${encodeURIComponent(token)}`);
    await this.page.locator('.meter-entry__page, [data-testid="link-invalid"], .meter-entry__notice').first().waitFor();
  }

  machine(deviceCode: string): Locator {
    return this.page.locator(`article.machine[data-device-code="${deviceCode}"]`);
  }

  counter(deviceCode: string, counter: string): Locator {
    return this.machine(deviceCode).locator(`li.counter[data-counter="${counter}"]`);
  }

  /** The counter's input, opened first when the counter already shows a value. */
  async input(deviceCode: string, counter: string): Promise<Locator> {
    const row = this.counter(deviceCode, counter);
    const input = row.locator('input[name="value"]');
    if (!(await input.isVisible())) await row.locator('.counter__edit').click();
    return input;
  }

  saveButton(deviceCode: string, counter: string): Locator {
    return this.counter(deviceCode, counter).locator('button[type="submit"]');
  }

  /** The line "Last reading: <value> on <date>" of a counter. */
  async lastReadingOf(deviceCode: string, counter: string): Promise<string> {
    return (await this.counter(deviceCode, counter).locator('.counter__last').innerText()).trim();
  }

  /** Types a value and saves it, opening the input first when the counter already has one. */
  async enter(deviceCode: string, counter: string, value: string | number): Promise<void> {
    const row = this.counter(deviceCode, counter);
    const input = row.locator('input[name="value"]');
    if (!(await input.isVisible())) await row.locator('.counter__edit').click();
    await input.fill(String(value));
    await row.locator('button[type="submit"]').click();
  }

  async stateOf(deviceCode: string, counter: string): Promise<CounterState> {
    return (await this.counter(deviceCode, counter).getAttribute('data-state')) as CounterState;
  }

  /** Waits until the counter shows `state` (saving goes through the outbox, so it is asynchronous). */
  async waitForState(deviceCode: string, counter: string, state: CounterState): Promise<void> {
    await this.counter(deviceCode, counter).and(this.page.locator(`[data-state="${state}"]`)).waitFor();
  }

  /** The badge text and the message under the counter (reason of a refusal or a check). */
  async messageOf(deviceCode: string, counter: string): Promise<string> {
    const row = this.counter(deviceCode, counter);
    const message = row.locator('.counter__message');
    return (await message.count()) > 0 ? (await message.innerText()).trim() : '';
  }

  async valueOf(deviceCode: string, counter: string): Promise<string> {
    return (await this.counter(deviceCode, counter).getByTestId('counter-value').innerText()).trim();
  }

  async requestLocationChange(deviceCode: string, location: string, message = ''): Promise<void> {
    const machine = this.machine(deviceCode);
    await machine.locator('.link-button').click();
    await machine.locator('input[name="location"]').fill(location);
    await machine.locator('textarea[name="message"]').fill(message);
    await machine.locator('.location-request button[type="submit"]').click();
    await machine.locator('.location-request__done').waitFor();
  }

  /** Chooses a language and waits until the page speaks it (its texts are fetched first, one language at a time). */
  async chooseLanguage(code: 'fr' | 'de' | 'it' | 'en'): Promise<void> {
    await this.language.selectOption(code);
    await this.page.locator(`html[lang="${code}"]`).waitFor({ state: 'attached' });
  }

  /** Cuts the network for the page (the browser fires `offline`); the page keeps working from IndexedDB. */
  async goOffline(): Promise<void> {
    await this.page.context().setOffline(true);
  }

  async goOnline(): Promise<void> {
    await this.page.context().setOffline(false);
  }

  /** Clicks "print for your records" and returns the PDF download. */
  async downloadReceipt(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.receipt.click()]);
    return download;
  }

  /**
   * Slows every request of the page down as a weak mobile connection does (Chromium's network
   * emulation through CDP): each answer arrives `latencyMs` after the request at the earliest.
   */
  async throttle(latencyMs: number): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
  }
}
