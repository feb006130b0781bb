/**
 * Issue 14, item 8: the meter page and its receipt speak the language the customer chose on the page
 * (here German, for a French customer), remember it across reloads, count with the language's plural
 * rules, and name the dealer rather than Parc in their notices.
 */
import { execFileSync } from 'node:child_process';
import type { MeterEntryPage as PageData } from '@parc/shared';
import { describe, expect, it } from 'vitest';
import { demoMeterToken, MeterEntryPage } from '../page-models/meter-entry.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();

/** Digits only, so "344 805" or "344’805" still contains 344805. */
const digits = (text: string) => text.replace(/(\d)[\s'’.,\u00a0\u202f](?=\d)/g, '$1');
/** French words and punctuation that must not show through a German page. */
const FRENCH = /\ble \d|\bdu client\b|Relevé|saisie|Dernier|Enregistrer| : /;

describe('the meter page and its receipt in the language chosen on the page (German)', () => {
  it('switches every text to German, keeps the choice on reload, and prints the receipt in German', async () => {
    const token = demoMeterToken(spec.server.output());
    const data = (await (await fetch(`${spec.server.baseURL}/api/links/${token}`)).json()) as PageData;
    expect(data.language).toBe('fr');
    const machine = data.machines.find((candidate) => candidate.counters.every((counter) => counter.last))!;
    const { counter, last } = machine.counters[0]!;

    const device = await spec.openDevice('phone');
    const entry = new MeterEntryPage(device.page);
    await entry.open(token);
    await device.page.waitForFunction("navigator.serviceWorker.controller?.state === 'activated'");
    await entry.chooseLanguage('de');

    expect(await entry.heading.innerText()).toBe('Zählerstände erfassen');
    expect(await entry.lastReadingOf(machine.deviceCode, counter)).toMatch(/^Letzte Ablesung: \d+ am \d{2}\.\d{2}\.\d{4}$/);
    const body = await device.page.locator('main').innerText();
    expect(body).not.toMatch(FRENCH);
    // The service worker's notice names no product: the customer knows the dealer, not Parc.
    const notice = device.page.locator('.banner--update');
    await notice.waitFor();
    expect(await notice.innerText()).not.toContain('Parc');
    expect(await device.page.title()).toContain(data.dealer.name);

    // One entry waiting offline: counted with German's plural rules, not "Eingabe(n)".
    await entry.goOffline();
    await entry.enter(machine.deviceCode, counter, last!.value + 75);
    await entry.waitForState(machine.deviceCode, counter, 'pending');
    expect((await entry.pendingNotice.innerText()).trim()).toMatch(/^1 Eingabe wartet/);

    // Reloaded without network, then with: still German.
    await device.page.reload();
    await entry.machine(machine.deviceCode).waitFor();
    expect(await entry.heading.innerText()).toBe('Zählerstände erfassen');
    await entry.goOnline();
    await entry.waitForState(machine.deviceCode, counter, 'entered');
    await device.page.reload();
    await entry.machine(machine.deviceCode).waitFor();
    expect(await entry.language.inputValue()).toBe('de');
    expect(await device.page.locator('main').innerText()).not.toMatch(FRENCH);
    await device.screenshot('meter-languages-de-390');

    const download = await entry.downloadReceipt();
    const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
    const period = new Intl.DateTimeFormat('de-CH', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${data.period}-01T00:00:00Z`));
    expect(text).toContain('Zählerstände');
    expect(text).toContain(`Kundennummer: ${data.customerNumber}`);
    expect(text).toContain(period);
    expect(text).toContain('Erfasst');
    expect(digits(text)).toContain(String(last!.value + 75));
    expect(text).not.toContain(data.period);
    expect(text).not.toMatch(/ : |N° du client|Période|Saisie/);
  });

  it('refuses a receipt in a language Parc does not speak', async () => {
    const token = demoMeterToken(spec.server.output());
    const receipt = (lang: string) => fetch(`${spec.server.baseURL}/api/links/${token}/receipt.pdf?lang=${lang}`);
    expect((await receipt('es')).status).toBe(400);
    const italian = await receipt('it');
    expect(italian.status).toBe(200);
    expect(italian.headers.get('content-type')).toBe('application/pdf');
  });
});
