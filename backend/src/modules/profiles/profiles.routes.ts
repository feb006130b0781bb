import { createRoute, z } from '@hono/zod-openapi';
import { myPermissionsSchema, profileCreateSchema, profileListSchema, profileSchema, profileUpdateSchema, userProfileAssignmentsSchema, userProfileSchema } from '@parc/shared/contracts/profiles';
import { createRouter } from '../../http/router.ts';
import { PARTNER_ROLES, requirePermission, requireSession } from '../auth/access.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { changeProfile, createProfile, deleteProfile, eraseUser, listAssignments, listProfiles, myPermissions, resetUserPassword, setUserProfile } from './profiles.service.ts';

const tags = ['profiles'];
/** Profiles decide what staff may do, so only admins write them (staff with users:edit could otherwise raise their own access). */
const ADMIN_ONLY = ['partner_admin'] as const;

export const profileRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/permissions',
      tags,
      summary: "The signed-in user's permissions per console screen",
      middleware: [requireSession(...PARTNER_ROLES)] as const,
      responses: { 200: json(myPermissionsSchema, 'Permissions'), ...errorResponses },
    }),
    async (c) => c.json(await myPermissions(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/profiles',
      tags,
      summary: "The partner's profiles with how many users carry each",
      middleware: [requirePermission('users', 'view')] as const,
      responses: { 200: json(profileListSchema, 'Profiles'), ...errorResponses },
    }),
    async (c) => c.json(await listProfiles(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/profiles',
      tags,
      summary: 'Add a profile: a name and a level (none, view, edit) per screen',
      middleware: [requirePermission('users', 'edit', ADMIN_ONLY)] as const,
      request: { body: jsonBody(profileCreateSchema) },
      responses: { 201: json(profileSchema, 'Created'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await createProfile(c.get('deps').db, c.get('user'), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/profiles/{id}',
      tags,
      summary: 'Rename a profile or change its permissions (applies at the next request of its users)',
      middleware: [requirePermission('users', 'edit', ADMIN_ONLY)] as const,
      request: { params: idParams, body: jsonBody(profileUpdateSchema) },
      responses: { 200: json(profileSchema, 'Changed'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await changeProfile(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/profiles/{id}',
      tags,
      summary: 'Delete a profile no user carries',
      middleware: [requirePermission('users', 'edit', ADMIN_ONLY)] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...conflictResponse, ...errorResponses },
    }),
    async (c) => {
      await deleteProfile(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/profiles/assignments',
      tags,
      summary: 'Which staff user carries which profile',
      middleware: [requirePermission('users', 'view')] as const,
      responses: { 200: json(userProfileAssignmentsSchema, 'Assignments'), ...errorResponses },
    }),
    async (c) => c.json(await listAssignments(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/users/{id}/profile',
      tags,
      summary: "Give a staff user a profile, or null for full access",
      middleware: [requirePermission('users', 'edit', ADMIN_ONLY)] as const,
      request: { params: idParams, body: jsonBody(userProfileSchema) },
      responses: { 200: json(userProfileSchema, 'The profile now'), ...errorResponses },
    }),
    async (c) => c.json(await setUserProfile(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json').profileId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/users/{id}/password-reset',
      tags,
      summary: 'Email the user a link to choose a new password',
      middleware: [requirePermission('users', 'edit')] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Sent' }, ...errorResponses },
    }),
    async (c) => {
      await resetUserPassword(c.get('deps'), c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}/account',
      tags,
      summary: 'Delete an account for good (DELETE /users/{id} only deactivates it)',
      middleware: [requirePermission('users', 'edit', ADMIN_ONLY)] as const,
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await eraseUser(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
