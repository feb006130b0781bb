import { createRoute, z } from '@hono/zod-openapi';
import { migrationLevel } from '../../db/client.ts';
import { createRouter } from '../../http/router.ts';
import { publicRoute } from '../auth/access.ts';

const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({ applied: z.number().int(), latest: z.string().nullable() }),
});

export const healthRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['health'],
    summary: 'Liveness, database kind and migration level',
    middleware: [publicRoute] as const,
    responses: { 200: { description: 'Parc is up', content: { 'application/json': { schema: HealthSchema } } } },
  }),
  async (c) => {
    const { db, dbKind } = c.get('deps');
    return c.json({ status: 'ok' as const, database: dbKind, migrations: await migrationLevel(db) }, 200);
  },
);
