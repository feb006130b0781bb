/**
 * The customer's coordinator on a phone, in English: a problem report is sent once however fast
 * Send is tapped on a slow network, is kept on the phone offline (through a reload) and sent once
 * back online; the "view the request" link of their emails opens the request's own screen, which
 * shows its state and the notes the dealer shared, never the internal ones.
 */
import { join } from 'node:path';
import type { CoordinatorOverview, MaintenanceRequest, RequestSummary } from '@parc/shared/contracts/tickets';
import { describe, expect, it } from 'vitest';
import { CoordinatorApp } from '../page-models/coordinator-app.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { demoCoordinator, setLanguage, signedIn, type Caller } from '../page-models/maintenance-api.ts';
import { demoAdmin } from '../support/accounts.ts';
import { artifactsDir, type Device } from '../support/browser.ts';
import { readOutbox } from '../support/outbox.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();

let scene: Promise<{ admin: Caller; coordinator: Caller; deviceId: string }> | undefined;
/** The admin's and the coordinator's callers, the coordinator speaking English; made once for the file. */
function setScene() {
  scene ??= (async () => {
    const admin = await signedIn(spec.server.baseURL, demoAdmin);
    await setLanguage(admin, demoCoordinator.email, 'en');
    const coordinator = await signedIn(spec.server.baseURL, demoCoordinator);
    const overview = await coordinator<CoordinatorOverview>('GET', '/coordinator/overview');
    return { admin, coordinator, deviceId: overview.devices[0]!.id };
  })();
  return scene;
}

async function signIn(device: Device): Promise<CoordinatorApp> {
  await new LoginPage(device.page).signInTo(demoCoordinator, '/coordinator');
  const app = new CoordinatorApp(device.page);
  await app.waitForHome();
  return app;
}

/** The requests the dealer sees with this subject: how many the coordinator's reports opened. */
async function requestsNamed(admin: Caller, subject: string): Promise<RequestSummary[]> {
  const page = await admin<{ items: RequestSummary[] }>('GET', '/requests?pageSize=200');
  return page.items.filter((request) => request.subject === subject);
}

/** Every 1.5 s round trip, as on a phone with a weak signal. */
async function slowNetwork(device: Device): Promise<void> {
  const cdp = await device.context.newCDPSession(device.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 1500, downloadThroughput: -1, uploadThroughput: -1 });
}

describe('the coordinator on a phone', () => {
  it('sends a problem report once, however fast Send is tapped on a slow network', async () => {
    const { admin } = await setScene();
    const device = await spec.openDevice('phone');
    const app = await signIn(device);
    await slowNetwork(device);

    const subject = 'Toner smears on the left edge';
    await app.fillReport(subject, 'Every page since this morning.');
    await app.doubleTapSend();
    // The report is on the phone at once; the form is empty, ready for the next one.
    await app.waitForOutcome('queued');
    expect(await app.reportForm.locator('input[name="subject"]').inputValue()).toBe('');
    await app.waitForOutcome('sent');
    await app.openRequest(subject).waitFor();
    expect(await requestsNamed(admin, subject)).toHaveLength(1);
    expect(await app.queuedReports.count()).toBe(0);
  });

  it('keeps a report made offline on the phone, through a reload, and sends it once back online', async () => {
    const { admin } = await setScene();
    const device = await spec.openDevice('phone');
    const app = await signIn(device);
    // The worker controls the page from now on, so it loads again offline.
    await device.page.waitForFunction("navigator.serviceWorker.controller?.state === 'activated'");

    await device.context.setOffline(true);
    await app.reportOffline.waitFor();
    const subject = 'Paper jam in tray 2, third floor';
    await app.fillReport(subject);
    await app.sendButton.click();
    await app.waitForOutcome('queued');
    await app.queuedReport(subject).waitFor();
    // The top of the screen: the whole page is as long as the fleet.
    await device.page.screenshot({ path: join(artifactsDir, 'coordinator-phone-offline-queued-en.png') });

    await device.page.reload();
    await app.queuedReport(subject).waitFor();
    expect(await requestsNamed(admin, subject)).toEqual([]);

    await device.context.setOffline(false);
    await app.openRequest(subject).waitFor();
    await app.queuedReport(subject).waitFor({ state: 'detached' });
    expect(await requestsNamed(admin, subject)).toHaveLength(1);
  });

  it('opens the request from the email link on its own screen, with the shared notes only', async () => {
    const { admin, deviceId } = await setScene();
    const created = await admin<MaintenanceRequest>('POST', '/requests', { deviceId, subject: 'Cyan streaks on every page', description: 'Probably the drum, order one at cost price' });
    await admin('POST', `/requests/${created.id}/notes`, { comment: 'cyan drum probably scratched' });
    await admin('POST', `/requests/${created.id}/notes`, { comment: 'A technician comes on Tuesday morning.', visibility: 'shared' });
    await admin('POST', `/requests/${created.id}/transition`, { to: 'in_progress', comment: 'Drum ordered.', visibility: 'shared' });

    const mails = readOutbox(spec.server.dataDir).filter((mail) => mail.to.includes(demoCoordinator.email) && mail.body.includes(created.id));
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const mail of mails) expect(mail.body).not.toMatch(/scratched|cost price/);
    expect(mails.map((mail) => mail.body).join('\n')).toContain('A technician comes on Tuesday morning.');
    const link = mails.at(-1)!.body.match(/https?:\/\/[^\s"<]+\/requests\/[0-9a-f-]{36}/)![0];

    const device = await spec.openDevice('phone');
    await signIn(device);
    const app = new CoordinatorApp(device.page);
    await device.page.goto(new URL(link).pathname);
    await app.waitForRequest(created.id);
    expect(await app.requestState.getAttribute('data-state')).toBe('in_progress');
    expect(await device.page.locator('main h1').innerText()).toBe('Cyan streaks on every page');
    const history = await app.historyTexts();
    expect(history[0]).toContain('Unresolved → In progress');
    expect(history[0]).toContain('Drum ordered.');
    expect(history.join('\n')).toContain('A technician comes on Tuesday morning.');
    expect(await device.page.locator('main').innerText()).not.toMatch(/scratched|cost price/);
    await device.screenshot('coordinator-phone-request-en');
    await device.page.setViewportSize({ width: 820, height: 1180 });
    await device.screenshot('coordinator-tablet-request-en');

    // Back to the list: the request is among the open ones, and opens the same screen.
    await device.page.locator('.back-link').click();
    await app.openRequest('Cyan streaks on every page').click();
    await app.waitForRequest(created.id);
  });
});
