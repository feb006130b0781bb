import { createRoute } from '@hono/zod-openapi';
import { technicianNameListSchema } from '@parc/shared/contracts/options';
import { createRouter } from '../../http/router.ts';
import { errorResponses, json } from '../../http/openapi.ts';
import { requireAnyPermission } from '../auth/access.ts';
import { listTechnicians } from './users.service.ts';

/** The technicians' names, for assigning and filtering maintenance requests without opening the users screen. */
export const technicianRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/technicians',
    tags: ['users'],
    summary: "The dealer's active technicians, by name (id and name only)",
    middleware: [requireAnyPermission({ screen: 'maintenance', level: 'view' }, { screen: 'users', level: 'view' })] as const,
    responses: { 200: json(technicianNameListSchema, 'Technicians by name'), ...errorResponses },
  }),
  async (c) => c.json({ items: await listTechnicians(c.get('deps').db, c.get('user')) }, 200),
);
