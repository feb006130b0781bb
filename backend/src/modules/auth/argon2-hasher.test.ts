import { describe, expect, it } from 'vitest';
import { createArgon2Hasher, TEST_ARGON2_COST } from './argon2-hasher.ts';

describe('createArgon2Hasher', () => {
  const hasher = createArgon2Hasher(TEST_ARGON2_COST);

  it('stores argon2id with a salt and checks the password against it', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(await hasher.hash('correct horse battery')).not.toBe(hash);
    expect(await hasher.verify('correct horse battery', hash)).toBe(true);
    expect(await hasher.verify('correct horse batterY', hash)).toBe(false);
  });

  it('answers false without a hash (unknown account)', async () => {
    expect(await hasher.verify('anything at all', null)).toBe(false);
  });

  it('still verifies hashes made with another cost', async () => {
    const older = await createArgon2Hasher({ memoryCost: 128, timeCost: 2, parallelism: 1 }).hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', older)).toBe(true);
  });
});
