import { describe, expect, it } from 'vitest';
import { SnmpFailure } from '../snmp/index.ts';
import type { HostIdentity } from './identify.ts';
import { DeviceRegistry } from './registry.ts';
import { scan, type HostIdentifier } from './scan.ts';

const printer = (serial: string | null, mac: string | null = null): HostIdentity => ({
  isPrinter: true, vendor: 'hp', manufacturer: 'HP', model: 'M1', serial, mac, firmware: null, sysDescr: 'HP',
});

/** Answers per last octet, after a delay: undefined = silent host. */
function fakeNetwork(hosts: Record<number, HostIdentity | SnmpFailure>, track: { inFlight: number; peak: number }): HostIdentifier {
  return async (ip) => {
    track.peak = Math.max(track.peak, ++track.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    track.inFlight--;
    const host = hosts[Number(ip.split('.')[3])];
    if (host === undefined) throw new SnmpFailure('timeout', 'no answer');
    if (host instanceof SnmpFailure) throw host;
    return { credentialIndex: 0, identity: host };
  };
}

const options = (identify: HostIdentifier, registry = new DeviceRegistry([], (() => { let n = 0; return () => `k${++n}`; })())) => ({
  ranges: ['10.0.0.0/24'],
  credentials: [{ version: '2c' as const, community: 'public' }],
  timeoutMs: 100,
  registry,
  scanId: '00000000-0000-4000-8000-000000000000',
  now: () => new Date('2026-01-01T00:00:00Z'),
  identify,
});

describe('scan', () => {
  it('counts a printer on two addresses once, says why hosts that answered gave nothing, and keeps silence quiet', async () => {
    const track = { inFlight: 0, peak: 0 };
    const network = fakeNetwork(
      {
        5: printer('S1', 'aa'),
        6: printer(null, 'aa'),
        7: printer('S2'),
        8: { ...printer(null), isPrinter: false, sysDescr: 'Linux router' },
        9: new SnmpFailure('v3_auth_failure', 'SNMPv3 authentication failed'),
      },
      track,
    );
    const progress: number[] = [];
    const { report, devices, newDevices } = await scan({ ...options(network), probeConcurrency: 10, onProgress: ({ probed }) => progress.push(probed) });
    expect(devices.map((device) => [device.serial, device.ips])).toEqual([['S1', ['10.0.0.5', '10.0.0.6']], ['S2', ['10.0.0.7']]]);
    expect(newDevices).toHaveLength(2);
    expect(report.failures).toEqual([
      { ip: '10.0.0.8', reason: 'unknown_model', message: 'answers SNMP but does not look like a printer: Linux router' },
      { ip: '10.0.0.9', reason: 'v3_auth', message: 'SNMPv3 authentication failed' },
    ]);
    expect(report.progress).toEqual({ probed: 254, total: 254 });
    expect(progress).toEqual(Array.from({ length: 254 }, (_, i) => i + 1));
    expect(track.peak).toBe(10);
  });

  it('reports a known printer that went silent as a timeout', async () => {
    const registry = new DeviceRegistry([], () => 'k1');
    registry.sight({ serial: 'S1', mac: null, ip: '10.0.0.5', credentialIndex: 0, vendor: 'hp', manufacturer: 'HP', model: 'M1' }, '2026-01-01T00:00:00.000Z');
    const { report, newDevices } = await scan(options(fakeNetwork({}, { inFlight: 0, peak: 0 }), registry));
    expect(report.failures).toEqual([{ ip: '10.0.0.5', reason: 'timeout', message: 'no answer' }]);
    expect(newDevices).toEqual([]);
  });

  it('refuses a range larger than a /16 before probing anything', async () => {
    const track = { inFlight: 0, peak: 0 };
    await expect(scan({ ...options(fakeNetwork({}, track)), ranges: ['10.0.0.0/8'] })).rejects.toThrow(/larger than a \/16/);
    expect(track.peak).toBe(0);
  });
});
