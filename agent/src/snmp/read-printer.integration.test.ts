/**
 * Reads walks served by Debian's snmpsimd over real SNMP v2c through the net-snmp adapter.
 * Skips (visibly) when snmpsimd or the walks are missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPrinter } from './read-printer.ts';
import { SnmpFailure } from './session.ts';

const walksDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', '../shared/snmp-walks/walks');
const hasSnmpsim = spawnSync('sh', ['-c', 'command -v snmpsimd'], { encoding: 'utf8' }).status === 0;
const available = hasSnmpsim && existsSync(walksDir);
if (!available) console.warn(`[integration] SKIPPED: ${hasSnmpsim ? `no walks at ${walksDir}` : 'snmpsimd not installed (apt-get install snmpsim)'}`);

const port = 20000 + Math.floor(Math.random() * 20000);
const target = { host: '127.0.0.1', port, timeoutMs: 1500, retries: 0 };
const WALKS = ['ricoh_aficio-mp-c3002', 'hp_laserjet-mfp-m129-m134', 'kyocera_ecosys-pa4000wx'];

describe.skipIf(!available)('readPrinter over snmpsimd', () => {
  let server: ChildProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'parc-snmpsim-'));
    // snmpsimd drops to `nobody`: the folder (mkdtemp makes it 0700) and copies must be world-readable.
    chmodSync(dataDir, 0o755);
    for (const walk of WALKS) {
      const copy = path.join(dataDir, `${walk}.snmprec`);
      copyFileSync(path.join(walksDir, `${walk}.snmprec`), copy);
      chmodSync(copy, 0o644);
    }
    server = spawn('snmpsimd', [`--data-dir=${dataDir}`, `--agent-udpv4-endpoint=127.0.0.1:${port}`, '--process-user=nobody', '--process-group=nogroup'], { stdio: 'ignore' });
    // snmpsimd indexes the data dir before answering: poll until a read succeeds.
    const started = Date.now();
    for (;;) {
      try {
        await readPrinter({ ...target, timeoutMs: 300 }, { version: '2c', community: WALKS[0] ?? '' });
        break;
      } catch (error) {
        if (Date.now() - started > 20_000) throw new Error(`snmpsimd not ready after 20 s: ${(error as Error).message}`);
      }
    }
    console.log(`[integration] snmpsimd ready after ${Date.now() - started} ms`);
  }, 30_000);

  afterAll(() => {
    server?.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['ricoh_aficio-mp-c3002', { vendor: 'ricoh', model: 'Aficio MP C3002', serial: 'W492KB03439', total: 271871 }],
    ['hp_laserjet-mfp-m129-m134', { vendor: 'hp', model: 'LaserJet MFP M129-M134', serial: 'VNCRC48198', total: 15232 }],
    ['kyocera_ecosys-pa4000wx', { vendor: 'kyocera', model: 'ECOSYS PA4000wx', serial: '1AP5407021', total: 15 }],
  ])('reads %s over v2c', async (community, expected) => {
    const reading = await readPrinter(target, { version: '2c', community });
    expect({ vendor: reading.vendor, model: reading.model, serial: reading.serial, total: reading.counters.total }).toEqual(expected);
  });

  it.each([
    ['a wrong community', port, 'nobody-here'],
    ['a dead port', port + 1, WALKS[0] ?? ''],
  ])('reports timeout for %s', async (_case, deadPort, community) => {
    const failure = await readPrinter({ ...target, port: deadPort, timeoutMs: 500 }, { version: '2c', community }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SnmpFailure);
    expect((failure as SnmpFailure).reason).toBe('timeout');
  });
});
