/**
 * A technician's change refused after a conflict, on a phone in German: offline, the technician
 * finishes a request the dealer meanwhile rejects and reopens (a conflict), keeps their version, and
 * the dealer has rejected it for good by then, so the server refuses it. The comment is kept (as a
 * note, and on the phone), the reason is told in the technician's language, and the request stays
 * on the list, even once it left the day, until the technician has read why. The request opens
 * from the link of its assignment email.
 */
import { join } from 'node:path';
import type { MaintenanceRequest } from '@parc/shared/contracts/tickets';
import { describe, expect, it } from 'vitest';
import { LoginPage } from '../page-models/login.page.ts';
import { setLanguage, signedIn } from '../page-models/maintenance-api.ts';
import { TechnicianApp } from '../page-models/technician-app.ts';
import { demoAdmin, demoTechnician } from '../support/accounts.ts';
import { artifactsDir } from '../support/browser.ts';
import { readOutbox } from '../support/outbox.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();

describe('a change the server refused after a conflict, on a technician’s phone', () => {
  it('keeps the comment, says why, and keeps the request on the list until read', async () => {
    const admin = await signedIn(spec.server.baseURL, demoAdmin);
    const technicianId = await setLanguage(admin, demoTechnician.email, 'de');
    const devices = await admin<{ items: { id: string }[] }>('GET', '/console/devices?pageSize=5&sort=deviceCode&order=asc');
    const deviceId = devices.items.at(-1)!.id;
    const request = await admin<MaintenanceRequest>('POST', '/requests', { deviceId, subject: 'Blaue Streifen auf jeder Seite', technicianId });
    const move = (to: string, comment: string) => admin<MaintenanceRequest>('POST', `/requests/${request.id}/transition`, { to, comment });
    await move('in_progress', 'Übernommen');

    const device = await spec.openDevice('phone');
    const app = new TechnicianApp(device.page);
    const login = new LoginPage(device.page);
    await login.goto();
    await login.signIn(demoTechnician.email, demoTechnician.password);
    await app.waitForDay();

    // The assignment email's link opens the request in the technician app.
    const assigned = readOutbox(spec.server.dataDir).find((mail) => mail.to.includes(demoTechnician.email) && mail.body.includes(request.id));
    const link = assigned!.body.match(/https?:\/\/[^\s"<]+\/requests\/[0-9a-f-]{36}/)![0];
    await device.page.goto(new URL(link).pathname);
    await device.page.waitForURL((url) => url.pathname === `/tech/requests/${request.id}`);
    await app.requestState.waitFor();

    // In the basement: the technician finishes the request, with a comment.
    await device.context.setOffline(true);
    await app.waitForNetwork(false);
    const comment = 'Bildtrommel getauscht, Testseite sauber';
    await app.changeState('done', comment);
    await app.waitForPending(1);

    // Meanwhile the dealer rejects it and reopens it: the technician's change now conflicts.
    await move('rejected', 'Kunde hat storniert');
    await move('in_progress', 'Doch nötig');
    await device.context.setOffline(false);
    await app.waitForConflicts(1);

    // Before the technician keeps their version, the dealer rejects it for good: the server refuses it.
    await move('rejected', 'Kunde hat endgültig storniert');
    await app.resolveConflict('mine');
    await app.waitForConflicts(0);
    await app.waitForPending(0);

    // The next download no longer has the request (a second one, just assigned, shows it went through)…
    const next = await admin<MaintenanceRequest>('POST', '/requests', { deviceId, subject: 'Papierstau Fach 2', technicianId });
    await app.backToList();
    await app.syncNow.click();
    await app.card(next.id).waitFor();
    // …yet the refused request stays on the list, saying so.
    expect(await app.card(request.id).getAttribute('data-state')).toBe('rejected');
    expect(await app.cardNotice(request.id).innerText()).toBe('Änderung nicht übernommen: öffnen, um den Grund zu lesen');
    await device.screenshot('tech-phone-refused-list-de');

    await app.openRequest(request.id);
    const notice = app.changeNotice;
    expect(await notice.getByTestId('notice-reason').innerText()).toBe('Der Auftrag ist jetzt «Abgelehnt»: er kann nicht mehr auf «Erledigt» gesetzt werden.');
    expect(await notice.getByTestId('notice-last-change').innerText()).toContain('Kunde hat endgültig storniert');
    expect(await notice.getByTestId('notice-mine').innerText()).toContain(comment);
    expect(await notice.getByTestId('notice-kept').isVisible()).toBe(true);
    // The comment is in the request's history, on the phone and on the server.
    expect(await device.page.locator('[data-testid="event"][data-kind="note"]', { hasText: comment }).count()).toBe(1);
    const stored = await admin<MaintenanceRequest>('GET', `/requests/${request.id}`);
    expect(stored.state).toBe('rejected');
    expect(stored.events.filter((event) => event.kind === 'note').map((event) => [event.comment, event.visibility])).toEqual([[comment, 'internal']]);
    // The top of the page, where the notice is: the whole page runs on through the device's history.
    await device.page.screenshot({ path: join(artifactsDir, 'tech-phone-refused-notice-de.png') });
    await device.page.setViewportSize({ width: 820, height: 1180 });
    await device.page.screenshot({ path: join(artifactsDir, 'tech-tablet-refused-notice-de.png') });
    await device.page.setViewportSize({ width: 390, height: 844 });

    // Read: the request, no longer in the day, leaves the list.
    await app.readNotice();
    await device.page.locator('.back-link').click();
    await app.card(next.id).waitFor();
    await app.card(request.id).waitFor({ state: 'detached' });
  });
});
