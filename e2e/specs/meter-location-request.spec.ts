/**
 * Issue 14, item 4: a customer's location change request reaches the dealer (an email to the
 * dealer's administrators, a list in the console) and the machine shows "requested" on the meter
 * page until the dealer applies it, after which the page shows the new location.
 */
import type { MeterEntryPage as PageData } from '@parc/shared';
import { describe, expect, it } from 'vitest';
import { demoMeterToken, MeterEntryPage } from '../page-models/meter-entry.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { readOutbox } from '../support/outbox.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();

describe('a location change request from the meter page', () => {
  it('is told to the dealer, shown as requested, and applied by the dealer', async () => {
    const token = demoMeterToken(spec.server.output());
    const data = (await (await fetch(`${spec.server.baseURL}/api/links/${token}`)).json()) as PageData;
    const machine = data.machines[0]!;

    const device = await spec.openDevice('phone');
    const entry = new MeterEntryPage(device.page);
    await entry.open(token);
    await entry.chooseLanguage('en');
    await entry.requestLocationChange(machine.deviceCode, '2ND FLOOR - ARCHIVES', 'Moved after the renovation');
    const requested = entry.machine(machine.deviceCode).getByTestId('location-requested');
    await requested.waitFor();
    expect(await requested.innerText()).toContain('2ND FLOOR - ARCHIVES');
    await device.screenshot('meter-location-requested-en');

    const notice = readOutbox(spec.server.dataDir).find((email) => email.to.includes(demoAdmin.email) && email.subject.includes(machine.deviceCode));
    expect(notice?.body).toContain('2ND FLOOR - ARCHIVES');

    // Still "requested" after a reload, until the dealer decides.
    await entry.open(token);
    await requested.waitFor();

    const cookie = await sessionCookie(spec.server.baseURL, demoAdmin);
    const api = (path: string, method = 'GET') => fetch(`${spec.server.baseURL}/api${path}`, { method, headers: { cookie } }).then((response) => response.json() as Promise<{ items?: { id: string; deviceId: string }[] }>);
    const open = (await api('/location-requests')).items!.find((request) => request.deviceId === machine.deviceId)!;
    await api(`/location-requests/${open.id}/apply`, 'POST');

    await entry.open(token);
    await entry.machine(machine.deviceCode).getByTestId('machine-location').filter({ hasText: '2ND FLOOR - ARCHIVES' }).waitFor();
    expect(await requested.count()).toBe(0);
  });
});
