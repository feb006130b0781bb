import { describe, expect, it } from 'vitest';
import { DeviceRegistry, type Sighting } from './registry.ts';

const base: Sighting = { serial: null, mac: null, ip: '10.0.0.1', credentialIndex: 0, vendor: 'hp', manufacturer: 'HP', model: 'M1' };
const AT = '2026-01-01T00:00:00.000Z';

describe('DeviceRegistry.sight', () => {
  it.each<[string, Sighting, Sighting, boolean]>([
    ['same serial on another address', { ...base, serial: 'S1' }, { ...base, serial: 'S1', ip: '10.0.0.2' }, true],
    ['same MAC on another address', { ...base, mac: 'aa' }, { ...base, mac: 'aa', ip: '10.0.0.2' }, true],
    ['same MAC, serial learnt later', { ...base, mac: 'aa' }, { ...base, mac: 'aa', serial: 'S1' }, true],
    ['same MAC, different serials (a print server)', { ...base, mac: 'aa', serial: 'S1' }, { ...base, mac: 'aa', serial: 'S2' }, false],
    ['different serials on the same address (a swap)', { ...base, serial: 'S1' }, { ...base, serial: 'S2' }, false],
    ['no identity, same address', base, base, true],
    ['no identity, other address', base, { ...base, ip: '10.0.0.2' }, false],
  ])('%s: one device = %s', (_case, first, second, same) => {
    let next = 0;
    const registry = new DeviceRegistry([], () => `k${++next}`);
    expect(registry.sight(first, AT).isNew).toBe(true);
    expect(registry.sight(second, AT).isNew).toBe(!same);
    expect(registry.list()).toHaveLength(same ? 1 : 2);
  });

  it('remembers every address and reads the device where it was seen last', () => {
    const registry = new DeviceRegistry([], () => 'k1');
    registry.sight({ ...base, serial: 'S1' }, AT);
    const { device } = registry.sight({ ...base, serial: 'S1', ip: '10.0.0.9', credentialIndex: 2 }, '2026-01-02T00:00:00.000Z');
    expect(device).toMatchObject({ deviceKey: 'k1', ip: '10.0.0.9', ips: ['10.0.0.1', '10.0.0.9'], credentialIndex: 2, firstSeenAt: AT, lastSeenAt: '2026-01-02T00:00:00.000Z' });
    expect(registry.byIp('10.0.0.1')?.deviceKey).toBe('k1');
  });
});
