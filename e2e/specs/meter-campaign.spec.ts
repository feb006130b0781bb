/**
 * The monthly meter campaign end to end, on a phone: the campaign job (through the running server)
 * writes the email to the outbox, the customer opens its link, enters counters (refused, to check,
 * entered), one offline, prints the receipt; the nightly job locks the entries; tampered and
 * expired links show the dealer's contact details.
 *
 * Independent of the real date: the backend runs on real time, so the spec works on the campaign
 * period of today's month (its link is valid until the 4th of next month) and picks the jobs'
 * --as-of from it: the campaign on or after the send day (the 20th), the nightly job a day ahead.
 */
import { execFileSync } from 'node:child_process';
import { addMonths, localDateKey, periodKeyAt, type MeterEntryPage as PageData } from '@parc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeterEntryPage } from '../page-models/meter-entry.ts';
import { openDevice, type Device } from '../support/browser.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { linkClaims, meterLinkTokens, readOutbox } from '../support/outbox.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const TIME_ZONE = 'Europe/Zurich';
const CUSTOMER = '10452';
const DEALER_PHONE = '+41 27 322 45 60';

const startedAt = new Date();
const period = periodKeyAt(startedAt, TIME_ZONE);
const today = localDateKey(startedAt, TIME_ZONE);
/** A date as --as-of means its last instant (UTC): on or after the 20th, before the 4th of next month. */
const campaignAsOf = [today, `${period}-20`].sort().at(-1)!;
/** Tomorrow's end (UTC): the latest nightly cutoff before it falls after every entry made today. */
const nightlyAsOf = localDateKey(new Date(startedAt.getTime() + 86_400_000), 'UTC');
/** Two months back: that period's link expired on the 4th of last month. */
const pastPeriod = addMonths(period, -2);

let server: RunningServer;
let device: Device;
let entry: MeterEntryPage;
let token: string;
let page: PageData;

/** Digits only, so "344 805" or "344’805" (fr-CH) still contains 344805. */
const digits = (text: string) => text.replace(/(\d)[\s'’.,\u00a0\u202f](?=\d)/g, '$1');

async function campaignEmailToken(forPeriod: string): Promise<string> {
  const tokens = readOutbox(server.dataDir)
    .filter((email) => email.subject.includes(CUSTOMER))
    .flatMap(meterLinkTokens)
    .filter((candidate) => linkClaims(candidate).per === forPeriod);
  expect(tokens, `a campaign email for ${CUSTOMER} and ${forPeriod} in the outbox`).not.toHaveLength(0);
  return tokens.at(-1)!;
}

/** The state badge's text colour as [r, g, b]. */
async function badgeColour(deviceCode: string, counter: string): Promise<number[]> {
  // An expression as text: this file is type-checked without the DOM library.
  const badge = `article.machine[data-device-code="${deviceCode}"] li.counter[data-counter="${counter}"] [data-testid="counter-state"]`;
  const colour = await entry.page.evaluate(`getComputedStyle(document.querySelector('${badge}')).color`);
  return (String(colour).match(/\d+/g) ?? []).slice(0, 3).map(Number);
}
const isOrange = ([r = 0, g = 0, b = 0]: number[]) => r > g && g > b && r - b > 80;
const isGreen = ([r = 0, g = 0, b = 0]: number[]) => g > r && g > b;

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.baseURL}${path}`, init);
}

beforeAll(async () => {
  server = await startServer();
  device = await openDevice('phone', server.baseURL);
  entry = new MeterEntryPage(device.page);
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
});

describe('the monthly meter campaign on a phone', () => {
  it('runs the campaign job through the running server and emails the link', async () => {
    const output = await server.runJob(['campaign', '--as-of', campaignAsOf]);
    if (!process.env.DATABASE_URL) expect(output).toContain('the job runs inside that server');
    expect(output).toMatch(/Campaign job as of/);
    token = await campaignEmailToken(period);
    expect(linkClaims(token).exp * 1000).toBeGreaterThan(Date.now());
    page = (await (await api(`/api/links/${token}`)).json()) as PageData;
    expect(page.customerNumber).toBe(CUSTOMER);
    expect(page.machines.length).toBeGreaterThan(1);
  });

  it('opens the link: the customer number, the machines, nothing entered yet, under the dealer’s branding only', async () => {
    await entry.open(token);
    expect(await entry.customerNumber.innerText()).toContain(CUSTOMER);
    expect(await entry.staffTopBar.count()).toBe(0);
    const [first] = page.machines;
    expect(await entry.stateOf(first!.deviceCode, first!.counters[0]!.counter)).toBe('to_enter');
    // The worker controls the page from now on, so it loads again offline.
    await device.page.waitForFunction("navigator.serviceWorker.controller?.state === 'activated'");
  });

  it('refuses a value lower than the last, flags a far higher one, takes a plausible one', async () => {
    const machine = page.machines[0]!;
    const { counter, last } = machine.counters[0]!;
    const lastValue = last!.value;

    await entry.enter(machine.deviceCode, counter, lastValue - 1);
    await entry.waitForState(machine.deviceCode, counter, 'refused');
    expect(digits(await entry.messageOf(machine.deviceCode, counter))).toContain(String(lastValue));

    await entry.enter(machine.deviceCode, counter, lastValue + 5_000_000);
    await entry.waitForState(machine.deviceCode, counter, 'to_check');
    const flagged = await badgeColour(machine.deviceCode, counter);
    expect(isOrange(flagged), `badge colour ${flagged.join(",")}`).toBe(true);

    await entry.enter(machine.deviceCode, counter, lastValue + 120);
    await entry.waitForState(machine.deviceCode, counter, 'entered');
    expect(digits(await entry.valueOf(machine.deviceCode, counter))).toContain(String(lastValue + 120));
    expect(isGreen(await badgeColour(machine.deviceCode, counter))).toBe(true);
  });

  it('keeps an entry made offline across a reload and sends it once when the network returns', async () => {
    const machine = page.machines[1]!;
    const { counter, last } = machine.counters[0]!;
    const value = last!.value + 80;

    await entry.goOffline();
    await entry.enter(machine.deviceCode, counter, value);
    await entry.waitForState(machine.deviceCode, counter, 'pending');
    await device.page.reload();
    await entry.machine(machine.deviceCode).waitFor();
    await entry.waitForState(machine.deviceCode, counter, 'pending');
    await device.screenshot('meter-campaign-offline');

    await entry.goOnline();
    await entry.waitForState(machine.deviceCode, counter, 'entered');

    const cookie = await sessionCookie(server.baseURL, demoAdmin);
    const from = encodeURIComponent(new Date(startedAt.getTime() - 60_000).toISOString());
    const readings = (await (await api(`/api/devices/${machine.deviceId}/readings?from=${from}&pageSize=200`, { headers: { cookie } })).json()) as {
      items: { counterKind: string; value: number; enteredBy: string }[];
    };
    const fromLink = readings.items.filter((reading) => reading.counterKind === counter && reading.enteredBy.startsWith('link:'));
    expect(fromLink.map((reading) => reading.value)).toEqual([value]);
  });

  it('prints a receipt with the customer number, the machines and the values', async () => {
    const download = await entry.downloadReceipt();
    const path = await download.path();
    const text = digits(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
    expect(text).toContain(CUSTOMER);
    const [first, second] = page.machines;
    expect(text).toContain(first!.deviceCode);
    expect(text).toContain(String(first!.counters[0]!.last!.value + 120));
    expect(text).toContain(String(second!.counters[0]!.last!.value + 80));
    expect(text).not.toContain('Fiduciaire');
  });

  it('locks the entries in the nightly job: the page shows them sent and the API refuses a change', async () => {
    const output = await server.runJob(['nightly', '--as-of', nightlyAsOf]);
    expect(output).toMatch(/Nightly job as of/);
    const machine = page.machines[0]!;
    const { counter, last } = machine.counters[0]!;

    await device.page.reload();
    await entry.waitForState(machine.deviceCode, counter, 'sent');

    const change = await api(`/api/links/${token}/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entries: [{ clientId: crypto.randomUUID(), deviceId: machine.deviceId, counter, value: last!.value + 200 }] }),
    });
    expect(change.status).toBe(200);
    const { results } = (await change.json()) as { results: { status: string; error?: { code: string; message: string } }[] };
    expect(results[0]).toMatchObject({ status: 'rejected', error: { code: 'locked', message: expect.stringContaining('ne peut plus être modifié') } });
  });

  it('shows the dealer’s contact details for a tampered link', async () => {
    const [header, payload, signature] = token.split('.');
    const middle = Math.floor(signature!.length / 2);
    const flipped = signature![middle] === 'A' ? 'B' : 'A';
    const tampered = `${header}.${payload}.${signature!.slice(0, middle)}${flipped}${signature!.slice(middle + 1)}`;
    await entry.open(tampered);
    await entry.linkInvalid.waitFor();
    expect(await entry.linkInvalid.innerText()).toContain(DEALER_PHONE);
    expect(await entry.staffTopBar.count()).toBe(0);
    expect(await device.page.locator('body').innerText()).not.toContain(CUSTOMER);
  });

  it('shows the dealer’s contact details for the link of a past period', async () => {
    // The campaign job as it ran two months ago: a genuine link, expired since.
    await server.runJob(['campaign', '--as-of', `${pastPeriod}-21`]);
    const expired = await campaignEmailToken(pastPeriod);
    expect(linkClaims(expired).exp * 1000).toBeLessThan(Date.now());
    await entry.open(expired);
    await entry.linkInvalid.waitFor();
    expect(await entry.linkInvalid.innerText()).toContain(DEALER_PHONE);
    await device.screenshot('meter-campaign-expired');
  });
});
