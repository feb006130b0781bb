import { z } from '@hono/zod-openapi';

/** Route declaration helpers shared by the fleet modules, so each route reads as what it does. */
export function json<Schema extends z.ZodType>(schema: Schema, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<Schema extends z.ZodType>(schema: Schema) {
  return { required: true, content: { 'application/json': { schema } } };
}

export const idParams = z.object({ id: z.uuid() });

export const errorSchema = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

/** The errors every fleet route may answer; 404 also covers other tenants' and other customers' ids. */
export const errorResponses = {
  400: json(errorSchema, 'Invalid input; `field` names it'),
  401: json(errorSchema, 'Not signed in'),
  403: json(errorSchema, 'Role not allowed'),
  404: json(errorSchema, 'No such record visible to this user'),
} as const;

export const conflictResponse = { 409: json(errorSchema, 'Would duplicate a unique value; `field` names it') } as const;
