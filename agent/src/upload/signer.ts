import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { StoredCredential } from '../config/store.ts';

export type PrivateJwk = StoredCredential['privateJwk'];
export type RequestSigner = () => Promise<string>;

/** Lifetime of each request's token: the contract allows up to 5 minutes; one is plenty for one request. */
const TOKEN_SECONDS = 60;

export async function generateAgentKeyPair(): Promise<{ privateJwk: PrivateJwk; publicJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string } }> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const { kty, crv, x, d } = await exportJWK(privateKey);
  if (kty !== 'OKP' || crv !== 'Ed25519' || !x || !d) throw new Error('the generated key is not an Ed25519 key');
  return { privateJwk: { kty: 'OKP', crv: 'Ed25519', x, d }, publicJwk: { kty: 'OKP', crv: 'Ed25519', x } };
}

/** A fresh EdDSA JWT per request: kid = credentialId, sub = agentId, unique jti. */
export async function createSigner(credential: Pick<StoredCredential, 'agentId' | 'credentialId' | 'privateJwk'>, now: () => Date = () => new Date()): Promise<RequestSigner> {
  const key = await importJWK(credential.privateJwk, 'EdDSA');
  return () => {
    const issuedAt = Math.floor(now().getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', kid: credential.credentialId })
      .setSubject(credential.agentId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_SECONDS)
      .setJti(randomUUID())
      .sign(key);
  };
}
