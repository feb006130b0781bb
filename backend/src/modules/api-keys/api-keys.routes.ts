import { createRoute } from '@hono/zod-openapi';
import { apiKeyCreatedSchema, apiKeyCreateSchema, apiKeyListSchema } from '@parc/shared/contracts/api-keys';
import { createRouter } from '../../http/router.ts';
import { requireRole } from '../auth/access.ts';
import { errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.ts';

const tags = ['api-keys'];
/**
 * Keys are credentials, managed with the other credentials (invitations, accounts): by partner admins,
 * signed in. A role gate is never passed by a key (see access.ts), so a key cannot make or revoke keys.
 */
const adminSession = requireRole('partner_admin');

export const apiKeyRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api-keys',
      tags,
      summary: "The partner's API keys in force (never their secrets)",
      middleware: [adminSession] as const,
      responses: { 200: json(apiKeyListSchema, 'Keys, oldest first'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listApiKeys(c.get('deps').db, c.get('user')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api-keys',
      tags,
      summary: 'Create a key acting as you, read only or read and write; its secret is in this answer only',
      middleware: [adminSession] as const,
      request: { body: jsonBody(apiKeyCreateSchema) },
      responses: { 201: json(apiKeyCreatedSchema, 'Created: keep the secret now, it is never shown again'), ...errorResponses },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      return c.json(await createApiKey(db, c.get('user'), c.req.valid('json'), clock()), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api-keys/{id}',
      tags,
      summary: 'Revoke a key: it stops working at once',
      middleware: [adminSession] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      await revokeApiKey(db, c.get('user'), c.req.valid('param').id, clock());
      return c.body(null, 204);
    },
  );
