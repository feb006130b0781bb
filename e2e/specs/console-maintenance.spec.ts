import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoordinatorOverview, MaintenanceRequest, RequestSummary } from '@parc/shared/contracts/tickets';
import { demoAdmin, demoTechnician } from '../support/accounts.ts';
import { artifactsDir } from '../support/browser.ts';
import { readOutbox } from '../support/outbox.ts';
import { serverForFile } from '../support/spec-server.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { demoCoordinator, setLanguage, signedIn } from '../page-models/maintenance-api.ts';
import { NewRequestPage, RequestPage, RequestsListPage } from '../page-models/maintenance.page.ts';

const spec = serverForFile();

/** A request opened through the API on one of the demo coordinator's devices, with the admin's caller, the admin speaking English. */
async function requestForTheCoordinator(subject: string) {
  const admin = await signedIn(spec.server.baseURL, demoAdmin);
  await setLanguage(admin, demoAdmin.email, 'en');
  const coordinator = await signedIn(spec.server.baseURL, demoCoordinator);
  const { devices } = await coordinator<CoordinatorOverview>('GET', '/coordinator/overview');
  const request = await admin<MaintenanceRequest>('POST', '/requests', { deviceId: devices.at(-1)!.id, subject });
  return { admin, coordinator, request };
}

describe('partner console: maintenance requests on a tablet', () => {
  it('creates a request by hand, assigns it, starts it, and resolves it once the technician is done', async () => {
    const technician = await signedIn(spec.server.baseURL, demoTechnician);
    const technicianName = (await technician<MaintenanceRequest[] | { technician: { name: string } }>('GET', '/tech/bundle') as { technician: { name: string } }).technician.name;

    const device = await spec.openDevice('tablet');
    const { page } = device;
    await new LoginPage(page).signInTo(demoAdmin, '/console');

    // The demo's two requests for the technician are in the open list.
    const list = new RequestsListPage(page);
    await list.open();
    const rowsText = await list.rows.allTextContents();
    expect(rowsText.filter((text) => text.includes(technicianName)).length).toBeGreaterThanOrEqual(2);

    // A device of the demo, by hand.
    const deviceCode = await page.evaluate(async () => {
      const response = await fetch('/api/console/devices?pageSize=5&sort=deviceCode&order=asc');
      return ((await response.json()) as { items: { deviceCode: string }[] }).items[0]!.deviceCode;
    });
    await list.newRequest.click();
    const requestId = await new NewRequestPage(page).create({ deviceCode, subject: 'Bruit anormal au chargeur de documents', description: 'Le chargeur grince à chaque page.' });

    const request = new RequestPage(page);
    await request.state.waitFor();
    expect(await request.state.getAttribute('data-state')).toBe('unresolved');
    await request.assign(technicianName);
    expect(await request.offered()).toEqual(['in_progress', 'rejected']);
    await request.move('in_progress', 'Pris en charge, passage prévu demain matin.');
    // Done is the technician's to declare; the partner may complete it as resolved.
    expect(await request.offered()).toEqual(['resolved', 'rejected']);

    const assigned = await technician<{ requests: { id: string }[] }>('GET', '/tech/bundle');
    expect(assigned.requests.map((each) => each.id)).toContain(requestId);
    await technician('POST', `/requests/${requestId}/transition`, { to: 'done', comment: 'Rouleau d’entraînement remplacé.' });

    await request.goto(requestId);
    expect(await request.state.getAttribute('data-state')).toBe('done');
    expect(await request.offered()).toEqual(['in_progress', 'resolved', 'rejected']);
    await request.move('resolved', 'Réparation confirmée avec le client.');
    await request.history.locator('li[data-to="resolved"]').waitFor();
    expect(await request.history.locator('li[data-kind="state"]').count()).toBe(3);
    expect(await request.history.textContent()).toContain('Rouleau d’entraînement remplacé.');

    const after = await page.evaluate(async (id) => ((await (await fetch(`/api/requests/${id}`)).json()) as RequestSummary).state, requestId);
    expect(after).toBe('resolved');
    await device.screenshot('tablet-maintenance-request');

    // The notification emails' link opens the same screen for the partner.
    await page.goto(`/requests/${requestId}`);
    await page.waitForURL((url) => url.pathname === `/console/requests/${requestId}`);
  });

  it('completes a request still in progress, without waiting for the technician to declare it done', async () => {
    const { request: created } = await requestForTheCoordinator('Scanner hors service');
    const device = await spec.openDevice('tablet');
    await new LoginPage(device.page).signInTo(demoAdmin, '/console');
    const request = new RequestPage(device.page);
    await request.goto(created.id);
    await request.move('in_progress', 'Taken in hand.');
    expect(await request.offered()).toEqual(['resolved', 'rejected']);
    await request.move('resolved', 'Fixed by phone with the customer.');
    expect(await request.offered()).toEqual([]);
    await request.history.locator('li[data-kind="state"][data-to="resolved"]').waitFor();
  });

  it('keeps internal notes from the customer and shares what the dealer chooses to share', async () => {
    const { coordinator, request: created } = await requestForTheCoordinator('Cyan streaks on every page');
    const device = await spec.openDevice('tablet');
    await new LoginPage(device.page).signInTo(demoAdmin, '/console');
    const request = new RequestPage(device.page);
    await request.goto(created.id);

    // Internal unless chosen otherwise, for notes and for the comment of a change of state.
    expect(await request.visibilityIn(request.noteForm)).toBe('internal');
    expect(await request.visibilityIn(request.transitions)).toBe('internal');
    await request.addNote('cyan drum probably scratched');
    await request.addNote('A technician comes on Tuesday morning.', 'shared');
    await request.move('in_progress', 'Drum ordered at cost price.');
    expect(await request.history.locator('li[data-kind="note"][data-visibility="shared"]').innerText()).toContain('Tuesday');
    expect(await request.history.locator('li[data-kind="note"][data-visibility="internal"]').innerText()).toContain('scratched');
    await device.page.screenshot({ path: join(artifactsDir, 'tablet-maintenance-visibility-en.png'), fullPage: true });

    const mails = readOutbox(spec.server.dataDir).filter((mail) => mail.to.includes(demoCoordinator.email) && mail.body.includes(created.id));
    // Created, the shared note, the change of state: the internal note wrote to nobody on the customer's side.
    expect(mails).toHaveLength(3);
    for (const mail of mails) expect(mail.body).not.toMatch(/scratched|cost price/);
    expect(mails.filter((mail) => mail.body.includes('A technician comes on Tuesday morning.'))).toHaveLength(1);
    const seen = await coordinator<MaintenanceRequest>('GET', `/requests/${created.id}`);
    expect(JSON.stringify(seen)).not.toMatch(/scratched|cost price/);
    expect(seen.events.map((event) => [event.kind, event.comment])).toEqual([
      ['created', null],
      ['note', 'A technician comes on Tuesday morning.'],
      ['state', null],
    ]);

    await device.page.setViewportSize({ width: 390, height: 844 });
    await device.page.screenshot({ path: join(artifactsDir, 'phone-maintenance-visibility-en.png'), fullPage: true });
  });
});
