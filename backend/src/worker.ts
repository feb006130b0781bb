import { z } from 'zod';
import { createApp } from './app.ts';
import type { Database } from './db/client.ts';
import { connectPostgres } from './db/postgres.ts';
import type { AppDeps } from './deps.ts';
import { ResendMailer } from './mail/resend.ts';
import { createPbkdf2Hasher, WORKERS_PBKDF2_ITERATIONS } from './modules/auth/pbkdf2.ts';
import { OVERAGE_JOB_HOUR_UTC, runOverageAlerts } from './modules/billing/overage.job.ts';
import { runCampaign } from './modules/meters/campaign.job.ts';
import { runNightly } from './modules/meters/nightly.job.ts';

// Cloudflare Workers entry (wrangler.toml at the repository root). Everything imported from here
// must bundle for workerd: no PGlite, no node:fs, no native argon2. The PWA is served by Workers
// static assets; this answers /api/*. Migrations are not run here: run them from Node against the
// same database: DATABASE_URL=<direct URL> npx tsx backend/src/db/migrate.ts

/** The bindings wrangler.toml declares; typed here rather than through @cloudflare/workers-types' globals. */
export interface WorkerEnv {
  HYPERDRIVE?: { connectionString: string };
  PUBLIC_URL?: string;
  RESEND_API_KEY?: string;
  /** Points Resend at another endpoint (a staging relay, or a local stub in tests). */
  RESEND_BASE_URL?: string;
  MAIL_FROM?: string;
}

interface WorkerContext {
  waitUntil(promise: Promise<unknown>): void;
}

interface ScheduledEvent {
  cron: string;
  scheduledTime: number;
}

const WorkerConfigSchema = z.object({
  HYPERDRIVE: z.object({ connectionString: z.string().min(1) }, { error: 'the Hyperdrive binding is missing ([[hyperdrive]] in wrangler.toml)' }),
  PUBLIC_URL: z.url({ error: 'set the PUBLIC_URL var in wrangler.toml to the address Parc is served at' }),
  RESEND_API_KEY: z.string({ error: 'set the secret with "npx wrangler secret put RESEND_API_KEY"' }).min(1),
  RESEND_BASE_URL: z.url().optional(),
  MAIL_FROM: z.string().min(1).default('Parc <parc@localhost>'),
});

/** Throws naming every missing or invalid binding, so a misconfigured deployment says what to fix. */
export function readWorkerConfig(env: WorkerEnv) {
  const parsed = WorkerConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Parc's Worker is misconfigured: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

/**
 * The cron in wrangler.toml fires hourly: the campaign job runs each time, the nightly for partners
 * whose cutoff passed within the hour, the overage alerts once a day at OVERAGE_JOB_HOUR_UTC.
 */
export const CRON_INTERVAL_MS = 3_600_000;

function depsFor(config: ReturnType<typeof readWorkerConfig>, database: Database): AppDeps {
  const publicUrl = config.PUBLIC_URL.replace(/\/$/, '');
  return {
    db: database.db,
    dbKind: database.kind,
    mailer: new ResendMailer(config.RESEND_API_KEY, config.MAIL_FROM, config.RESEND_BASE_URL),
    passwords: createPbkdf2Hasher(WORKERS_PBKDF2_ITERATIONS),
    clock: () => new Date(),
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    // No local disk on Workers: the nightly export goes to the webhook only, and jobs run from the cron, not a command.
    dataDir: null,
    jobSecret: null,
  };
}

/**
 * The Worker, given how to reach the database. Each request gets its own connection, closed after
 * the response: Workers may not share I/O between requests, and Hyperdrive does the pooling.
 */
export function createWorker(connect: (connectionString: string) => Database) {
  return {
    async fetch(request: Request, env: WorkerEnv, context: WorkerContext): Promise<Response> {
      const config = readWorkerConfig(env);
      const database = connect(config.HYPERDRIVE.connectionString);
      try {
        return await createApp(depsFor(config, database)).fetch(request);
      } finally {
        context.waitUntil(database.close());
      }
    },

    /** The same idempotent jobs the Node scheduler runs; a missed or repeated trigger sends nothing twice. */
    async scheduled(event: ScheduledEvent, env: WorkerEnv, context: WorkerContext): Promise<void> {
      const config = readWorkerConfig(env);
      const database = connect(config.HYPERDRIVE.connectionString);
      const deps = depsFor(config, database);
      const at = new Date(event.scheduledTime);
      const run = async () => {
        try {
          const campaign = await runCampaign(deps, at);
          const nightly = await runNightly(deps, at, { since: new Date(at.getTime() - CRON_INTERVAL_MS) });
          console.log(`Cron "${event.cron}" at ${at.toISOString()}: ${campaign.linksIssued} links issued, ${campaign.requestsSent} requests and ${campaign.remindersSent} reminders sent, ${nightly.partners.length} partners transmitted.`);
          if (at.getUTCHours() === OVERAGE_JOB_HOUR_UTC) {
            const overage = await runOverageAlerts(deps, at);
            console.log(`Overage alerts: ${overage.emailsSent} emails sent for ${overage.alertsRecorded} alerts, ${overage.failures.length} customers failed.`);
          }
        } finally {
          await database.close();
        }
      };
      context.waitUntil(run());
    },
  };
}

export default createWorker((connectionString) => connectPostgres(connectionString, { max: 5, fetch_types: false }));
