import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from './deps.ts';
import { toErrorResponse } from './http/errors.ts';
import type { AppEnv } from './http/router.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { customerRoutes } from './modules/customers/customers.routes.ts';
import { siteRoutes } from './modules/sites/sites.routes.ts';
import { coordinatorRoutes } from './modules/coordinators/coordinators.routes.ts';
import { deviceRoutes } from './modules/devices/devices.routes.ts';
import { counterRoutes } from './modules/counters/counters.routes.ts';
import { readingRoutes } from './modules/readings/readings.routes.ts';
import { createLinkRoutes } from './modules/links/links.routes.ts';
import { createMeterRoutes } from './modules/meters/meters.routes.ts';
import { createAuthRoutes } from './modules/auth/auth.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';

/** The whole HTTP API, with no server attached: main.ts serves it, tests call `app.request`. */
export function createApp(deps: AppDeps) {
  const api = new OpenAPIHono<AppEnv>();
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  api.onError(toErrorResponse);
  api.route('/', healthRoutes);
  api.route('/', customerRoutes);
  api.route('/', siteRoutes);
  api.route('/', coordinatorRoutes);
  api.route('/', deviceRoutes);
  api.route('/', counterRoutes);
  // Before readingRoutes: its /readings/{id} would otherwise take /readings/to-check.
  api.route('/', createLinkRoutes());
  api.route('/', readingRoutes);
  api.route('/', createMeterRoutes());
  api.route('/auth', createAuthRoutes());
  api.route('/users', userRoutes);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Parc API', version: '0.1.0', description: 'Print-fleet platform for copier dealers' },
    servers: [{ url: '/api' }],
  });
  api.all('*', (c) => c.json({ code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}` }, 404));

  const app = new OpenAPIHono<AppEnv>().route('/api', api);
  app.onError(toErrorResponse);
  return app;
}

export type App = ReturnType<typeof createApp>;
