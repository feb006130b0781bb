/**
 * Client-made ids (the outbox's idempotency keys). `crypto.randomUUID` exists only in secure
 * contexts: a dealer serving Parc over plain http on a LAN address has `crypto.getRandomValues`
 * but not `randomUUID`, so a version-4 UUID is built from random bytes there.
 */

type RandomSource = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/** A version-4 UUID from 16 random bytes (RFC 9562 §5.4). */
export function uuidFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error('a UUID needs 16 bytes');
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function randomId(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  return uuidFromBytes(source.getRandomValues(new Uint8Array(16)));
}
