import { execFile, execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { periodKeyAt } from '@parc/shared';
import type { Database } from './db/client.ts';
import { openDatabase } from './db/open.ts';
import { campaignSettings, counters, customers, devices, partners, readings, readingTransmissions } from './db/schema/index.ts';
import { issueLink } from './modules/links/links.service.ts';
import { signBody, SIGNATURE_HEADER } from './modules/meters/nightly.export.ts';

/**
 * The deployable Worker, not createWorker in-process: the bundle `wrangler deploy` would upload,
 * built once per file, then run in workerd by Miniflare with the bindings wrangler.toml declares
 * (local mode, no login, no network), against a real PostgreSQL database through the local Hyperdrive.
 */

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AGENT_BUNDLE = join(REPO_ROOT, 'agent/dist/parc-agent.mjs');
const serverUrl = process.env.DATABASE_URL;
const run = promisify(execFile);

const folder = mkdtempSync(join(tmpdir(), 'parc-workerd-'));
const assets = join(folder, 'assets');
const bundle = join(folder, 'bundle');
let built: Promise<{ stdout: string }> | undefined;

/** Bundles the Worker from wrangler.toml (and the static assets it is deployed with), once per file. */
function buildOnce(): Promise<{ stdout: string }> {
  built ??= (async () => {
    // The PWA's shell, and the agent copied where `npm run build` puts it.
    mkdirSync(assets);
    const shell = join(REPO_ROOT, 'pwa/dist/index.html');
    if (existsSync(shell)) copyFileSync(shell, join(assets, 'index.html'));
    else writeFileSync(join(assets, 'index.html'), '<!doctype html><title>Parc</title>');
    const wrangler = run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', bundle, '--metafile', '--assets', assets], {
      cwd: REPO_ROOT,
      timeout: 120_000,
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    });
    if (!existsSync(AGENT_BUNDLE)) await run('npm', ['run', 'build', '-w', '@parc/agent'], { cwd: REPO_ROOT });
    await run('node', ['scripts/agent-downloads.mjs', assets], { cwd: REPO_ROOT });
    return wrangler;
  })();
  return built;
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('wrangler deploy --dry-run', () => {
  let stdout: string;
  beforeAll(async () => {
    ({ stdout } = await buildOnce());
  }, 150_000);

  it('bundles the Worker from wrangler.toml without network or login', () => {
    for (const binding of ['env.HYPERDRIVE', 'env.EXPORTS', 'env.ASSETS']) expect(stdout).toContain(binding);
    expect(stdout).toContain('--dry-run: exiting now.');
  });

  it('writes a bundle that carries the API routes and the scheduled handler', () => {
    const entry = join(bundle, 'worker.entry.js');
    expect(statSync(entry).size).toBeGreaterThan(200_000);
    const code = readFileSync(entry, 'utf8');
    for (const route of ['"/health"', '"/openapi.json"', '"/login"']) expect(code).toContain(route);
    expect(code).toContain('links issued');
  });

  it('gives `wrangler dev` a local Hyperdrive connection it accepts', async () => {
    const { unstable_readConfig } = await import('wrangler');
    const [hyperdrive] = unstable_readConfig({ config: join(REPO_ROOT, 'wrangler.toml') }).hyperdrive;
    // Without a password wrangler refuses to start the local runtime.
    expect(new URL(hyperdrive!.localConnectionString!).password).not.toBe('');
  });

  it('leaves Node-only modules out of the bundle', () => {
    const inputs = Object.keys((JSON.parse(readFileSync(join(bundle, 'bundle-meta.json'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
    for (const module of ['backend/src/worker.entry.ts', 'backend/src/worker.ts', 'backend/src/app.ts']) expect(inputs.some((path) => path.endsWith(module))).toBe(true);
    for (const nodeOnly of ['@electric-sql/pglite', '@node-rs/argon2', 'backend/src/db/open.ts', 'backend/src/db/lock.ts', 'backend/src/mail/outbox.ts', 'pdfmake/fonts/']) {
      expect(inputs.filter((path) => path.includes(nodeOnly))).toEqual([]);
    }
  });
});

describe.skipIf(!serverUrl)('the Worker bundle in workerd (skipped without DATABASE_URL: the Worker reaches PostgreSQL through Hyperdrive, which PGlite cannot stand in for)', () => {
  let database: Database;
  let dropDatabase: () => Promise<void>;
  let mf: Miniflare;
  let hooks: Server;
  let hooksUrl: string;
  const received: { path: string; body: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    // Bundling runs in a child process while the database is made and wrangler's modules load.
    const bundled = buildOnce();
    const modules = Promise.all([import('miniflare'), import('wrangler')]);

    // A database of its own, migrated from Node as the README says.
    const name = `parc_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString() });
    dropDatabase = async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    // Miniflare's Hyperdrive wants a password in the URL; a server that trusts the user ignores it.
    if (!url.password) url.password = 'unused';

    // The partners' webhooks and Resend, on this machine.
    hooks = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ path: request.url ?? '', body, headers: request.headers });
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `stub-${received.length}` }));
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    hooksUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;

    const [[{ Miniflare }, { unstable_getMiniflareWorkerOptions }]] = await Promise.all([modules, bundled]);
    // wrangler.toml's bindings and assets routing, as `wrangler dev` would run them.
    const { workerOptions } = unstable_getMiniflareWorkerOptions(join(REPO_ROOT, 'wrangler.toml'), undefined, { overrides: { assets: { directory: assets } } });
    mf = new Miniflare({
      ...workerOptions,
      modulesRoot: bundle,
      modules: [{ type: 'ESModule', path: join(bundle, 'worker.entry.js') }],
      hyperdrives: { HYPERDRIVE: url.toString() },
      bindings: { ...workerOptions.bindings, PUBLIC_URL: 'https://parc.test', RESEND_API_KEY: 're_test', RESEND_BASE_URL: `${hooksUrl}/resend` },
    } as ConstructorParameters<typeof Miniflare>[0]);
    await mf.ready;
  }, 150_000);

  afterAll(async () => {
    await mf?.dispose();
    hooks?.close();
    await dropDatabase?.();
  });

  it('answers the API from PostgreSQL through Hyperdrive', async () => {
    const response = await mf.dispatchFetch('https://parc.test/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'postgres' });
  });

  it('serves the agent download from the static assets: the bytes and headers the Node server serves', async () => {
    // A click on the console's link is a navigation: it must not get the app shell.
    const response = await mf.dispatchFetch('https://parc.test/downloads/parc-agent.mjs', { headers: { 'sec-fetch-mode': 'navigate' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="parc-agent.mjs"');
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(AGENT_BUNDLE))).toBe(true);

    const missing = await mf.dispatchFetch('https://parc.test/downloads/parc-agent.exe', { headers: { 'sec-fetch-mode': 'navigate' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not_found' });
    // Everything else that is not a file still loads the app.
    const route = await mf.dispatchFetch('https://parc.test/console', { headers: { 'sec-fetch-mode': 'navigate' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>');
  });

  it('renders the receipt PDF of a meter link with the bundled fonts', async () => {
    const [partner] = await database.db.insert(partners).values({ name: 'Bureautique Workers SA', email: 'office@workers-pdf.test' }).returning();
    const [customer] = await database.db.insert(customers).values({ partnerId: partner!.id, customerNumber: '4711', name: 'Kunde', prefix: 'WK', language: 'de' }).returning();
    const [device] = await database.db
      .insert(devices)
      .values({ partnerId: partner!.id, customerId: customer!.id, deviceNumber: 1, deviceCode: 'WK-1', serial: 'PDF9876543', manufacturer: 'Ricoh', model: 'IM C3000', installedAt: new Date('2025-01-01T00:00:00Z') })
      .returning();
    await database.db.insert(counters).values({ partnerId: partner!.id, deviceId: device!.id, kind: 'mono' });
    const link = await issueLink(
      { db: database.db, clock: () => new Date(), publicUrl: 'https://parc.test' },
      { partnerId: partner!.id, customerId: customer!.id, period: periodKeyAt(new Date(), 'Europe/Zurich') },
    );

    const response = await mf.dispatchFetch(`https://parc.test/api/links/${link.token}/receipt.pdf?lang=de`);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = join(folder, 'receipt.pdf');
    writeFileSync(pdf, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Bureautique Workers SA');
    expect(text).toContain('Zählerstände');
    expect(text).toMatch(/Kundennummer: 4711/);
    expect(text).toContain('SN: PDF9876543');
    // Roboto, embedded: not a standard font the Worker would have to read from disk.
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/Roboto-Regular.*yes/);
  });

  it('runs the nightly export from the scheduled handler: one webhook per partner, one file per partner in R2', async () => {
    const cutoff = new Date('2026-11-20T21:00:00Z'); // 22:00 in Zurich
    const dealers = [];
    for (const name of ['Nuit Alpha', 'Nuit Beta']) {
      const [partner] = await database.db.insert(partners).values({ name, email: `office@${name.replace(' ', '-').toLowerCase()}.test` }).returning();
      await database.db
        .insert(campaignSettings)
        .values({ partnerId: partner!.id, timezone: 'Europe/Zurich', nightlyCutoff: '22:00', exportFolder: true, webhookUrl: `${hooksUrl}/hook/${partner!.id}`, webhookSecret: `secret-${partner!.id}` });
      const [customer] = await database.db.insert(customers).values({ partnerId: partner!.id, customerNumber: '1', name: `${name} customer`, prefix: 'NT' }).returning();
      const serial = `SER-${name.replace(' ', '').toUpperCase()}`;
      const [device] = await database.db
        .insert(devices)
        .values({ partnerId: partner!.id, customerId: customer!.id, deviceNumber: 1, deviceCode: 'NT-1', serial, manufacturer: 'Canon', model: 'iR-ADV C5535', installedAt: new Date('2025-01-01T00:00:00Z') })
        .returning();
      const [counter] = await database.db.insert(counters).values({ partnerId: partner!.id, deviceId: device!.id, kind: 'mono' }).returning();
      const enteredAt = new Date('2026-11-20T10:00:00Z');
      await database.db
        .insert(readings)
        .values({ partnerId: partner!.id, deviceId: device!.id, counterId: counter!.id, value: 12_345, takenAt: enteredAt, createdAt: enteredAt, source: 'link', enteredBy: 'link:test', linkId: randomUUID() });
      dealers.push({ id: partner!.id, serial });
    }

    // Typed by hand: miniflare's own types lean on @cloudflare/workers-types' globals, which this project does not load.
    const worker = (await mf.getWorker()) as unknown as { scheduled(event: { cron: string; scheduledTime: Date }): Promise<unknown> };
    await worker.scheduled({ cron: '0 * * * *', scheduledTime: new Date(cutoff.getTime() + 30 * 60_000) });

    const webhooks = () => received.filter((request) => request.path.startsWith('/hook/'));
    await vi.waitFor(() => expect(webhooks()).toHaveLength(2), { timeout: 20_000 });
    const bucket = (await mf.getR2Bucket('EXPORTS')) as unknown as { get(key: string): Promise<{ text(): Promise<string> } | null> };
    for (const dealer of dealers) {
      const [hook] = webhooks().filter((request) => request.path === `/hook/${dealer.id}`);
      expect(hook!.headers[SIGNATURE_HEADER]).toBe(signBody(`secret-${dealer.id}`, hook!.body));
      const payload = JSON.parse(hook!.body) as { partnerId: string; night: string; readings: { serial: string; value: number }[] };
      expect(payload).toMatchObject({ partnerId: dealer.id, night: '2026-11-20' });
      expect(payload.readings.map((reading) => [reading.serial, reading.value])).toEqual([[dealer.serial, 12_345]]);

      const file = await vi.waitFor(async () => {
        const object = await bucket.get(`exports/${dealer.id}/readings-2026-11-20.csv`);
        expect(object).not.toBeNull();
        return object!.text();
      });
      const lines = file.trim().split('\n');
      expect(lines[0]).toMatch(/^customer_number,device_id,serial,/);
      expect(lines.slice(1)).toHaveLength(1);
      expect(lines[1]).toContain(dealer.serial);
      await vi.waitFor(async () =>
        expect(await database.db.select({ file: readingTransmissions.file, webhook: readingTransmissions.webhook }).from(readingTransmissions).where(eq(readingTransmissions.partnerId, dealer.id))).toEqual([
          { file: 'sent', webhook: 'sent' },
        ]),
      );
    }
  });
});
