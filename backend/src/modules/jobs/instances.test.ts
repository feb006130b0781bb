import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { openDatabase } from '../../db/open.ts';
import { campaignContacts, counters, customers, devices, meterLinks, partners } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { MemoryMailer } from '../../mail/mailer.ts';
import { LOGIN_ACCOUNT_LIMIT, LOGIN_ADDRESS_LIMIT } from '../auth/auth.routes.ts';
import { startScheduler, type Scheduler } from '../meters/scheduler.ts';
import { testDeps } from '../../test/app.ts';
import { listRuns } from './job-runs.repo.ts';
import { SCHEDULED_JOBS, type JobReport, type ScheduledJob } from './scheduled.ts';

/**
 * Two Parc servers, each with its own postgres.js pool, on one PostgreSQL database: what a
 * deployment with N instances looks like. Their schedulers fire for the same slot at once, and
 * sign-in attempts are split between them.
 */

const serverUrl = process.env.DATABASE_URL;
// 20 November 2026, 09:00 in Zurich: the campaign's send day, after the overage hour, past the nightly cutoff.
const NOW = new Date('2026-11-20T08:00:00Z');

interface Instance {
  name: string;
  database: Database;
  deps: AppDeps;
  mailer: MemoryMailer;
  server: ServerType;
  url: string;
  scheduler: Scheduler;
  /** What this instance's scheduled jobs reported having run. */
  reports: JobReport[];
}

/** The real jobs, each also noting in `reports` what it ran on this instance. */
const noting = (reports: JobReport[]): ScheduledJob[] =>
  SCHEDULED_JOBS.map((job) => ({
    name: job.name,
    async tick(deps, context) {
      const ran = await job.tick(deps, context);
      reports.push(...ran);
      return ran;
    },
  }));

async function startInstance(name: string, url: string): Promise<Instance> {
  const database = await openDatabase({ url });
  const mailer = new MemoryMailer();
  const deps = testDeps(database, mailer, () => NOW);
  const reports: JobReport[] = [];
  let server!: ServerType;
  const address = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  const scheduler = startScheduler(deps, { instance: name, jobs: noting(reports), tickOnStart: false, log: () => {} });
  return { name, database, deps, mailer, server, url: `http://127.0.0.1:${address.port}`, scheduler, reports };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance) return;
  instance.scheduler.stop();
  await new Promise((resolve) => instance.server.close(resolve));
  await instance.deps.background.idle();
  await instance.database.close();
}

if (!serverUrl) {
  describe('two Parc instances on one PostgreSQL', () => {
    it.skip('skipped: DATABASE_URL is not set, and the embedded PGlite is one process by design (one server per data folder), so there is no second instance to run', () => {});
  });
} else {
  describe('two Parc instances on one PostgreSQL', () => {
    const databaseName = `parc_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    let a: Instance;
    let b: Instance;

    beforeAll(async () => {
      await admin.unsafe(`create database ${databaseName}`);
      const url = new URL(serverUrl);
      url.pathname = `/${databaseName}`;
      // One after the other: the first migrates the new database, the second finds it migrated.
      a = await startInstance('server A', url.toString());
      b = await startInstance('server B', url.toString());
    });

    afterAll(async () => {
      await stopInstance(a);
      await stopInstance(b);
      await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    });

    it('uses two connection pools on one database', async () => {
      expect(a.database).not.toBe(b.database);
      expect(a.url).not.toBe(b.url);
      for (const instance of [a, b]) expect((await fetch(`${instance.url}/api/health`)).status).toBe(200);
    });

    it('runs each scheduled job once when both schedulers fire for the same slot', async () => {
      const db = a.database.db;
      const [partner] = await db.insert(partners).values({ name: 'Two-instance dealer', email: 'office@two.test' }).returning();
      const [customer] = await db.insert(customers).values({ partnerId: partner!.id, customerNumber: '4242', name: 'Two-instance customer', prefix: 'TW' }).returning();
      const [device] = await db
        .insert(devices)
        .values({ partnerId: partner!.id, customerId: customer!.id, deviceNumber: 1, deviceCode: 'TW-1', serial: 'TWO1', manufacturer: 'Ricoh', model: 'IM C3000', installedAt: new Date('2025-01-01T00:00:00Z') })
        .returning();
      await db.insert(counters).values({ partnerId: partner!.id, deviceId: device!.id, kind: 'mono' });
      await db
        .insert(campaignContacts)
        .values({ partnerId: partner!.id, customerId: customer!.id, email: 'reader@two.test', confirmedAt: new Date('2026-11-01T00:00:00Z'), unsubscribeToken: 'two-instance-unsubscribe' });

      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      // And once more each, as the next minute's ticks would: still the same slots.
      await Promise.all([b.scheduler.tick(), a.scheduler.tick()]);

      // Every job ran on exactly one of the two servers, whichever got there first.
      const ran = [...a.reports, ...b.reports].map((report) => report.job).sort();
      expect(ran).toEqual(['campaign', 'low-stock', 'nightly', 'notices', 'overage', 'proactive-orders', 'reports', 'sweep']);
      const runs = await listRuns(db);
      expect(runs.map((run) => `${run.job} ${run.slot}`).sort()).toEqual(
        [
          'campaign 2026-11-20T08',
          'low-stock 2026-11-20T08',
          `nightly ${partner!.id}/2026-11-19`,
          'notices 2026-11-20T08:00',
          'overage 2026-11-20',
          'proactive-orders 2026-11-20',
          'reports 2026-11-20T08',
          'sweep 2026-11-20T08',
        ].sort(),
      );
      for (const run of runs) {
        expect(run).toMatchObject({ attempts: 1, finished: true });
        expect(['server A', 'server B']).toContain(run.claimedBy);
      }
      // The campaign's effects: one link for the period, one request email between both servers.
      expect(await db.select({ id: meterLinks.id }).from(meterLinks).where(eq(meterLinks.customerId, customer!.id))).toHaveLength(1);
      expect([...a.mailer.sent, ...b.mailer.sent].map((mail) => mail.to)).toEqual(['reader@two.test']);
    });

    it('holds the sign-in limits across both servers', async () => {
      const login = (instance: Instance, email: string) =>
        fetch(`${instance.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'not the password' }) });
      // Per account: the refused sign-ins alternate between the servers and count together.
      for (let attempt = 0; attempt < LOGIN_ACCOUNT_LIMIT.limit; attempt++) {
        expect((await login(attempt % 2 ? b : a, 'held@two.test')).status).toBe(401);
      }
      for (const instance of [a, b]) {
        const held = await login(instance, 'held@two.test');
        expect(held.status).toBe(429);
        expect(await held.json()).toMatchObject({ code: 'rate_limited' });
      }
      // Per address (both servers see 127.0.0.1): the rest of its budget, spread over other emails.
      for (let attempt = LOGIN_ACCOUNT_LIMIT.limit; attempt < LOGIN_ADDRESS_LIMIT.limit; attempt++) {
        expect((await login(attempt % 2 ? a : b, `guess${attempt}@two.test`)).status).toBe(401);
      }
      for (const instance of [a, b]) expect((await login(instance, 'fresh@two.test')).status).toBe(429);
    });
  });
}
