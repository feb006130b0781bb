import type { Locator, Page } from 'playwright-core';

/** The device page's readings, resets and statistics, found by test ids and form field names. */
export class DeviceReadingsPage {
  readonly section: Locator;
  readonly enterForm: Locator;
  readonly enterError: Locator;
  readonly notice: Locator;
  readonly rows: Locator;
  readonly resets: Locator;
  readonly resetForm: Locator;
  readonly resetNotice: Locator;
  readonly resetItems: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('readings');
    this.enterForm = page.getByTestId('enter-reading');
    this.enterError = this.enterForm.locator('.form__error');
    this.notice = page.getByTestId('readings-notice');
    this.rows = page.getByTestId('reading-row');
    this.resets = page.getByTestId('resets');
    this.resetForm = page.getByTestId('reset-form');
    this.resetNotice = page.getByTestId('reset-notice');
    this.resetItems = page.getByTestId('resets-list').locator('li[data-kind]');
  }

  async goto(deviceId: string): Promise<void> {
    await this.page.goto(`/console/devices/${deviceId}`);
    await this.rows.first().waitFor();
  }

  /** A `datetime-local` value for an instant, in the browser's own time zone (the one the input reads). */
  async localInput(instant: Date): Promise<string> {
    return this.page.evaluate((iso) => {
      const date = new Date(iso);
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
    }, instant.toISOString());
  }

  row(counter: string, value: number): Locator {
    return this.page.locator(`tr[data-testid="reading-row"][data-counter="${counter}"][data-value="${value}"]`);
  }

  /** Fills and sends the "enter a reading" form; `at` is left at its default (now) when not given. */
  async submitReading(reading: { counterId: string; value: number | string; at?: Date; note?: string }): Promise<void> {
    if (!(await this.enterForm.isVisible())) await this.page.locator('details.readings__enter > summary').click();
    await this.enterForm.locator('select[name="counterId"]').selectOption(reading.counterId);
    await this.enterForm.locator('input[name="value"]').fill(String(reading.value));
    if (reading.at) await this.enterForm.locator('input[name="takenAt"]').fill(await this.localInput(reading.at));
    if (reading.note) await this.enterForm.locator('input[name="note"]').fill(reading.note);
    await this.enterForm.locator('button[type="submit"]').click();
  }

  /** Enters a reading and waits until its row shows. */
  async enter(reading: { counterId: string; counter: string; value: number; at?: Date; note?: string }): Promise<Locator> {
    await this.submitReading(reading);
    const row = this.row(reading.counter, reading.value);
    await row.first().waitFor();
    return row.first();
  }

  /** Changes a reading's note (and value when given) through its row's edit form. */
  async edit(row: Locator, change: { value?: number; note?: string }): Promise<void> {
    await row.locator('button[data-action="edit"]').click();
    const form = this.page.getByTestId('edit-reading');
    if (change.value !== undefined) await form.locator('input[name="value"]').fill(String(change.value));
    if (change.note !== undefined) await form.locator('input[name="note"]').fill(change.note);
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
  }

  /** Deletes a reading with the reason asked for; the row stays, marked deleted. */
  async delete(row: Locator, note: string): Promise<void> {
    await row.locator('button[data-action="delete"]').click();
    const form = this.page.getByTestId('delete-reading');
    await form.locator('input[name="note"]').fill(note);
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
  }

  /** Opens the reset form, as prefilled. */
  async openResetForm(): Promise<void> {
    await this.page.getByTestId('declare-reset').click();
    await this.resetForm.waitFor();
  }

  finalValue(counter: string): Locator {
    return this.resetForm.locator(`fieldset[data-counter="${counter}"] input[name="finalValue"]`);
  }

  startValue(counter: string): Locator {
    return this.resetForm.locator(`fieldset[data-counter="${counter}"] input[name="startValue"]`);
  }

  /** Declares the reset with the form's values; waits for the confirmation. */
  async declareReset(reset: { kind: 'counter_reset' | 'board_replaced'; at: Date; note?: string }): Promise<void> {
    await this.resetForm.locator('select[name="kind"]').selectOption(reset.kind);
    await this.resetForm.locator('input[name="at"]').fill(await this.localInput(reset.at));
    if (reset.note) await this.resetForm.locator('input[name="note"]').fill(reset.note);
    await this.resetForm.locator('button[type="submit"]').click();
    await this.resetNotice.waitFor();
  }

  /** Swaps the device for another machine with the form's prefilled counters; resolves once the new device's page shows. */
  async swap(swap: { serial: string; model?: string }): Promise<void> {
    const from = this.page.url();
    const heading = this.page.locator('main h1');
    const oldCode = ((await heading.textContent()) ?? '').trim().split(/\s/)[0]!;
    await this.page.getByTestId('open-swap').click();
    const form = this.page.getByTestId('swap-form');
    await form.locator('input[name="serial"]').fill(swap.serial);
    if (swap.model) await form.locator('input[name="model"]').fill(swap.model);
    await form.locator('button[type="submit"]').click();
    await this.page.waitForURL((url) => url.href !== from && url.pathname.startsWith('/console/devices/'));
    await this.page.locator('main h1', { hasNotText: oldCode }).waitFor();
    await this.rows.first().waitFor();
  }

  /** The device page's statistics row of a month 'YYYY-MM'. */
  statisticsRow(month: string): Locator {
    return this.page.locator(`section[aria-labelledby="statistics"] tr[data-month="${month}"]`);
  }

  /**
   * What sticks out past `width` CSS pixels (the device's width: a phone's browser zooms out to fit a
   * too-wide page, so the window's own width grows with it). Empty when nothing does.
   */
  async sidewaysOverflow(width: number): Promise<string[]> {
    // An expression as text: this file is type-checked without the DOM library.
    return this.page.evaluate<string[]>(`(() => {
      const width = ${width};
      if (document.documentElement.scrollWidth <= width + 1) return [];
      return [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 1)
        .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > width + 1))
        .slice(0, 10)
        .map((element) => element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : '') + ' → ' + Math.round(element.getBoundingClientRect().right));
    })()`);
  }
}
