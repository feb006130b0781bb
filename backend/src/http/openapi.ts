import { readingReasonSchema } from '@parc/shared';
import { z } from '@hono/zod-openapi';
import type { RouteAccess } from '../modules/auth/access.ts';
import { SESSION_COOKIE } from '../modules/auth/session-token.ts';

/** Route declaration helpers shared by every module, so each route reads as what it does. */
export function json<Schema extends z.ZodType>(schema: Schema, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<Schema extends z.ZodType>(schema: Schema) {
  return { required: true, content: { 'application/json': { schema } } };
}

export const idParams = z.object({ id: z.uuid() });

export const errorSchema = z
  .object({
    code: z.string(),
    key: z.string().optional().openapi({ description: 'The text in the shared error catalogue, for the client to word in its language' }),
    params: z.record(z.string(), z.unknown()).openapi({ description: 'What the text is made of' }),
    message: z.string().openapi({ description: "The text in the signed-in user's language, English without a session" }),
    field: z.string().optional(),
    reason: readingReasonSchema.optional(),
  })
  .openapi('Error');

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input; `field` names it',
  401: 'Not signed in',
  403: 'Not allowed for this role',
  // Also what another tenant's or another customer's ids get: no hint that they exist.
  404: 'No such record visible to this user',
  409: 'Would duplicate or contradict an existing record; `field` names it',
  423: 'Locked for a while',
  429: 'Too many attempts; try again later',
} as const;

/** OpenAPI entries for the error answers a route may give, all shaped `{ code, key, params, message, field? }`. */
export function errorsFor<S extends keyof typeof ERROR_DESCRIPTIONS>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((status) => [status, json(errorSchema, ERROR_DESCRIPTIONS[status])])) as Record<S, ReturnType<typeof json<typeof errorSchema>>>;
}

/** The errors every authenticated route may answer. */
export const errorResponses = errorsFor(400, 401, 403, 404);
export const conflictResponse = errorsFor(409);

/** How a caller proves who it is, as the OpenAPI document names it (`components.securitySchemes`). */
export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session of a person signed in (POST /auth/login sets it).' },
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key, made by a partner admin in the console (Settings, API keys): send `Authorization: Bearer parc_…`. It acts as the person who made it, as they are now (role, profile, customers): a read-only key only reads (GET), and neither kind does more than that person may. Keys open the operations whose `x-parc-access` is `screen` or `any_screen`; the others need a person signed in.',
  },
} as const;

/** The credentials an operation takes: the console's screens take a key too, one's own account and the users' only a session. */
export function securityFor(access: RouteAccess): Record<string, string[]>[] | undefined {
  if (access.kind === 'screen' || access.kind === 'any_screen') return [{ session: [] }, { apiKey: [] }];
  if (access.kind === 'role' || access.kind === 'self') return [{ session: [] }];
  return undefined;
}
