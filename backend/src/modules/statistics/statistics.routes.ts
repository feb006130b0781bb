import { createRoute } from '@hono/zod-openapi';
import { volumeQuerySchema, volumeReportSchema } from '@parc/shared/contracts/dashboard';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { errorResponses, json } from '../../http/openapi.ts';
import { printedVolumes } from './statistics.service.ts';

export const statisticsRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/statistics/volumes',
    tags: ['statistics'],
    summary: 'Printed pages (mono, colour) per day or month, grouped by customer, site, device or model',
    middleware: [requirePermission('dashboard', 'view', ALL_ROLES)] as const,
    request: { query: volumeQuerySchema },
    responses: { 200: json(volumeReportSchema, 'One series per group, largest first'), ...errorResponses },
  }),
  async (c) => c.json(await printedVolumes(c.get('deps').db, c.get('user'), c.req.valid('query')), 200),
);
