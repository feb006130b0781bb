import { describe, expect, it } from 'vitest';
import { randomId, uuidFromBytes } from './ids.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidFromBytes', () => {
  it.each([
    [new Uint8Array(16), '00000000-0000-4000-8000-000000000000'],
    [new Uint8Array(16).fill(0xff), 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
    [Uint8Array.from({ length: 16 }, (_, i) => i), '00010203-0405-4607-8809-0a0b0c0d0e0f'],
  ])('sets the version and variant bits of %o', (bytes, expected) => {
    expect(uuidFromBytes(bytes)).toBe(expected);
  });

  it('refuses a byte count that is not 16', () => {
    expect(() => uuidFromBytes(new Uint8Array(15))).toThrow('16 bytes');
  });
});

describe('randomId', () => {
  it('uses randomUUID where the context is secure', () => {
    expect(randomId({ randomUUID: () => 'from-randomUUID', getRandomValues: (array) => array })).toBe('from-randomUUID');
  });

  it('falls back to getRandomValues over plain http, where randomUUID is missing', () => {
    const { getRandomValues } = globalThis.crypto;
    const insecure: Pick<Crypto, 'getRandomValues'> = { getRandomValues: getRandomValues.bind(globalThis.crypto) };
    const ids = new Set(Array.from({ length: 100 }, () => randomId(insecure)));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});
