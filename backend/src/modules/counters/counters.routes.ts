import { createRoute, z } from '@hono/zod-openapi';
import { counterCreateSchema, counterListSchema, counterSchema } from '@parc/shared/contracts/counters';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { addCounter, deactivateCounter, getCounter, listCounters } from './counters.service.ts';

const tags = ['counters'];
const deviceParams = z.object({ deviceId: z.uuid() });

export const counterRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices/{deviceId}/counters',
      tags,
      summary: "A device's counters",
      middleware: [requirePermission('devices', 'view', ALL_ROLES)] as const,
      request: { params: deviceParams },
      responses: { 200: json(counterListSchema, 'Counters'), ...errorResponses },
    }),
    async (c) => c.json(await listCounters(c.get('deps').db, c.get('user'), c.req.valid('param').deviceId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices/{deviceId}/counters',
      tags,
      summary: 'Start counting another kind of page on a device',
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { params: deviceParams, body: jsonBody(counterCreateSchema) },
      responses: { 201: json(counterSchema, 'Created or switched back on'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await addCounter(c.get('deps').db, c.get('user'), c.req.valid('param').deviceId, c.req.valid('json').kind), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/counters/{id}',
      tags,
      summary: 'One counter',
      middleware: [requirePermission('devices', 'view', ALL_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: json(counterSchema, 'The counter'), ...errorResponses },
    }),
    async (c) => c.json(await getCounter(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/counters/{id}/deactivate',
      tags,
      summary: 'Stop a counter taking readings; its history stays',
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(counterSchema, 'The deactivated counter'), ...errorResponses },
    }),
    async (c) => c.json(await deactivateCounter(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  );
