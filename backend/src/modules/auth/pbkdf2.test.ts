import { describe, expect, it } from 'vitest';
import { createPbkdf2Hasher, WORKERS_PBKDF2_ITERATIONS } from './pbkdf2.ts';

// RFC 7914 §11: PBKDF2-HMAC-SHA256("passwd", "salt", c = 1), first 32 bytes, as a PHC string.
const RFC_7914_VECTOR = `$pbkdf2-sha256$i=1$${btoa('salt').replace(/=+$/, '')}$${Buffer.from('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc', 'hex').toString('base64').replace(/=+$/, '')}`;

describe('createPbkdf2Hasher', () => {
  const fast = createPbkdf2Hasher(1_000);

  it('hashes to a PHC string with its iteration count, a 16-byte salt and a 32-byte hash', async () => {
    expect(await fast.hash('parc-demo-2026')).toMatch(/^\$pbkdf2-sha256\$i=1000\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  });

  it('salts every hash', async () => {
    expect(await fast.hash('same password')).not.toBe(await fast.hash('same password'));
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await fast.hash('correct horse');
    expect(await fast.verify('correct horse', stored)).toBe(true);
    expect(await fast.verify('correct hors', stored)).toBe(false);
    expect(await fast.verify('', stored)).toBe(false);
  });

  it('agrees with the RFC 7914 test vector', async () => {
    expect(await fast.verify('passwd', RFC_7914_VECTOR)).toBe(true);
    expect(await fast.verify('password', RFC_7914_VECTOR)).toBe(false);
  });

  it('still verifies hashes made with fewer iterations', async () => {
    const older = await createPbkdf2Hasher(10).hash('kept from before');
    expect(await fast.verify('kept from before', older)).toBe(true);
  });

  it.each([
    ['no hash (unknown account)', null],
    ['an empty string', ''],
    ['an argon2 hash', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a non-numeric count', '$pbkdf2-sha256$i=abc$c2FsdA$VawEblbjCJ8'],
    ['a zero count', '$pbkdf2-sha256$i=0$c2FsdA$VawEblbjCJ8'],
    ['more iterations than this hasher computes', RFC_7914_VECTOR.replace('i=1$', 'i=5000$')],
    ['base64 of an impossible length', '$pbkdf2-sha256$i=1$c2FsdAA$a'],
    ['a tampered hash', RFC_7914_VECTOR.slice(0, -2) + 'AA'],
  ])('answers false for %s', async (_case, stored) => {
    expect(await fast.verify('passwd', stored)).toBe(false);
  });

  it('works at the Workers ceiling of 100,000 iterations', async () => {
    const workers = createPbkdf2Hasher(WORKERS_PBKDF2_ITERATIONS);
    const stored = await workers.hash('parc-demo-2026');
    expect(stored).toContain('$i=100000$');
    expect(await workers.verify('parc-demo-2026', stored)).toBe(true);
  });
});
