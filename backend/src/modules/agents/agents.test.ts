import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_LIMITS, type AgentSample, type DiscoveryReport } from '@parc/shared/contracts/agents';
import { READING_LIMITS, type PrinterReading } from '@parc/shared/agents/reading';
import { deviceAlerts, deviceSupplies } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { reportDiscovery } from './agent-protocol.service.ts';
import { ENROLL_LIMIT } from './agents.routes.ts';
import { agentRequest, enrollAgent, newKeyPair, type TestAgent } from './test-agent.ts';

function reading(overrides: Partial<PrinterReading> = {}): PrinterReading {
  return {
    vendor: 'kyocera',
    manufacturer: 'Kyocera',
    model: 'TASKalfa 2553ci',
    serial: 'SERIAL-1',
    firmware: '2V4_S000.002.191',
    mac: '00-17-c8-11-22-33',
    sysObjectId: '1.3.6.1.4.1.1347.41',
    sysDescr: 'KYOCERA Document Solutions Printing System',
    counters: { total: 1000, mono: 600, colour: 400, scan: 50, large: null },
    supplies: [
      { index: '1.1', description: 'Black toner', type: 'toner', colour: 'black', level: 40, max: 100, percent: 40, state: 'measured', source: 'printer_mib' },
      { index: '1.2', description: 'Cyan toner', type: 'toner', colour: 'cyan', level: -3, max: 100, percent: null, state: 'some_remaining', source: 'printer_mib' },
    ],
    status: { printer: 'idle', errors: ['lowToner'] },
    alerts: [{ severity: 'critical', group: 'cover', code: 'coverOpen', description: 'Front cover open' }],
    warnings: [],
    ...overrides,
  };
}

const sample = (read: Partial<PrinterReading>, overrides: Partial<AgentSample> = {}): AgentSample => ({
  sampleId: randomUUID(),
  takenAt: '2026-11-20T07:55:00.000Z',
  ip: '192.168.1.20',
  reading: reading(read),
  ...overrides,
});

describe('agents', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  const now = new Date('2026-11-20T08:00:00Z');
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

  beforeAll(async () => {
    t = await createTestApp();
    partnerId = (await t.createPartner()).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
  });
  afterAll(() => t.close());
  afterEach(() => t.setNow(now));

  const request = (method: string, path: string, body: unknown, headers: Record<string, string>, ip?: string) => agentRequest(t, method, path, body, headers, ip);

  async function newCustomer(prefix?: string): Promise<Json> {
    return (await admin.request('POST', '/customers', customerInput(prefix ? { prefix } : {}))).body;
  }

  async function newAgent(customerId: string): Promise<Json> {
    const created = await admin.request('POST', `/customers/${customerId}/agents`, { name: 'Office network' });
    expect(created.status).toBe(201);
    return created.body;
  }

  const enroll = (key: string, ip?: string) => enrollAgent(t, key, ip);

  describe('enrollment and revocation', () => {
    it('enrolls with the key, marks it used, refuses it again until the credential is revoked', async () => {
      const customer = await newCustomer();
      const created = await newAgent(customer.id);
      expect(created.key).toMatch(/^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$/);
      expect(created).toMatchObject({ status: 'new', keyInUse: false, schedules: { inspectionMinutes: 240, alertsMinutes: 15, scanMinutes: 1440 } });

      const first = await enroll(created.key.toLowerCase());
      expect(first.agentId).toBe(created.id);
      const after = (await admin.request('GET', `/agents/${created.id}`)).body;
      expect(after).toMatchObject({ status: 'connected', keyInUse: true, hostname: 'pc-accueil', version: '1.0.0', lastIp: '10.0.0.5' });

      const { publicJwk } = await newKeyPair();
      const reuse = await request('POST', '/agent/enroll', { key: created.key, publicKey: publicJwk, hostname: 'other', platform: 'linux', version: '1.0.0' }, {});
      expect(reuse.status).toBe(409);
      expect(reuse.body).toMatchObject({ code: 'conflict', field: 'key' });

      expect((await first.call('GET', '/agent/config')).status).toBe(200);
      const revoked = await admin.request('POST', `/agents/${created.id}/revoke`);
      expect(revoked.body).toMatchObject({ status: 'new', keyInUse: false, key: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$/) });
      expect(revoked.body.key).not.toBe(created.key);
      const refused = await first.call('GET', '/agent/config');
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'agent_revoked', reason: 'agent_revoked' });
      const oldKey = await request('POST', '/agent/enroll', { key: created.key, publicKey: (await newKeyPair()).publicJwk, hostname: 'old-pc', platform: 'linux', version: '1.0.0' }, {});
      expect(oldKey).toMatchObject({ status: 404, body: { key: 'agent.key_unknown' } });

      const second = await enroll(revoked.body.key, '10.0.0.9');
      expect(second.agentId).toBe(created.id);
      expect((await second.call('GET', '/agent/config', undefined, { ip: '10.0.0.9' })).status).toBe(200);
      expect((await first.call('GET', '/agent/config')).body.code).toBe('agent_revoked');
    });

    it('limits enrollment attempts per address, without slowing other addresses', async () => {
      const attempt = async (ip: string) =>
        request('POST', '/agent/enroll', { key: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', publicKey: (await newKeyPair()).publicJwk, hostname: 'x', platform: 'linux', version: '1.0.0' }, {}, ip);
      for (let count = 0; count < ENROLL_LIMIT.limit; count++) expect((await attempt('10.66.0.1')).status).toBe(404);
      expect(await attempt('10.66.0.1')).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
      expect((await attempt('10.66.0.2')).status).toBe(404);
    });

    it.each([
      ['a malformed key', { key: 'ABCD-EFGH-1234-MNOP' }, 400, 'key'],
      ['a public key that is not Ed25519', { publicKey: { kty: 'OKP', crv: 'X25519', x: 'x'.repeat(43) } }, 400, 'publicKey.crv'],
      ['an unknown key', { key: 'QQQQ-QQQQ-QQQQ-QQQQ' }, 404, 'key'],
    ])('refuses %s naming the field', async (_name, override, status, field) => {
      const { publicJwk } = await newKeyPair();
      const body = { key: 'WTCD-GSAL-RGHJ-QJYS', publicKey: publicJwk, hostname: 'pc', platform: 'linux', version: '1', ...override };
      const response = await request('POST', '/agent/enroll', body, {});
      expect(response.status).toBe(status);
      expect(response.body.field).toBe(field);
    });
  });

  describe('request tokens', () => {
    let agent: TestAgent;
    beforeAll(async () => {
      agent = await enroll((await newAgent((await newCustomer()).id)).key);
    });

    it.each<[string, () => Promise<string>, string]>([
      ['signed by another key', async () => agent.token({ key: (await newKeyPair()).privateKey }), 'bad_signature'],
      ['expired', () => agent.token({ iat: seconds(now) - 600, exp: seconds(now) - 500 }), 'token_expired'],
      ['living longer than 5 minutes', () => agent.token({ exp: seconds(now) + 3600 }), 'token_too_long'],
      ['with an unknown kid', () => agent.token({ kid: randomUUID() }), 'unknown_credential'],
      ['with a kid that is no uuid', () => agent.token({ kid: 'agent-1' }), 'unknown_credential'],
      ['for another agent', () => agent.token({ sub: randomUUID() }), 'token_claims'],
      ['not a JWT', async () => 'not-a-token', 'malformed_token'],
    ])('refuses a token %s with 401 and the reason', async (_name, makeToken, reason) => {
      const response = await agent.call('GET', '/agent/config', undefined, { token: await makeToken() });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'unauthenticated', reason });
    });

    it('refuses a request without a token, and a replayed one', async () => {
      expect((await request('GET', '/agent/config', undefined, {})).body).toMatchObject({ code: 'unauthenticated', reason: 'missing_token' });
      const token = await agent.token();
      expect((await agent.call('GET', '/agent/config', undefined, { token })).status).toBe(200);
      expect((await agent.call('GET', '/agent/config', undefined, { token })).body).toMatchObject({ code: 'unauthenticated', reason: 'token_replayed' });
    });
  });

  describe('configuration and status', () => {
    it('serves what the partner set, never showing v3 secrets back, and scan-now', async () => {
      const created = await newAgent((await newCustomer()).id);
      const agent = await enroll(created.key);
      const v3 = { version: '3', user: 'parc', authProtocol: 'sha', authKey: 'auth-secret-1', privProtocol: 'aes', privKey: 'priv-secret-1', context: 'jetdirect' };
      const patched = await admin.request('PATCH', `/agents/${created.id}`, {
        schedules: { inspectionMinutes: 120 },
        ranges: ['192.168.1.0/24'],
        credentials: [{ version: '2c', community: 'private' }, v3],
        timeoutMs: 1500,
      });
      expect(patched.status).toBe(200);
      expect(patched.body.credentials[1]).toMatchObject({ authKey: 'set', privKey: 'set' });
      expect(JSON.stringify(patched.body)).not.toContain('secret');

      expect((await admin.request('PATCH', `/agents/${created.id}`, { ranges: ['10.0.0.0/8'] })).body).toMatchObject({ code: 'bad_request', field: 'ranges.0' });
      // Sent back as the console shows it (no keys): the stored keys stay.
      await admin.request('PATCH', `/agents/${created.id}`, { credentials: [{ ...v3, authKey: undefined, privKey: undefined }] });

      t.setNow(new Date(now.getTime() + 60_000));
      expect((await admin.request('POST', `/agents/${created.id}/scan`)).status).toBe(200);
      const config = await agent.call('GET', '/agent/config');
      expect(config.body).toMatchObject({
        agentId: created.id,
        schedules: { inspectionMinutes: 120, alertsMinutes: 15, scanMinutes: 1440 },
        ranges: ['192.168.1.0/24'],
        credentials: [v3],
        timeoutMs: 1500,
        scanRequestedAt: '2026-11-20T08:01:00.000Z',
      });
    });

    it('turns Disconnected after twice the alerts interval (30 min at least) without contact', async () => {
      const created = await newAgent((await newCustomer()).id);
      await enroll(created.key);
      const statusAt = async (minutes: number) => {
        t.setNow(new Date(now.getTime() + minutes * 60_000));
        return (await admin.request('GET', `/agents/${created.id}`)).body.status;
      };
      expect(await statusAt(29)).toBe('connected');
      expect(await statusAt(31)).toBe('disconnected');
      await admin.request('PATCH', `/agents/${created.id}`, { schedules: { alertsMinutes: 60 } });
      expect(await statusAt(119)).toBe('connected');
    });

    it('is Ambiguous when one credential is used from two places at once', async () => {
      const created = await newAgent((await newCustomer()).id);
      const agent = await enroll(created.key, '10.0.0.5');
      t.setNow(new Date(now.getTime() + 60_000));
      await agent.call('GET', '/agent/config', undefined, { ip: '10.0.0.77' });
      t.setNow(new Date(now.getTime() + 120_000));
      await agent.call('GET', '/agent/config', undefined, { ip: '10.0.0.5' });
      expect((await admin.request('GET', `/agents/${created.id}`)).body.status).toBe('ambiguous');
    });
  });

  describe('samples', () => {
    let customer: Json;
    let agent: TestAgent;
    beforeAll(async () => {
      customer = await newCustomer('SMP');
      agent = await enroll((await newAgent(customer.id)).key);
    });

    const readingsOf = async (deviceId: string) => (await admin.request('GET', `/devices/${deviceId}/readings?pageSize=100`)).body.items as Json[];

    it('records total, mono and colour of a known device once, however often the batch is sent', async () => {
      const device = (await admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'KNOWN-1', colourCapable: true, location: '2nd floor' }))).body;
      const batch = [sample({ serial: 'known-1 ' })];
      const first = await agent.call('POST', '/agent/samples', { samples: batch });
      expect(first.body.results).toEqual([{ sampleId: batch[0]!.sampleId, status: 'accepted' }]);
      const again = await agent.call('POST', '/agent/samples', { samples: batch });
      expect(again.body.results).toEqual([{ sampleId: batch[0]!.sampleId, status: 'duplicate' }]);

      const readings = await readingsOf(device.id);
      expect(readings).toHaveLength(3);
      const byCounter = Object.fromEntries(readings.map((row) => [device.counters.find((c: Json) => c.id === row.counterId).kind, row]));
      expect(byCounter).toMatchObject({ total: { value: 1000, source: 'agent' }, mono: { value: 600 }, colour: { value: 400 } });
      const changed = (await admin.request('GET', `/devices/${device.id}`)).body;
      expect(changed).toMatchObject({ ip: '192.168.1.20', mac: '00:17:C8:11:22:33', location: '2nd floor' });
    });

    it('refuses a counter that went back a little and says so, keeping the others', async () => {
      const device = (await admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'BACK-1' }))).body;
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'BACK-1', counters: { total: 5000, mono: 5000 } })] });
      const later = sample({ serial: 'BACK-1', counters: { total: 4_900, mono: 5100 } }, { takenAt: '2026-11-20T07:58:00.000Z' });
      const result = (await agent.call('POST', '/agent/samples', { samples: [later] })).body.results[0];
      expect(result).toMatchObject({ status: 'accepted' });
      expect(result.message).toContain('total 4900 refused: below_last (last reading 5000)');
      const values = (await readingsOf(device.id)).map((row) => row.value).sort((a, b) => a - b);
      expect(values).toEqual([5000, 5000, 5100]);
    });

    it('refuses, through the one policy, a backdated counter above a later reading and a sample from the future', async () => {
      const device = (await admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'TIME-1' }))).body;
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'TIME-1', counters: { total: 5000, mono: 5000 } })] });
      // A journal replayed late: a sample taken before the one above, with a higher total.
      const backdated = sample({ serial: 'TIME-1', counters: { total: 5_200, mono: 4_000 } }, { takenAt: '2026-11-19T07:00:00.000Z' });
      const result = (await agent.call('POST', '/agent/samples', { samples: [backdated] })).body.results[0];
      expect(result.message).toContain('total 5200 refused: above_next');
      const future = sample({ serial: 'TIME-1', counters: { total: 5_300, mono: 5_300 } }, { takenAt: '2026-11-21T08:00:00.000Z' });
      expect((await agent.call('POST', '/agent/samples', { samples: [future] })).body.results[0]).toMatchObject({ status: 'rejected' });
      const stored = await readingsOf(device.id);
      expect(stored.map((row) => [row.counterKind, row.value]).sort()).toEqual([['mono', 4_000], ['mono', 5_000], ['total', 5_000]]);
      expect(stored.every((row) => row.source === 'agent' && row.reason !== null)).toBe(true);
    });

    it('flags a large drop as a suspected reset for the dealer, not the current counter', async () => {
      const device = (await admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'BACK-2' }))).body;
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'BACK-2', counters: { total: 5000 } })] });
      const later = sample({ serial: 'BACK-2', counters: { total: 120 } }, { takenAt: '2026-11-20T07:58:00.000Z' });
      const result = (await agent.call('POST', '/agent/samples', { samples: [later] })).body.results[0];
      expect(result.message).toContain('total 120 flagged to check: suspected_reset');
      const stored = await readingsOf(device.id);
      expect(stored.map((row) => [row.value, row.status]).sort()).toEqual([[120, 'to_check'], [5000, 'entered']]);
      const console = (await admin.request('GET', `/devices/${device.id}/console`)).body;
      expect(console.counters.find((counter: Json) => counter.kind === 'total').latest.value).toBe(5000);
    });

    it('stores supplies and opens alerts, then clears the alerts that are gone', async () => {
      const device = (await admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'SUP-1' }))).body;
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'SUP-1' })] });
      const supplies = await t.database.db.select().from(deviceSupplies).where(eq(deviceSupplies.deviceId, device.id)).orderBy(deviceSupplies.supplyIndex);
      expect(supplies.map((row) => [row.supplyIndex, row.level, row.percent, row.state])).toEqual([
        ['1.1', 40, 40, 'measured'],
        ['1.2', -3, null, 'some_remaining'],
      ]);
      const openKeys = async () =>
        (await t.database.db.select().from(deviceAlerts).where(eq(deviceAlerts.deviceId, device.id)))
          .filter((row) => row.clearedAt === null)
          .map((row) => row.key)
          .sort();
      expect(await openKeys()).toEqual(['alert:cover:coverOpen', 'status:lowToner']);
      await agent.call('POST', '/agent/samples', {
        samples: [sample({ serial: 'SUP-1', alerts: [], status: { printer: 'idle', errors: ['lowToner'] } }, { takenAt: '2026-11-20T07:59:00.000Z' })],
      });
      expect(await openKeys()).toEqual(['status:lowToner']);
    });

    it('rejects a sample without serial and one from the future', async () => {
      const results = (
        await agent.call('POST', '/agent/samples', { samples: [sample({ serial: null }), sample({ serial: 'X' }, { takenAt: '2026-11-21T08:00:00.000Z' })] })
      ).body.results;
      expect(results.map((r: Json) => r.status)).toEqual(['rejected', 'rejected']);
    });

    it('puts an unknown serial in devices to add; assigning it gives PREFIX-n and the readings', async () => {
      const before = (await admin.request('POST', '/devices', deviceInput(customer.id))).body.deviceNumber;
      const result = (await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'NEW-77' })] })).body.results[0];
      expect(result.status).toBe('pending_device');
      const pending = (await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items;
      const entry = pending.find((row: Json) => row.serial === 'NEW-77');
      expect(entry).toMatchObject({ manufacturer: 'Kyocera', model: 'TASKalfa 2553ci', ip: '192.168.1.20', mac: '00:17:C8:11:22:33', otherCustomerDevice: null });

      const assigned = await admin.request('POST', `/devices/pending/${entry.id}/assign`, { location: 'Reception' });
      expect(assigned.status).toBe(201);
      expect(assigned.body).toMatchObject({ deviceCode: `SMP-${before + 1}`, serial: 'NEW-77', colourCapable: true, location: 'Reception' });
      expect((await readingsOf(assigned.body.id)).map((row) => row.value).sort((a, b) => a - b)).toEqual([400, 600, 1000]);
      expect((await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items.some((row: Json) => row.serial === 'NEW-77')).toBe(false);
      expect((await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'NEW-77' }, { takenAt: '2026-11-20T07:59:00.000Z' })] })).body.results[0].status).toBe('accepted');
    });

    it("never names another customer's device to the agent, and never moves or deactivates it", async () => {
      const other = await newCustomer();
      const theirs = (await admin.request('POST', '/devices', deviceInput(other.id, { serial: 'MOVED-1' }))).body;
      const secrets = [theirs.id, theirs.deviceCode, other.id];
      const unknown = (await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'NOBODY-1' })] })).body.results[0];
      const reported = (await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'moved-1' })] })).body.results[0];
      // The same answer as for a serial nobody has: nothing to probe.
      expect(reported).toEqual({ ...unknown, sampleId: reported.sampleId });
      expect(reported.status).toBe('pending_device');
      for (const secret of secrets) expect(JSON.stringify(reported)).not.toContain(secret);

      // The setting that let an agent deactivate the other customer's device is gone.
      expect(await admin.request('PATCH', '/agent-settings', { otherCustomerPolicy: 'move' })).toMatchObject({
        status: 400,
        body: { code: 'bad_request', key: 'validation.unrecognized_keys', params: { keys: ['otherCustomerPolicy'] } },
      });
      expect((await admin.request('GET', '/agent-settings')).body).not.toHaveProperty('otherCustomerPolicy');
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'MOVED-1' }, { takenAt: '2026-11-20T07:58:00.000Z' })] });
      await agent.call('POST', '/agent/discovery', {
        scanId: randomUUID(),
        startedAt: '2026-11-20T07:00:00.000Z',
        finishedAt: '2026-11-20T07:01:00.000Z',
        progress: { probed: 254, total: 254 },
        found: [{ ip: '192.168.1.41', serial: 'MOVED-1', mac: null, manufacturer: 'Kyocera', model: null }],
        failures: [],
      });
      expect((await admin.request('GET', `/devices/${theirs.id}`)).body).toMatchObject({ active: true, customerId: other.id, deviceCode: theirs.deviceCode });

      // The dealer sees it flagged, with the other customer named.
      const entry = (await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items.find((row: Json) => row.serial === 'MOVED-1');
      expect(entry.otherCustomerDevice).toEqual({ id: theirs.id, customerId: other.id, customerName: other.name, deviceCode: theirs.deviceCode });
      expect((await admin.request('POST', `/devices/pending/${entry.id}/assign`, {})).body).toMatchObject({ code: 'conflict', field: 'serial' });
    });
    it('clears the location when the IP changes if the partner turned that option off', async () => {
      const device = (await admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'IP-1', location: 'Room 12', ip: '192.168.1.5' }))).body;
      await admin.request('PATCH', '/agent-settings', { keepLocationOnIpChange: false });
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'IP-1' }, { ip: '192.168.1.99' })] });
      expect((await admin.request('GET', `/devices/${device.id}`)).body).toMatchObject({ ip: '192.168.1.99', location: null });
      await admin.request('PATCH', '/agent-settings', { keepLocationOnIpChange: true });
    });

    it('ignores a device to add on DELETE', async () => {
      await agent.call('POST', '/agent/discovery', {
        scanId: randomUUID(),
        startedAt: '2026-11-20T07:00:00.000Z',
        finishedAt: '2026-11-20T07:01:00.000Z',
        progress: { probed: 254, total: 254 },
        found: [{ ip: '192.168.1.40', serial: 'IGN-1', mac: null, manufacturer: 'HP', model: 'LaserJet M404' }],
        failures: [],
      });
      const entry = (await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items.find((row: Json) => row.serial === 'IGN-1');
      expect(entry).toMatchObject({ manufacturer: 'HP', latestCounters: null });
      expect((await admin.request('DELETE', `/devices/pending/${entry.id}`)).status).toBe(204);
      expect((await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items.some((row: Json) => row.serial === 'IGN-1')).toBe(false);
    });

    it('deletes several devices to add in one request: all of them, or none when one is not waiting', async () => {
      const serials = ['BULK-1', 'BULK-2', 'BULK-3'];
      await agent.call('POST', '/agent/discovery', {
        scanId: randomUUID(),
        startedAt: '2026-11-20T07:00:00.000Z',
        finishedAt: '2026-11-20T07:01:00.000Z',
        progress: { probed: 254, total: 254 },
        found: serials.map((serial, at) => ({ ip: `192.168.1.${50 + at}`, serial, mac: null, manufacturer: 'HP', model: null })),
        failures: [],
      });
      const waitingIds = async () =>
        new Map<string, string>((await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items.filter((row: Json) => serials.includes(row.serial)).map((row: Json) => [row.serial, row.id]));
      const ids = await waitingIds();
      expect([...ids.keys()].sort()).toEqual(serials);
      await admin.request('DELETE', `/devices/pending/${ids.get('BULK-3')}`);

      // One of them is gone already: nothing is deleted.
      const refused = await admin.request('POST', '/devices/pending/delete', { ids: [...ids.values()] });
      expect(refused).toMatchObject({ status: 404, body: { key: 'pending_device.not_found' } });
      expect([...(await waitingIds()).keys()].sort()).toEqual(['BULK-1', 'BULK-2']);

      const deleted = await admin.request('POST', '/devices/pending/delete', { ids: [ids.get('BULK-1'), ids.get('BULK-2'), ids.get('BULK-1')] });
      expect(deleted).toMatchObject({ status: 200, body: { deleted: 2 } });
      expect((await waitingIds()).size).toBe(0);

      expect((await admin.request('POST', '/devices/pending/delete', { ids: [] })).body).toMatchObject({ code: 'bad_request', field: 'ids' });
      const tooMany = Array.from({ length: 1_001 }, () => randomUUID());
      expect((await admin.request('POST', '/devices/pending/delete', { ids: tooMany })).body).toMatchObject({ code: 'bad_request', key: 'validation.too_big', field: 'ids' });
      const technician = await signedIn(t, partnerId, 'technician');
      expect((await technician.request('POST', '/devices/pending/delete', { ids: [randomUUID()] })).status).toBe(403);
    });
  });

  describe('discovery', () => {
    it('keeps the newest progress of a scan, with the reason of every failure', async () => {
      const created = await newAgent((await newCustomer()).id);
      const agent = await enroll(created.key);
      const scanId = randomUUID();
      const report = (probed: number, finishedAt: string | null, failures: Json[]) => ({
        scanId,
        startedAt: '2026-11-20T07:00:00.000Z',
        finishedAt,
        progress: { probed, total: 254 },
        found: [],
        failures,
      });
      const timeout = { ip: '192.168.1.7', reason: 'timeout', message: 'no answer in 1000 ms' };
      const community = { ip: '192.168.1.8', reason: 'wrong_community', message: 'tried public, private' };
      expect((await agent.call('POST', '/agent/discovery', report(100, null, [timeout]))).status).toBe(204);
      await agent.call('POST', '/agent/discovery', report(254, '2026-11-20T07:02:00.000Z', [timeout, community]));
      await agent.call('POST', '/agent/discovery', report(50, null, []));
      const runs = (await admin.request('GET', `/agents/${created.id}/discovery`)).body.items;
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ scanId, progress: { probed: 254, total: 254 }, failures: [timeout, community] });
      expect((await agent.call('POST', '/agent/discovery', { ...report(1, null, []), failures: [{ ip: 'x', reason: 'bad', message: '' }] })).body.field).toBe(
        'failures.0.reason',
      );
    });
  });

  describe('bounded lists, pages and chunks', () => {
    let customer: Json;
    let created: Json;
    let agent: TestAgent;
    beforeAll(async () => {
      customer = await newCustomer('BIG');
      created = await newAgent(customer.id);
      agent = await enroll(created.key);
    });

    const printers = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, n) => ({ ip: `10.1.${n >> 8}.${n & 255}`, serial: `${prefix}-${n}`, mac: null, manufacturer: 'HP', model: 'M404' }));
    const scan = (overrides: Json = {}) => ({
      scanId: randomUUID(),
      startedAt: '2026-11-20T07:00:00.000Z',
      finishedAt: null,
      progress: { probed: 10, total: 254 },
      found: [],
      failures: [],
      ...overrides,
    });

    it.each<[string, () => Json, string, string, number]>([
      ['a discovery page with too many printers', () => scan({ found: printers(AGENT_LIMITS.foundPerPage + 1, 'X') }), '/agent/discovery', 'found', AGENT_LIMITS.foundPerPage],
      [
        'a discovery page with too many failures',
        () => scan({ failures: Array.from({ length: AGENT_LIMITS.failuresPerPage + 1 }, () => ({ ip: '10.0.0.1', reason: 'timeout', message: '' })) }),
        '/agent/discovery',
        'failures',
        AGENT_LIMITS.failuresPerPage,
      ],
      ['a page number beyond the last', () => scan({ page: { index: AGENT_LIMITS.pagesPerScan, last: true } }), '/agent/discovery', 'page.index', AGENT_LIMITS.pagesPerScan - 1],
      ['too many samples', () => ({ samples: Array.from({ length: AGENT_LIMITS.samplesPerBatch + 1 }, () => sample({})) }), '/agent/samples', 'samples', AGENT_LIMITS.samplesPerBatch],
      [
        'a sample with too many supplies',
        () => ({ samples: [sample({ supplies: Array.from({ length: READING_LIMITS.supplies + 1 }, (_, n) => ({ ...reading().supplies[0]!, index: `1.${n}` })) })] }),
        '/agent/samples',
        'samples.0.reading.supplies',
        READING_LIMITS.supplies,
      ],
      [
        'a sample with too many alerts',
        () => ({ samples: [sample({ alerts: Array.from({ length: READING_LIMITS.alerts + 1 }, (_, n) => ({ severity: 'warning', group: 'x', code: `c${n}`, description: '' })) })] }),
        '/agent/samples',
        'samples.0.reading.alerts',
        READING_LIMITS.alerts,
      ],
    ])('refuses %s with a 400 naming the field and the maximum', async (_name, body, path, field, maximum) => {
      const response = await agent.call('POST', path, body());
      expect(response).toMatchObject({ status: 400, body: { code: 'bad_request', key: 'validation.too_big', field, params: { maximum } } });
    });

    it('takes a large discovery in pages: the first starts the snapshot, the next add to it, the last closes the scan', async () => {
      const scanId = randomUUID();
      const page = (index: number, last: boolean, found: Json[], probed = 254) =>
        scan({ scanId, page: { index, last }, found, progress: { probed, total: 254 }, finishedAt: last ? '2026-11-20T07:05:00.000Z' : null });
      const timeout = { ip: '10.1.9.9', reason: 'timeout', message: 'no answer' };
      expect((await agent.call('POST', '/agent/discovery', page(0, false, printers(3, 'PG-A')))).status).toBe(204);
      expect((await agent.call('POST', '/agent/discovery', { ...page(1, false, printers(2, 'PG-B')), failures: [timeout] })).status).toBe(204);
      const running = (await admin.request('GET', `/agents/${created.id}/discovery`)).body.items.find((run: Json) => run.scanId === scanId);
      expect(running).toMatchObject({ finishedAt: null, failures: [timeout] });
      expect(running.found.map((row: Json) => row.serial)).toEqual(['PG-A-0', 'PG-A-1', 'PG-A-2', 'PG-B-0', 'PG-B-1']);
      await agent.call('POST', '/agent/discovery', page(2, true, printers(1, 'PG-C')));
      // A late progress report of the same scan changes nothing once it is closed.
      await agent.call('POST', '/agent/discovery', page(0, true, [], 100));
      const run = (await admin.request('GET', `/agents/${created.id}/discovery`)).body.items.find((row: Json) => row.scanId === scanId);
      expect(run).toMatchObject({ finishedAt: '2026-11-20T07:05:00.000Z', progress: { probed: 254, total: 254 } });
      expect(run.found).toHaveLength(6);
      const pending = (await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items.map((row: Json) => row.serial);
      expect(pending).toEqual(expect.arrayContaining(['PG-A-0', 'PG-A-1', 'PG-A-2', 'PG-B-0', 'PG-B-1', 'PG-C-0']));
    });

    it('handles a large discovery in short transactions: a console request sent after it started is answered before it ends', async () => {
      const identity = { agentId: created.id, credentialId: agent.credentialId, partnerId, customerId: customer.id };
      const report = scan({ found: printers(AGENT_LIMITS.foundPerPage, 'CHUNK'), finishedAt: '2026-11-20T07:05:00.000Z', progress: { probed: 254, total: 254 } }) as DiscoveryReport;
      const finished: string[] = [];
      const ingest = reportDiscovery(t.deps, identity, report).then(() => finished.push('ingest'));
      const console = admin.request('GET', `/agents/${created.id}`).then((response) => {
        finished.push('console');
        return response;
      });
      const [answer] = await Promise.all([console, ingest]);
      expect(answer.status).toBe(200);
      expect(finished).toEqual(['console', 'ingest']);
      const pending = (await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items;
      expect(pending.filter((row: Json) => row.serial.startsWith('CHUNK-'))).toHaveLength(AGENT_LIMITS.foundPerPage);
    });
  });

  describe('a printer reported at another customer: the dealer decides', () => {
    let here: Json;
    let there: Json;
    let agent: TestAgent;
    beforeAll(async () => {
      here = await newCustomer('HERE');
      there = await newCustomer('THERE');
      agent = await enroll((await newAgent(here.id)).key);
    });

    /** A device of the other customer with one reading, then seen by this customer's agent with newer counters. */
    async function reported(serial: string) {
      const device = (await admin.request('POST', '/devices', deviceInput(there.id, { serial, location: 'Hall', installedAt: '2026-01-01T00:00:00.000Z' }))).body;
      const total = device.counters.find((counter: Json) => counter.kind === 'total');
      expect((await admin.request('POST', `/devices/${device.id}/readings`, { counterId: total.id, value: 500, takenAt: '2026-11-01T08:00:00.000Z' })).status).toBe(201);
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial, counters: { total: 900, mono: 900, colour: null, scan: null, large: null } })] });
      const entry = (await admin.request('GET', `/devices/pending?customerId=${here.id}`)).body.items.find((row: Json) => row.serial === serial);
      expect(entry.otherCustomerDevice).toMatchObject({ id: device.id, customerId: there.id });
      return { device, entry };
    }
    const history = async (deviceId: string) => (await admin.request('GET', `/devices/${deviceId}/events`)).body.items as Json[];
    const waiting = async (serial: string) => (await admin.request('GET', `/devices/pending?customerId=${here.id}`)).body.items.some((row: Json) => row.serial === serial);

    it('moves the device itself to this customer, with its counters and readings, and records it in its history', async () => {
      const { device, entry } = await reported('DEC-MOVE');
      const moved = await admin.request('POST', `/devices/pending/${entry.id}/decision`, { decision: 'move' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id: device.id, customerId: here.id, deviceCode: expect.stringMatching(/^HERE-\d+$/), serial: 'DEC-MOVE', active: true, location: null });
      expect(moved.body.counters.map((counter: Json) => counter.id).sort()).toEqual(device.counters.map((counter: Json) => counter.id).sort());
      const values = (await admin.request('GET', `/devices/${device.id}/readings?pageSize=100`)).body.items.map((row: Json) => row.value).sort((a: number, b: number) => a - b);
      expect(values).toEqual([500, 900, 900]);
      const events = await history(device.id);
      expect(events.find((event) => event.kind === 'customer_moved')).toMatchObject({ by: expect.stringContaining('@'), detail: `${device.deviceCode} (${there.name}) → ${moved.body.deviceCode} (${here.name})` });
      expect(events.some((event) => event.kind === 'added')).toBe(true);
      expect(await waiting('DEC-MOVE')).toBe(false);
      // From now on the agent's samples are this customer's device's.
      const next = (await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'DEC-MOVE' }, { takenAt: '2026-11-20T07:59:00.000Z' })] })).body.results[0];
      expect(next.status).toBe('accepted');
    });

    it.each([
      ['keep', 'customer_kept'],
      ['ignore', 'customer_report_ignored'],
    ])('%s leaves the device where it is, takes the report off the list and records it in the history', async (decision, kind) => {
      const serial = `DEC-${decision.toUpperCase()}`;
      const { device, entry } = await reported(serial);
      const answer = await admin.request('POST', `/devices/pending/${entry.id}/decision`, { decision });
      expect(answer).toMatchObject({ status: 200, body: { id: device.id, customerId: there.id, deviceCode: device.deviceCode, location: 'Hall' } });
      expect((await history(device.id)).find((event) => event.kind === kind)).toMatchObject({ detail: `${serial} · ${here.name}` });
      expect(await waiting(serial)).toBe(false);
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial }, { takenAt: '2026-11-20T07:59:00.000Z' })] });
      expect(await waiting(serial)).toBe(false);
      expect((await admin.request('POST', `/devices/pending/${entry.id}/decision`, { decision: 'move' })).status).toBe(404);
    });

    it('refuses a decision on a printer no other customer has, an unknown decision, and users without the right', async () => {
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'DEC-NOBODY' })] });
      const entry = (await admin.request('GET', `/devices/pending?customerId=${here.id}`)).body.items.find((row: Json) => row.serial === 'DEC-NOBODY');
      expect(await admin.request('POST', `/devices/pending/${entry.id}/decision`, { decision: 'move' })).toMatchObject({ status: 409, body: { key: 'pending_device.not_reported' } });
      expect(await admin.request('POST', `/devices/pending/${entry.id}/decision`, { decision: 'steal' })).toMatchObject({ status: 400, body: { field: 'decision' } });
      const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [here.id] });
      expect((await coordinator.request('POST', `/devices/pending/${entry.id}/decision`, { decision: 'ignore' })).status).toBe(403);
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 on every route for another partner's agent, customer or device to add", async () => {
      const customer = await newCustomer();
      const created = await newAgent(customer.id);
      const agent = await enroll(created.key);
      await agent.call('POST', '/agent/samples', { samples: [sample({ serial: 'ISO-1' })] });
      const pending = (await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items.find((row: Json) => row.serial === 'ISO-1');

      const stranger = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
      const attempts: [string, string, unknown?][] = [
        ['POST', `/customers/${customer.id}/agents`, { name: 'x' }],
        ['GET', `/agents?customerId=${customer.id}`],
        ['GET', `/agents/${created.id}`],
        ['PATCH', `/agents/${created.id}`, { name: 'mine' }],
        ['POST', `/agents/${created.id}/revoke`],
        ['POST', `/agents/${created.id}/scan`],
        ['GET', `/agents/${created.id}/discovery`],
        ['GET', `/devices/pending?customerId=${customer.id}`],
        ['POST', `/devices/pending/${pending.id}/assign`, {}],
        ['DELETE', `/devices/pending/${pending.id}`],
        ['POST', '/devices/pending/delete', { ids: [pending.id] }],
        ['POST', `/devices/pending/${pending.id}/decision`, { decision: 'ignore' }],
      ];
      for (const [method, path, body] of attempts) {
        expect({ method, path, status: (await stranger.request(method, path, body)).status }).toEqual({ method, path, status: 404 });
      }
      expect((await stranger.request('GET', '/agents')).body.items).toEqual([]);
      expect((await stranger.request('GET', '/devices/pending')).body.items).toEqual([]);
      expect((await admin.request('GET', `/agents/${created.id}`)).body.name).toBe('Office network');
      expect((await admin.request('GET', `/devices/pending?customerId=${customer.id}`)).body.items.map((row: Json) => row.id)).toContain(pending.id);

      const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [customer.id] });
      expect((await coordinator.request('GET', `/agents/${created.id}`)).status).toBe(403);
    });
  });
});
