// Agent ingest per device, on PGlite or (DATABASE_URL set) PostgreSQL: what one device's counter
// sample costs through the agent protocol (POST /api/agent/samples over HTTP, signed by enrolled
// agents, every sample judged by the acceptance policy and stored by the readings writer), beside
// raw COPY of the same number of rows into the same `readings` table: the floor the database sets.
//
//  BENCH_INGEST_DEVICES (default 2,000) devices with total, mono, colour and scan counters, spread
//  over BENCH_INGEST_SITES (default 20) customer sites, each with its own enrolled agent;
//  BENCH_INGEST_ROUNDS (default 3) rounds, each device sending one sample per round, in batches of
//  BENCH_INGEST_BATCH (default 100) samples, BENCH_INGEST_CONCURRENCY (default 4) agents at a time.
//
// Prints samples/s and rows/s both ways, the cost per device sample, and the sizing arithmetic the
// README's "Several instances and sizing" section is derived from.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import postgres from 'postgres';
import type { PGlite } from '@electric-sql/pglite';
import type { AgentSample } from '@parc/shared/contracts/agents';
import { createApp } from '../backend/src/app.ts';
import { createBackgroundTasks } from '../backend/src/background.ts';
import { selectRows, type Database } from '../backend/src/db/client.ts';
import { openDatabase } from '../backend/src/db/open.ts';
import { customers, partners, sessions, users } from '../backend/src/db/schema/index.ts';
import type { AppDeps } from '../backend/src/deps.ts';
import { MemoryMailer } from '../backend/src/mail/mailer.ts';
import { createArgon2Hasher, TEST_ARGON2_COST } from '../backend/src/modules/auth/argon2-hasher.ts';
import { hashToken, newToken, SESSION_COOKIE } from '../backend/src/modules/auth/session-token.ts';

const DEVICES = Number(process.env.BENCH_INGEST_DEVICES ?? 2_000);
const SITES = Number(process.env.BENCH_INGEST_SITES ?? 20);
const ROUNDS = Number(process.env.BENCH_INGEST_ROUNDS ?? 3);
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? 100);
const CONCURRENCY = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 4);
const KINDS = ['total', 'mono', 'colour', 'scan'] as const;
const NOW = new Date('2026-11-20T08:00:00Z');

// ---- The database: a fresh one on the PostgreSQL server, or an in-memory PGlite ------------------
const serverUrl = process.env.DATABASE_URL;
const benchName = `parc_bench_${randomBytes(6).toString('hex')}`;
const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : null;
let database: Database;
let copyRows: (csv: string) => Promise<void>;
let raw: postgres.Sql | null = null;
if (serverUrl && admin) {
  await admin.unsafe(`create database ${benchName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${benchName}`;
  database = await openDatabase({ url: url.toString() });
  raw = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const client = raw;
  copyRows = async (csv) => {
    const stream = await client`copy readings (partner_id, device_id, counter_id, value, taken_at, source, status, entered_by) from stdin with (format csv)`.writable();
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(csv);
    });
  };
} else {
  database = await openDatabase({ dataDir: null });
  const client = (database.db as unknown as { $client: PGlite }).$client;
  copyRows = async (csv) => {
    await client.query(`copy readings (partner_id, device_id, counter_id, value, taken_at, source, status, entered_by) from '/dev/blob' with (format csv)`, [], {
      blob: new Blob([csv]),
    });
  };
}
const { db } = database;
const count = async (query: ReturnType<typeof sql>) => Number((await selectRows<{ n: string | number }>(db, query))[0]!.n);

// ---- The app, served over HTTP on loopback ------------------------------------------------------
const deps: AppDeps = {
  db,
  dbKind: database.kind,
  mailer: new MemoryMailer(),
  passwords: createArgon2Hasher(TEST_ARGON2_COST),
  clock: () => NOW,
  publicUrl: 'http://parc.bench',
  secureCookies: false,
  dataDir: null,
  jobSecret: null,
  background: createBackgroundTasks(),
};
let server!: ServerType;
const port = await new Promise<number>((resolve) => {
  server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
});
const base = `http://127.0.0.1:${port}/api`;

// ---- The fleet: customers, devices and counters in SQL; agents created and enrolled through the API
const building = performance.now();
const [partner] = await db.insert(partners).values({ name: 'Ingest dealer', email: 'office@ingest.bench' }).returning({ id: partners.id });
const partnerId = partner!.id;
const [user] = await db.insert(users).values({ partnerId, email: 'admin@ingest.bench', name: 'Bench admin', role: 'partner_admin' }).returning({ id: users.id });
const sessionToken = newToken();
await db.insert(sessions).values({ tokenHash: hashToken(sessionToken), userId: user!.id, expiresAt: new Date(NOW.getTime() + 86_400_000) });
const cookie = `${SESSION_COOKIE}=${sessionToken}`;
const sites = await db
  .insert(customers)
  .values(Array.from({ length: SITES }, (_, index) => ({ partnerId, customerNumber: `I${index + 1}`, name: `Ingest site ${index + 1}`, prefix: `I${index + 1}` })))
  .returning({ id: customers.id, prefix: customers.prefix });
const perSite = Math.ceil(DEVICES / SITES);
await db.execute(sql`
  insert into devices (partner_id, customer_id, device_number, device_code, serial, manufacturer, model, colour_capable, installed_at)
  select c.partner_id, c.id, n, c.prefix || '-' || n, c.prefix || '-SN' || n, 'Kyocera', 'TASKalfa 2553ci', true, '2020-01-01T00:00:00Z'
  from customers c cross join generate_series(1, ${perSite}) n
  where c.partner_id = ${partnerId} and (substring(c.customer_number from 2)::int - 1) * ${perSite} + n <= ${DEVICES}`);
await db.execute(sql`
  insert into counters (partner_id, device_id, kind)
  select d.partner_id, d.id, k from devices d cross join unnest(array['total', 'mono', 'colour', 'scan']) k where d.partner_id = ${partnerId}`);

interface Agent {
  agentId: string;
  credentialId: string;
  privateKey: CryptoKey;
  serials: string[];
}

async function call(path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }) {
  const response = await fetch(`${base}${path}`, {
    method: init.method,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

const agents: Agent[] = [];
for (const site of sites) {
  const created = await call(`/customers/${site.id}/agents`, { method: 'POST', body: { name: 'Site network' }, headers: { cookie, origin: 'http://parc.bench' } });
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const { kty, crv, x } = await exportJWK(publicKey);
  const enrolled = await call('/agent/enroll', { method: 'POST', body: { key: created.key, publicKey: { kty, crv, x }, hostname: `pc-${site.prefix}`, platform: 'linux', version: '1.0.0' } });
  const serials = (await selectRows<{ serial: string }>(db, sql`select serial from devices where customer_id = ${site.id} order by device_number`)).map((row) => row.serial);
  agents.push({ agentId: enrolled.agentId as string, credentialId: enrolled.credentialId as string, privateKey, serials });
}
const buildSeconds = (performance.now() - building) / 1000;

// ---- Through the API -----------------------------------------------------------------------------
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const token = (agent: Agent) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'EdDSA', kid: agent.credentialId })
    .setSubject(agent.agentId)
    .setIssuedAt(seconds(NOW))
    .setExpirationTime(seconds(NOW) + 60)
    .setJti(randomUUID())
    .sign(agent.privateKey);

/** Round r's sample of a device: counters grow by a few hundred pages between rounds. */
function sampleOf(serial: string, deviceIndex: number, round: number): AgentSample {
  const mono = 100_000 + deviceIndex * 13 + round * 300;
  const colour = 50_000 + deviceIndex * 7 + round * 120;
  return {
    sampleId: randomUUID(),
    takenAt: new Date(NOW.getTime() - (ROUNDS - round) * 4 * 3_600_000).toISOString(),
    ip: `10.0.${Math.floor(deviceIndex / 250)}.${(deviceIndex % 250) + 1}`,
    reading: {
      vendor: 'kyocera',
      manufacturer: 'Kyocera',
      model: 'TASKalfa 2553ci',
      serial,
      firmware: '2V4_S000.002.191',
      mac: null,
      sysObjectId: '1.3.6.1.4.1.1347.41',
      sysDescr: 'KYOCERA Document Solutions Printing System',
      counters: { total: mono + colour, mono, colour, scan: 20_000 + round * 50, large: null },
      supplies: [
        { index: '1.1', description: 'Black toner', type: 'toner', colour: 'black', level: 40, max: 100, percent: 40, state: 'measured', source: 'printer_mib' },
        { index: '1.2', description: 'Cyan toner', type: 'toner', colour: 'cyan', level: 70, max: 100, percent: 70, state: 'measured', source: 'printer_mib' },
      ],
      status: { printer: 'idle', errors: [] },
      alerts: [],
      warnings: [],
    },
  } as AgentSample;
}

const batches: { agent: Agent; round: number; samples: AgentSample[] }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const agent of agents) {
    for (let from = 0; from < agent.serials.length; from += BATCH) {
      batches.push({ agent, round, samples: agent.serials.slice(from, from + BATCH).map((serial, offset) => sampleOf(serial, from + offset, round)) });
    }
  }
}
/** Rows and bytes (with indexes and TOAST) of every table: what one device sample adds beyond its readings. */
async function tableSizes(): Promise<Map<string, { rows: number; bytes: number }>> {
  const tables = await selectRows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const sizes = new Map<string, { rows: number; bytes: number }>();
  for (const { name } of tables) {
    sizes.set(name, {
      rows: await count(sql`select count(*) as n from ${sql.identifier(name)}`),
      bytes: await count(sql`select pg_total_relation_size(${name}::regclass) as n`),
    });
  }
  return sizes;
}
const sizesBefore = await tableSizes();
const readingsBefore = await count(sql`select count(*) as n from readings`);
const statuses = new Map<string, number>();
let next = 0;
// On PostgreSQL, postgres.js's debug hook counts the statements the API sends (PGlite has no such hook).
let statements = 0;
const postgresOptions = database.kind === 'postgres' ? (database.db as unknown as { $client: { options: { debug?: unknown } } }).$client.options : null;
if (postgresOptions) postgresOptions.debug = () => void statements++;
const cpuBefore = process.cpuUsage();
const apiStart = performance.now();
// Rounds in order (a device's later sample after its earlier one), agents in parallel within a round.
for (let round = 0; round < ROUNDS; round++) {
  const ofRound = batches.filter((batch) => batch.round === round);
  next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ofRound.length) {
        const batch = ofRound[next++]!;
        const answer = await call('/agent/samples', { method: 'POST', body: { samples: batch.samples }, headers: { authorization: `Bearer ${await token(batch.agent)}` } });
        for (const result of answer.results as { status: string }[]) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      }
    }),
  );
}
const apiSeconds = (performance.now() - apiStart) / 1000;
const apiCpu = process.cpuUsage(cpuBefore);
if (postgresOptions) postgresOptions.debug = undefined;
const apiRows = (await count(sql`select count(*) as n from readings`)) - readingsBefore;
const apiSamples = DEVICES * ROUNDS;
const sizesAfter = await tableSizes();
const grown = [...sizesAfter]
  .map(([table, after]) => ({ table, rows: after.rows - (sizesBefore.get(table)?.rows ?? 0), bytes: after.bytes - (sizesBefore.get(table)?.bytes ?? 0) }))
  .filter((change) => change.rows > 0)
  .sort((a, b) => b.bytes - a.bytes);
const bytesPerSample = grown.reduce((sum, change) => sum + change.bytes, 0) / apiSamples;

// ---- Raw COPY of as many rows into the same table ------------------------------------------------
const counterRows = await selectRows<{ device_id: string; counter_id: string }>(db, sql`select device_id, id as counter_id from counters where partner_id = ${partnerId} order by device_id, kind`);
const copyTimes: string[] = [];
const perRound = Math.ceil(apiRows / counterRows.length);
for (let round = 0; round < perRound; round++) copyTimes.push(new Date(NOW.getTime() + (round + 1) * 60_000).toISOString());
const lines: string[] = [];
outer: for (const [round, takenAt] of copyTimes.entries()) {
  for (const row of counterRows) {
    if (lines.length >= apiRows) break outer;
    lines.push(`${partnerId},${row.device_id},${row.counter_id},${200_000 + round},${takenAt},agent,accepted,bench-copy`);
  }
}
const csv = `${lines.join('\n')}\n`;
const copyStart = performance.now();
await copyRows(csv);
const copySeconds = (performance.now() - copyStart) / 1000;
const copied = await count(sql`select count(*) as n from readings where entered_by = 'bench-copy'`);
const tableBytes = await count(sql`select pg_total_relation_size('readings') as n`);
const totalReadings = await count(sql`select count(*) as n from readings`);

// ---- Report ----------------------------------------------------------------------------------------
const rowsPerSample = apiRows / apiSamples;
const apiSamplesPerSecond = apiSamples / apiSeconds;
const apiRowsPerSecond = apiRows / apiSeconds;
const copyRowsPerSecond = copied / copySeconds;
const cpuMsPerSample = (apiCpu.user + apiCpu.system) / 1000 / apiSamples;
const bytesPerRow = tableBytes / totalReadings;
console.log(`Agent ingest on ${database.kind}: ${DEVICES} devices × ${KINDS.length} counters, ${SITES} agents, ${ROUNDS} rounds, batches of ${BATCH}, ${CONCURRENCY} agents at a time (fleet built in ${buildSeconds.toFixed(1)} s)`);
console.log(`Sample results: ${[...statuses].map(([status, n]) => `${n} ${status}`).join(', ')}`);
console.table([
  {
    case: 'POST /api/agent/samples (signed, judged, stored)',
    rows: apiRows,
    seconds: Number(apiSeconds.toFixed(2)),
    'rows/s': Math.round(apiRowsPerSecond),
    'device samples/s': Math.round(apiSamplesPerSecond),
    'ms per device sample': Number(((apiSeconds * 1000) / apiSamples).toFixed(3)),
  },
  {
    case: 'COPY readings FROM STDIN (same table, same row count)',
    rows: copied,
    seconds: Number(copySeconds.toFixed(2)),
    'rows/s': Math.round(copyRowsPerSecond),
    'device samples/s': Math.round(copyRowsPerSecond / rowsPerSample),
    'ms per device sample': Number(((copySeconds * 1000 * rowsPerSample) / copied).toFixed(4)),
  },
]);
console.log(`API vs COPY: ${(copyRowsPerSecond / apiRowsPerSecond).toFixed(1)}× slower through the API; ${rowsPerSample.toFixed(2)} readings rows per device sample.`);
if (postgresOptions) console.log(`Statements sent to PostgreSQL during API ingest: ${statements}, ${(statements / apiSamples).toFixed(1)} per device sample.`);
console.log(`Node CPU during API ingest (server and signing client in one process): ${cpuMsPerSample.toFixed(3)} ms per device sample.`);
console.log(`readings table with its indexes: ${(tableBytes / 1_048_576).toFixed(1)} MiB for ${totalReadings} rows = ${Math.round(bytesPerRow)} bytes per row.`);
console.log('What the API ingest added, per table (rows and bytes with indexes, per device sample):');
console.table(grown.map((change) => ({ table: change.table, rows: change.rows, 'rows per sample': Number((change.rows / apiSamples).toFixed(2)), 'bytes per sample': Math.round(change.bytes / apiSamples) })));

// Sizing: 10,000 dealers × 1,000,000 devices, counters every 4 hours (the agent's default schedule).
const FLEET = 1_000_000;
const SAMPLES_PER_DAY = 24 / 4;
const samplesPerDay = FLEET * SAMPLES_PER_DAY;
const rowsPerDay = samplesPerDay * rowsPerSample;
const averageSamplesPerSecond = samplesPerDay / 86_400;
console.log('\nSizing for 1,000,000 devices sampled every 4 hours (from the numbers above):');
console.table({
  'device samples per day': Math.round(samplesPerDay),
  'readings rows per day': Math.round(rowsPerDay),
  'average device samples/s': Number(averageSamplesPerSecond.toFixed(1)),
  'peak device samples/s (×10: agents start together after a power cut, at the hour)': Math.round(averageSamplesPerSecond * 10),
  'Node cores at the peak (by CPU per sample, 50 % headroom)': Math.ceil((averageSamplesPerSecond * 10 * cpuMsPerSample) / 1000 / 0.5),
  'API instances at the peak (by this run’s wall-clock rate per instance, 50 % headroom)': Math.ceil((averageSamplesPerSecond * 10) / (apiSamplesPerSecond * 0.5)),
  'readings GiB per month (rows and indexes)': Number(((rowsPerDay * 30 * bytesPerRow) / 1_073_741_824).toFixed(1)),
  'all ingest tables GiB per month (see the table above)': Number(((samplesPerDay * 30 * bytesPerSample) / 1_073_741_824).toFixed(1)),
  'readings GiB per year': Number(((rowsPerDay * 365 * bytesPerRow) / 1_073_741_824).toFixed(0)),
});

server.close();
await deps.background.idle();
await database.close();
await raw?.end();
if (admin) {
  await admin.unsafe(`drop database if exists ${benchName} with (force)`);
  await admin.end();
}
