import { mkdirSync } from 'node:fs';
import { DomainError } from '@parc/shared';
import type { AgentConfig } from '@parc/shared/contracts/agents';
import type { KnownDevice } from '../discovery/registry.ts';
import { readJsonIfExists, writeFileAtomic } from './files.ts';
import type { AgentPaths } from './paths.ts';

/** What enrollment leaves behind: who the agent is and the private key that proves it. */
export type StoredCredential = {
  server: string;
  agentId: string;
  credentialId: string;
  privateJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string };
  enrolledAt: string;
};

function isStoredCredential(value: unknown): value is StoredCredential {
  const stored = value as Partial<StoredCredential> | null;
  return (
    typeof stored?.server === 'string' &&
    typeof stored.agentId === 'string' &&
    typeof stored.credentialId === 'string' &&
    stored.privateJwk?.kty === 'OKP' &&
    typeof stored.privateJwk.d === 'string'
  );
}

export type AgentState = {
  lastContactAt: string | null;
  lastScanAt: string | null;
  /** The console's scanRequestedAt the agent last acted on ("scan now"). */
  scanRequestHandled: string | null;
  /** The config last fetched: the daemon keeps working from it while the server is away. */
  config: AgentConfig | null;
  revokedAt: string | null;
  /** The last few errors, newest last, for `parc-agent status`. */
  lastErrors: Array<{ at: string; message: string }>;
};
const EMPTY_STATE: AgentState = { lastContactAt: null, lastScanAt: null, scanRequestHandled: null, config: null, revokedAt: null, lastErrors: [] };
const ERRORS_KEPT = 10;

function ensureDir(paths: AgentPaths) {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
}

export function loadCredential(paths: AgentPaths): StoredCredential | undefined {
  const stored = readJsonIfExists<unknown>(paths.credentials);
  if (stored === undefined) return undefined;
  if (!isStoredCredential(stored)) throw new DomainError('internal', `${paths.credentials} is damaged: enroll again with a new key`);
  return stored;
}

export function saveCredential(paths: AgentPaths, credential: StoredCredential): void {
  ensureDir(paths);
  writeFileAtomic(paths.credentials, `${JSON.stringify(credential, null, 2)}\n`, 0o600);
}

export function loadState(paths: AgentPaths): AgentState {
  return { ...EMPTY_STATE, ...readJsonIfExists<Partial<AgentState>>(paths.state) };
}

export function updateState(paths: AgentPaths, change: (state: AgentState) => Partial<AgentState>): AgentState {
  ensureDir(paths);
  const state = loadState(paths);
  const next = { ...state, ...change(state) };
  writeFileAtomic(paths.state, `${JSON.stringify(next, null, 2)}\n`, 0o600);
  return next;
}

export function recordError(paths: AgentPaths, at: Date, message: string): void {
  updateState(paths, (state) => ({ lastErrors: [...state.lastErrors, { at: at.toISOString(), message }].slice(-ERRORS_KEPT) }));
}

export function loadDevices(paths: AgentPaths): KnownDevice[] {
  return readJsonIfExists<KnownDevice[]>(paths.devices) ?? [];
}

export function saveDevices(paths: AgentPaths, devices: readonly KnownDevice[]): void {
  ensureDir(paths);
  writeFileAtomic(paths.devices, `${JSON.stringify(devices, null, 2)}\n`, 0o600);
}
