import { randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';
import type { PasswordHasher } from './password-hasher.ts';

export type Argon2Cost = Pick<Options, 'memoryCost' | 'timeCost' | 'parallelism'>;

/** OWASP Password Storage Cheat Sheet, argon2id: 19 MiB of memory, 2 passes, 1 lane. */
export const OWASP_ARGON2_COST: Argon2Cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Far below any safe setting: only for tests, where thousands of hashes must stay fast. */
export const TEST_ARGON2_COST: Argon2Cost = { memoryCost: 64, timeCost: 1, parallelism: 1 };

// Algorithm.Argon2id; the package declares a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

/** argon2id through the native @node-rs/argon2 (Node only). Hashes carry their cost, so old ones still verify after a change. */
export function createArgon2Hasher(cost: Argon2Cost): PasswordHasher {
  const options: Options = { ...cost, algorithm: ARGON2ID };
  // Checked against when there is no real hash, so the answer takes as long as a real check.
  const dummy = hash(randomBytes(16).toString('hex'), options);
  return {
    hash: (password) => hash(password, options),
    async verify(password, stored) {
      if (!stored) {
        await verify(await dummy, password);
        return false;
      }
      return verify(stored, password);
    },
  };
}
