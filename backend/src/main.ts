import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { securityHeaders } from './http/security.ts';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApp } from './app.ts';
import { openDatabase } from './db/open.ts';
import { DataFolderBusyError, lockDataFolder, type FolderLock } from './db/lock.ts';
import { loadConfig } from './env.ts';
import { toErrorResponse } from './http/errors.ts';
import { writeJobSecret } from './modules/meters/job-secret.ts';
import { describeJob } from './modules/meters/jobs.ts';
import { startScheduler } from './modules/meters/scheduler.ts';
import { firstRunLink } from './modules/setup/setup.service.ts';
import { createNodeDeps, outboxFolder } from './node-deps.ts';
import { DEMO_METER_CUSTOMER, demoLoginLines } from './demo/plan.ts';
import { demoMeterLink, hasDemoAccounts, seedDemo } from './demo/seed.ts';

const PWA_DIST = fileURLToPath(new URL('../../pwa/dist', import.meta.url));
/** The single-file agent (`npm run build -w @parc/agent`), linked from the console's agent downloads. */
const AGENT_BUNDLE = fileURLToPath(new URL('../../agent/dist/parc-agent.mjs', import.meta.url));

const config = loadConfig();
const lock: FolderLock | null = config.databaseUrl ? null : lockOrExit(config.dataDir);

function lockOrExit(dataDir: string): FolderLock {
  try {
    return lockDataFolder(dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderBusyError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pg') });
// With the embedded database, `npm run job` asks this server to run jobs instead of opening the folder.
const deps = createNodeDeps(config, database, lock ? writeJobSecret(config.dataDir) : null);

if (config.demo && (await seedDemo(deps.db, { now: deps.clock(), hashPassword: (password) => deps.passwords.hash(password) }))) {
  console.log('Seeded the demo dealer into the empty database.');
}
// Only where the demo accounts exist: a real installation started in demo mode must not advertise them.
const demoLogins = config.demo && (await hasDemoAccounts(deps.db)) ? demoLoginLines() : [];
// What the campaign email would bring the demo customer: its page, to try without waiting for the 20th.
const demoLink = demoLogins.length > 0 ? await demoMeterLink(deps) : null;
if (demoLink) demoLogins.push(`Demo customer ${DEMO_METER_CUSTOMER}'s meter link (valid until ${demoLink.expiresAt.toISOString()}):`, `  ${demoLink.url}`);
// No dealer yet (the demo is off): whoever the operator gives this link to creates the first one.
// A new link at every start; the one printed before stops working.
const setupLink = await firstRunLink(deps);

const root = new Hono();
root.onError(toErrorResponse);
root.use('*', securityHeaders({ https: deps.publicUrl.startsWith('https:') }));
// Phones on a poor connection are the customers' and technicians' normal case: compress what is text.
root.use('*', compress());
root.route('/', createApp(deps));
// Looked up per request: a bundle built while the server runs is served without a restart.
root.get('/downloads/parc-agent.mjs', async (c) =>
  existsSync(AGENT_BUNDLE)
    ? c.body(await readFile(AGENT_BUNDLE), 200, { 'content-type': 'text/javascript; charset=utf-8', 'content-disposition': 'attachment; filename="parc-agent.mjs"' })
    : c.json({ code: 'not_found', message: 'The agent is not built on this server: run npm run build -w @parc/agent.' }, 404),
);
if (existsSync(PWA_DIST)) {
  const root_ = relative(process.cwd(), PWA_DIST) || '.';
  // Vite names built assets by content hash, so they can be kept for good; the shell and the service worker never.
  root.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  root.use('/*', serveStatic({ root: root_ }));
  // Client-side routes (/login, /m/<token>, …) load the app shell; a missing asset stays a 404.
  // Only known asset extensions count: a link token (header.payload.signature) also contains dots.
  const shell = await readFile(join(PWA_DIST, 'index.html'), 'utf8');
  const missingAsset = /\.(js|mjs|css|map|png|jpe?g|svg|ico|webp|json|webmanifest|txt|woff2?)$/i;
  root.get('*', (c) => (missingAsset.test(c.req.path) ? c.text('Not found', 404) : c.html(shell)));
} else {
  console.warn(`The PWA is not built (${PWA_DIST} is missing): run "npm run build" to serve the app; the API works without it.`);
}

const server = serve({ fetch: root.fetch, port: config.port, hostname: config.host }, (info) => {
  const url = config.publicUrl ?? `http://localhost:${info.port}`;
  lock?.setUrl(`http://127.0.0.1:${info.port}`);
  console.log(`Parc is running at ${url} (database: ${database.kind}${database.kind === 'pglite' ? `, data in ${config.dataDir}` : ''})`);
  if (!config.resend) console.log(`Emails are written to the outbox ${outboxFolder(config)} (one .eml file per message).`);
  console.log(`  Partner console: ${url}/console\n  Technician app:  ${url}/tech`);
  for (const line of demoLogins) console.log(line);
  if (setupLink) console.log(`This installation has no dealer yet. ${describeJob({ job: 'setup-link', summary: setupLink })}`);
});
// Campaign emails hourly, the nightly transmission at each partner's cutoff (see scheduler.ts).
const scheduler = startScheduler(deps);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Parc is stopping (${signal}).`);
  scheduler.stop();
  server.close();
  // Emails a form already promised (reset links, sign-up confirmations) go out before the database closes.
  await deps.background.idle();
  await database.close();
  lock?.release();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
