import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, customers, devices, readings } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signBody, SIGNATURE_HEADER } from './nightly.export.ts';
import { runNightly } from './nightly.job.ts';

const SECRET = 'webhook-secret-0123456789';
/** 22:00 in Zurich on 20 November is 21:00 UTC. */
const CUTOFF = new Date('2026-11-20T21:00:00Z');
const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);

interface Received {
  body: string;
  signature: string | undefined;
}

let t: TestApp;
let dataDir: string;
let server: Server;
let webhookUp = true;
const received: Received[] = [];
let partnerId: string;
let cookie: string;
let device: { id: string; counterId: string };

async function addEntry(value: number, createdAt: Date, source: 'link' | 'agent' = 'link') {
  const [row] = await t.database.db
    .insert(readings)
    .values({ partnerId, deviceId: device.id, counterId: device.counterId, value, takenAt: createdAt, createdAt, source, enteredBy: 'link:test', linkId: source === 'link' ? crypto.randomUUID() : null })
    .returning();
  return row!.id;
}

const lockedIds = async () => (await t.database.db.select().from(readings)).filter((r) => r.lockedAt).map((r) => r.id);
const nightly = (asOf: Date) => runNightly({ ...t.deps, dataDir }, asOf);

beforeAll(async () => {
  t = await createTestApp();
  dataDir = mkdtempSync(join(tmpdir(), 'parc-nightly-'));
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (!webhookUp) return void response.writeHead(503).end();
      received.push({ body, signature: request.headers[SIGNATURE_HEADER] as string | undefined });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ id: partnerId } = await t.createPartner('Devillard'));
  ({ cookie } = await t.signIn(partnerId, 'partner_admin'));
  const [customer] = await t.database.db.insert(customers).values({ partnerId, customerNumber: '999999', name: 'Client', prefix: 'FS' }).returning();
  const [row] = await t.database.db
    .insert(devices)
    .values({ partnerId, customerId: customer!.id, deviceNumber: 1, deviceCode: 'FS-1', serial: '6594501067', manufacturer: 'Ricoh', model: 'MP 2550', installedAt: new Date('2025-01-01T00:00:00Z') })
    .returning();
  const [counter] = await t.database.db.insert(counters).values({ partnerId, deviceId: row!.id, kind: 'mono' }).returning();
  device = { id: row!.id, counterId: counter!.id };
  const put = await t.app.request('/api/campaign/settings', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      schedule: { kind: 'monthly' },
      sendDay: 20,
      lastValidDay: 4,
      reminderDaysBefore: 3,
      timeZone: 'Europe/Zurich',
      nightlyCutoff: '22:00',
      exportFolder: true,
      webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/parc`,
      webhookSecret: SECRET,
    }),
  });
  expect(put.status).toBe(200);
  expect(await put.json()).toMatchObject({ hasWebhookSecret: true, nightlyCutoff: '22:00' });
});

afterAll(async () => {
  server?.close();
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the nightly job', () => {
  let before: string;
  let after: string;
  let agent: string;

  it('locks the entries made before the cutoff, not those after, nor agent readings', async () => {
    before = await addEntry(344_805, minutes(CUTOFF, -30));
    after = await addEntry(344_900, minutes(CUTOFF, 5));
    agent = await addEntry(344_950, minutes(CUTOFF, -60), 'agent');
    const summary = await nightly(minutes(CUTOFF, 10));
    expect(summary.partners).toHaveLength(1);
    expect(summary.partners[0]).toMatchObject({ night: '2026-11-20', locked: 1, webhook: { status: 'sent', rows: 1 } });
    expect(await lockedIds()).toEqual([before]);
  });

  it('writes the night’s CSV once', async () => {
    const path = join(dataDir, 'exports', partnerId, 'readings-2026-11-20.csv');
    expect(readFileSync(path, 'utf8')).toBe(
      'customer_number,device_id,serial,counter,value,taken_at,source,status\r\n' + `999999,FS-1,6594501067,mono,344805,${minutes(CUTOFF, -30).toISOString()},link,entered\r\n`,
    );
    const again = await nightly(minutes(CUTOFF, 20));
    expect(again.partners[0]).toMatchObject({ locked: 0, file: null, webhook: null });
    expect(readFileSync(path, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('posts the rows as JSON signed with the partner’s secret', () => {
    expect(received).toHaveLength(1);
    const { body, signature } = received[0]!;
    expect(signature).toBe(signBody(SECRET, body));
    expect(JSON.parse(body)).toMatchObject({ night: '2026-11-20', readings: [{ customerNumber: '999999', deviceId: 'FS-1', value: 344_805, source: 'link' }] });
  });

  it('retries a failed webhook the next night, without sending anything twice', async () => {
    webhookUp = false;
    const failed = await nightly(minutes(CUTOFF, 24 * 60 + 1));
    expect(failed.partners[0]).toMatchObject({ night: '2026-11-21', locked: 1, webhook: { status: 'failed', rows: 1 } });
    // The file does not depend on the webhook.
    expect(readdirSync(join(dataDir, 'exports', partnerId)).sort()).toEqual(['readings-2026-11-20.csv', 'readings-2026-11-21.csv']);
    expect(received).toHaveLength(1);

    webhookUp = true;
    await addEntry(345_000, minutes(CUTOFF, 24 * 60 + 30));
    const retried = await nightly(minutes(CUTOFF, 2 * 24 * 60 + 1));
    expect(retried.partners[0]).toMatchObject({ night: '2026-11-22', locked: 1, webhook: { status: 'sent', rows: 2 } });
    expect(received).toHaveLength(2);
    const values = (JSON.parse(received[1]!.body) as { readings: { value: number }[] }).readings.map((r) => r.value);
    expect(values).toEqual([344_900, 345_000]);
    expect((await nightly(minutes(CUTOFF, 2 * 24 * 60 + 5))).partners[0]!.webhook).toBeNull();
    expect(received).toHaveLength(2);
    const [agentRow] = await t.database.db.select().from(readings).where(eq(readings.id, agent));
    expect(agentRow!.lockedAt).toBeNull();
    expect(after).toBeTruthy();
  });

  it('with `since`, skips partners whose cutoff was already handled', async () => {
    const at = minutes(CUTOFF, 2 * 24 * 60 + 10);
    expect((await runNightly({ ...t.deps, dataDir }, at, { since: minutes(at, -1) })).partners).toHaveLength(0);
  });
});

describe('several dealers', () => {
  it('writes one file per dealer, each with its own readings only', async () => {
    const { id: otherPartner } = await t.createPartner('Other dealer');
    const [customer] = await t.database.db.insert(customers).values({ partnerId: otherPartner, customerNumber: '777777', name: 'Other', prefix: 'OT' }).returning();
    const [row] = await t.database.db
      .insert(devices)
      .values({ partnerId: otherPartner, customerId: customer!.id, deviceNumber: 1, deviceCode: 'OT-1', serial: 'OTHER-SERIAL', manufacturer: 'Canon', model: 'C5535', installedAt: new Date('2025-01-01T00:00:00Z') })
      .returning();
    const [counter] = await t.database.db.insert(counters).values({ partnerId: otherPartner, deviceId: row!.id, kind: 'mono' }).returning();
    const night = minutes(CUTOFF, 5 * 24 * 60);
    await t.database.db.insert(readings).values({
      partnerId: otherPartner,
      deviceId: row!.id,
      counterId: counter!.id,
      value: 5_000,
      takenAt: minutes(night, -60),
      createdAt: minutes(night, -60),
      source: 'link',
      enteredBy: 'link:other',
      linkId: crypto.randomUUID(),
    });
    await addEntry(350_000, minutes(night, -30));
    await nightly(minutes(night, 10));
    const fileOf = (partner: string) => readFileSync(join(dataDir, 'exports', partner, 'readings-2026-11-25.csv'), 'utf8');
    expect(fileOf(otherPartner)).toContain('777777,OT-1,OTHER-SERIAL,mono,5000');
    expect(fileOf(otherPartner)).not.toContain('999999');
    expect(fileOf(partnerId)).toContain('999999,FS-1,6594501067,mono,350000');
    expect(fileOf(partnerId)).not.toContain('777777');
  });
});
