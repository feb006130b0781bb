import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { expect } from 'vitest';
import type { PrinterReading, Supply } from '@parc/shared/agents/reading';
import type { TestApp } from '../../test/app.ts';
import type { Json } from '../customers/test-client.ts';

/** The agent program as the tests play it: a key pair, its credential, and signed calls. */
export interface TestAgent {
  agentId: string;
  credentialId: string;
  privateKey: CryptoKey;
  call(method: string, path: string, body?: unknown, options?: { ip?: string; token?: string }): Promise<{ status: number; body: Json }>;
  token(claims?: { kid?: string; sub?: string; iat?: number; exp?: number; jti?: string; key?: CryptoKey }): Promise<string>;
}

export async function newKeyPair() {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const { kty, crv, x } = await exportJWK(publicKey);
  return { privateKey, publicJwk: { kty, crv, x } };
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A call to the test app as from `ip`, answering the status and the parsed body. */
export async function agentRequest(t: TestApp, method: string, path: string, body: unknown, headers: Record<string, string>, ip = '10.0.0.5') {
  const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await t.app.request(`/api${path}`, init, { incoming: { socket: { remoteAddress: ip } } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Enrolls an agent with its key from `ip`; its calls are signed with a fresh token each. */
export async function enrollAgent(t: TestApp, key: string, ip = '10.0.0.5'): Promise<TestAgent> {
  const { privateKey, publicJwk } = await newKeyPair();
  const enrolled = await agentRequest(t, 'POST', '/agent/enroll', { key, publicKey: publicJwk, hostname: 'pc-accueil', platform: 'linux', version: '1.0.0' }, {}, ip);
  expect(enrolled.status).toBe(200);
  const { agentId, credentialId } = enrolled.body;
  const agent: TestAgent = {
    agentId,
    credentialId,
    privateKey,
    token: async (claims = {}) => {
      const iat = claims.iat ?? seconds(t.deps.clock());
      return new SignJWT({})
        .setProtectedHeader({ alg: 'EdDSA', kid: claims.kid ?? credentialId })
        .setSubject(claims.sub ?? agentId)
        .setIssuedAt(iat)
        .setExpirationTime(claims.exp ?? iat + 60)
        .setJti(claims.jti ?? randomUUID())
        .sign(claims.key ?? privateKey);
    },
    call: async (method, path, body, options = {}) => agentRequest(t, method, path, body, { authorization: `Bearer ${options.token ?? (await agent.token())}` }, options.ip ?? ip),
  };
  return agent;
}

/** What the agent reads of a Xerox VersaLink C405 with these supplies and this page counter: the supplies tests' printer. */
export function xeroxReading(serial: string, supplies: Supply[], total: number): PrinterReading {
  return {
    vendor: 'xerox',
    manufacturer: 'Xerox',
    model: 'VersaLink C405',
    serial,
    firmware: null,
    mac: null,
    sysObjectId: '1.3.6.1.4.1.253.8.62.1.20.7.1.1',
    sysDescr: 'Xerox VersaLink C405',
    counters: { total, mono: null, colour: null, scan: null, large: null },
    supplies,
    status: { printer: 'idle', errors: [] },
    alerts: [],
    warnings: [],
  };
}
