import { describe, expect, it } from 'vitest';
import type { MaintenanceRequest, RequestSummary } from '@parc/shared/contracts/tickets';
import { demoAdmin, demoTechnician, sessionCookie, type Account } from '../support/accounts.ts';
import { serverForFile } from '../support/spec-server.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { NewRequestPage, RequestPage, RequestsListPage } from '../page-models/maintenance.page.ts';

const spec = serverForFile();

/** Signs in through the API, as the technician's phone would, and returns a caller with that session. */
async function signedIn(account: Account) {
  const cookie = await sessionCookie(spec.server.baseURL, account);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${spec.server.baseURL}/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
}

describe('partner console: maintenance requests on a tablet', () => {
  it('creates a request by hand, assigns it, starts it, and resolves it once the technician is done', async () => {
    const technician = await signedIn(demoTechnician);
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
    // Done is the technician's to declare.
    expect(await request.offered()).toEqual(['rejected']);

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
});
