import { DomainError } from '@parc/shared';
import { AGENT_LIMITS, type AgentConfig, type DiscoveryReport, type EnrollRequest, type EnrollResponse } from '@parc/shared/contracts/agents';
import type { AppDeps } from '../../deps.ts';
import type { AuthenticatedAgent } from './agent-auth.ts';
import { consumeKey, findAgent, findAgentById, findSettings, insertCredential, recordContact, storeDiscoveryPage, updateAgent, type AgentRow } from './agents.repo.ts';
import { placeSightings, yieldToOthers } from './samples.apply.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export function toAgentConfig(agent: AgentRow): AgentConfig {
  return {
    agentId: agent.id,
    schedules: { inspectionMinutes: agent.inspectionMinutes, alertsMinutes: agent.alertsMinutes, scanMinutes: agent.scanMinutes },
    ranges: agent.ranges,
    credentials: agent.snmpCredentials,
    timeoutMs: agent.timeoutMs,
    scanRequestedAt: agent.scanRequestedAt?.toISOString() ?? null,
  };
}

/**
 * Exchanges a free key for a credential bound to the agent's public key. A key held by a live
 * credential is refused until the partner revokes it ("révoquer le certificat").
 */
export async function enroll(deps: Deps, request: EnrollRequest, ip: string): Promise<EnrollResponse> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const taken = await consumeKey(tx, request.key, now);
    if (taken === 'unknown') throw new DomainError('agent.key_unknown', { field: 'key' });
    if (taken === 'in_use') throw new DomainError('agent.key_in_use', { field: 'key' });
    const before = await findAgentById(tx, taken.agentId);
    const credential = await insertCredential(tx, taken.agentId, request.publicKey, now);
    const settings = await findSettings(tx, before!.partnerId);
    const firstConnection = before!.lastContactAt === null;
    const agent = await updateAgent(tx, before!.partnerId, taken.agentId, {
      version: request.version,
      hostname: request.hostname,
      platform: request.platform,
      // The seed's option: a new agent looks for printers as soon as it is installed.
      ...(firstConnection && settings.scanOnFirstConnection ? { scanRequestedAt: now } : {}),
    });
    await recordContact(tx, { id: credential.id, agentId: taken.agentId }, ip, now);
    return { agentId: agent!.id, credentialId: credential.id, config: toAgentConfig(agent!) };
  });
}

export async function agentConfig(deps: Deps, agent: AuthenticatedAgent): Promise<AgentConfig> {
  const row = await findAgent(deps.db, agent.partnerId, agent.agentId);
  return toAgentConfig(row!);
}

/**
 * Stores a page of a scan report (sent several times while the scan runs, each with everything so
 * far, in pages when it is large) and puts the printers it found with a serial that is no device of
 * the customer into "devices to add". The page is stored in one short statement; its printers are
 * then handled AGENT_LIMITS.applyChunk at a time, each chunk its own transaction with a pause before
 * it, so a large scan never holds the database (PGlite has a single connection) for everyone else.
 */
export async function reportDiscovery(deps: Deps, agent: AuthenticatedAgent, report: DiscoveryReport): Promise<void> {
  const now = deps.clock();
  const page = report.page ?? { index: 0, last: true };
  await storeDiscoveryPage(
    deps.db,
    {
      scanId: report.scanId,
      partnerId: agent.partnerId,
      agentId: agent.agentId,
      startedAt: new Date(report.startedAt),
      // A scan is finished once its last page is in.
      finishedAt: page.last && report.finishedAt ? new Date(report.finishedAt) : null,
      probed: report.progress.probed,
      total: report.progress.total,
      found: report.found,
      failures: report.failures,
      reportedAt: now,
    },
    page.index,
  );
  const sightings = report.found.flatMap((printer) => {
    const serial = printer.serial?.trim();
    return serial ? [{ ...printer, serial, seenAt: now }] : [];
  });
  for (let start = 0; start < sightings.length; start += AGENT_LIMITS.applyChunk) {
    await yieldToOthers();
    await deps.db.transaction((tx) => placeSightings(tx, agent, sightings.slice(start, start + AGENT_LIMITS.applyChunk)));
  }
}
