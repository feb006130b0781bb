import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readLockOwner } from '../../db/lock.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'parc-job-'));
// The embedded database only: a DATABASE_URL from the test environment would bypass the folder.
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PARC_DEMO: '0', PORT: '0', HOST: '127.0.0.1' };
let server: ChildProcess | undefined;

const job = (...args: string[]) => run('npx', ['tsx', 'backend/src/job.ts', ...args], { cwd: ROOT, env, timeout: 90_000 });

async function waitFor<T>(probe: () => T | null, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let stopped = false;
const stopServer = () => {
  if (!server?.pid || stopped) return;
  stopped = true;
  process.kill(-server.pid, 'SIGTERM');
};

/** The server of the setup-link test, with its output; stopped with the rest, without waiting for it. */
let setupServer: ChildProcess | undefined;
let serverOutput = '';

afterAll(() => {
  stopServer();
  if (setupServer?.pid) process.kill(-setupServer.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run job', () => {
  it('asks the server holding the data folder to run the job instead of opening it', async () => {
    // Its own process group, so stopping it reaches the node process behind npx and tsx.
    server = spawn('npx', ['tsx', 'backend/src/main.ts'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
    const owner = await waitFor(() => {
      const current = readLockOwner(dataDir);
      return current?.url ? current : null;
    }, 60_000);
    expect(statSync(join(dataDir, 'parc.job-secret')).mode & 0o777).toBe(0o600);

    const { stdout } = await job('campaign', '--as-of', '2026-11-20');
    expect(stdout).toContain(`in use by Parc process ${owner.pid}`);
    expect(stdout).toContain('the job runs inside that server');
    expect(stdout).toContain('Campaign job as of 2026-11-20T23:59:59.999Z');
    expect(stdout).toContain('links issued: 0');
    // The server still holds the folder: the command never took it.
    expect(readLockOwner(dataDir)?.pid).toBe(owner.pid);
  }, 120_000);

  it('takes the lock itself on a free folder, runs, and lets go', async () => {
    stopServer();
    await waitFor(() => (readLockOwner(dataDir) === null && !existsSync(join(dataDir, 'parc.lock')) ? true : null), 30_000);
    const { stdout } = await job('nightly', '--as-of', '2026-11-20');
    expect(stdout).toContain('this command locked it for the job');
    expect(stdout).toContain('Nightly job as of 2026-11-20T23:59:59.999Z');
    expect(existsSync(join(dataDir, 'parc.lock'))).toBe(false);
  }, 120_000);

  it('refuses --as-of for a setup link', async () => {
    await expect(job('add-partner', '--as-of', '2026-11-20')).rejects.toMatchObject({ stderr: expect.stringContaining('add-partner takes no --as-of') });
  }, 60_000);

  it('refuses an unknown job with the usage line', async () => {
    await expect(job('weekly')).rejects.toMatchObject({ stderr: expect.stringContaining('Usage: npm run job -- campaign|nightly') });
  }, 60_000);

  it('prints a setup link at the start of a server without a dealer; setup-link replaces it, and refuses once the dealer exists', async () => {
    // Last in the file, on the folder the tests above left without a dealer: its own server.
    setupServer = spawn('npx', ['tsx', 'backend/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    setupServer.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
    const owner = await waitFor(() => {
      const current = readLockOwner(dataDir);
      return current?.url ? current : null;
    }, 60_000);
    const linkIn = (text: string) => /(http:\/\/\S+\/setup\/(\S+))/.exec(text);
    const printed = await waitFor(() => linkIn(serverOutput), 30_000);
    expect(serverOutput).toContain('This installation has no dealer yet.');
    const setupApi = (url: string) => `${owner.url}/api/setup/${new URL(url).pathname.split('/').pop()}`;

    const { stdout } = await job('setup-link');
    expect(stdout).toContain('Open this link to set up Parc');
    const replacement = linkIn(stdout)!;
    expect(replacement[1]).not.toBe(printed[1]);
    expect((await fetch(setupApi(printed[1]!))).status).toBe(410);
    expect((await fetch(setupApi(replacement[1]!))).status).toBe(200);

    const dealer = { name: 'Kopierwerk Basel AG', country: 'CH', currency: 'CHF', language: 'de', timeZone: 'Europe/Zurich' };
    const admin = { name: 'Ursula Meier', email: 'ursula@kopierwerk.test', password: 'Grüezi Druckerflotte 7' };
    const created = await fetch(setupApi(replacement[1]!), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dealer, admin }) });
    expect(created.status).toBe(201);

    // A dealer exists: the command explains how to add another, and fails for scripts.
    await expect(job('setup-link')).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('npm run job -- add-partner') });
    const added = await job('add-partner');
    expect(added.stdout).toContain('Send this link to the new dealer');
    expect((await fetch(setupApi(linkIn(added.stdout)![1]!))).status).toBe(200);
  }, 180_000);
});
