/**
 * Reads walks served by Debian's snmpsimd over real SNMP v2c through the net-snmp adapter.
 * Skips (visibly) when snmpsimd or the walks are missing.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomPort, skipWithoutSnmpsim, snmpsimSkipReason, startSnmpsim, WALKS_DIR, type Snmpsim } from '../test/snmpsim.ts';
import { readPrinter } from './read-printer.ts';
import { SnmpFailure } from './session.ts';

if (skipWithoutSnmpsim) console.warn(`[integration] SKIPPED: ${snmpsimSkipReason}`);

const port = randomPort();
const target = { host: '127.0.0.1', port, timeoutMs: 1500, retries: 0 };
const WALKS = ['ricoh_aficio-mp-c3002', 'hp_laserjet-mfp-m129-m134', 'kyocera_ecosys-pa4000wx'];

describe.skipIf(skipWithoutSnmpsim)('readPrinter over snmpsimd', () => {
  let snmpsim: Snmpsim | undefined;

  beforeAll(async () => {
    snmpsim = await startSnmpsim({
      endpoints: [`127.0.0.1:${port}`],
      files: Object.fromEntries(WALKS.map((walk) => [walk, path.join(WALKS_DIR, `${walk}.snmprec`)])),
      ready: () => readPrinter({ ...target, timeoutMs: 300 }, { version: '2c', community: WALKS[0] ?? '' }),
    });
  }, 30_000);

  afterAll(() => snmpsim?.stop());

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
