import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { clientAddress } from '../../http/rate-limit.ts';
import type { AppEnv } from '../../http/router.ts';
import { declareAccess } from '../auth/access.ts';
import { findCredential, recordContact, useTokenId } from './agents.repo.ts';

/** The agent a verified request comes from. */
export interface AuthenticatedAgent {
  agentId: string;
  credentialId: string;
  partnerId: string;
  customerId: string;
}

export type AgentAppEnv = AppEnv & { Variables: { agent: AuthenticatedAgent } };

/** Tokens live at most this long (contract: exp <= 5 minutes after iat). */
export const MAX_TOKEN_SECONDS = 300;
/** Clocks of customer PCs drift; this much is forgiven on iat and exp. */
const CLOCK_TOLERANCE_SECONDS = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a token was refused: in the body's `reason` so an agent log (or a person) can tell expiry from replay. */
export type AgentAuthFailure =
  | 'missing_token'
  | 'malformed_token'
  | 'unknown_credential'
  | 'bad_signature'
  | 'token_expired'
  | 'token_too_long'
  | 'token_from_future'
  | 'token_claims'
  | 'token_replayed'
  | 'agent_revoked';

const MESSAGES: Record<AgentAuthFailure, string> = {
  missing_token: 'Send Authorization: Bearer <JWT signed by the agent key>.',
  malformed_token: 'The bearer token is not a JWT with a kid header.',
  unknown_credential: 'No agent credential has this kid; enroll the agent again.',
  bad_signature: 'The token signature does not match the credential public key.',
  token_expired: 'The token has expired (check the clock of the agent computer).',
  token_too_long: `Tokens may live at most ${MAX_TOKEN_SECONDS} seconds (exp - iat).`,
  token_from_future: 'The token was issued in the future (check the clock of the agent computer).',
  token_claims: 'The token needs sub = the agent id, iat, exp and a jti.',
  token_replayed: 'This token (jti) was already used; sign a new one per request.',
  agent_revoked: 'This agent credential was revoked in the console; enroll again with the agent key.',
};

class AgentAuthError extends Error {
  constructor(readonly reason: AgentAuthFailure) {
    super(MESSAGES[reason]);
  }
}

function joseFailure(error: unknown): AgentAuthFailure {
  const code = (error as { code?: string }).code;
  const claim = (error as { claim?: string }).claim;
  if (code === 'ERR_JWT_EXPIRED') return 'token_expired';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'bad_signature';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'iat') return 'token_from_future';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return 'token_claims';
  return 'malformed_token';
}

async function authenticate(c: Context<AgentAppEnv>): Promise<AuthenticatedAgent> {
  const { db, clock } = c.get('deps');
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token) throw new AgentAuthError('missing_token');
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw new AgentAuthError('malformed_token');
  }
  if (!kid) throw new AgentAuthError('malformed_token');
  const credential = UUID.test(kid) ? await findCredential(db, kid) : null;
  if (!credential) throw new AgentAuthError('unknown_credential');

  const now = clock();
  const payload = await jwtVerify(token, await importJWK(credential.publicKey, 'EdDSA'), {
    algorithms: ['EdDSA'],
    subject: credential.agentId,
    requiredClaims: ['iat', 'exp', 'jti', 'sub'],
    currentDate: now,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    maxTokenAge: MAX_TOKEN_SECONDS,
  }).then(
    (result) => result.payload,
    (error: unknown) => {
      throw new AgentAuthError(joseFailure(error));
    },
  );
  if (payload.exp! - payload.iat! > MAX_TOKEN_SECONDS) throw new AgentAuthError('token_too_long');
  // Checked after the signature: only the key holder learns that the credential was revoked.
  if (credential.revokedAt) throw new AgentAuthError('agent_revoked');
  if (!(await useTokenId(db, credential.id, payload.jti!, new Date((payload.exp! + CLOCK_TOLERANCE_SECONDS) * 1000), now))) {
    throw new AgentAuthError('token_replayed');
  }
  await recordContact(db, credential, clientAddress(c), now);
  return { agentId: credential.agentId, credentialId: credential.id, partnerId: credential.agent.partnerId, customerId: credential.agent.customerId };
}

/**
 * The gate of every agent route except enrollment: an EdDSA JWT signed by the enrolled key pair
 * (kid = credential id, sub = agent id, exp <= 5 minutes after iat, jti used once). Refusals are
 * 401 `unauthenticated` with a `reason`, or `agent_revoked` once the partner revoked the credential.
 */
export const requireAgent = declareAccess({ kind: 'agent' }, createMiddleware<AgentAppEnv>(async (c, next) => {
  try {
    c.set('agent', await authenticate(c));
  } catch (error) {
    if (!(error instanceof AgentAuthError)) throw error;
    c.header('WWW-Authenticate', `Bearer error="invalid_token", error_description="${error.reason}"`);
    const code = error.reason === 'agent_revoked' ? 'agent_revoked' : 'unauthenticated';
    return c.json({ code, message: error.message, reason: error.reason }, 401);
  }
  await next();
}));
