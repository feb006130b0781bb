import { z } from 'zod';
import { instantSchema, requiredText } from './paging.ts';

/**
 * API keys for a dealer's own tools (ERP, scripts): sent as `Authorization: Bearer <key>`, a key acts
 * as the person who made it, as they are now (role, profile, customers), never beyond its scope.
 */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Every key starts so, which tells a key from a session token or a meter link at a glance. */
export const API_KEY_MARK = 'parc_';
/** How much of a key is kept in clear and shown in lists to recognise it: the mark and 8 characters. */
export const API_KEY_PREFIX_LENGTH = API_KEY_MARK.length + 8;
/** The mark and 32 random bytes in base64url. */
export const API_KEY_PATTERN = /^parc_[A-Za-z0-9_-]{43}$/;

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  /** The key's first characters, to recognise it ("parc_AbCd1234"). */
  prefix: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: instantSchema,
  /** Within a minute: uses closer together are not each written down. */
  lastUsedAt: instantSchema.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });

export const apiKeyCreateSchema = z.strictObject({ name: requiredText(100), scope: z.enum(API_KEY_SCOPES) });
export type ApiKeyCreate = z.infer<typeof apiKeyCreateSchema>;

/** The answer to a creation, the only time the secret is ever shown. */
export const apiKeyCreatedSchema = z.object({ key: apiKeySchema, secret: z.string() });
export type ApiKeyCreated = z.infer<typeof apiKeyCreatedSchema>;
