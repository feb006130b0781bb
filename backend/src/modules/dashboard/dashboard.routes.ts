import { createRoute, z } from '@hono/zod-openapi';
import { EnrollmentKeySchema } from '@parc/shared/contracts/agents';
import { customerOverviewPageSchema, customerOverviewQuerySchema, dashboardSummarySchema } from '@parc/shared/contracts/dashboard';
import { createRouter } from '../../http/router.ts';
import { requirePermission } from '../auth/access.ts';
import { errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { sendAgentInstructions } from './agent-instructions.ts';
import { customerOverview, dashboardSummary } from './dashboard.service.ts';

const tags = ['dashboard'];

export const dashboardRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/dashboard',
      tags,
      summary: 'Totals and pending tasks of the console\'s first screen',
      middleware: [requirePermission('dashboard', 'view')] as const,
      responses: { 200: json(dashboardSummarySchema, 'The totals'), ...errorResponses },
    }),
    async (c) => c.json(await dashboardSummary(c.get('deps'), c.get('user')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/dashboard/customers',
      tags,
      summary: 'The customers list with its columns: main address, sites, devices, billing type, agent, last month\'s pages',
      middleware: [requirePermission('dashboard', 'view')] as const,
      request: { query: customerOverviewQuerySchema },
      responses: { 200: json(customerOverviewPageSchema, 'One page, active customers first'), ...errorResponses },
    }),
    async (c) => c.json(await customerOverview(c.get('deps'), c.get('user'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{id}/agent-instructions',
      tags,
      summary: 'Email the agent installation instructions and key to the main coordinator (or another address)',
      middleware: [requirePermission('agents', 'edit')] as const,
      request: { params: idParams, body: jsonBody(z.strictObject({ agentKey: EnrollmentKeySchema, email: z.email().optional() })) },
      responses: { 200: json(z.object({ sentTo: z.string() }), 'Sent'), ...errorResponses },
    }),
    async (c) => c.json(await sendAgentInstructions(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
