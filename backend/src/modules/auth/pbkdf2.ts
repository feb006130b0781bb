import type { PasswordHasher } from './password-hasher.ts';

/**
 * The most Cloudflare Workers compute: production refuses PBKDF2 above 100,000 iterations
 * ("iteration counts above 100000 are not supported", cloudflare/workerd#1346). Local workerd
 * (wrangler dev) has no such limit since workerd#1471, so only a deployed Worker would show it.
 * OWASP asks 600,000 for PBKDF2-SHA256: Workers passwords are weaker than Node's argon2id ones.
 */
export const WORKERS_PBKDF2_ITERATIONS = 100_000;

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const PHC = /^\$pbkdf2-sha256\$i=([1-9][0-9]{0,9})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

// PHC strings use base64 without padding.
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

interface StoredHash {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

function parse(stored: string | null): StoredHash | null {
  const parts = stored ? PHC.exec(stored) : null;
  if (!parts) return null;
  try {
    return { iterations: Number(parts[1]), salt: fromBase64(parts[2]!), hash: fromBase64(parts[3]!) };
  } catch {
    return null; // base64 of an impossible length
  }
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BYTES * 8);
  return new Uint8Array(bits);
}

/** Compares every byte whatever the first difference, so timing says nothing about the hash. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/**
 * PBKDF2-HMAC-SHA256 through WebCrypto, for runtimes without native argon2 (Cloudflare Workers).
 * Stored as `$pbkdf2-sha256$i=<iterations>$<salt>$<hash>`. A stored hash with more iterations than
 * `iterations` is refused rather than computed: this runtime may not be able to, and a planted hash
 * must not buy an attacker CPU time. Hashes in another format (argon2 from Node) do not verify here.
 */
export function createPbkdf2Hasher(iterations: number): PasswordHasher {
  const dummySalt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      return `$pbkdf2-sha256$i=${iterations}$${toBase64(salt)}$${toBase64(await derive(password, salt, iterations))}`;
    },
    async verify(password, stored) {
      const parsed = parse(stored);
      if (!parsed || parsed.iterations > iterations) {
        // Same work as a real check, so the answer's timing does not tell that the account is missing.
        await derive(password, dummySalt, iterations);
        return false;
      }
      return equalBytes(await derive(password, parsed.salt, parsed.iterations), parsed.hash);
    },
  };
}
