import { DomainError } from '@parc/shared';
import { EnrollmentKeySchema } from '@parc/shared/contracts/agents';
import { saveSetting } from '../config/agent-config.ts';
import type { AgentPaths } from '../config/paths.ts';
import { loadCredential, saveCredential, updateState } from '../config/store.ts';
import { BackendClient, BackendUnavailable } from '../upload/client.ts';
import { generateAgentKeyPair } from '../upload/signer.ts';

export type EnrollOptions = {
  paths: AgentPaths;
  server: string;
  key: string;
  hostname: string;
  platform: string;
  version: string;
  now: () => Date;
  client?: (server: string) => BackendClient;
  out: (line: string) => void;
};

/** Messages a person at the customer's site can act on, by what went wrong. */
const ENROLL_REFUSALS: Partial<Record<string, string>> = {
  conflict: 'This key was already used. Ask your dealer for a new key, or to revoke the agent that used it.',
  not_found: 'This key is unknown to the server: check it, and that --server is your dealer\'s Parc address.',
};

/**
 * Exchanges a one-time key for a credential: generates the key pair here, sends only the public
 * half, stores the private key (0600) with the ids the server gave.
 */
export async function enroll(options: EnrollOptions): Promise<{ agentId: string }> {
  const key = EnrollmentKeySchema.safeParse(options.key);
  if (!key.success) throw new DomainError('bad_request', `"${options.key}" is not an enrollment key: expected 4 groups of 4 letters, like WTCD-GSAL-RGHJ-QJYS`, { field: 'key' });
  const server = options.server.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(server)) throw new DomainError('bad_request', `--server must be a URL like https://parc.example.com, got "${options.server}"`, { field: 'server' });

  const { privateJwk, publicJwk } = await generateAgentKeyPair();
  const client = options.client?.(server) ?? new BackendClient(server);
  let response;
  try {
    response = await client.enroll({ key: key.data, publicKey: publicJwk, hostname: options.hostname, platform: options.platform, version: options.version });
  } catch (error) {
    if (error instanceof BackendUnavailable)
      throw new DomainError('internal', `${error.message}. Check the address, this computer's network, and the proxy settings in ${options.paths.config}.`);
    if (error instanceof DomainError && ENROLL_REFUSALS[error.code]) throw new DomainError(error.code, ENROLL_REFUSALS[error.code] as string);
    throw error;
  }
  if (loadCredential(options.paths)) options.out('Replacing this agent\'s previous credential.');
  const at = options.now().toISOString();
  saveCredential(options.paths, { server, agentId: response.agentId, credentialId: response.credentialId, privateJwk, enrolledAt: at });
  saveSetting(options.paths, 'server', server);
  updateState(options.paths, () => ({ config: response.config, lastContactAt: at, revokedAt: null, lastErrors: [] }));
  options.out(`Enrolled with ${server} as agent ${response.agentId}. Start it with: parc-agent run`);
  return { agentId: response.agentId };
}
