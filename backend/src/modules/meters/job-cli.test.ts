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

afterAll(() => {
  stopServer();
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

  it('refuses an unknown job with the usage line', async () => {
    await expect(job('weekly')).rejects.toMatchObject({ stderr: expect.stringContaining('Usage: npm run job -- campaign|nightly') });
  }, 60_000);
});
