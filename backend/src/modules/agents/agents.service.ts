import { DomainError } from '@parc/shared';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { isUniqueViolation } from '../customers/scope.ts';
import { agentStatus, disconnectedAfterMinutes, maskCredential, mergeCredentials, newEnrollmentKey, type RandomBytes } from './agents.domain.ts';
import {
  findAgent,
  findAgentExtras,
  findAgents,
  findDiscoveryRuns,
  findSettings,
  insertAgent,
  revokeCredentials,
  saveSettings,
  updateAgent,
  type AgentExtras,
  type AgentRow,
  type AgentValues,
} from './agents.repo.ts';
import type { AgentSettings, AgentUpdate, AgentView } from './agents.schemas.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

const notFound = () => new DomainError('agent.not_found');
const RECENT_DISCOVERY_RUNS = 10;

export function toAgentView(agent: AgentRow, extras: AgentExtras, now: Date): AgentView {
  const threshold = disconnectedAfterMinutes(agent);
  return {
    id: agent.id,
    customerId: agent.customerId,
    name: agent.name,
    key: extras.key,
    keyInUse: extras.keyInUse,
    status: agentStatus({
      hasLiveCredential: extras.liveCredential !== null,
      lastContactAt: agent.lastContactAt,
      contacts: extras.contacts,
      disconnectedAfterMinutes: threshold,
      now,
    }),
    version: agent.version,
    hostname: agent.hostname,
    platform: agent.platform,
    lastIp: agent.lastIp,
    lastContactAt: agent.lastContactAt?.toISOString() ?? null,
    schedules: { inspectionMinutes: agent.inspectionMinutes, alertsMinutes: agent.alertsMinutes, scanMinutes: agent.scanMinutes },
    ranges: agent.ranges,
    credentials: agent.snmpCredentials.map(maskCredential),
    timeoutMs: agent.timeoutMs,
    disconnectedAfterMinutes: agent.disconnectedAfterMinutes,
    effectiveDisconnectedAfterMinutes: threshold,
    scanRequestedAt: agent.scanRequestedAt?.toISOString() ?? null,
    createdAt: agent.createdAt.toISOString(),
  };
}

async function views(deps: Deps, rows: AgentRow[]): Promise<AgentView[]> {
  const extras = await findAgentExtras(deps.db, rows.map((row) => row.id));
  const now = deps.clock();
  return rows.map((row) => toAgentView(row, extras.get(row.id)!, now));
}

async function ownAgent(deps: Deps, user: SessionUser, id: string): Promise<AgentRow> {
  const row = await findAgent(deps.db, user.partnerId, id);
  if (!row) throw notFound();
  return row;
}

export async function getAgent(deps: Deps, user: SessionUser, id: string): Promise<AgentView> {
  const [view] = await views(deps, [await ownAgent(deps, user, id)]);
  return view!;
}

export async function listAgents(deps: Deps, user: SessionUser, customerId: string | undefined): Promise<AgentView[]> {
  if (customerId) await getCustomer(deps.db, user, customerId);
  return views(deps, await findAgents(deps.db, user.partnerId, customerId));
}

/** A new logical agent with its one-time key; a (vanishingly rare) key collision draws again. */
export async function createAgent(deps: Deps, user: SessionUser, customerId: string, name: string, randomBytes?: RandomBytes): Promise<AgentView> {
  const customer = await getCustomer(deps.db, user, customerId);
  for (let attempt = 1; ; attempt++) {
    try {
      const row = await insertAgent(deps.db, user.partnerId, customer.id, name, newEnrollmentKey(randomBytes));
      return getAgent(deps, user, row.id);
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error, 'agent_keys_key_unique')) throw error;
    }
  }
}

export async function changeAgent(deps: Deps, user: SessionUser, id: string, input: AgentUpdate): Promise<AgentView> {
  const current = await ownAgent(deps, user, id);
  const values: AgentValues = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.schedules) Object.assign(values, input.schedules);
  if (input.ranges) values.ranges = [...new Set(input.ranges)];
  if (input.credentials) values.snmpCredentials = mergeCredentials(current.snmpCredentials, input.credentials);
  if (input.timeoutMs !== undefined) values.timeoutMs = input.timeoutMs;
  if (input.disconnectedAfterMinutes !== undefined) values.disconnectedAfterMinutes = input.disconnectedAfterMinutes;
  await updateAgent(deps.db, user.partnerId, id, values);
  return getAgent(deps, user, id);
}

/**
 * "Révoquer le certificat": the enrolled program is refused from now on, and so is its key (a
 * revoked key copied from an old install must not enroll again); the console shows a new key.
 */
export async function revokeAgent(deps: Deps, user: SessionUser, id: string): Promise<AgentView> {
  await ownAgent(deps, user, id);
  await revokeCredentials(deps.db, id, deps.clock(), newEnrollmentKey());
  return getAgent(deps, user, id);
}

/** "Analyser maintenant": the agent sees the new timestamp at its next config poll (every minute) and scans. */
export async function requestScan(deps: Deps, user: SessionUser, id: string): Promise<AgentView> {
  await ownAgent(deps, user, id);
  await updateAgent(deps.db, user.partnerId, id, { scanRequestedAt: deps.clock() });
  return getAgent(deps, user, id);
}

export async function listDiscoveryRuns(deps: Deps, user: SessionUser, id: string) {
  await ownAgent(deps, user, id);
  const runs = await findDiscoveryRuns(deps.db, id, RECENT_DISCOVERY_RUNS);
  return runs.map((run) => ({
    scanId: run.scanId,
    agentId: run.agentId,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    progress: { probed: run.probed, total: run.total },
    found: run.found,
    failures: run.failures,
    reportedAt: run.reportedAt.toISOString(),
  }));
}

export async function getAgentSettings(deps: Deps, user: SessionUser): Promise<AgentSettings> {
  return findSettings(deps.db, user.partnerId);
}

export async function changeAgentSettings(deps: Deps, user: SessionUser, input: Partial<AgentSettings>): Promise<AgentSettings> {
  const settings = { ...(await findSettings(deps.db, user.partnerId)), ...input };
  await saveSettings(deps.db, user.partnerId, settings, deps.clock());
  return settings;
}
