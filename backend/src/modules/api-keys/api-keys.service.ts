import { DomainError } from '@parc/shared';
import { API_KEY_MARK, API_KEY_PREFIX_LENGTH, type ApiKey, type ApiKeyCreate, type ApiKeyCreated } from '@parc/shared/contracts/api-keys';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { hashToken, newToken } from '../auth/session-token.ts';
import * as repo from './api-keys.repo.ts';

function toApiKey(row: repo.ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdBy: { id: row.createdBy, name: row.creatorName },
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(db: Db, user: SessionUser): Promise<ApiKey[]> {
  return (await repo.liveKeys(db, user.partnerId)).map(toApiKey);
}

/** A new key acting as `user`; its secret is in this answer only (the database keeps its hash). */
export async function createApiKey(db: Db, user: SessionUser, input: ApiKeyCreate, now: Date): Promise<ApiKeyCreated> {
  const secret = `${API_KEY_MARK}${newToken()}`;
  const id = await repo.insertKey(db, {
    partnerId: user.partnerId,
    createdBy: user.id,
    name: input.name,
    scope: input.scope,
    secretHash: hashToken(secret),
    prefix: secret.slice(0, API_KEY_PREFIX_LENGTH),
    createdAt: now,
  });
  const [row] = await repo.liveKeys(db, user.partnerId, id);
  return { key: toApiKey(row!), secret };
}

export async function revokeApiKey(db: Db, user: SessionUser, id: string, now: Date): Promise<void> {
  if (!(await repo.revokeKey(db, user.partnerId, id, now))) throw new DomainError('api_key.not_found');
}
