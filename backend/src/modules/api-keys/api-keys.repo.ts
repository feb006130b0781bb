import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiKeys, profiles, userProfiles, users } from '../../db/schema/index.ts';

/** The only SQL on `api_keys`. */

export type ApiKeyRow = typeof apiKeys.$inferSelect & { creatorName: string };

const listed = {
  id: apiKeys.id,
  partnerId: apiKeys.partnerId,
  createdBy: apiKeys.createdBy,
  name: apiKeys.name,
  scope: apiKeys.scope,
  secretHash: apiKeys.secretHash,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  creatorName: users.name,
};

export async function insertKey(db: Db, values: typeof apiKeys.$inferInsert): Promise<string> {
  const [row] = await db.insert(apiKeys).values(values).returning({ id: apiKeys.id });
  return row!.id;
}

/** The partner's keys still in force, oldest first; or one of them by id. */
export async function liveKeys(db: Db, partnerId: string, id?: string): Promise<ApiKeyRow[]> {
  return db
    .select(listed)
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .where(and(eq(apiKeys.partnerId, partnerId), isNull(apiKeys.revokedAt), id === undefined ? undefined : eq(apiKeys.id, id)))
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
}

/** True when a key in force was revoked now; false when there is none such. */
export async function revokeKey(db: Db, partnerId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.partnerId, partnerId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** A key by its secret's hash, with its creator as they are now (and their profile's permissions). */
export async function keyHolder(db: Db, secretHash: string) {
  const [row] = await db
    .select({ key: apiKeys, user: users, permissions: profiles.permissions })
    .from(apiKeys)
    .innerJoin(users, and(eq(users.id, apiKeys.createdBy), eq(users.partnerId, apiKeys.partnerId)))
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .leftJoin(profiles, eq(profiles.id, userProfiles.profileId))
    .where(eq(apiKeys.secretHash, secretHash));
  return row;
}

/** Notes a use unless one was noted after `since` (so at most one write per key and interval). */
export async function recordUse(db: Db, id: string, now: Date, since: Date): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, since))));
}
