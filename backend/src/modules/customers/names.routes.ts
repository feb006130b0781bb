import { createRoute } from '@hono/zod-openapi';
import { customerNameListSchema } from '@parc/shared/contracts/options';
import { createRouter } from '../../http/router.ts';
import { errorResponses, json } from '../../http/openapi.ts';
import { requireAnyPermission } from '../auth/access.ts';
import { customerNames } from './names.repo.ts';

/** The screens that filter or group by customer; each may read the customers' names, not their details. */
const SCREENS_WITH_A_CUSTOMER_FILTER = (['dashboard', 'customers', 'devices', 'readings', 'maintenance', 'consumables', 'billing', 'reports', 'agents'] as const).map((screen) => ({
  screen,
  level: 'view' as const,
}));

export const customerNameRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/customer-names',
    tags: ['customers'],
    summary: 'Every customer the user may see, by number: id, name, number and whether active (for filters and forms)',
    middleware: [requireAnyPermission(...SCREENS_WITH_A_CUSTOMER_FILTER)] as const,
    responses: { 200: json(customerNameListSchema, 'Customers by number'), ...errorResponses },
  }),
  async (c) => c.json({ items: await customerNames(c.get('deps').db, c.get('user')) }, 200),
);
