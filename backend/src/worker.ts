import { z } from 'zod';
import { createApp } from './app.ts';
import { createBackgroundTasks } from './background.ts';
import type { Database } from './db/client.ts';
import type { AppDeps } from './deps.ts';
import { ResendMailer } from './mail/resend.ts';
import { createPbkdf2Hasher, WORKERS_PBKDF2_ITERATIONS } from './modules/auth/pbkdf2.ts';
import { runScheduledJobs } from './modules/jobs/scheduled.ts';
import type { ExportBucket } from './modules/meters/nightly.job.ts';

// Cloudflare Workers entry (wrangler.toml at the repository root). Everything imported from here
// must bundle for workerd: no PGlite, no node:fs, no native argon2. The PWA is served by Workers
// static assets; this answers /api/* and /downloads/* (from the assets). The entry module wrangler
// bundles is worker.entry.ts. Migrations are not run here: run them from Node against the
// same database: DATABASE_URL=<direct URL> npx tsx backend/src/db/migrate.ts

/** The bindings wrangler.toml declares; typed here rather than through @cloudflare/workers-types' globals. */
export interface WorkerEnv {
  HYPERDRIVE?: { connectionString: string };
  PUBLIC_URL?: string;
  RESEND_API_KEY?: string;
  /** Points Resend at another endpoint (a staging relay, or a local stub in tests). */
  RESEND_BASE_URL?: string;
  MAIL_FROM?: string;
  /** The static assets (pwa/dist, with the agent in downloads/: see scripts/agent-downloads.mjs). */
  ASSETS?: { fetch(request: Request): Promise<Response> };
  /** Optional R2 bucket for the nightly export's per-partner files; without it the night goes to the webhook only. */
  EXPORTS?: ExportBucket;
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
 * The cron in wrangler.toml fires hourly and runs the scheduled jobs (modules/jobs/scheduled.ts): the
 * campaign each hour, the nightly for partners whose cutoff passed within the hour, the overage
 * alerts once a day from OVERAGE_JOB_HOUR_UTC; each claims its slot, so it runs once however often it fires.
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
    background: createBackgroundTasks(),
  };
}

const DOWNLOADS = '/downloads/';

/**
 * What the Node server serves from agent/dist (main.ts), from the static assets: the same bytes and
 * headers, and the same 404 when the file is not there. The Worker answers these paths first
 * (run_worker_first): under single-page-application handling a missing file would otherwise come
 * back as the app's HTML shell, named parc-agent.mjs.
 */
async function download(request: Request, assets: WorkerEnv['ASSETS']): Promise<Response> {
  const name = new URL(request.url).pathname.slice(DOWNLOADS.length);
  const asset = assets && /^[\w.-]+$/.test(name) ? await assets.fetch(request) : null;
  if (asset?.status === 304) return asset;
  if (!asset?.ok || asset.headers.get('content-type')?.startsWith('text/html')) {
    return Response.json({ code: 'not_found', message: `${name} is not in this deployment's static assets: run npm run build before wrangler deploy.` }, { status: 404 });
  }
  const headers = new Headers(asset.headers);
  if (name.endsWith('.mjs')) headers.set('content-type', 'text/javascript; charset=utf-8');
  headers.set('content-disposition', `attachment; filename="${name}"`);
  return new Response(asset.body, { status: 200, headers });
}

/**
 * The Worker, given how to reach the database. Each request gets its own connection, closed after
 * the response: Workers may not share I/O between requests, and Hyperdrive does the pooling.
 */
export function createWorker(connect: (connectionString: string) => Database) {
  return {
    async fetch(request: Request, env: WorkerEnv, context: WorkerContext): Promise<Response> {
      if (new URL(request.url).pathname.startsWith(DOWNLOADS)) return download(request, env.ASSETS);
      const config = readWorkerConfig(env);
      const database = connect(config.HYPERDRIVE.connectionString);
      const deps = depsFor(config, database);
      try {
        return await createApp(deps).fetch(request);
      } finally {
        // The connection stays open for the emails the request left to send after answering.
        context.waitUntil(deps.background.idle().then(() => database.close()));
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
          // Every scheduled job, each claiming its slot: a trigger firing twice, or beside Node servers, runs nothing twice.
          const { reports, failures } = await runScheduledJobs({ ...deps, exportBucket: env.EXPORTS ?? null }, at, {
            since: new Date(at.getTime() - CRON_INTERVAL_MS),
            instance: `worker cron ${event.cron}`,
          });
          console.log(`Cron "${event.cron}" at ${at.toISOString()}: ${reports.map((report) => report.brief).join('; ') || 'nothing due'}.`);
          for (const { job, error } of failures) console.error(`Scheduled job ${job} failed; the next trigger tries again.`, error);
        } finally {
          await database.close();
        }
      };
      context.waitUntil(run());
    },
  };
}
