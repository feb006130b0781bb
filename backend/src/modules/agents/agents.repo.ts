import { and, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agentContacts, agentCredentials, agentKeys, agents, agentSettings, agentTokenUses, discoveryRuns } from '../../db/schema/index.ts';
import type { AgentSettings } from './agents.schemas.ts';
import { MIN_DISCONNECTED_MINUTES } from './agents.domain.ts';

export type AgentRow = typeof agents.$inferSelect;
export type AgentValues = Partial<Omit<typeof agents.$inferInsert, 'id' | 'partnerId' | 'customerId' | 'createdAt'>>;
export type CredentialRow = typeof agentCredentials.$inferSelect;
export type ContactRow = typeof agentContacts.$inferSelect;

export async function insertAgent(db: Db, partnerId: string, customerId: string, name: string, key: string): Promise<AgentRow> {
  return db.transaction(async (tx) => {
    const [agent] = await tx.insert(agents).values({ partnerId, customerId, name }).returning();
    await tx.insert(agentKeys).values({ agentId: agent!.id, key });
    return agent!;
  });
}

export async function findAgent(db: Db, partnerId: string, id: string): Promise<AgentRow | null> {
  const [row] = await db.select().from(agents).where(and(eq(agents.partnerId, partnerId), eq(agents.id, id)));
  return row ?? null;
}

/** By id alone: only for ids that come from a verified key or credential, never from a user. */
export async function findAgentById(db: Db, id: string): Promise<AgentRow | null> {
  const [row] = await db.select().from(agents).where(eq(agents.id, id));
  return row ?? null;
}

export async function findAgents(db: Db, partnerId: string, customerId?: string): Promise<AgentRow[]> {
  return db
    .select()
    .from(agents)
    .where(and(eq(agents.partnerId, partnerId), customerId ? eq(agents.customerId, customerId) : undefined))
    .orderBy(agents.name, agents.createdAt);
}

export async function updateAgent(db: Db, partnerId: string, id: string, values: AgentValues): Promise<AgentRow | null> {
  const [row] = await db.update(agents).set(values).where(and(eq(agents.partnerId, partnerId), eq(agents.id, id))).returning();
  return row ?? null;
}

/** What the status and the console need besides the agent row: its key, live credential and contact periods. */
export interface AgentExtras {
  key: string;
  keyInUse: boolean;
  liveCredential: CredentialRow | null;
  contacts: ContactRow[];
}

export async function findAgentExtras(db: Db, agentIds: string[]): Promise<Map<string, AgentExtras>> {
  if (agentIds.length === 0) return new Map();
  const [keys, live, contacts] = await Promise.all([
    db.select().from(agentKeys).where(inArray(agentKeys.agentId, agentIds)),
    db
      .select()
      .from(agentCredentials)
      .where(and(inArray(agentCredentials.agentId, agentIds), isNull(agentCredentials.revokedAt))),
    db
      .select({ agentId: agentCredentials.agentId, contact: agentContacts })
      .from(agentContacts)
      .innerJoin(agentCredentials, eq(agentCredentials.id, agentContacts.credentialId))
      .where(and(inArray(agentCredentials.agentId, agentIds), isNull(agentCredentials.revokedAt))),
  ]);
  return new Map(
    agentIds.map((agentId) => {
      const key = keys.find((row) => row.agentId === agentId)!;
      return [
        agentId,
        {
          key: key.key,
          keyInUse: key.consumedAt !== null,
          liveCredential: live.find((row) => row.agentId === agentId) ?? null,
          contacts: contacts.filter((row) => row.agentId === agentId).map((row) => row.contact),
        },
      ];
    }),
  );
}

/** Revokes the live credential and frees the key, in one step so the two never disagree. */
/** Revokes the agent's credentials and replaces its key: the old one enrolls nothing any more. */
export async function revokeCredentials(db: Db, agentId: string, now: Date, newKey: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(agentCredentials)
      .set({ revokedAt: now })
      .where(and(eq(agentCredentials.agentId, agentId), isNull(agentCredentials.revokedAt)));
    await tx.update(agentKeys).set({ key: newKey, consumedAt: null, createdAt: now }).where(eq(agentKeys.agentId, agentId));
  });
}

/** Takes the key if it is free: the conditional UPDATE makes two simultaneous enrollments yield one winner. */
export async function consumeKey(db: Db, key: string, now: Date): Promise<{ agentId: string } | 'unknown' | 'in_use'> {
  const [taken] = await db
    .update(agentKeys)
    .set({ consumedAt: now })
    .where(and(eq(agentKeys.key, key), isNull(agentKeys.consumedAt)))
    .returning({ agentId: agentKeys.agentId });
  if (taken) return taken;
  const [exists] = await db.select({ agentId: agentKeys.agentId }).from(agentKeys).where(eq(agentKeys.key, key));
  return exists ? 'in_use' : 'unknown';
}

export async function insertCredential(db: Db, agentId: string, publicKey: CredentialRow['publicKey'], now: Date): Promise<CredentialRow> {
  const [row] = await db.insert(agentCredentials).values({ agentId, publicKey, createdAt: now }).returning();
  return row!;
}

export async function findCredential(db: Db, id: string): Promise<(CredentialRow & { agent: AgentRow }) | null> {
  const [row] = await db.select().from(agentCredentials).innerJoin(agents, eq(agents.id, agentCredentials.agentId)).where(eq(agentCredentials.id, id));
  return row ? { ...row.agent_credentials, agent: row.agents } : null;
}

/** Records a token id until it expires; false when it was already used (a replay). Forgets expired ones of the credential. */
export async function useTokenId(db: Db, credentialId: string, jti: string, expiresAt: Date, now: Date): Promise<boolean> {
  await db.delete(agentTokenUses).where(and(eq(agentTokenUses.credentialId, credentialId), lt(agentTokenUses.expiresAt, now)));
  const inserted = await db.insert(agentTokenUses).values({ jti, credentialId, expiresAt }).onConflictDoNothing().returning({ jti: agentTokenUses.jti });
  return inserted.length > 0;
}

export async function recordContact(db: Db, credential: { id: string; agentId: string }, ip: string, now: Date): Promise<void> {
  await db.update(agents).set({ lastContactAt: now, lastIp: ip }).where(eq(agents.id, credential.agentId));
  await db
    .insert(agentContacts)
    .values({ credentialId: credential.id, ip, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: [agentContacts.credentialId, agentContacts.ip], set: { lastSeenAt: now } });
}

export const DEFAULT_AGENT_SETTINGS: AgentSettings = { scanOnFirstConnection: true, keepLocationOnIpChange: true };

export async function findSettings(db: Db, partnerId: string): Promise<AgentSettings> {
  const [row] = await db.select().from(agentSettings).where(eq(agentSettings.partnerId, partnerId));
  if (!row) return DEFAULT_AGENT_SETTINGS;
  const { scanOnFirstConnection, keepLocationOnIpChange } = row;
  return { scanOnFirstConnection, keepLocationOnIpChange };
}

export async function saveSettings(db: Db, partnerId: string, settings: AgentSettings, now: Date): Promise<void> {
  await db
    .insert(agentSettings)
    .values({ partnerId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: agentSettings.partnerId, set: { ...settings, updatedAt: now } });
}

export type DiscoveryRunRow = typeof discoveryRuns.$inferSelect;

export async function findDiscoveryRuns(db: Db, agentId: string, limit: number): Promise<DiscoveryRunRow[]> {
  return db.select().from(discoveryRuns).where(eq(discoveryRuns.agentId, agentId)).orderBy(desc(discoveryRuns.startedAt)).limit(limit);
}

/** What the console keeps of one scan's printers found and of its failures; every printer found still reaches "devices to add". */
export const STORED_PER_SCAN = 5_000;

/**
 * Stores a page of a scan report. Page 0 starts the scan's snapshot (an older progress report arriving
 * late never overwrites a newer one); the next pages add their printers and failures to it, up to
 * STORED_PER_SCAN each. Only the agent that started the scan may add to it, and not once it finished.
 */
export async function storeDiscoveryPage(db: Db, run: DiscoveryRunRow, pageIndex: number): Promise<void> {
  const open = sql`${discoveryRuns.agentId} = ${run.agentId} and ${discoveryRuns.finishedAt} is null and ${discoveryRuns.probed} <= ${run.probed}`;
  if (pageIndex === 0) {
    const found = run.found.slice(0, STORED_PER_SCAN);
    const failures = run.failures.slice(0, STORED_PER_SCAN);
    await db
      .insert(discoveryRuns)
      .values({ ...run, found, failures })
      .onConflictDoUpdate({
        target: discoveryRuns.scanId,
        set: { finishedAt: run.finishedAt, probed: run.probed, total: run.total, found, failures, reportedAt: run.reportedAt },
        setWhere: open,
      });
    return;
  }
  const append = (column: typeof discoveryRuns.found | typeof discoveryRuns.failures, added: unknown[]) =>
    sql`(select coalesce(jsonb_agg(entry order by position), '[]'::jsonb) from (select entry, position from jsonb_array_elements(${column} || ${JSON.stringify(added)}::jsonb) with ordinality as item(entry, position) order by position limit ${STORED_PER_SCAN}) kept)`;
  await db
    .update(discoveryRuns)
    .set({
      finishedAt: run.finishedAt,
      probed: run.probed,
      total: run.total,
      found: append(discoveryRuns.found, run.found),
      failures: append(discoveryRuns.failures, run.failures),
      reportedAt: run.reportedAt,
    })
    .where(and(eq(discoveryRuns.scanId, run.scanId), open));
}

/** `disconnectedAfterMinutes` over an `agents` row of a query (by its alias), for reports that filter on the state: the SQL twin of the rule in agents.domain.ts. */
export function disconnectedAfterMinutesSql(alias: string): SQL {
  return sql.raw(
    `coalesce(${alias}.disconnected_after_minutes, greatest(${MIN_DISCONNECTED_MINUTES}, 2 * coalesce(nullif(${alias}.alerts_minutes, 0), ${alias}.inspection_minutes)))`,
  );
}

