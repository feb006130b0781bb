import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from './db/client.ts';
import { campaignContacts, campaignSettings, counters, customers, devices, partners, readings, readingTransmissions, users } from './db/schema/index.ts';
import { createPbkdf2Hasher, WORKERS_PBKDF2_ITERATIONS } from './modules/auth/pbkdf2.ts';
import { createTestDatabase } from './test/database.ts';
import { createWorker, readWorkerConfig, type WorkerEnv } from './worker.ts';

// The deployable bundle (wrangler deploy --dry-run) and the Worker in workerd: worker.runtime.test.ts.

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

  it('serves downloads from the static assets, and a 404 rather than the app shell for a missing one', async () => {
    const files: Record<string, Response> = { '/downloads/parc-agent.mjs': new Response('agent bytes', { headers: { 'content-type': 'application/javascript' } }) };
    // Under single-page-application handling the assets answer a missing file with the shell.
    const ASSETS = { fetch: async (request: Request) => files[new URL(request.url).pathname] ?? new Response('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }) };
    const agent = await worker.fetch(new Request('https://parc.example.com/downloads/parc-agent.mjs'), { ...env, ASSETS }, context);
    expect(agent.status).toBe(200);
    expect(await agent.text()).toBe('agent bytes');
    expect(agent.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(agent.headers.get('content-disposition')).toBe('attachment; filename="parc-agent.mjs"');
    for (const env_ of [{ ...env, ASSETS }, env]) {
      const missing = await worker.fetch(new Request('https://parc.example.com/downloads/parc-agent.exe'), env_, context);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('writes the nightly files to the R2 bucket when one is bound, and sends the webhook only when none is', async () => {
    const received: string[] = [];
    const hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => void (received.push(body), response.writeHead(204).end()));
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const objects = new Map<string, string>();
      const EXPORTS = {
        get: async (key: string) => (objects.has(key) ? { text: async () => objects.get(key)! } : null),
        put: async (key: string, value: string) => void objects.set(key, value),
      };
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      // Two dealers with the same cutoff (22:00 in Zurich), on two nights.
      const dealers = [];
      for (const [name, night] of [
        ['R2 dealer', '2026-10-06'],
        ['Webhook-only dealer', '2026-10-07'],
      ] as const) {
        const [partner] = await database.db.insert(partners).values({ name, email: `office@${night}.test` }).returning();
        await database.db.insert(campaignSettings).values({ partnerId: partner!.id, exportFolder: true, webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/${night}` });
        const [customer] = await database.db.insert(customers).values({ partnerId: partner!.id, customerNumber: '1', name: 'Customer', prefix: 'RT' }).returning();
        const [device] = await database.db
          .insert(devices)
          .values({ partnerId: partner!.id, customerId: customer!.id, deviceNumber: 1, deviceCode: 'RT-1', serial: `R2-${night}`, manufacturer: 'Ricoh', model: 'IM C3000', installedAt: new Date('2025-01-01T00:00:00Z') })
          .returning();
        const [counter] = await database.db.insert(counters).values({ partnerId: partner!.id, deviceId: device!.id, kind: 'mono' }).returning();
        const enteredAt = new Date(`${night}T08:00:00Z`);
        await database.db.insert(readings).values({ partnerId: partner!.id, deviceId: device!.id, counterId: counter!.id, value: 500, takenAt: enteredAt, createdAt: enteredAt, source: 'link', enteredBy: 'link:test', linkId: crypto.randomUUID() });
        dealers.push({ id: partner!.id, night });
      }
      // 22:00 in Zurich is 20:00 UTC in October.
      // One night after the other, as the hourly trigger fires them: the Worker leaves a tick's work to
      // waitUntil, and two ticks at once would race for the same readings (a night later takes them).
      await worker.scheduled({ cron: '0 * * * *', scheduledTime: Date.parse('2026-10-06T20:00:00Z') }, { ...env, EXPORTS }, context);
      await Promise.all(waits);
      await worker.scheduled({ cron: '0 * * * *', scheduledTime: Date.parse('2026-10-07T20:00:00Z') }, env, context);
      await Promise.all(waits);
      log.mockRestore();

      expect(received).toHaveLength(2);
      expect([...objects.keys()]).toEqual([`exports/${dealers[0]!.id}/readings-2026-10-06.csv`]);
      expect(objects.get(`exports/${dealers[0]!.id}/readings-2026-10-06.csv`)!.split(/\r?\n/).slice(1)).toEqual(['1,RT-1,R2-2026-10-06,mono,500,2026-10-06T08:00:00.000Z,link,entered', '']);
      const channels = async (partnerId: string) =>
        database.db.select({ file: readingTransmissions.file, webhook: readingTransmissions.webhook }).from(readingTransmissions).where(eq(readingTransmissions.partnerId, partnerId));
      expect(await channels(dealers[0]!.id)).toEqual([{ file: 'sent', webhook: 'sent' }]);
      expect(await channels(dealers[1]!.id)).toEqual([{ file: 'off', webhook: 'sent' }]);
    } finally {
      hook.close();
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
