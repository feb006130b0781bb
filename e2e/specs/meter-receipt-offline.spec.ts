/**
 * Issue 14, item 9: the receipt PDF is made by the server. Tapped without a connection, the page says
 * so in its language (Italian here) instead of failing silently; back online, the same tap downloads it.
 */
import { describe, expect, it } from 'vitest';
import { demoMeterToken, MeterEntryPage } from '../page-models/meter-entry.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();

describe('the receipt without a connection (Italian)', () => {
  it('says the receipt needs a connection, then downloads it once online', async () => {
    const token = demoMeterToken(spec.server.output());
    const device = await spec.openDevice('phone');
    const entry = new MeterEntryPage(device.page);
    await entry.open(token);
    await device.page.waitForFunction("navigator.serviceWorker.controller?.state === 'activated'");
    await entry.chooseLanguage('it');

    await entry.goOffline();
    await entry.receipt.click();
    await entry.receiptNotice.waitFor();
    const notice = await entry.receiptNotice.innerText();
    expect(notice).toMatch(/connessione/i);
    expect(await entry.receiptNotice.getAttribute('role')).toBe('alert');
    await device.screenshot('meter-receipt-offline-it-390');

    await entry.goOnline();
    const download = await entry.downloadReceipt();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await entry.receiptNotice.count()).toBe(0);
  });
});
