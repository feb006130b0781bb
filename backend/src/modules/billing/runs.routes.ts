import { createRoute } from '@hono/zod-openapi';
import { billingRunInputSchema, billingRunListQuerySchema, billingRunListSchema, billingRunResultSchema, billingRunSchema } from '@parc/shared/contracts/billing';
import { createRouter } from '../../http/router.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { requirePermission } from '../auth/access.ts';
import { approveRun, deleteRun, getRun, listRuns, runBilling } from './runs.service.ts';

const tags = ['billing'];

export const billingRunRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/billing-runs',
      tags,
      summary: 'Compute (or compute again) the draft run of a period for one customer, or for every active customer with prices',
      middleware: [requirePermission('billing', 'edit')] as const,
      request: { body: jsonBody(billingRunInputSchema) },
      responses: { 200: json(billingRunResultSchema, 'The runs computed and the customers skipped'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await runBilling(c.get('deps'), c.get('user'), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing-runs',
      tags,
      summary: 'Billing runs, newest period first',
      middleware: [requirePermission('billing', 'view')] as const,
      request: { query: billingRunListQuerySchema },
      responses: { 200: json(billingRunListSchema, 'The runs'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listRuns(c.get('deps').db, c.get('user'), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing-runs/{id}',
      tags,
      summary: 'A billing run with its lines and the devices missing a reading',
      middleware: [requirePermission('billing', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(billingRunSchema, 'The run'), ...errorResponses },
    }),
    async (c) => c.json(await getRun(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/billing-runs/{id}/approve',
      tags,
      summary: 'Approve a draft after its period has ended, if nothing changed since it was computed; locks the readings it used',
      middleware: [requirePermission('billing', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(billingRunSchema, 'The approved run'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await approveRun(c.get('deps'), c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/billing-runs/{id}',
      tags,
      summary: 'Delete a draft run',
      middleware: [requirePermission('billing', 'edit')] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      await deleteRun(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
