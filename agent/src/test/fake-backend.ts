/**
 * Test helper: a small backend on loopback speaking the agent protocol of @parc/shared/contracts/agents
 * as the real one must: one-time keys, EdDSA JWTs verified against the enrolled public key
 * (kid = credentialId, sub = agentId, exp at most 5 minutes after iat, jti never reused),
 * `agent_revoked` 401s, idempotent samples by sampleId. It can go down and come back on the same port.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_AGENT_SCHEDULES,
  DiscoveryReportSchema,
  EnrollRequestSchema,
  PushSamplesRequestSchema,
  type AgentConfig,
  type AgentSample,
  type DiscoveryReport,
  type SampleResult,
} from '@parc/shared/contracts/agents';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { AGENT_ROUTES } from '../upload/client.ts';

type KeyState = 'unused' | 'used';
type EnrolledAgent = { agentId: string; credentialId: string; publicKey: { kty: 'OKP'; crv: 'Ed25519'; x: string }; key: string; revoked: boolean };

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class FakeBackend {
  readonly keys = new Map<string, KeyState>();
  readonly agents = new Map<string, EnrolledAgent>();
  /** Stored samples by sampleId: the server side of "nothing twice". */
  readonly samples = new Map<string, AgentSample>();
  readonly pushes: number[] = [];
  /** Samples that came again and were answered `duplicate`. */
  duplicates = 0;
  readonly reports: DiscoveryReport[] = [];
  readonly usedJtis = new Set<string>();
  configFor: (agentId: string) => AgentConfig = (agentId) => ({
    agentId,
    schedules: DEFAULT_AGENT_SCHEDULES,
    ranges: [],
    credentials: [{ version: '2c', community: 'public' }],
    timeoutMs: 1000,
    scanRequestedAt: null,
  });
  /** Answer with per-item status other than accepted (e.g. reject some). */
  statusFor: (sample: AgentSample) => SampleResult['status'] = () => 'accepted';
  /** Store the next N pushes but cut the connection before answering: the crash-after-send window. */
  loseResponses = 0;
  /** Every request that passed authentication, by route. */
  readonly calls: string[] = [];
  private server: Server | undefined;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Closes the port: the agent now gets ECONNREFUSED, as when the server is down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  revoke(agentId: string): void {
    const agent = [...this.agents.values()].find((candidate) => candidate.agentId === agentId);
    if (!agent) throw new Error(`no agent ${agentId}`);
    agent.revoked = true;
    this.keys.set(agent.key, 'unused'); // a revoked agent's key may be used once more
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const body = request.method === 'POST' ? JSON.parse(await readBody(request)) : undefined;
      const route = `${request.method} ${request.url}`;
      if (route === `POST ${AGENT_ROUTES.enroll}`) return send(response, 200, this.enroll(body));
      const agent = await this.authenticate(request);
      this.calls.push(route);
      if (route === `GET ${AGENT_ROUTES.config}`) return send(response, 200, this.configFor(agent.agentId));
      if (route === `POST ${AGENT_ROUTES.samples}`) {
        const results = this.push(body);
        if (this.loseResponses > 0) {
          this.loseResponses--;
          response.socket?.destroy();
          return;
        }
        return send(response, 200, results);
      }
      if (route === `POST ${AGENT_ROUTES.discovery}`) {
        this.reports.push(DiscoveryReportSchema.parse(body));
        return send(response, 204);
      }
      throw new HttpError(404, 'not_found', `no route ${route}`);
    } catch (error) {
      if (error instanceof HttpError) return send(response, error.status, { code: error.code, message: error.message });
      return send(response, 400, { code: 'bad_request', message: (error as Error).message });
    }
  }

  private enroll(body: unknown) {
    const request = EnrollRequestSchema.parse(body);
    const state = this.keys.get(request.key);
    if (state === undefined) throw new HttpError(404, 'not_found', 'unknown enrollment key');
    if (state === 'used') throw new HttpError(409, 'conflict', 'enrollment key already used');
    this.keys.set(request.key, 'used');
    const agent: EnrolledAgent = { agentId: randomUUID(), credentialId: randomUUID(), publicKey: request.publicKey, key: request.key, revoked: false };
    this.agents.set(agent.credentialId, agent);
    return { agentId: agent.agentId, credentialId: agent.credentialId, config: this.configFor(agent.agentId) };
  }

  private async authenticate(request: IncomingMessage): Promise<EnrolledAgent> {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new HttpError(401, 'unauthenticated', 'bearer token required');
    const agent = this.agents.get(decodeProtectedHeader(token).kid ?? '');
    if (!agent) throw new HttpError(401, 'unauthenticated', 'unknown credential');
    try {
      const { payload } = await jwtVerify(token, await importJWK(agent.publicKey, 'EdDSA'), { algorithms: ['EdDSA'], subject: agent.agentId, requiredClaims: ['iat', 'exp', 'jti'] });
      if ((payload.exp ?? 0) - (payload.iat ?? 0) > 300) throw new Error('token lives longer than 5 minutes');
      if (this.usedJtis.has(payload.jti ?? '')) throw new Error('token replayed');
      this.usedJtis.add(payload.jti ?? '');
    } catch (error) {
      throw new HttpError(401, 'unauthenticated', `bad token: ${(error as Error).message}`);
    }
    if (agent.revoked) throw new HttpError(401, 'agent_revoked', 'this agent was revoked');
    return agent;
  }

  private push(body: unknown) {
    const { samples } = PushSamplesRequestSchema.parse(body);
    this.pushes.push(samples.length);
    return {
      results: samples.map((sample): SampleResult => {
        if (this.samples.has(sample.sampleId)) {
          this.duplicates++;
          return { sampleId: sample.sampleId, status: 'duplicate' };
        }
        const status = this.statusFor(sample);
        if (status !== 'rejected') this.samples.set(sample.sampleId, sample);
        return { sampleId: sample.sampleId, status, ...(status === 'rejected' ? { message: 'refused by the fake' } : {}) };
      }),
    };
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}
