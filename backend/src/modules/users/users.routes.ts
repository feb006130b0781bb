import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requirePermission, requireRole } from '../auth/access.ts';
import { errorsFor, idParams, json, jsonBody } from '../../http/openapi.ts';
import { UserInviteSchema, UserListQuerySchema, UserPageSchema, UserSchema, UserUpdateSchema } from './users.schemas.ts';
import { deactivateUser, inviteUser, listUsers, updateUser } from './users.service.ts';

const tags = ['users'];

/** The partner's own accounts: staff may look, only admins change anything. */
export const userRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: "The partner's users, by name, paged",
      middleware: [requirePermission('users', 'view')] as const,
      request: { query: UserListQuerySchema },
      responses: { 200: json(UserPageSchema, 'One page of users'), ...errorsFor(400, 401, 403) },
    }),
    async (c) => c.json(await listUsers(c.get('deps').db, c.get('user'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Invite a user: creates the account and emails a link (valid 7 days) to choose a password',
      middleware: [requireRole('partner_admin')] as const,
      request: { body: jsonBody(UserInviteSchema) },
      responses: { 201: json(UserSchema, 'Invited'), ...errorsFor(400, 401, 403, 409) },
    }),
    async (c) => c.json(await inviteUser(c.get('deps'), c.get('user'), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: "Change a user's name, role, language, customers or active state",
      middleware: [requireRole('partner_admin')] as const,
      request: { params: idParams, body: jsonBody(UserUpdateSchema) },
      responses: { 200: json(UserSchema, 'The changed user'), ...errorsFor(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateUser(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Deactivate a user and end their sessions (never yourself)',
      middleware: [requireRole('partner_admin')] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Deactivated' }, ...errorsFor(400, 401, 403, 404) },
    }),
    async (c) => {
      await deactivateUser(c.get('deps'), c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
