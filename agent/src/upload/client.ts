import { DomainError, type ErrorCode } from '@parc/shared';
import {
  AgentConfigSchema,
  EnrollResponseSchema,
  paginateDiscovery,
  PushSamplesResponseSchema,
  type AgentConfig,
  type AgentSample,
  type DiscoveryReport,
  type EnrollRequest,
  type EnrollResponse,
  type SampleResult,
} from '@parc/shared/contracts/agents';
import { Agent, fetch, ProxyAgent, type Dispatcher } from 'undici';
import type { AgentSettings } from '../config/agent-config.ts';
import type { RequestSigner } from './signer.ts';

/** The agent-facing routes. The backend must serve exactly these. */
export const AGENT_ROUTES = {
  enroll: '/api/agent/enroll',
  config: '/api/agent/config',
  samples: '/api/agent/samples',
  discovery: '/api/agent/discovery',
} as const;

/** The server could not be reached or is failing (5xx, 429): try again later, nothing is lost. */
export class BackendUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendUnavailable';
  }
}

const REQUEST_TIMEOUT_MS = 30_000;
const KNOWN_CODES: readonly ErrorCode[] = ['bad_request', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'locked', 'rate_limited', 'agent_revoked'];

/** undici dispatcher for the proxy and sslTrustAll settings; undefined for a direct, verified connection. */
export function createDispatcher(settings: Pick<AgentSettings, 'proxyHost' | 'proxyUser' | 'proxyPassword' | 'sslTrustAll'>): Dispatcher | undefined {
  const tls = settings.sslTrustAll ? { rejectUnauthorized: false } : undefined;
  if (settings.proxyHost) {
    const credentials = settings.proxyUser ? `${settings.proxyUser}:${settings.proxyPassword ?? ''}` : undefined;
    return new ProxyAgent({
      uri: /^https?:\/\//.test(settings.proxyHost) ? settings.proxyHost : `http://${settings.proxyHost}`,
      token: credentials ? `Basic ${Buffer.from(credentials).toString('base64')}` : undefined,
      requestTls: tls,
    });
  }
  return tls ? new Agent({ connect: tls }) : undefined;
}

/** The one place that talks HTTP to the backend. Each signed call carries a fresh JWT. */
export class BackendClient {
  constructor(
    private readonly server: string,
    private readonly options: { signer?: RequestSigner; dispatcher?: Dispatcher } = {},
  ) {}

  async enroll(request: EnrollRequest): Promise<EnrollResponse> {
    return EnrollResponseSchema.parse(await this.call('POST', AGENT_ROUTES.enroll, request, false));
  }

  async fetchConfig(): Promise<AgentConfig> {
    return AgentConfigSchema.parse(await this.call('GET', AGENT_ROUTES.config, undefined, true));
  }

  async pushSamples(samples: readonly AgentSample[]): Promise<SampleResult[]> {
    return PushSamplesResponseSchema.parse(await this.call('POST', AGENT_ROUTES.samples, { samples }, true)).results;
  }

  /** A large report goes as pages that each fit the server's limits (see paginateDiscovery), in order. */
  async reportDiscovery(report: DiscoveryReport): Promise<void> {
    for (const page of paginateDiscovery(report)) await this.call('POST', AGENT_ROUTES.discovery, page, true);
  }

  private async call(method: 'GET' | 'POST', route: string, body: unknown, signed: boolean): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (signed) {
      if (!this.options.signer) throw new DomainError('unauthenticated', 'this agent is not enrolled: run parc-agent enroll first');
      headers.authorization = `Bearer ${await this.options.signer()}`;
    }
    const url = `${this.server}${route}`;
    let response: Awaited<ReturnType<typeof fetch>>;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        dispatcher: this.options.dispatcher,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new BackendUnavailable(`cannot reach ${this.server}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
    }
    const text = await response.text();
    if (response.ok) return text === '' ? {} : JSON.parse(text);
    if (response.status >= 500 || response.status === 429) throw new BackendUnavailable(`${this.server} answered ${response.status} to ${method} ${route}`);
    let payload: { code?: string; message?: string } = {};
    try {
      payload = JSON.parse(text) as typeof payload;
    } catch {
      // not JSON: a proxy's or a web server's error page; the status says enough
    }
    const code = KNOWN_CODES.find((known) => known === payload.code) ?? (response.status === 401 ? 'unauthenticated' : 'bad_request');
    throw new DomainError(code, payload.message ?? `${method} ${url} answered ${response.status}`, { status: response.status });
  }
}
