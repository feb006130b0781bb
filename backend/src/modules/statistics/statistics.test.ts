import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perPagePriceList } from '@parc/shared/billing/price-list';
import { readings } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';

/** Writes readings straight to the table: the volume math is what is under test, not the entry checks. */
async function addReadings(t: TestApp, device: Json, kind: string, values: [string, number, string?][]) {
  const counter = device.counters.find((c: { kind: string }) => c.kind === kind);
  await t.database.db.insert(readings).values(
    values.map(([takenAt, value, status]) => ({
      partnerId: device.partnerId ?? undefined,
      deviceId: device.id,
      counterId: counter.id,
      value,
      takenAt: new Date(takenAt),
      source: 'link' as const,
      status: (status ?? 'entered') as 'entered',
      enteredBy: 'test',
    })),
  );
}

describe('statistics and dashboard', () => {
  let t: TestApp;
  let admin: Caller;
  let other: Caller;
  let customer: Json;
  let site: Json;
  let colourDevice: Json;
  let monoDevice: Json;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    partnerId = (await t.createPartner('Dealer A')).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
    other = await signedIn(t, (await t.createPartner('Dealer B')).id, 'partner_admin');
    customer = (await admin.request('POST', '/customers', customerInput({ name: 'Algiz', prefix: 'AL', address: '3 place Lamartine', postcode: '59000', city: 'Lille' }))).body;
    site = (await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'HQ', address: 'Rue 1', postcode: '1200', city: 'Genève' })).body;
    colourDevice = (await admin.request('POST', '/devices', deviceInput(customer.id, { colourCapable: true, siteId: site.id, model: 'C5535' }))).body;
    monoDevice = (await admin.request('POST', '/devices', deviceInput(customer.id, { model: 'M400' }))).body;
    for (const device of [colourDevice, monoDevice]) device.partnerId = partnerId;
    // Colour device: total and colour counters; a reset in October.
    await addReadings(t, colourDevice, 'total', [
      ['2026-07-31T10:00:00Z', 10000],
      ['2026-08-31T10:00:00Z', 11000],
      ['2026-09-30T10:00:00Z', 12500],
      ['2026-10-31T10:00:00Z', 300],
      ['2026-11-10T10:00:00Z', 99999, 'to_check'],
    ]);
    await addReadings(t, colourDevice, 'colour', [
      ['2026-07-31T10:00:00Z', 1000],
      ['2026-08-31T10:00:00Z', 1200],
      ['2026-09-30T10:00:00Z', 1500],
      ['2026-10-31T10:00:00Z', 100],
    ]);
    await addReadings(t, monoDevice, 'total', [
      ['2026-01-15T10:00:00Z', 500],
      ['2026-10-20T10:00:00Z', 900],
    ]);
  });
  afterAll(() => t.close());

  it('answers monthly mono/colour totals, resets never negative, unchecked readings left out', async () => {
    const response = await admin.request('GET', '/statistics/volumes?from=2026-08-01&to=2026-11-30');
    expect(response.status).toBe(200);
    expect(response.body.buckets).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(response.body.series).toEqual([
      {
        key: 'total',
        label: 'total',
        points: [
          { mono: 800, colour: 200 },
          { mono: 1200, colour: 300 },
          // 300 total / 100 colour since the reset, plus the mono device's 400 (baseline from January).
          { mono: 600, colour: 100 },
          { mono: 0, colour: 0 },
        ],
        mono: 2600,
        colour: 600,
      },
    ]);
  });

  it.each([
    ['model', ['C5535', 'M400']],
    ['site', ['HQ', null]],
    ['device', ['AL-1 · C5535', 'AL-2 · M400']],
  ])('groups by %s', async (groupBy, labels) => {
    const response = await admin.request('GET', `/statistics/volumes?from=2026-08-01&to=2026-11-30&groupBy=${groupBy}&customerId=${customer.id}`);
    expect(response.body.series.map((series: Json) => series.label)).toEqual(labels.map((label) => label ?? ''));
  });

  it('filters by site and answers daily buckets', async () => {
    const response = await admin.request('GET', `/statistics/volumes?from=2026-10-30&to=2026-11-01&bucket=day&siteId=${site.id}`);
    expect(response.body.buckets).toEqual(['2026-10-30', '2026-10-31', '2026-11-01']);
    expect(response.body.series[0].points).toEqual([
      { mono: 0, colour: 0 },
      { mono: 200, colour: 100 },
      { mono: 0, colour: 0 },
    ]);
  });

  it('refuses a bad period and hides other partners\' ids', async () => {
    expect((await admin.request('GET', '/statistics/volumes?from=2026-12-01&to=2026-11-01')).body).toMatchObject({ code: 'bad_request', field: 'from' });
    for (const filter of [`customerId=${customer.id}`, `siteId=${site.id}`, `deviceId=${monoDevice.id}`]) {
      expect((await other.request('GET', `/statistics/volumes?from=2026-08-01&to=2026-11-30&${filter}`)).status, filter).toBe(404);
    }
    expect((await other.request('GET', '/statistics/volumes?from=2026-08-01&to=2026-11-30')).body.series).toEqual([]);
  });

  it('sums the dashboard totals for the partner only', async () => {
    // Two maintenance requests, one already taken in hand: one new.
    await admin.request('POST', '/requests', { deviceId: monoDevice.id, subject: 'Streaks on copies' });
    const started = (await admin.request('POST', '/requests', { deviceId: colourDevice.id, subject: 'Fuser noise' })).body;
    expect((await admin.request('POST', `/requests/${started.id}/transition`, { to: 'in_progress', comment: 'On it' })).status).toBe(200);
    const response = await admin.request('GET', '/dashboard');
    expect(response.body).toEqual({ customers: 1, devices: 2, readingsToCheck: 1, devicesToAdd: 0, agentsConnected: 0, agentsDisconnected: 0, openAlerts: 0, locationRequests: 0, newRequests: 1 });
    expect((await other.request('GET', '/dashboard')).body).toMatchObject({ customers: 0, devices: 0, readingsToCheck: 0, newRequests: 0 });
    const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [customer.id] });
    expect((await coordinator.request('GET', '/dashboard')).status).toBe(403);
  });

  it('lists customers with their columns and last month\'s pages, searching name and prefix', async () => {
    await admin.request('PUT', `/customers/${customer.id}/prices`, perPagePriceList('EUR', { mono: '0.1', colour: '0.2', scan: '0' }));
    const empty = (await admin.request('POST', '/customers', customerInput({ name: 'Zebra', prefix: 'ZB', city: 'Sion' }))).body;
    expect((await admin.request('POST', `/customers/${customer.id}/agents`, { name: 'Office PC' })).status).toBe(201);
    const list = await admin.request('GET', '/dashboard/customers?page=1&pageSize=10');
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 10, lastMonth: '2026-10' });
    expect(list.body.items).toEqual([
      { id: customer.id, name: 'Algiz', customerNumber: customer.customerNumber, prefix: 'AL', active: true, mainAddress: '3 place Lamartine, 59000 Lille', siteCount: 1, deviceCount: 2, billingType: 'per_page', agent: { status: 'new', lastContactAt: null }, lastMonthPages: 700 },
      { id: empty.id, name: 'Zebra', customerNumber: empty.customerNumber, prefix: 'ZB', active: true, mainAddress: 'Sion', siteCount: 0, deviceCount: 0, billingType: null, agent: null, lastMonthPages: 0 },
    ]);
    expect((await admin.request('GET', '/dashboard/customers?search=zb')).body.items.map((item: Json) => item.name)).toEqual(['Zebra']);
    expect((await admin.request('GET', '/dashboard/customers?search=alg')).body.items.map((item: Json) => item.name)).toEqual(['Algiz']);
    expect((await other.request('GET', '/dashboard/customers')).body.total).toBe(0);
  });

  it('emails the agent instructions to the main coordinator', async () => {
    await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Théophile Lou', email: 'tlou@algiz.test', isMain: true });
    const sent = await admin.request('POST', `/customers/${customer.id}/agent-instructions`, { agentKey: 'wtcd-gsal-rghj-qjys' });
    expect(sent).toMatchObject({ status: 200, body: { sentTo: 'tlou@algiz.test' } });
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe('tlou@algiz.test');
    expect(mail.text).toContain('WTCD-GSAL-RGHJ-QJYS');
    expect(mail.text).toContain('Théophile Lou');
    expect((await admin.request('POST', `/customers/${customer.id}/agent-instructions`, { agentKey: 'nope' })).body).toMatchObject({ field: 'agentKey' });
    expect((await other.request('POST', `/customers/${customer.id}/agent-instructions`, { agentKey: 'WTCD-GSAL-RGHJ-QJYS' })).status).toBe(404);
  });
});
