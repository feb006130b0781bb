import { desc, eq, isNull } from 'drizzle-orm';
import { base64url, compactVerify, decodeProtectedHeader, SignJWT } from 'jose';
import { DomainError, readLinkClaims, type LinkClaims, type LinkSubject } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { linkSigningKeys } from '../../db/schema/index.ts';

/**
 * Link tokens: compact JWS, HS256, `kid` in the protected header. No `iat`, so signing the same
 * link again yields the same token (issuing is idempotent down to the URL).
 */

const ALG = 'HS256';

export interface SigningKey {
  kid: string;
  secret: string;
}

/** A link that failed; `partnerId` is set only when the signature verified (a genuine but expired link). */
export function linkInvalid(message: string, partnerId: string | null = null): DomainError {
  return new DomainError('link_invalid', message, { partnerId });
}

/** The key new links are signed with, created on first use. */
export async function currentSigningKey(db: Db, now: Date): Promise<SigningKey> {
  const [key] = await db
    .select({ kid: linkSigningKeys.kid, secret: linkSigningKeys.secret })
    .from(linkSigningKeys)
    .where(isNull(linkSigningKeys.retiredAt))
    .orderBy(desc(linkSigningKeys.createdAt))
    .limit(1);
  return key ?? createSigningKey(db, now);
}

async function createSigningKey(db: Db, now: Date): Promise<SigningKey> {
  const key = { kid: crypto.randomUUID(), secret: base64url.encode(crypto.getRandomValues(new Uint8Array(32))) };
  await db.insert(linkSigningKeys).values({ ...key, createdAt: now });
  return key;
}

/** A new signing key; the previous ones stop signing but keep verifying the links they signed. */
export async function rotateSigningKey(db: Db, now: Date): Promise<SigningKey> {
  return db.transaction(async (tx) => {
    await tx.update(linkSigningKeys).set({ retiredAt: now }).where(isNull(linkSigningKeys.retiredAt));
    return createSigningKey(tx, now);
  });
}

/**
 * Keys by kid, per database. A key's secret never changes and verifying ignores retirement, so a
 * key once read serves every later token without a query. Unknown kids are not remembered: a
 * forged header must not grow the cache.
 */
const keysByDb = new WeakMap<Db, Map<string, SigningKey>>();

export async function findSigningKey(db: Db, kid: string): Promise<SigningKey | null> {
  let keys = keysByDb.get(db);
  if (!keys) keysByDb.set(db, (keys = new Map()));
  const cached = keys.get(kid);
  if (cached) return cached;
  const [key] = await db
    .select({ kid: linkSigningKeys.kid, secret: linkSigningKeys.secret })
    .from(linkSigningKeys)
    .where(eq(linkSigningKeys.kid, kid));
  if (key) keys.set(kid, key);
  return key ?? null;
}

export function signLinkToken(key: SigningKey, claims: LinkClaims): Promise<string> {
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: ALG, kid: key.kid }).sign(base64url.decode(key.secret));
}

/**
 * The link's subject once the signature and the claims hold at `now`. Every failure is
 * `link_invalid`; an expired token whose signature verifies still names its partner, so the page
 * can show the dealer's contact details.
 */
export async function verifyLinkToken(db: Db, token: string, now: Date): Promise<LinkSubject & { expiresAt: Date }> {
  const payload = verifiedPayloads.get(db)?.get(token) ?? (await verifySignature(db, token));
  const partnerId = typeof (payload as { pid?: unknown }).pid === 'string' ? (payload as { pid: string }).pid : null;
  try {
    return readLinkClaims(payload, now);
  } catch (error) {
    throw linkInvalid(error instanceof Error ? error.message : 'invalid claims', partnerId);
  }
}

/** True when this process verified `token`'s signature before: a customer coming back, not a guess. */
export function isVerifiedToken(db: Db, token: string): boolean {
  return verifiedPayloads.get(db)?.has(token) ?? false;
}

/** Tokens whose signature verified, per database, at most this many (the oldest make room). */
export const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * A token's payload once its signature verified: a key's secret never changes, so the signature of
 * a token verifies for good and a customer reloading the page is not verified again. The claims
 * (expiry included) are still read at every request; a tampered token never enters.
 */
const verifiedPayloads = new WeakMap<Db, Map<string, unknown>>();

async function verifySignature(db: Db, token: string): Promise<unknown> {
  const kid = readKid(token);
  const key = kid ? await findSigningKey(db, kid) : null;
  if (!key) throw linkInvalid('unknown signing key');
  let payload: unknown;
  try {
    const verified = await compactVerify(token, base64url.decode(key.secret), { algorithms: [ALG] });
    payload = JSON.parse(new TextDecoder().decode(verified.payload));
  } catch {
    throw linkInvalid('signature does not verify');
  }
  let verifiedTokens = verifiedPayloads.get(db);
  if (!verifiedTokens) verifiedPayloads.set(db, (verifiedTokens = new Map()));
  if (verifiedTokens.size >= VERIFIED_TOKENS_KEPT) verifiedTokens.delete(verifiedTokens.keys().next().value!);
  verifiedTokens.set(token, payload);
  return payload;
}

function readKid(token: string): string | null {
  try {
    const { kid, alg } = decodeProtectedHeader(token);
    return alg === ALG && typeof kid === 'string' ? kid : null;
  } catch {
    return null;
  }
}
