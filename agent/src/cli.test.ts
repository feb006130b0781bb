/** The installed command, end to end: a child process talking to a fake backend in this process. */
import { execFile } from 'node:child_process';

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBackend } from './test/fake-backend.ts';
import { WALKS_DIR } from './test/snmpsim.ts';
import { tempDir } from './test/temp-dir.ts';

const bin = fileURLToPath(new URL('../bin/parc-agent.mjs', import.meta.url));
async function parcAgent(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('parc-agent', () => {
  let backend: FakeBackend;
  beforeAll(async () => {
    backend = await new FakeBackend().start();
    backend.keys.set('WTCD-GSAL-RGHJ-QJYS', 'unused');
  });
  afterAll(() => backend.stop());

  it('enrolls, then status shows it; a second use of the key is refused', async () => {
    const dir = tempDir('parc-cli-');
    const enrolled = await parcAgent('enroll', '--config-dir', dir, '--server', backend.url, '--key', 'WTCD-GSAL-RGHJ-QJYS');
    expect(enrolled).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Enrolled with http:\/\/127\.0\.0\.1:\d+ as agent [0-9a-f-]{36}\./) });
    const status = await parcAgent('status', '--config-dir', dir);
    expect(status.stdout).toMatch(/enrolled: yes, agent [0-9a-f-]{36} on http/);
    expect(status.stdout).toContain('journal: 0 sample(s) waiting');
    const again = await parcAgent('enroll', '--config-dir', tempDir('parc-cli-'), '--server', backend.url, '--key', 'WTCD-GSAL-RGHJ-QJYS');
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('This key was already used') });
  }, 20_000);

  it.each([
    [['enroll', '--server', 'http://x', '--key', 'WTCD-GSAL'], 2, /not an enrollment key/],
    [['run', '--config-dir', '/nonexistent/parc'], 2, /not enrolled/],
    [['nonsense'], 2, /usage:/],
  ])('%j exits %i', async (args, code, message) => {
    const result = await parcAgent(...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  }, 20_000);

  it('reads a walk file as JSON', async () => {
    const result = await parcAgent('read', '--walk', path.join(WALKS_DIR, 'ricoh_aficio-mp-c3002.snmprec'), '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({ serial: 'W492KB03439', counters: { total: 271871 } });
  }, 20_000);
});
