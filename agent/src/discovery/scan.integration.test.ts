/**
 * Discovery over real SNMP: every walk served by snmpsimd on its own 127.66.0.x address of a /24,
 * plus the Ricoh again on a second address. Prints rough scan times (the real benchmark lives in bench/).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPrinter } from '../snmp/index.ts';
import { liveAgentWalks, perEndpoint, randomPort, skipWithoutSnmpsim, snmpsimSkipReason, startSnmpsim, WALKS_DIR, type Snmpsim } from '../test/snmpsim.ts';
import { parseWalk } from '../walk/index.ts';
import { identifyFromVarbinds } from './identify.ts';
import { DeviceRegistry } from './registry.ts';
import { scan } from './scan.ts';

if (skipWithoutSnmpsim) console.warn(`[discovery] SKIPPED: ${snmpsimSkipReason}`);

const port = randomPort();
const SUBNET = '127.66.0';
const walks = !skipWithoutSnmpsim ? liveAgentWalks(['detection_only/lexmarkprinter.snmprec']) : [];
const RICOH = 'ricoh_aficio-mp-c3002.snmprec';
/** Endpoint n serves hosts[n]: every walk once, the Ricoh twice, and one SNMP host that is not a printer. */
const hosts = [...walks, RICOH, 'router'];
const ROUTER = '1.3.6.1.2.1.1.1.0|4|Linux edge-router 6.1\n1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10\n';
const ipOf = (index: number) => `${SUBNET}.${index + 1}`;

/** Distinct printers as identity (serial, else MAC, else address) says, computed from the files themselves. */
function expectedDeviceCount(): number {
  const keys = new Set<string>();
  for (const [index, file] of hosts.entries()) {
    if (file === 'router') continue;
    const identity = identifyFromVarbinds(parseWalk(readFileSync(path.join(WALKS_DIR, file), 'utf8')).varbinds);
    keys.add(identity.serial ?? identity.mac ?? (file === RICOH ? RICOH : ipOf(index)));
  }
  return keys.size;
}

const newRegistry = () => {
  let next = 0;
  return new DeviceRegistry([], () => `device-${++next}`);
};
const credentials = [
  { version: '2c' as const, community: 'not-this-one' },
  { version: '2c' as const, community: 'public' },
];

describe.skipIf(skipWithoutSnmpsim)('scan over snmpsimd', () => {
  let snmpsim: Snmpsim | undefined;

  beforeAll(async () => {
    snmpsim = await startSnmpsim({
      endpoints: hosts.map((_, index) => `${ipOf(index)}:${port}`),
      files: Object.fromEntries(hosts.map((file, index) => [perEndpoint('public', index), file === 'router' ? { text: ROUTER } : path.join(WALKS_DIR, file)])),
      ready: () => readPrinter({ host: ipOf(0), port, timeoutMs: 300, retries: 0 }, { version: '2c', community: 'public' }),
    });
  }, 30_000);

  afterAll(() => snmpsim?.stop());

  // How fast a /24 goes is measured in bench/agent.bench.ts, never asserted here.
  it('finds every printer of a /24 once, by serial and MAC', async () => {
    const progress: number[] = [];
    const { report, devices, newDevices } = await scan({
      ranges: [`${SUBNET}.0/24`],
      credentials,
      timeoutMs: 1000,
      port,
      registry: newRegistry(),
      scanId: '00000000-0000-4000-8000-000000000001',
      now: () => new Date(),
      onProgress: ({ probed }) => progress.push(probed),
    });
    expect(devices).toHaveLength(expectedDeviceCount());
    expect(newDevices).toHaveLength(devices.length);
    expect(new Set(devices.map((device) => device.deviceKey)).size).toBe(devices.length);
    const ricoh = devices.find((device) => device.serial === 'W492KB03439');
    expect(ricoh?.ips.sort()).toEqual([ipOf(walks.indexOf(RICOH)), ipOf(hosts.length - 2)].sort());
    expect(devices.every((device) => device.credentialIndex === 1)).toBe(true);
    expect(report.failures).toEqual([{ ip: ipOf(hosts.length - 1), reason: 'unknown_model', message: expect.stringContaining('edge-router') }]);
    expect(report.progress).toEqual({ probed: 254, total: 254 });
    expect(progress.at(-1)).toBe(254);
  }, 20_000);

  it('two scans running at once over the same registry never create a device twice', async () => {
    const registry = newRegistry();
    const options = { credentials, timeoutMs: 500, port, registry, now: () => new Date() };
    const [first, second] = await Promise.all([
      scan({ ...options, ranges: [`${SUBNET}.0/26`], scanId: '00000000-0000-4000-8000-000000000002' }),
      scan({ ...options, ranges: [`${SUBNET}.0/26`], scanId: '00000000-0000-4000-8000-000000000003', concurrency: 3 }),
    ]);
    expect(registry.list()).toHaveLength(expectedDeviceCount());
    expect(first.newDevices.length + second.newDevices.length).toBe(expectedDeviceCount());
  }, 20_000);
});
