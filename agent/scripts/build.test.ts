import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../src/test/temp-dir.ts';
import { WALKS_DIR } from '../src/test/snmpsim.ts';

const agentDir = fileURLToPath(new URL('..', import.meta.url));
const RICOH_WALK = path.join(WALKS_DIR, 'ricoh_aficio-mp-c3002.snmprec');
if (!existsSync(RICOH_WALK)) console.warn(`[build] SKIPPED: no walk at ${RICOH_WALK}`);

describe.skipIf(!existsSync(RICOH_WALK))('the single-file agent', () => {
  it('builds dist/parc-agent.mjs, which plain node runs away from the repository and its node_modules', () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: agentDir, stdio: 'pipe' });
    const site = tempDir('parc-agent-site-');
    const installed = path.join(site, 'parc-agent.mjs');
    copyFileSync(path.join(agentDir, 'dist/parc-agent.mjs'), installed);

    const output = execFileSync(process.execPath, [installed, 'read', '--walk', RICOH_WALK, '--json'], { cwd: site, encoding: 'utf8' });
    const reading = JSON.parse(output) as { manufacturer: string; model: string; serial: string; counters: { total: number } };
    expect(reading).toMatchObject({ manufacturer: 'Ricoh', model: 'Aficio MP C3002', serial: 'W492KB03439', counters: { total: 271871 } });
  }, 60_000);
});
