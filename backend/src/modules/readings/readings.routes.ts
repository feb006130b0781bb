import { createRoute, z } from '@hono/zod-openapi';
import { readingCreateSchema, readingListQuerySchema, readingPageSchema, readingSchema, readingUpdateSchema } from '@parc/shared/contracts/readings';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { errorResponses, errorSchema, idParams, json, jsonBody } from '../../http/openapi.ts';
import { changeReading, createManualReading, getReading, listReadings } from './readings.service.ts';
import { toReading } from './readings.repo.ts';

const tags = ['readings'];
const deviceParams = z.object({ deviceId: z.uuid() });

export const readingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices/{deviceId}/readings',
      tags,
      summary: "A device's readings, newest first, by counter and date range",
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
        422: json(errorSchema, 'Lower than the last reading of the counter'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { reading, created } = await createManualReading(c.get('deps'), c.get('user'), c.req.valid('param').deviceId, c.req.valid('json'));
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
    async (c) => c.json(toReading(await getReading(c.get('deps').db, c.get('user'), c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/readings/{id}',
      tags,
      summary: 'Correct the value or note of a reading that is not locked',
      middleware: [requirePermission('readings', 'edit')] as const,
      request: { params: idParams, body: jsonBody(readingUpdateSchema) },
      responses: {
        200: json(readingSchema, 'The changed reading'),
        422: json(errorSchema, 'Out of order with the neighbouring readings'),
        423: json(errorSchema, 'Locked'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await changeReading(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
