import { createRoute } from '@hono/zod-openapi';
import { locationRequestListQuerySchema, locationRequestListSchema, locationRequestSchema } from '@parc/shared/contracts/locations';
import { createRouter } from '../../http/router.ts';
import { requirePermission } from '../auth/access.ts';
import { conflictResponse, errorResponses, idParams, json } from '../../http/openapi.ts';
import { handleLocationRequest, listLocationRequests } from './locations.service.ts';

const tags = ['location requests'];

export const locationRequestRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/location-requests',
      tags,
      summary: "Customers' requests, from the meter page, to change where a machine stands: open ones oldest first, or all",
      middleware: [requirePermission('customers', 'view')] as const,
      request: { query: locationRequestListQuerySchema },
      responses: { 200: json(locationRequestListSchema, 'The requests'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listLocationRequests(c.get('deps').db, c.get('user'), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/location-requests/{id}/apply',
      tags,
      summary: "Apply the requested location to the device's location",
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(locationRequestSchema, 'The handled request'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await handleLocationRequest(c.get('deps'), c.get('user'), c.req.valid('param').id, 'applied'), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/location-requests/{id}/dismiss',
      tags,
      summary: 'Dismiss the request; the device keeps its location',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(locationRequestSchema, 'The handled request'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await handleLocationRequest(c.get('deps'), c.get('user'), c.req.valid('param').id, 'dismissed'), 200),
  );
