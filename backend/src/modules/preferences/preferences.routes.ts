import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { listPreferencesAnswerSchema, listPreferencesSchema, PREFERENCE_SCREENS, type ListPreferences } from '@parc/shared/contracts/preferences';
import { userPreferences } from '../../db/schema/index.ts';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requireSession } from '../auth/access.ts';
import { errorResponses, json, jsonBody } from '../../http/openapi.ts';

const tags = ['preferences'];
const screenParams = z.object({ screen: z.enum(PREFERENCE_SCREENS) });

/** Display options belong to the signed-in user alone: the user id comes from the session, never the request. */
export const preferenceRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/preferences/{screen}',
      tags,
      summary: "The signed-in user's display options for a screen",
      middleware: [requireSession(...ALL_ROLES)] as const,
      request: { params: screenParams },
      responses: { 200: json(listPreferencesAnswerSchema, 'Saved options, or null'), ...errorResponses },
    }),
    async (c) => {
      const { screen } = c.req.valid('param');
      const [row] = await c
        .get('deps')
        .db.select({ value: userPreferences.value })
        .from(userPreferences)
        .where(and(eq(userPreferences.userId, c.get('user').id), eq(userPreferences.screen, screen)));
      // Stored by an older version of the screen: fall back to the defaults rather than fail.
      const parsed = listPreferencesSchema.safeParse(row?.value);
      return c.json({ screen, value: parsed.success ? parsed.data : null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/preferences/{screen}',
      tags,
      summary: "Save the signed-in user's display options for a screen",
      middleware: [requireSession(...ALL_ROLES)] as const,
      request: { params: screenParams, body: jsonBody(listPreferencesSchema) },
      responses: { 200: json(listPreferencesAnswerSchema, 'Saved'), ...errorResponses },
    }),
    async (c) => {
      const { screen } = c.req.valid('param');
      const value: ListPreferences = c.req.valid('json');
      const { db, clock } = c.get('deps');
      await db
        .insert(userPreferences)
        .values({ userId: c.get('user').id, screen, value, updatedAt: clock() })
        .onConflictDoUpdate({ target: [userPreferences.userId, userPreferences.screen], set: { value, updatedAt: clock() } });
      return c.json({ screen, value }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/preferences/{screen}',
      tags,
      summary: 'Back to the default display options',
      middleware: [requireSession(...ALL_ROLES)] as const,
      request: { params: screenParams },
      responses: { 200: json(listPreferencesAnswerSchema, 'Reset'), ...errorResponses },
    }),
    async (c) => {
      const { screen } = c.req.valid('param');
      await c.get('deps').db.delete(userPreferences).where(and(eq(userPreferences.userId, c.get('user').id), eq(userPreferences.screen, screen)));
      return c.json({ screen, value: null }, 200);
    },
  );
