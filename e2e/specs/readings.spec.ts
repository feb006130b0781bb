/**
 * Readings on the console's device page, on a tablet: a device read by hand (made here, with two
 * months of history), a reading entered, a lower value refused with the policy's reason in the
 * user's language (French), a board replacement declared (final = current value, start = 0), the
 * next reading after it, a typo deleted, and the month's volume carrying on across the reset: the
 * pages since the start value plus those printed before the reset that month, never the whole new
 * value or a negative count. Then the same page on a phone, without sideways scrolling.
 */
import { join } from 'node:path';
import { instantOfLocal, localDateKey } from '@parc/shared';
import { describe, expect, it } from 'vitest';
import { DeviceReadingsPage } from '../page-models/device-readings.page.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { artifactsDir, openDevice } from '../support/browser.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();
const ZONE = 'Europe/Zurich';
const MINUTE = 60_000;

interface CreatedDevice {
  id: string;
  deviceCode: string;
  counters: { id: string; kind: string }[];
}

/** The API as the console's session sees it, for the data a test makes for itself. */
async function adminApi() {
  const cookie = await sessionCookie(spec.server.baseURL, demoAdmin);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${spec.server.baseURL}/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return JSON.parse(text) as T;
  };
}

const monthOf = (instant: Date) => localDateKey(instant, ZONE).slice(0, 7);
const floorToMinute = (instant: Date) => new Date(Math.floor(instant.getTime() / MINUTE) * MINUTE);

/** Noon on `day` of the month `monthsBack` months before today's, in Zurich. */
function noonMonthsBack(today: string, monthsBack: number, day: number): Date {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - monthsBack, 1));
  return instantOfLocal({ year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day, hour: 12, minute: 0 }, ZONE);
}

/** Shared with the phone test: the device the tablet test made. */
let deviceId: string | undefined;

describe('device page: readings, refusals and a board replacement', () => {
  it('enters readings, shows a refusal in French, declares a board replacement and carries the volume across it', async () => {
    const api = await adminApi();
    const now = new Date();
    const today = localDateKey(now, ZONE);
    const [year, monthNumber] = today.split('-').map(Number) as [number, number];
    const monthStart = instantOfLocal({ year, month: monthNumber, day: 1, hour: 0, minute: 0 }, ZONE);

    // A machine of the customer read by hand, installed three months ago, with two readings per counter.
    const customers = await api<{ items: { id: string; customerNumber: string }[] }>('GET', '/customers?pageSize=200');
    const customer = customers.items.find((each) => each.customerNumber === '10452') ?? customers.items[0]!;
    const created = await api<CreatedDevice>('POST', '/devices', {
      customerId: customer.id,
      serial: `E2E-RD-${Date.now()}`,
      manufacturer: 'Canon',
      model: 'imageRUNNER 2425',
      installedAt: noonMonthsBack(today, 3, 1).toISOString(),
    });
    deviceId = created.id;
    const counter = (kind: string) => created.counters.find((each) => each.kind === kind)!.id;
    for (const [takenAt, value] of [
      [noonMonthsBack(today, 2, 10), 40_000],
      [noonMonthsBack(today, 1, 10), 41_000],
    ] as const) {
      for (const kind of ['total', 'mono']) await api('POST', `/devices/${created.id}/readings`, { counterId: counter(kind), value, takenAt: takenAt.toISOString() });
    }

    // The reading by hand and the reset fall between the last reading and now, in this month when it has begun long enough.
    const sinceMonthStart = now.getTime() - monthStart.getTime();
    const enteredAt = floorToMinute(sinceMonthStart > 2 * 3_600_000 ? new Date(monthStart.getTime() + sinceMonthStart / 3) : new Date(now.getTime() - 3 * 86_400_000));
    const resetAt = floorToMinute(sinceMonthStart > 2 * 3_600_000 ? new Date(monthStart.getTime() + (2 * sinceMonthStart) / 3) : new Date(now.getTime() - 2 * 86_400_000));

    const device = await spec.openDevice('tablet');
    const { page } = device;
    await new LoginPage(page).signInTo(demoAdmin, '/console');
    const readings = new DeviceReadingsPage(page);
    await readings.goto(created.id);
    expect(await page.locator('main h1').textContent()).toContain(created.deviceCode);
    // No agent reads it: the form to enter a reading is open from the start.
    await readings.enterForm.waitFor();

    // 400 pages since the last reading, on both counters.
    const total = await readings.enter({ counterId: counter('total'), counter: 'total', value: 41_400, at: enteredAt, note: 'Relevé au téléphone' });
    await readings.enter({ counterId: counter('mono'), counter: 'mono', value: 41_400, at: enteredAt });
    expect(await total.getAttribute('data-status')).toMatch(/^(entered|accepted)$/);
    expect(await total.locator('[data-testid="reading-reason"]').textContent()).toBeTruthy();
    expect(await total.textContent()).toContain('saisie console');
    expect(await total.textContent()).toContain(demoAdmin.email);

    // A value lower than the last one: refused, the policy's reason in French, nothing stored.
    await readings.submitReading({ counterId: counter('total'), value: 41_200 });
    await readings.enterError.waitFor();
    const refusal = await readings.enterError.textContent();
    expect(refusal).toContain('Valeur refusée');
    expect(refusal).toContain('La valeur doit être supérieure ou égale à celle du dernier compteur (41400');
    expect(refusal).not.toContain('The value must');
    expect(await readings.row('total', 41_200).count()).toBe(0);
    await device.screenshot('tablet-readings-refused');

    // A note changed on its own is kept as a revision.
    await readings.edit(total, { note: 'Relevé au téléphone, confirmé par le client' });
    const revisions = readings.row('total', 41_400).first().locator('details.revisions');
    await revisions.locator('summary').click();
    expect(await revisions.locator('li[data-action="edit"]').textContent()).toContain('confirmé par le client');

    // Board replaced: the form is prefilled with the current values and starts from 0.
    await readings.openResetForm();
    expect(await readings.finalValue('total').inputValue()).toBe('41400');
    expect(await readings.finalValue('mono').inputValue()).toBe('41400');
    expect(await readings.startValue('total').inputValue()).toBe('0');
    await readings.declareReset({ kind: 'board_replaced', at: resetAt, note: 'Carte mère remplacée' });
    await readings.resetItems.nth(1).waitFor();
    expect(await readings.resetItems.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual(['board_replaced', 'board_replaced']);
    expect(await readings.resets.textContent()).toContain('Carte remplacée');
    // The start values are readings of their own.
    await readings.row('total', 0).first().waitFor();

    // The next reading after the reset: 1,500 pages on the new board.
    const after = await readings.enter({ counterId: counter('total'), counter: 'total', value: 1_500 });
    await readings.enter({ counterId: counter('mono'), counter: 'mono', value: 1_500 });
    expect(await after.getAttribute('data-status')).toMatch(/^(entered|accepted)$/);

    // A typo, deleted with its reason: it stays listed, struck through, and counts nowhere.
    const typo = await readings.enter({ counterId: counter('total'), counter: 'total', value: 9_500 });
    await readings.delete(typo, 'Faute de frappe');
    await page.locator('tr[data-testid="reading-row"][data-value="9500"][data-status="deleted"]').waitFor();

    // The month of the new reading: 1,500 pages since the start value, plus the 400 before the reset when that was this month too.
    const list = await api<{ items: { value: number; takenAt: string; counterKind: string; status: string }[] }>('GET', `/devices/${created.id}/readings?counterId=${counter('total')}&pageSize=50`);
    const newBoard = list.items.find((each) => each.value === 1_500)!;
    const month = monthOf(new Date(newBoard.takenAt));
    const expected = 1_500 + (monthOf(enteredAt) === month ? 400 : 0);
    await readings.statisticsRow(month).and(page.locator(`[data-total="${expected}"]`)).waitFor();
    expect((await readings.statisticsRow(month).locator('td').last().textContent())?.replace(/\D/g, '')).toBe(String(expected));

    // The volumes report agrees, and no month counts the whole new value or goes negative.
    const from = localDateKey(noonMonthsBack(today, 3, 1), ZONE);
    const volumes = await api<{ buckets: string[]; series: { points: { mono: number; colour: number }[] }[] }>(
      'GET',
      `/statistics/volumes?deviceId=${created.id}&from=${from}&to=${localDateKey(new Date(), ZONE)}&bucket=month`,
    );
    const pages = volumes.buckets.map((bucket, index) => ({ bucket, pages: (volumes.series[0]?.points[index]?.mono ?? 0) + (volumes.series[0]?.points[index]?.colour ?? 0) }));
    expect(pages.find((each) => each.bucket === month)?.pages).toBe(expected);
    for (const each of pages) {
      expect(each.pages).toBeGreaterThanOrEqual(0);
      expect(each.pages).toBeLessThan(3_000);
    }
    expect(pages.reduce((sum, each) => sum + each.pages, 0)).toBe(1_000 + 400 + 1_500);

    expect(await readings.sidewaysOverflow(820)).toEqual([]);
    await readings.section.scrollIntoViewIfNeeded();
    await device.screenshot('tablet-device-readings');
    await readings.section.screenshot({ path: join(artifactsDir, 'tablet-readings-section.png') });
    await readings.resets.screenshot({ path: join(artifactsDir, 'tablet-resets-section.png') });
  });

  it('swaps a device for another machine: the old one retired with its final counters, the new one starting from its own', async () => {
    const api = await adminApi();
    const today = localDateKey(new Date(), ZONE);
    const customers = await api<{ items: { id: string; customerNumber: string }[] }>('GET', '/customers?pageSize=200');
    const customer = customers.items.find((each) => each.customerNumber === '10452') ?? customers.items[0]!;
    const old = await api<CreatedDevice>('POST', '/devices', {
      customerId: customer.id,
      serial: `E2E-SW-${Date.now()}`,
      manufacturer: 'Canon',
      model: 'imageRUNNER 2425',
      installedAt: noonMonthsBack(today, 2, 1).toISOString(),
    });
    for (const counter of old.counters) await api('POST', `/devices/${old.id}/readings`, { counterId: counter.id, value: 25_000, takenAt: noonMonthsBack(today, 1, 5).toISOString() });

    const device = await spec.openDevice('tablet');
    const { page } = device;
    await new LoginPage(page).signInTo(demoAdmin, '/console');
    const readings = new DeviceReadingsPage(page);
    await readings.goto(old.id);
    await readings.swap({ serial: `E2E-SW-NEW-${Date.now()}`, model: 'imageRUNNER 2630' });

    // The new machine: its own counters start at 0, and it says which device it replaced.
    expect(page.url()).not.toContain(old.id);
    expect(await page.locator('main h1').textContent()).toContain('imageRUNNER 2630');
    await readings.row('total', 0).first().waitFor();
    await page.locator(`a[href="/console/devices/${old.id}"]`).waitFor();
    await device.screenshot('tablet-device-swapped');

    // The old one: retired with its final counters, and no longer takes readings.
    await readings.goto(old.id);
    await page.getByTestId('device-retired').waitFor();
    expect(await readings.enterForm.count()).toBe(0);
    expect(await readings.row('total', 25_000).count()).toBeGreaterThanOrEqual(1);
  });

  it('fits a phone: readings as cards, the forms without sideways scrolling', async () => {
    expect(deviceId, 'the tablet test makes the device').toBeDefined();
    const phone = await openDevice('phone', spec.server.baseURL);
    try {
      await new LoginPage(phone.page).signInTo(demoAdmin, '/console');
      const readings = new DeviceReadingsPage(phone.page);
      await readings.goto(deviceId!);
      expect(await readings.sidewaysOverflow(390)).toEqual([]);
      await phone.screenshot('phone-device-readings');
      await readings.section.screenshot({ path: join(artifactsDir, 'phone-readings-section.png') });

      await readings.row('total', 1_500).first().locator('button[data-action="edit"]').click();
      await phone.page.getByTestId('edit-reading').waitFor();
      await readings.openResetForm();
      expect(await readings.sidewaysOverflow(390)).toEqual([]);
      await readings.resets.screenshot({ path: join(artifactsDir, 'phone-reset-form.png') });
      await phone.page.getByTestId('open-swap').click();
      await phone.page.getByTestId('swap-form').waitFor();
      expect(await readings.sidewaysOverflow(390)).toEqual([]);
      await phone.page.getByTestId('swap').screenshot({ path: join(artifactsDir, 'phone-swap-form.png') });
      await readings.section.screenshot({ path: join(artifactsDir, 'phone-readings-edit.png') });
    } finally {
      await phone.close();
    }
  });
});
