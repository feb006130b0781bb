/**
 * SNMPv3 over real SNMP: Debian's snmpsimd serves the real walks with SNMPv3 users (one context per
 * data file, named after the file), and v2c with the file name as community, from one process.
 * The walks must be there: without them (or without snmpsimd) these tests fail, never pass empty.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnmpCredential } from '@parc/shared/contracts/agents';
import { DeviceRegistry } from '../discovery/registry.ts';
import { scan } from '../discovery/scan.ts';
import { randomPort, snmpsimAvailable, snmpsimSkipReason, startSnmpsim, WALKS_DIR, type Snmpsim } from '../test/snmpsim.ts';
import { readPrinter } from './read-printer.ts';
import { SnmpFailure, type Credentials } from './session.ts';

const port = randomPort();
const target = { host: '127.0.0.1', port, timeoutMs: 1500, retries: 0 };
const RICOH = 'ricoh_aficio-mp-c3002';
const SHARP = 'sharp_mx-3570n';
const WALKS = [RICOH, SHARP];

/** user → snmpsimd's protocol names and net-snmp's. */
const USERS = [
  { user: 'parc-sha-aes', auth: ['SHA', 'sha'], priv: ['AES', 'aes'] },
  { user: 'parc-sha256-aes256b', auth: ['SHA256', 'sha256'], priv: ['AES256BLMT', 'aes256b'] },
  { user: 'parc-sha512-aes256r', auth: ['SHA512', 'sha512'], priv: ['AES256', 'aes256r'] },
] as const;
const AUTH_KEY = 'parc-auth-secret';
const PRIV_KEY = 'parc-priv-secret';

const v3 = (index: number, context: string, overrides: Partial<Extract<Credentials, { version: '3' }>> = {}): Credentials => {
  const user = USERS[index] ?? USERS[0];
  return {
    version: '3', user: user.user, authProtocol: user.auth[1], authKey: AUTH_KEY, privProtocol: user.priv[1], privKey: PRIV_KEY, context, ...overrides,
  };
};
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe('SNMPv3 over snmpsimd', () => {
  let snmpsim: Snmpsim | undefined;

  beforeAll(async () => {
    if (!snmpsimAvailable) throw new Error(`SNMPv3 tests need the walks and snmpsimd: ${snmpsimSkipReason}`);
    for (const walk of WALKS) if (!existsSync(path.join(WALKS_DIR, `${walk}.snmprec`))) throw new Error(`missing walk ${walk} in ${WALKS_DIR}`);
    snmpsim = await startSnmpsim({
      endpoints: [`127.0.0.1:${port}`],
      files: Object.fromEntries(WALKS.map((walk) => [walk, path.join(WALKS_DIR, `${walk}.snmprec`)])),
      args: USERS.flatMap(({ user, auth, priv }) => [
        `--v3-user=${user}`, `--v3-auth-key=${AUTH_KEY}`, `--v3-auth-proto=${auth[0]}`, `--v3-priv-key=${PRIV_KEY}`, `--v3-priv-proto=${priv[0]}`,
      ]),
      ready: () => readPrinter({ ...target, timeoutMs: 300 }, v3(0, RICOH)),
    });
  }, 30_000);

  afterAll(() => snmpsim?.stop());

  it.each(USERS.map((user, index) => [user.user, index] as const))('reads the same printer over v3 authPriv (%s) as over v2c', async (_user, index) => {
    for (const walk of WALKS) {
      const overV2c = await readPrinter(target, { version: '2c', community: walk });
      const overV3 = await readPrinter(target, v3(index, walk));
      expect(overV3.counters.total).not.toBeNull();
      expect(overV3).toEqual(overV2c);
    }
  });

  it('finds the printer in a scan of 127.0.0.1 with v3 credentials after a wrong one', async () => {
    const credential = (authKey: string): SnmpCredential => ({
      version: '3', user: 'parc-sha-aes', authProtocol: 'sha', authKey, privProtocol: 'aes', privKey: PRIV_KEY, context: RICOH,
    });
    let next = 0;
    const { report, devices } = await scan({
      ranges: ['127.0.0.1/32'],
      credentials: [credential('not-the-password'), credential(AUTH_KEY)],
      timeoutMs: 1500,
      port,
      registry: new DeviceRegistry([], () => `device-${++next}`),
      scanId: '00000000-0000-4000-8000-000000000031',
      now: () => new Date(),
    });
    expect(devices.map(({ serial, manufacturer, model, credentialIndex }) => ({ serial, manufacturer, model, credentialIndex }))).toEqual([
      { serial: 'W492KB03439', manufacturer: 'Ricoh', model: 'Aficio MP C3002', credentialIndex: 1 },
    ]);
    expect(report.failures).toEqual([]);
  });

  it('says "authentication failure" for a wrong auth password, in a read and in a scan', async () => {
    const failure = await failureOf(readPrinter(target, v3(0, RICOH, { authKey: 'not-the-password' })));
    expect(failure).toBeInstanceOf(SnmpFailure);
    expect((failure as SnmpFailure).reason).toBe('v3_auth_failure');
    expect((failure as SnmpFailure).message).toMatch(/authentication failed/i);

    const { report, devices } = await scan({
      ranges: ['127.0.0.1/32'],
      credentials: [{ version: '3', user: 'parc-sha-aes', authProtocol: 'sha', authKey: 'not-the-password', privProtocol: 'aes', privKey: PRIV_KEY, context: RICOH }],
      timeoutMs: 1500,
      port,
      registry: new DeviceRegistry([], () => 'device'),
      scanId: '00000000-0000-4000-8000-000000000032',
      now: () => new Date(),
    });
    expect(devices).toEqual([]);
    expect(report.failures).toEqual([{ ip: '127.0.0.1', reason: 'v3_auth', message: expect.stringMatching(/authentication failed/i) }]);
  });

  it.each([
    ['a context the printer does not have', 'no-such-context'],
    ['no context where the printer needs one', ''],
  ])('says "missing context" for %s, in a read and in a scan', async (_case, context) => {
    const failure = await failureOf(readPrinter(target, v3(0, context)));
    expect(failure).toBeInstanceOf(SnmpFailure);
    expect((failure as SnmpFailure).reason).toBe('missing_context');

    const { report } = await scan({
      ranges: ['127.0.0.1/32'],
      credentials: [{ version: '3', user: 'parc-sha-aes', authProtocol: 'sha', authKey: AUTH_KEY, privProtocol: 'aes', privKey: PRIV_KEY, context }],
      timeoutMs: 1000,
      port,
      registry: new DeviceRegistry([], () => 'device'),
      scanId: '00000000-0000-4000-8000-000000000033',
      now: () => new Date(),
    });
    expect(report.failures).toEqual([{ ip: '127.0.0.1', reason: 'missing_context', message: expect.stringContaining('context') }]);
  });

  it('still says "timeout" when nothing answers on the port', async () => {
    const failure = await failureOf(readPrinter({ ...target, port: port + 1, timeoutMs: 500 }, v3(0, RICOH)));
    expect((failure as SnmpFailure).reason).toBe('timeout');
  });
});
