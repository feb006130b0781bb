import { DomainError } from '@parc/shared';
import type { AgentConfig, DiscoveryReport, EnrollRequest, EnrollResponse } from '@parc/shared/contracts/agents';
import type { AppDeps } from '../../deps.ts';
import type { AuthenticatedAgent } from './agent-auth.ts';
import { consumeKey, findAgent, findAgentById, findSettings, insertCredential, recordContact, updateAgent, upsertDiscoveryRun, type AgentRow } from './agents.repo.ts';
import { findActiveDeviceBySerial, placeUnknownSerial } from './samples.apply.ts';

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
 * Stores a scan report (sent several times while the scan runs, each with everything so far) and puts
 * the printers it found with a serial that is no device of the customer into "devices to add".
 */
export async function reportDiscovery(deps: Deps, agent: AuthenticatedAgent, report: DiscoveryReport): Promise<void> {
  const now = deps.clock();
  const settings = await findSettings(deps.db, agent.partnerId);
  await deps.db.transaction(async (tx) => {
    await upsertDiscoveryRun(tx, {
      scanId: report.scanId,
      partnerId: agent.partnerId,
      agentId: agent.agentId,
      startedAt: new Date(report.startedAt),
      finishedAt: report.finishedAt ? new Date(report.finishedAt) : null,
      probed: report.progress.probed,
      total: report.progress.total,
      found: report.found,
      failures: report.failures,
      reportedAt: now,
    });
    for (const printer of report.found) {
      const serial = printer.serial?.trim();
      if (!serial || (await findActiveDeviceBySerial(tx, agent.partnerId, serial, agent.customerId))) continue;
      await placeUnknownSerial(tx, agent, settings, { ...printer, serial, seenAt: now });
    }
  });
}

