import { describe, expect, it } from 'vitest';
import { ENROLLMENT_KEY_PATTERN, type SnmpCredential } from '@parc/shared/contracts/agents';
import { agentStatus, disconnectedAfterMinutes, maskCredential, mergeCredentials, newEnrollmentKey, normaliseMac, sampleCounterClientId } from './agents.domain.ts';

const bytes = (...values: number[]) => {
  let next = 0;
  return (count: number) => Uint8Array.from({ length: count }, () => values[next++ % values.length]!);
};

describe('newEnrollmentKey', () => {
  it.each([
    ['all zero bytes', bytes(0), 'AAAA-AAAA-AAAA-AAAA'],
    ['byte 25 then 26 wrap to Z and A', bytes(25, 26), 'ZAZA-ZAZA-ZAZA-ZAZA'],
    // 234..255 would favour A..V: they are drawn again, never mapped.
    ['biased bytes skipped', bytes(255, 234, 1), 'BBBB-BBBB-BBBB-BBBB'],
  ])('%s', (_name, random, expected) => {
    expect(newEnrollmentKey(random)).toBe(expected);
  });

  it('draws keys of the contract format from the CSPRNG, all different', () => {
    const keys = Array.from({ length: 200 }, () => newEnrollmentKey());
    expect(keys.every((key) => ENROLLMENT_KEY_PATTERN.test(key))).toBe(true);
    expect(new Set(keys).size).toBe(200);
  });
});

describe('sampleCounterClientId', () => {
  const sample = '6f1c2a70-3b7e-4c55-9a51-0d9f6f1f5e21';
  it('is a version-5 style UUID, the same for the same sample and counter', () => {
    const id = sampleCounterClientId(sample, 'total');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sampleCounterClientId(sample.toUpperCase(), 'total')).toBe(id);
  });
  it.each([
    [sample, 'mono'],
    ['7f1c2a70-3b7e-4c55-9a51-0d9f6f1f5e21', 'total'],
  ])('differs for another sample or counter (%s, %s)', (other, counter) => {
    expect(sampleCounterClientId(other, counter)).not.toBe(sampleCounterClientId(sample, 'total'));
  });
});

describe('disconnectedAfterMinutes', () => {
  it.each([
    [{ disconnectedAfterMinutes: null, alertsMinutes: 15, inspectionMinutes: 240 }, 30],
    [{ disconnectedAfterMinutes: null, alertsMinutes: 60, inspectionMinutes: 240 }, 120],
    [{ disconnectedAfterMinutes: null, alertsMinutes: 0, inspectionMinutes: 240 }, 480],
    [{ disconnectedAfterMinutes: null, alertsMinutes: 0, inspectionMinutes: 0 }, 30],
    [{ disconnectedAfterMinutes: 10, alertsMinutes: 15, inspectionMinutes: 240 }, 10],
  ])('%j -> %i minutes', (agent, expected) => {
    expect(disconnectedAfterMinutes(agent)).toBe(expected);
  });
});

describe('agentStatus', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const period = (from: number, to: number) => ({ firstSeenAt: at(from), lastSeenAt: at(to) });
  it.each([
    ['never enrolled', { hasLiveCredential: false, lastContactAt: null, contacts: [] }, 'new'],
    ['revoked, contacted before', { hasLiveCredential: false, lastContactAt: at(1), contacts: [] }, 'new'],
    ['heard a minute ago', { hasLiveCredential: true, lastContactAt: at(1), contacts: [period(600, 1)] }, 'connected'],
    ['silent 29 minutes', { hasLiveCredential: true, lastContactAt: at(29), contacts: [period(600, 29)] }, 'connected'],
    ['silent 31 minutes', { hasLiveCredential: true, lastContactAt: at(31), contacts: [period(600, 31)] }, 'disconnected'],
    ['new address after DHCP', { hasLiveCredential: true, lastContactAt: at(1), contacts: [period(600, 20), period(19, 1)] }, 'connected'],
    ['two addresses at once (cloned install)', { hasLiveCredential: true, lastContactAt: at(1), contacts: [period(25, 1), period(24, 2)] }, 'ambiguous'],
    ['overlap long ago only', { hasLiveCredential: true, lastContactAt: at(1), contacts: [period(900, 100), period(800, 1)] }, 'connected'],
  ] as const)('%s -> %s', (_name, input, expected) => {
    expect(agentStatus({ ...input, contacts: [...input.contacts], disconnectedAfterMinutes: 30, now })).toBe(expected);
  });
});

describe('SNMP credential secrets', () => {
  const v3: SnmpCredential = { version: '3', user: 'parc', authProtocol: 'sha', authKey: 'auth-secret', privProtocol: 'aes', privKey: 'priv-secret', context: 'jetdirect' };
  it.each([
    [{ version: '2c', community: 'public' } as SnmpCredential, { version: '2c', community: 'public' }],
    [v3, { version: '3', user: 'parc', authProtocol: 'sha', authKey: 'set', privProtocol: 'aes', privKey: 'set', context: 'jetdirect' }],
    [{ ...v3, privProtocol: 'none', privKey: undefined } as SnmpCredential, expect.objectContaining({ privKey: 'not set', authKey: 'set' })],
  ])('masks %j', (credential, expected) => {
    expect(maskCredential(credential)).toEqual(expected);
  });

  it('keeps stored keys for a v3 entry sent back without them, and takes new ones', () => {
    const { authKey: _a, privKey: _p, ...withoutKeys } = v3;
    expect(mergeCredentials([v3], [withoutKeys as SnmpCredential])).toEqual([v3]);
    expect(mergeCredentials([v3], [{ ...v3, authKey: 'new' }])).toEqual([{ ...v3, authKey: 'new' }]);
    expect(mergeCredentials([v3], [{ ...withoutKeys, context: 'other' } as SnmpCredential])).toEqual([{ ...withoutKeys, context: 'other' }]);
  });
});

describe('normaliseMac', () => {
  it.each([
    ['00:1b:44:11:3a:b7', '00:1B:44:11:3A:B7'],
    ['00-1B-44-11-3A-B7', '00:1B:44:11:3A:B7'],
    ['001b44113ab7', '00:1B:44:11:3A:B7'],
    ['00:1b:44', null],
    [null, null],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseMac(input)).toBe(expected);
  });
});
