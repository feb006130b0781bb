import { createRoute, z } from '@hono/zod-openapi';
import {
  counterResetCreateSchema,
  counterResetListSchema,
  readingCreateSchema,
  readingDeleteSchema,
  readingListQuerySchema,
  readingPageSchema,
  readingSchema,
  readingUpdateSchema,
} from '@parc/shared/contracts/readings';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { errorResponses, errorSchema, idParams, json, jsonBody } from '../../http/openapi.ts';
import { changeReading, createPartnerReading, declarePartnerReset, getReading, listReadings, listResets, removeReading } from './readings.service.ts';

const tags = ['readings'];
const deviceParams = z.object({ deviceId: z.uuid() });
const refused = { 422: json(errorSchema, 'Refused by the acceptance policy; `reason` says why') };
const locked = { 423: json(errorSchema, 'Locked: already sent by the nightly transmission or billed') };

export const readingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices/{deviceId}/readings',
      tags,
      summary: "A device's readings, newest first, by counter and date range, each with its source, the policy's reason and its revisions",
      middleware: [requirePermission('readings', 'view', ALL_ROLES)] as const,
      request: { params: deviceParams, query: readingListQuerySchema },
      responses: { 200: json(readingPageSchema, 'One page of readings'), ...errorResponses },
    }),
    async (c) => c.json(await listReadings(c.get('deps').db, c.get('user'), c.req.valid('param').deviceId, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices/{deviceId}/readings',
      tags,
      summary: 'Enter a reading by hand; the same clientId again returns the first reading (200)',
      middleware: [requirePermission('readings', 'edit')] as const,
      request: { params: deviceParams, body: jsonBody(readingCreateSchema) },
      responses: {
        201: json(readingSchema, 'Created'),
        200: json(readingSchema, 'Already applied under this clientId'),
        ...refused,
        ...errorResponses,
      },
    }),
    async (c) => {
      const { reading, created } = await createPartnerReading(c.get('deps'), c.get('user'), c.req.valid('param').deviceId, c.req.valid('json'));
      return created ? c.json(reading, 201) : c.json(reading, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/readings/{id}',
      tags,
      summary: 'One reading',
      middleware: [requirePermission('readings', 'view', ALL_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: json(readingSchema, 'The reading'), ...errorResponses },
    }),
    async (c) => c.json(await getReading(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/readings/{id}',
      tags,
      summary: 'Correct the value or the note of a reading; a locked one (sent or billed) takes a new value with a note saying why, billed as an adjustment; the old value is kept as a revision',
      middleware: [requirePermission('readings', 'edit')] as const,
      request: { params: idParams, body: jsonBody(readingUpdateSchema) },
      responses: { 200: json(readingSchema, 'The changed reading'), ...refused, ...locked, ...errorResponses },
    }),
    async (c) => c.json(await changeReading(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/readings/{id}',
      tags,
      summary: 'Delete a reading that is not locked, with a note: it stays in the history, counted nowhere',
      middleware: [requirePermission('readings', 'edit')] as const,
      request: { params: idParams, body: jsonBody(readingDeleteSchema) },
      responses: { 200: json(readingSchema, 'The deleted reading'), ...locked, ...errorResponses },
    }),
    async (c) => c.json(await removeReading(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices/{deviceId}/resets',
      tags,
      summary: "A device's declared counter resets and board replacements, oldest first",
      middleware: [requirePermission('readings', 'view', ALL_ROLES)] as const,
      request: { params: deviceParams },
      responses: { 200: json(counterResetListSchema, 'The resets'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listResets(c.get('deps').db, c.get('user'), c.req.valid('param').deviceId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices/{deviceId}/resets',
      tags,
      summary: 'Declare a counter reset or board replacement: final and start value per counter; volumes continue across it',
      middleware: [requirePermission('readings', 'edit')] as const,
      request: { params: deviceParams, body: jsonBody(counterResetCreateSchema) },
      responses: {
        201: json(counterResetListSchema, 'Declared'),
        200: json(counterResetListSchema, 'Already declared under this clientId'),
        409: json(errorSchema, 'A reading was taken after the declared moment'),
        ...refused,
        ...errorResponses,
      },
    }),
    async (c) => {
      const { resets, created } = await declarePartnerReset(c.get('deps'), c.get('user'), c.req.valid('param').deviceId, c.req.valid('json'));
      return created ? c.json({ items: resets }, 201) : c.json({ items: resets }, 200);
    },
  );
