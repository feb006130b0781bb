/**
 * Starts the real backend as a child process on a free port with a fresh data folder (and, when
 * DATABASE_URL is set, a fresh database on that server), waits until it answers, and stops it after.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Another entry can be tried with PARC_E2E_BACKEND_ENTRY (path from the repo root). */
const backendEntry = process.env.PARC_E2E_BACKEND_ENTRY ?? 'backend/src/main.ts';
const startTimeoutMs = 60_000;

export interface RunningServer {
  baseURL: string;
  /** The server's DATA_DIR (outbox/, exports/, and the embedded database when there is no DATABASE_URL). */
  dataDir: string;
  /** `npm run job -- <args>` against the same installation (same DATA_DIR and database); resolves with its output. */
  runJob(args: string[]): Promise<string>;
  /** Everything the child printed so far, for failure messages. */
  output(): string;
  /** Stops the server but keeps its data folder and database, for resume(). */
  halt(): Promise<void>;
  /** Starts the server again on the same port, data folder and database; resolves once it answers. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The backend serves pwa/dist; build it once when missing so a fresh clone can run the specs. */
export function ensurePwaBuilt(): void {
  if (existsSync(join(repoRoot, 'pwa/dist/index.html'))) return;
  execFileSync('npm', ['run', 'build', '-w', '@parc/pwa'], { cwd: repoRoot, stdio: 'inherit' });
}

/** Creates `parc_e2e_<random>` on the server of `serverUrl`; returns its URL and a function that drops it. */
async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parc_e2e_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The backend exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The backend did not answer GET /api/health with 200 within ${startTimeoutMs / 1000}s:\n${output()}`);
}

export interface ServerOptions {
  /** Seed the demo dealer into the empty database (default); false starts as a fresh installation, which prints its setup link. */
  demo?: boolean;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  ensurePwaBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'parc-e2e-data-'));
  const database = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : undefined;

  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, PARC_DEMO: options.demo === false ? '0' : '1' };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  const baseURL = `http://127.0.0.1:${port}`;
  let printed = '';
  const output = () => printed;
  let child: ChildProcess | null = null;

  // Its own process group, so stopping it also stops the node process that npx starts.
  async function launch() {
    const started = spawn('npx', ['tsx', backendEntry], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child = started;
    await waitForHealth(baseURL, started, output);
  }

  async function halt() {
    const running = child;
    if (running && running.exitCode === null && running.pid !== undefined) {
      process.kill(-running.pid, 'SIGTERM');
      const killed = setTimeout(() => running.pid !== undefined && process.kill(-running.pid, 'SIGKILL'), 10_000);
      await exited(running);
      clearTimeout(killed);
    }
    child = null;
  }

  async function stop() {
    await halt();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }
  const runJob = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile('npm', ['run', '--silent', 'job', '--', ...args], { cwd: repoRoot, env }, (error, stdout, stderr) =>
        error ? reject(new Error(`npm run job -- ${args.join(' ')} failed:\n${stdout}${stderr}`)) : resolve(stdout + stderr),
      );
    });
  return { baseURL, dataDir, runJob, output, halt, resume: launch, stop };
}
