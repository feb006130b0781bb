import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from './db/client.ts';
import { campaignContacts, counters, customers, devices, partners, users } from './db/schema/index.ts';
import { createPbkdf2Hasher, WORKERS_PBKDF2_ITERATIONS } from './modules/auth/pbkdf2.ts';
import { createTestDatabase } from './test/database.ts';
import { createWorker, readWorkerConfig, type WorkerEnv } from './worker.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('wrangler deploy --dry-run', () => {
  let outdir: string;
  let run: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'parc-worker-'));
    // wrangler refuses a config whose assets folder is missing; the PWA is built by `npm run build`.
    const assets = existsSync(join(REPO_ROOT, 'pwa/dist')) ? [] : ['--assets', stubAssets(outdir)];
    run = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', join(outdir, 'bundle'), '--metafile', ...assets], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    });
  }, 150_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('bundles the Worker from wrangler.toml without network or login', () => {
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('env.HYPERDRIVE');
    expect(run.stdout).toContain('--dry-run: exiting now.');
  });

  it('writes a bundle that carries the API routes and the scheduled handler', () => {
    const bundle = join(outdir, 'bundle/worker.js');
    expect(statSync(bundle).size).toBeGreaterThan(200_000);
    const code = readFileSync(bundle, 'utf8');
    for (const route of ['"/health"', '"/openapi.json"', '"/login"']) expect(code).toContain(route);
    expect(code).toContain('links issued');
  });

  it('leaves Node-only modules out of the bundle', () => {
    const inputs = Object.keys((JSON.parse(readFileSync(join(outdir, 'bundle/bundle-meta.json'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
    expect(inputs.some((path) => path.endsWith('backend/src/worker.ts'))).toBe(true);
    expect(inputs.some((path) => path.endsWith('backend/src/app.ts'))).toBe(true);
    for (const nodeOnly of ['@electric-sql/pglite', '@node-rs/argon2', 'backend/src/db/open.ts', 'backend/src/db/lock.ts', 'backend/src/mail/outbox.ts']) {
      expect(inputs.filter((path) => path.includes(nodeOnly))).toEqual([]);
    }
  });
});

/** A one-page stand-in for the PWA when it is not built: the Worker bundle does not depend on it. */
function stubAssets(folder: string): string {
  const assets = join(folder, 'assets');
  mkdirSync(assets);
  writeFileSync(join(assets, 'index.html'), '<!doctype html><title>Parc</title>');
  return assets;
}

describe('the Worker', () => {
  let database: Database;
  const closed = vi.fn(async () => {});
  const waits: Promise<unknown>[] = [];
  const context = { waitUntil: (promise: Promise<unknown>) => void waits.push(promise) };
  // The test database stands in for Hyperdrive; closing it is only recorded, the next request reuses it.
  const worker = createWorker((connectionString) => {
    expect(connectionString).toBe('postgres://hyperdrive.test/parc');
    return { db: database.db, kind: database.kind, close: closed };
  });
  const env: WorkerEnv = {
    HYPERDRIVE: { connectionString: 'postgres://hyperdrive.test/parc' },
    PUBLIC_URL: 'https://parc.example.com/',
    RESEND_API_KEY: 're_test_key',
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('answers the API and closes its connection once the response is sent', async () => {
    const response = await worker.fetch(new Request('https://parc.example.com/api/health'), env, context);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', migrations: { applied: expect.any(Number) } });
    await Promise.all(waits);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('signs in a user whose password was hashed with PBKDF2', async () => {
    const passwords = createPbkdf2Hasher(WORKERS_PBKDF2_ITERATIONS);
    const [partner] = await database.db.insert(partners).values({ name: 'Worker dealer', email: 'office@worker.test' }).returning();
    await database.db.insert(users).values({ partnerId: partner!.id, email: 'admin@worker.test', name: 'Admin', role: 'partner_admin', passwordHash: await passwords.hash('a long enough password') });
    const login = (password: string) =>
      worker.fetch(
        new Request('https://parc.example.com/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@worker.test', password }) }),
        env,
        context,
      );
    const accepted = await login('a long enough password');
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('set-cookie')).toMatch(/parc_session=.+; .*Secure/);
    expect((await login('a wrong password')).status).toBe(401);
  });

  it('runs the campaign job from the cron and mails through Resend', async () => {
    // A local stand-in for Resend's API: nothing leaves the machine.
    const sent: { to: string[] | string; subject: string }[] = [];
    const resend = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        sent.push(JSON.parse(body));
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `stub-${sent.length}` }));
      });
    });
    await new Promise<void>((resolve) => resend.listen(0, '127.0.0.1', resolve));
    try {
      const [partner] = await database.db.insert(partners).values({ name: 'Cron dealer', email: 'office@cron.test' }).returning();
      const [customer] = await database.db.insert(customers).values({ partnerId: partner!.id, customerNumber: '777', name: 'Cron customer', prefix: 'CR' }).returning();
      const [device] = await database.db
        .insert(devices)
        .values({ partnerId: partner!.id, customerId: customer!.id, deviceNumber: 1, deviceCode: 'CR-1', serial: 'CRON1', manufacturer: 'Ricoh', model: 'IM C3000', installedAt: new Date('2025-01-01T00:00:00Z') })
        .returning();
      await database.db.insert(counters).values({ partnerId: partner!.id, deviceId: device!.id, kind: 'mono' });
      await database.db
        .insert(campaignContacts)
        .values({ partnerId: partner!.id, customerId: customer!.id, email: 'reader@customer.test', confirmedAt: new Date('2026-11-01T00:00:00Z'), unsubscribeToken: 'cron-unsubscribe-token' });
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      const cronEnv = { ...env, RESEND_BASE_URL: `http://127.0.0.1:${(resend.address() as AddressInfo).port}` };
      const closedBefore = closed.mock.calls.length;
      // 20 November, 09:00 in Zurich: the send day has come.
      await worker.scheduled({ cron: '0 * * * *', scheduledTime: Date.parse('2026-11-20T08:00:00Z') }, cronEnv, context);
      await Promise.all(waits);
      expect(sent.map((mail) => mail.to)).toEqual(['reader@customer.test']);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Cron "0 \* \* \* \*" at 2026-11-20T08:00:00.000Z: 1 links issued, 1 requests/));
      // An hour later the same trigger sends nothing twice.
      await worker.scheduled({ cron: '0 * * * *', scheduledTime: Date.parse('2026-11-20T09:00:00Z') }, cronEnv, context);
      await Promise.all(waits);
      expect(sent).toHaveLength(1);
      expect(closed.mock.calls.length).toBe(closedBefore + 2);
      log.mockRestore();
    } finally {
      resend.close();
    }
  });
});

describe('readWorkerConfig', () => {
  it.each([
    ['the Hyperdrive binding', { PUBLIC_URL: 'https://parc.example.com', RESEND_API_KEY: 'k' }, /HYPERDRIVE: the Hyperdrive binding is missing/],
    ['the Resend key', { HYPERDRIVE: { connectionString: 'postgres://h/p' }, PUBLIC_URL: 'https://parc.example.com' }, /RESEND_API_KEY: set the secret/],
    ['the public URL', { HYPERDRIVE: { connectionString: 'postgres://h/p' }, PUBLIC_URL: 'parc', RESEND_API_KEY: 'k' }, /PUBLIC_URL: set the PUBLIC_URL var/],
  ])('names %s when it is missing or invalid', (_what, env, message) => {
    expect(() => readWorkerConfig(env)).toThrow(message);
  });

  it('defaults the sender', () => {
    expect(readWorkerConfig({ HYPERDRIVE: { connectionString: 'postgres://h/p' }, PUBLIC_URL: 'https://parc.example.com', RESEND_API_KEY: 'k' }).MAIL_FROM).toBe('Parc <parc@localhost>');
  });
});
