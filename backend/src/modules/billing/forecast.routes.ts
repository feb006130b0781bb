import { createRoute } from '@hono/zod-openapi';
import { coordinatorForecastSchema } from '@parc/shared/contracts/forecast';
import { createRouter } from '../../http/router.ts';
import { requireRole } from '../auth/access.ts';
import { errorResponses, json } from '../../http/openapi.ts';
import { coordinatorForecast } from './forecast.service.ts';

/** The signed-in coordinator's forecast before billing (the meter page's is a link route, pages only). */
export const forecastRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/coordinator/forecast',
    tags: ['billing'],
    summary: "Each of the coordinator's customers with included pages: pages so far and projected per kind, and the period's amount",
    middleware: [requireRole('coordinator')] as const,
    responses: { 200: json(coordinatorForecastSchema, 'The forecast'), ...errorResponses },
  }),
  async (c) => c.json(await coordinatorForecast(c.get('deps').db, c.get('user'), c.get('deps').clock()), 200),
);
