import { createRoute, z } from '@hono/zod-openapi';
import { coordinatorCreateSchema, coordinatorListQuerySchema, coordinatorListSchema, coordinatorSchema, coordinatorUpdateSchema } from '@parc/shared/contracts/coordinators';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { changeCoordinator, createCoordinator, deactivateCoordinator, getCoordinator, listCoordinators, reactivateCoordinator } from './coordinators.service.ts';

const tags = ['coordinators'];
const customerParams = z.object({ customerId: z.uuid() });

export const coordinatorRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{customerId}/coordinators',
      tags,
      summary: "A customer's coordinators, the main one first",
      middleware: [requirePermission('customers', 'view', ALL_ROLES)] as const,
      request: { params: customerParams, query: coordinatorListQuerySchema },
      responses: { 200: json(coordinatorListSchema, 'Coordinators'), ...errorResponses },
    }),
    async (c) => c.json(await listCoordinators(c.get('deps').db, c.get('user'), c.req.valid('param').customerId, c.req.valid('query').active), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{customerId}/coordinators',
      tags,
      summary: 'Add a coordinator; isMain makes them the main one in place of the previous',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: customerParams, body: jsonBody(coordinatorCreateSchema) },
      responses: { 201: json(coordinatorSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createCoordinator(c.get('deps').db, c.get('user'), c.req.valid('param').customerId, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/coordinators/{id}',
      tags,
      summary: 'One coordinator',
      middleware: [requirePermission('customers', 'view', ALL_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: json(coordinatorSchema, 'The coordinator'), ...errorResponses },
    }),
    async (c) => c.json(await getCoordinator(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/coordinators/{id}',
      tags,
      summary: 'Change a coordinator',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams, body: jsonBody(coordinatorUpdateSchema) },
      responses: { 200: json(coordinatorSchema, 'The changed coordinator'), ...errorResponses },
    }),
    async (c) => c.json(await changeCoordinator(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/coordinators/{id}/deactivate',
      tags,
      summary: 'Deactivate a coordinator',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(coordinatorSchema, 'The deactivated coordinator'), ...errorResponses },
    }),
    async (c) => c.json(await deactivateCoordinator(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/coordinators/{id}/reactivate',
      tags,
      summary: 'Reactivate a coordinator, as an ordinary one (never the main one by itself)',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(coordinatorSchema, 'The reactivated coordinator'), ...errorResponses },
    }),
    async (c) => c.json(await reactivateCoordinator(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  );
