import { join } from 'node:path';
import { DataFolderBusyError, lockDataFolder, readLockOwner, type LockOwner } from './db/lock.ts';
import { openDatabase } from './db/open.ts';
import { loadConfig, type Config } from './env.ts';
import { readJobSecret } from './modules/meters/job-secret.ts';
import { describeJob, runJob, SETUP_JOBS, type JobResult } from './modules/meters/jobs.ts';
import { asOfSchema, JOB_NAMES, parseAsOf, type JobName } from './modules/meters/meters.schemas.ts';
import { createNodeDeps } from './node-deps.ts';

/**
 * `npm run job -- campaign|nightly|overage [--as-of YYYY-MM-DD]`, and `npm run job -- setup-link|add-partner`
 * (a one-time link that creates a dealer: the first one, or one more). Against DATABASE_URL when set. With the
 * embedded database only one process may open the folder: when a Parc server holds it, the job
 * runs inside that server (POST /api/internal/jobs/:name with the secret it keeps beside its
 * lock); otherwise this command takes the lock itself, runs the job and lets go.
 */

const USAGE = 'Usage: npm run job -- campaign|nightly|overage [--as-of YYYY-MM-DD | --as-of 2026-11-20T08:00:00+01:00]\n       npm run job -- setup-link|add-partner';
/** A server that just started has the lock but not yet its URL: wait this long for it. */
const SERVER_URL_WAIT_MS = 10_000;

function parseArgs(argv: string[]): { name: JobName; asOf: string | undefined } {
  const [name, ...rest] = argv;
  if (!JOB_NAMES.includes(name as JobName)) throw new Error(USAGE);
  let asOf: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--as-of') asOf = rest[++i];
    else if (arg.startsWith('--as-of=')) asOf = arg.slice('--as-of='.length);
    else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  if (asOf !== undefined && SETUP_JOBS.includes(name as JobName)) throw new Error(`${name} takes no --as-of: its link is valid from now\n${USAGE}`);
  if (asOf !== undefined && !asOfSchema.safeParse(asOf).success) throw new Error(`--as-of wants a date (2026-11-20) or an ISO instant, not ${asOf}\n${USAGE}`);
  return { name: name as JobName, asOf };
}

async function runHere(config: Config, databaseOptions: { url: string } | { dataDir: string }, name: JobName, asOf: string | undefined): Promise<JobResult> {
  const database = await openDatabase(databaseOptions);
  try {
    const deps = createNodeDeps(config, database, null);
    return await runJob(deps, name, parseAsOf(asOf, deps.clock()));
  } finally {
    await database.close();
  }
}

async function ownerUrl(dataDir: string, owner: LockOwner): Promise<string> {
  const deadline = Date.now() + SERVER_URL_WAIT_MS;
  let current: LockOwner | null = owner;
  while (current && !current.url && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    current = readLockOwner(dataDir);
  }
  if (!current?.url) throw new Error(`Parc process ${owner.pid} holds ${dataDir} but is not serving yet; try again in a moment.`);
  return current.url;
}

async function runInServer(dataDir: string, owner: LockOwner, name: JobName, asOf: string | undefined): Promise<JobResult> {
  const url = await ownerUrl(dataDir, owner);
  const secret = readJobSecret(dataDir);
  if (!secret) throw new Error(`Parc process ${owner.pid} holds ${dataDir} but left no job secret there (an older Parc?): stop it and run the job again.`);
  console.log(`The data folder ${dataDir} is in use by Parc process ${owner.pid} at ${url}: the job runs inside that server.`);
  const response = await fetch(`${url}/api/internal/jobs/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(asOf ? { asOf } : {}),
  });
  if (!response.ok) throw new Error(`The server answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as JobResult;
}

/** Prints what the job did; a refused setup link (a dealer exists) also fails the command, for scripts. */
function report(result: JobResult): void {
  console.log(describeJob(result));
  if (result.job === 'setup-link' && result.summary === null) process.exitCode = 1;
}

async function main(): Promise<void> {
  const { name, asOf } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  if (config.databaseUrl) {
    report(await runHere(config, { url: config.databaseUrl }, name, asOf));
    return;
  }
  const owner = readLockOwner(config.dataDir);
  if (owner) {
    report(await runInServer(config.dataDir, owner, name, asOf));
    return;
  }
  let lock;
  try {
    lock = lockDataFolder(config.dataDir);
  } catch (error) {
    // A server took the folder between our look and our lock: ask it instead.
    if (!(error instanceof DataFolderBusyError)) throw error;
    report(await runInServer(config.dataDir, error.owner, name, asOf));
    return;
  }
  try {
    console.log(`No Parc server holds ${config.dataDir}: this command locked it for the job.`);
    report(await runHere(config, { dataDir: join(config.dataDir, 'pg') }, name, asOf));
  } finally {
    lock.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
