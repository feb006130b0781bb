import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterKind } from '@parc/shared/meters/counters';
import { deviceAlerts, deviceSupplies, readings, supplyReplacements } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { monthlyStatistics, snmpColumns } from './devices.console.ts';

describe('devices console API', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  let acme: Json;
  let beta: Json;
  let hq: Json;
  let colour: Json;
  let mono: Json;
  let idle: Json;
  const now = new Date('2026-11-20T08:00:00Z');

  async function addReading(device: Json, kind: CounterKind, value: number, takenAt: string, extra: { source?: 'link' | 'agent'; status?: 'entered' | 'to_check' | 'refused' } = {}) {
    const counter = device.counters.find((c: Json) => c.kind === kind);
    await t.database.db.insert(readings).values({
      partnerId,
      deviceId: device.id,
      counterId: counter.id,
      value,
      takenAt: new Date(takenAt),
      source: extra.source ?? 'link',
      status: extra.status ?? 'entered',
      enteredBy: 'test',
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(now);
    partnerId = (await t.createPartner()).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
    acme = (await admin.request('POST', '/customers', customerInput({ name: 'Acme SA', prefix: 'ACME' }))).body;
    beta = (await admin.request('POST', '/customers', customerInput({ name: 'Beta Sàrl', prefix: 'BETA' }))).body;
    hq = (await admin.request('POST', `/customers/${acme.id}/sites`, { name: 'Lausanne HQ' })).body;
    colour = (await admin.request('POST', '/devices', deviceInput(acme.id, { model: 'IM C3000', manufacturer: 'Ricoh', colourCapable: true, siteId: hq.id }))).body;
    mono = (await admin.request('POST', '/devices', deviceInput(acme.id, { model: 'ECOSYS M3145dn', manufacturer: 'Kyocera' }))).body;
    idle = (await admin.request('POST', '/devices', deviceInput(beta.id, { model: 'IM C3000', manufacturer: 'Ricoh' }))).body;
    await addReading(colour, 'total', 1000, '2026-09-30T10:00:00Z');
    await addReading(colour, 'colour', 400, '2026-09-30T10:00:00Z');
    await addReading(colour, 'total', 1600, '2026-10-31T10:00:00Z', { source: 'agent' });
    await addReading(colour, 'colour', 650, '2026-10-31T10:00:00Z', { source: 'agent' });
    await addReading(colour, 'total', 9_999_999, '2026-11-15T10:00:00Z', { status: 'refused' });
    await addReading(mono, 'total', 420, '2026-11-05T10:00:00Z');
    // An unverified value is nobody's current counter until the dealer accepts it.
    await addReading(mono, 'total', 99_999_999, '2026-11-10T10:00:00Z', { status: 'to_check' });
    await t.database.db.insert(deviceSupplies).values([
      { partnerId, deviceId: colour.id, supplyIndex: '1', description: 'Black toner', type: 'toner', colour: 'black', percent: 12.4, state: 'measured', readAt: now },
      { partnerId, deviceId: colour.id, supplyIndex: '2', description: 'Cyan toner', type: 'toner', colour: 'cyan', percent: 80, state: 'measured', readAt: now },
    ]);
    await t.database.db.insert(deviceAlerts).values([
      { partnerId, deviceId: colour.id, key: 'a', severity: 'other', group: 'g', code: '1', description: 'Energy saver', openedAt: now, lastSeenAt: now },
      { partnerId, deviceId: colour.id, key: 'b', severity: 'critical', group: 'g', code: '2', description: 'Paper jam', openedAt: now, lastSeenAt: now },
    ]);
  });
  afterAll(() => t.close());

  const list = async (query = '') => admin.request('GET', `/console/devices${query}`);

  it('lists each device with customer, site, latest kept counters, connection, worst alert and supply levels', async () => {
    const response = await list('?sort=deviceCode');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(3);
    const row = response.body.items.find((item: Json) => item.id === colour.id);
    expect(row).toMatchObject({
      deviceCode: 'ACME-1',
      customerName: 'Acme SA',
      siteName: 'Lausanne HQ',
      connection: 'agent',
      state: 'alert',
      counters: { total: 1600, colour: 650, mono: null },
      alert: { severity: 'critical', message: 'Paper jam' },
      lastReadingAt: '2026-10-31T10:00:00.000Z',
    });
    expect(row.supplies).toEqual([
      expect.objectContaining({ name: 'Black toner', colour: 'black', level: 12 }),
      expect.objectContaining({ name: 'Cyan toner', level: 80 }),
    ]);
    expect(response.body.items.find((item: Json) => item.id === mono.id)).toMatchObject({
      connection: 'manual',
      state: 'ok',
      alert: null,
      supplies: [],
      counters: { total: 420 },
      lastReadingAt: '2026-11-05T10:00:00.000Z',
    });
    expect(response.body.items.find((item: Json) => item.id === idle.id)).toMatchObject({ state: 'stale', lastReadingAt: null });
  });

  it.each([
    ['?search=acme', ['ACME-1', 'ACME-2']],
    ['?search=lausanne', ['ACME-1']],
    // Case and accents do not matter: "sarl" finds "Beta Sàrl", "LAUSÀNNE" the Lausanne site.
    ['?search=sarl', ['BETA-1']],
    ['?search=LAUS%C3%80NNE', ['ACME-1']],
    ['?model=c3000', ['ACME-1', 'BETA-1']],
    ['?model=ricoh&state=stale', ['BETA-1']],
    ['?connection=manual', ['ACME-2', 'BETA-1']],
    ['?state=ok', ['ACME-2']],
  ])('filters %s', async (query, codes) => {
    const response = await list(query);
    expect(response.body.items.map((item: Json) => item.deviceCode).sort()).toEqual(codes);
    expect(response.body.total).toBe(codes.length);
  });

  it('combines customer and site filters, sorts and pages with the full total', async () => {
    expect((await list(`?customerId=${acme.id}&siteId=${hq.id}`)).body.items.map((item: Json) => item.deviceCode)).toEqual(['ACME-1']);
    const sorted = await list('?sort=total&order=desc&pageSize=2');
    expect(sorted.body.items.map((item: Json) => item.deviceCode)).toEqual(['ACME-1', 'ACME-2']);
    expect(sorted.body.total).toBe(3);
    const second = await list('?sort=total&order=desc&pageSize=2&page=2');
    expect(second.body.items.map((item: Json) => item.deviceCode)).toEqual(['BETA-1']);
    const beyond = await list('?pageSize=2&page=5');
    expect(beyond.body).toMatchObject({ items: [], total: 3 });
  });

  it('finds devices by a custom parameter value, case-blind', async () => {
    const floor = (await admin.request('POST', '/parameters', { name: 'Floor', kind: 'text', appliesTo: 'device' })).body;
    await admin.request('PUT', `/devices/${mono.id}/parameters`, { values: [{ parameterId: floor.id, value: '3rd' }] });
    const found = await list(`?param=${floor.id}:3RD`);
    expect(found.body.items.map((item: Json) => item.deviceCode)).toEqual(['ACME-2']);
    expect((await list(`?param=${floor.id}:4th`)).body.total).toBe(0);
  });

  it('keeps coordinators to their customers and other partners out', async () => {
    const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [beta.id] });
    expect((await coordinator.request('GET', '/console/devices')).status).toBe(403);
    const other = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    expect((await other.request('GET', '/console/devices')).body.total).toBe(0);
    expect((await other.request('GET', `/devices/${colour.id}/console`)).status).toBe(404);
    expect((await other.request('PATCH', `/devices/${colour.id}/settings`, { includedInReports: false })).status).toBe(404);
    expect((await other.request('GET', `/devices/${colour.id}/events`)).status).toBe(404);
  });

  it('gives the device page: counters with latest kept reading, history with source and status, statistics, supplies and alerts', async () => {
    const page = await admin.request('GET', `/devices/${colour.id}/console`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ customerName: 'Acme SA', siteName: 'Lausanne HQ', connection: 'agent', state: 'alert' });
    expect(page.body.counters.find((c: Json) => c.kind === 'total').latest).toMatchObject({ value: 1600, source: 'agent' });
    expect(page.body.history.map((r: Json) => [r.counterKind, r.value, r.source, r.status])).toEqual([
      ['total', 1000, 'link', 'entered'],
      ['colour', 400, 'link', 'entered'],
      ['total', 1600, 'agent', 'entered'],
      ['colour', 650, 'agent', 'entered'],
      ['total', 9_999_999, 'link', 'refused'],
    ]);
    expect(page.body.statistics).toEqual([{ month: '2026-10', mono: 350, colour: 250, large: 0, total: 600 }]);
    expect(page.body.alerts.map((a: Json) => a.message)).toEqual(['Paper jam', 'Energy saver']);
    expect(page.body.supplies).toHaveLength(2);
    expect(page.body.settings).toEqual({ siteId: hq.id, coordinatorId: null, active: true, includedInReports: true, snmp: null });
  });

  it('changes settings, never returns SNMP secrets, keeps a secret left out, and logs events', async () => {
    const v3 = { version: 'v3', username: 'parc', securityLevel: 'authPriv', authProtocol: 'sha256', authKey: 'auth-secret-1', privProtocol: 'aes', privKey: 'priv-secret-1' };
    const saved = await admin.request('PATCH', `/devices/${mono.id}/settings`, { includedInReports: false, snmp: v3, siteId: hq.id });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ includedInReports: false, siteId: hq.id, snmp: { version: 'v3', username: 'parc', authKeySet: true, privKeySet: true, communitySet: false } });
    expect(JSON.stringify(saved.body)).not.toContain('secret');
    const renamed = await admin.request('PATCH', `/devices/${mono.id}/settings`, { snmp: { ...v3, username: 'parc2', authKey: undefined, privKey: undefined } });
    expect(renamed.body.snmp).toMatchObject({ username: 'parc2', authKeySet: true, privKeySet: true });
    expect(JSON.stringify((await admin.request('GET', `/devices/${mono.id}/console`)).body)).not.toContain('secret');
    expect((await admin.request('PATCH', `/devices/${mono.id}/settings`, { snmp: { version: 'v2c' } })).body).toMatchObject({ code: 'bad_request', field: 'snmp.community' });
    expect((await admin.request('PATCH', `/devices/${mono.id}/settings`, { active: false })).body.active).toBe(false);
    const other = (await admin.request('POST', `/customers/${beta.id}/sites`, { name: 'Elsewhere' })).body;
    expect((await admin.request('PATCH', `/devices/${mono.id}/settings`, { siteId: other.id })).body).toMatchObject({ code: 'bad_request', field: 'siteId' });

    const events = (await admin.request('GET', `/devices/${mono.id}/events`)).body.items.map((e: Json) => e.kind);
    expect(events).toEqual(expect.arrayContaining(['added', 'deactivated', 'settings_changed', 'reading_flagged']));
    expect((await list('?state=inactive')).body.items.map((item: Json) => item.deviceCode)).toEqual(['ACME-2']);
  });

  it('derives errors and supply installations from the agent tables and the replacements', async () => {
    const at = new Date('2026-11-02T00:00:00Z');
    await t.database.db.insert(supplyReplacements).values({ partnerId, deviceId: colour.id, supplyIndex: '1', supplyType: 'toner', colour: 'black', detectedBy: 'level', replacedAt: at, createdAt: at });
    const events = (await admin.request('GET', `/devices/${colour.id}/events`)).body.items;
    expect(events.filter((e: Json) => e.kind === 'supply_installed')).toEqual([expect.objectContaining({ detail: 'Black toner', at: '2026-11-02T00:00:00.000Z' })]);
    expect(events.filter((e: Json) => e.kind === 'error').map((e: Json) => e.detail).sort()).toEqual(['Energy saver', 'Paper jam']);
    expect(events.find((e: Json) => e.kind === 'reading_refused')).toMatchObject({ detail: 'total: 9999999' });
  });

  it('refuses staff whose profile has no device access, lets view-only staff read but not change', async () => {
    const none = (await admin.request('POST', '/profiles', { name: 'No devices', permissions: { dashboard: 'view', customers: 'view', devices: 'none', readings: 'none', billing: 'none', agents: 'none', users: 'none', settings: 'none' } })).body;
    const viewer = (await admin.request('POST', '/profiles', { name: 'Device viewer', permissions: { dashboard: 'view', customers: 'view', devices: 'view', readings: 'none', billing: 'none', agents: 'none', users: 'none', settings: 'none' } })).body;
    const blocked = await signedIn(t, partnerId, 'partner_staff');
    const reader = await signedIn(t, partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${blocked.userId}/profile`, { profileId: none.id });
    await admin.request('PUT', `/users/${reader.userId}/profile`, { profileId: viewer.id });
    expect((await blocked.request('GET', '/console/devices')).status).toBe(403);
    expect((await reader.request('GET', '/console/devices')).status).toBe(200);
    expect((await reader.request('PATCH', `/devices/${colour.id}/settings`, { includedInReports: false })).status).toBe(403);
  });
});

describe('device statistics and SNMP columns', () => {
  const reading = (counterKind: CounterKind, value: number, takenAt: string) => ({ id: '', counterKind, value, takenAt, source: 'link' as const, status: 'entered' as const, enteredBy: '' });
  it.each([
    ['mono counter used as is', [reading('mono', 0, '2026-01-05T00:00:00Z'), reading('mono', 100, '2026-02-05T00:00:00Z')], [{ month: '2026-02', mono: 100, colour: 0, large: 0, total: 100 }]],
    [
      'mono = total − colour without a mono counter',
      [reading('total', 0, '2026-01-05T00:00:00Z'), reading('colour', 0, '2026-01-05T00:00:00Z'), reading('total', 300, '2026-02-05T00:00:00Z'), reading('colour', 120, '2026-02-05T00:00:00Z')],
      [{ month: '2026-02', mono: 180, colour: 120, large: 0, total: 300 }],
    ],
    ['large format counted apart', [reading('large', 10, '2026-01-05T00:00:00Z'), reading('large', 25, '2026-03-05T00:00:00Z')], [{ month: '2026-03', mono: 0, colour: 0, large: 15, total: 0 }]],
    [
      'values still to check are left out',
      [reading('total', 1_000, '2026-01-05T00:00:00Z'), { ...reading('total', 99_999_999, '2026-02-05T00:00:00Z'), status: 'to_check' as const }, reading('total', 1_400, '2026-03-05T00:00:00Z')],
      [{ month: '2026-03', mono: 400, colour: 0, large: 0, total: 400 }],
    ],
  ])('%s', (_name, history, expected) => {
    expect(monthlyStatistics(history, [], 'Europe/Zurich')).toEqual(expected);
  });

  it('continues across a declared board replacement', () => {
    // 1,000 in January, 1,300 when the board was swapped on 20 February, the new board at 0, 500 on 5 March.
    const history = [
      reading('total', 1_000, '2026-01-05T00:00:00Z'),
      reading('total', 1_300, '2026-02-20T09:59:59.999Z'),
      reading('total', 0, '2026-02-20T10:00:00Z'),
      reading('total', 500, '2026-03-05T00:00:00Z'),
    ];
    const resets = [{ counterKind: 'total' as const, at: new Date('2026-02-20T10:00:00Z'), finalValue: 1_300, startValue: 0 }];
    expect(monthlyStatistics(history, resets, 'Europe/Zurich')).toEqual([
      { month: '2026-02', mono: 300, colour: 0, large: 0, total: 300 },
      { month: '2026-03', mono: 500, colour: 0, large: 0, total: 500 },
    ]);
  });

  const none = { snmpVersion: null, snmpCommunity: null, snmpUsername: null, snmpSecurityLevel: null, snmpAuthProtocol: null, snmpAuthKey: null, snmpPrivProtocol: null, snmpPrivKey: null };
  it.each([
    ['v2c with community', { version: 'v2c', community: 'public' } as const, none, { snmpVersion: 'v2c', snmpCommunity: 'public' }],
    ['v1 keeps the stored community', { version: 'v1' } as const, { ...none, snmpVersion: 'v2c', snmpCommunity: 'kept' } as const, { snmpVersion: 'v1', snmpCommunity: 'kept' }],
    ['v3 noAuthNoPriv stores no keys', { version: 'v3', username: 'u', securityLevel: 'noAuthNoPriv', authKey: 'ignored-key' } as const, none, { snmpVersion: 'v3', snmpAuthKey: null, snmpPrivKey: null }],
  ])('%s', (_name, input, stored, expected) => {
    expect(snmpColumns(input, stored)).toMatchObject(expected);
  });

  it('refuses v3 authPriv without a privacy key', () => {
    expect(() => snmpColumns({ version: 'v3', username: 'u', securityLevel: 'authPriv', authProtocol: 'sha', authKey: '12345678' }, none)).toThrow(/privacy/);
  });
});
