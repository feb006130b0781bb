/**
 * The technician's offline day on a phone: the day is downloaded on opening; offline, the
 * technician changes a request's state, adds a photo and a counter reading, reloads the app (it
 * still works, the changes still wait); back online everything reaches the server once. Meanwhile
 * the partner changed another request the technician was finishing: the conflict is shown with
 * both versions and resolved ("keep mine"); then the partner resolves that request.
 */
import type { MaintenanceRequest, RequestSummary } from '@parc/shared/contracts/tickets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from '../page-models/login.page.ts';
import { TechnicianApp } from '../page-models/technician-app.ts';
import { openDevice, type Device } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { demoAdmin, demoTechnician } from '../support/accounts.ts';
import { signedIn, type Caller } from '../page-models/maintenance-api.ts';


/** A 1×1 PNG: the smallest photo the server's magic-number check accepts. */
const photo = {
  name: 'fuser.png',
  mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
};

let server: RunningServer;
let device: Device;
let app: TechnicianApp;
let partnerApi: Caller;
/** The request the technician works on offline, and the one the partner changes meanwhile. */
let worked: RequestSummary;
let contested: RequestSummary;
let readingValue: number;

beforeAll(async () => {
  server = await startServer();
  partnerApi = await signedIn(server.baseURL, demoAdmin);
  const open = await partnerApi<{ items: RequestSummary[] }>('GET', '/requests?state=open&pageSize=50');
  const assigned = open.items.filter((request) => request.technicianName !== null && request.state === 'unresolved');
  expect(assigned.length, 'the demo gives the technician two requests').toBeGreaterThanOrEqual(2);
  [worked, contested] = assigned as [RequestSummary, RequestSummary];
  device = await openDevice('phone', server.baseURL);
  app = new TechnicianApp(device.page);
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
});

describe('the technician app offline on a phone', () => {
  it('opens on the day’s requests, downloaded for offline use', async () => {
    const login = new LoginPage(device.page);
    await login.goto();
    await login.signIn(demoTechnician.email, demoTechnician.password);
    await app.waitForDay();
    expect(await app.card(worked.id).getAttribute('data-state')).toBe('unresolved');
    expect(await app.card(contested.id).count()).toBe(1);
    // The worker controls the page from now on, so it loads again offline.
    await device.page.waitForFunction("navigator.serviceWorker.controller?.state === 'activated'");
    await device.screenshot('tech-phone-day');
  });

  it('changes a request, adds a photo and a reading with no network: all kept on the phone', async () => {
    await device.context.setOffline(true);
    await device.page.locator('[data-testid="sync-network"]', { hasText: /hors ligne/i }).waitFor();

    await app.openRequest(worked.id);
    await app.changeState('in_progress', 'Sur place, unité de fusion démontée');
    await app.addPhoto(photo);
    readingValue = Number(await app.counterReading().getAttribute('data-last')) + 150;
    await app.recordReading(readingValue);
    expect(await app.readingState()).toBe('pending');

    await app.backToList();
    await app.openRequest(contested.id);
    await app.changeState('in_progress', 'Je passe dans l’après-midi');
    await app.changeState('done', 'Vitre nettoyée, page de test propre');
    await app.waitForPending(5);
    await device.screenshot('tech-phone-offline-pending');
  });

  it('reloads offline: the app still works and the changes still wait', async () => {
    // Meanwhile the partner takes the contested request in hand.
    await partnerApi('POST', `/requests/${contested.id}/transition`, { to: 'in_progress', comment: 'Pris en charge par l’atelier' });

    await device.page.reload();
    await app.requestState.waitFor();
    expect(await app.stateOfOpenRequest()).toBe('done');
    await app.waitForPending(5);
    await app.backToList();
    expect(await app.card(worked.id).getAttribute('data-state')).toBe('in_progress');
    await device.screenshot('tech-phone-offline-reloaded');
  });

  it('sends everything once back online and shows the conflict with both versions', async () => {
    await device.context.setOffline(false);
    await app.waitForConflicts(1);
    await app.waitForPending(0);

    const request = await partnerApi<MaintenanceRequest>('GET', `/requests/${worked.id}`);
    expect(request.state).toBe('in_progress');
    expect(request.events.filter((event) => event.kind === 'state')).toHaveLength(1);
    expect(request.attachments).toHaveLength(1);
    expect(request.attachments[0]?.contentType).toBe('image/png');
    const readings = await partnerApi<{ items: { value: number; source: string }[] }>('GET', `/devices/${worked.device.id}/readings?pageSize=200`);
    expect(readings.items.filter((reading) => reading.value === readingValue && reading.source === 'technician')).toHaveLength(1);

    const conflict = app.conflicts.first();
    expect(await conflict.getByTestId('conflict-mine').innerText()).toContain('Vitre nettoyée');
    expect(await conflict.getByTestId('conflict-server-state').getAttribute('data-state')).toBe('in_progress');
    await device.screenshot('tech-phone-conflict');

    // The reading's plausibility verdict is shown now that the server has judged it.
    await app.openRequest(worked.id);
    expect(['entered', 'to_check']).toContain(await app.readingState());
    await device.screenshot('tech-phone-synced-request');
    await app.backToList();
  });

  it('keeps the technician’s version on the server’s, then the partner resolves the request', async () => {
    await app.resolveConflict('mine');
    await app.waitForConflicts(0);
    await app.waitForPending(0);
    await expect.poll(async () => (await partnerApi<MaintenanceRequest>('GET', `/requests/${contested.id}`)).state).toBe('done');

    const resolved = await partnerApi<MaintenanceRequest>('POST', `/requests/${contested.id}/transition`, { to: 'resolved', comment: 'Contrôlé, merci' });
    expect(resolved.state).toBe('resolved');
    const states = resolved.events.filter((event) => event.kind === 'state').map((event) => event.toState);
    expect(states).toEqual(['in_progress', 'done', 'resolved']);

    // Resolved is no longer open: the next sync takes it off the day (the list is still shown since the reload).
    await app.syncNow.click();
    await app.card(contested.id).waitFor({ state: 'detached' });
    await device.screenshot('tech-phone-after-sync');
  });
});
