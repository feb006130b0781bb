import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from './deps.ts';
import { toErrorResponse } from './http/errors.ts';
import { SECURITY_SCHEMES } from './http/openapi.ts';
import type { AppEnv } from './http/router.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { customerRoutes } from './modules/customers/customers.routes.ts';
import { customerNameRoutes } from './modules/customers/names.routes.ts';
import { siteRoutes } from './modules/sites/sites.routes.ts';
import { coordinatorRoutes } from './modules/coordinators/coordinators.routes.ts';
import { deviceRoutes } from './modules/devices/devices.routes.ts';
import { agentConsoleRoutes, createAgentProtocolRoutes, type AgentProtocolOptions } from './modules/agents/agents.routes.ts';
import { counterRoutes } from './modules/counters/counters.routes.ts';
import { readingRoutes } from './modules/readings/readings.routes.ts';
import { createLinkRoutes, type LinkRoutesOptions } from './modules/links/links.routes.ts';
import { emailResentLink } from './modules/meters/campaign.job.ts';
import { customerCalendar } from './modules/meters/settings.repo.ts';
import { createMeterRoutes } from './modules/meters/meters.routes.ts';
import { createAuthRoutes } from './modules/auth/auth.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { technicianRoutes } from './modules/users/technicians.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { statisticsRoutes } from './modules/statistics/statistics.routes.ts';
import { preferenceRoutes } from './modules/preferences/preferences.routes.ts';
import { accountRoutes } from './modules/account/account.routes.ts';
import { inputGuard } from './http/input-guard.ts';
import { invoiceRoutes } from './modules/invoices/invoices.routes.ts';
import { billingRoutes } from './modules/billing/billing.routes.ts';
import { billingRunRoutes } from './modules/billing/runs.routes.ts';
import { billingExportRoutes } from './modules/billing/exports.routes.ts';
import { forecastRoutes } from './modules/billing/forecast.routes.ts';
import { floorPlanRoutes } from './modules/floorplans/floorplans.routes.ts';
import { deviceConsoleRoutes } from './modules/devices/devices.console.routes.ts';
import { parameterRoutes } from './modules/parameters/parameters.routes.ts';
import { profileRoutes } from './modules/profiles/profiles.routes.ts';
import { appearanceRoutes } from './modules/appearance/appearance.routes.ts';
import { ticketRoutes } from './modules/tickets/tickets.routes.ts';
import { supplyRoutes } from './modules/supplies/supplies.routes.ts';
import { stockRoutes } from './modules/supplies/stocks.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';
import { apiKeyRoutes } from './modules/api-keys/api-keys.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { sameOriginWrites } from './http/same-origin.ts';
import { securityHeaders } from './http/security.ts';
import { locationRequestRoutes } from './modules/locations/locations.routes.ts';
import { createSetupRoutes } from './modules/setup/setup.routes.ts';

export interface AppOptions {
  /** Overrides of the link routes' wiring (a benchmark raises the token endpoints' rate limits). */
  links?: LinkRoutesOptions;
  /** Overrides of the agent protocol's wiring (a test lowers the enrollment limit). */
  agents?: AgentProtocolOptions;
}

/** A resent link expires by the customer's campaign calendar and is emailed like the campaign's. */
const LINK_ROUTES: LinkRoutesOptions = {
  calendarOf: (deps, { partnerId, customerId }) => customerCalendar(deps.db, partnerId, customerId),
  onResend: async (deps, link) => {
    await emailResentLink(deps, link);
  },
};

/** The whole HTTP API, with no server attached: main.ts serves it, tests call `app.request`. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const api = new OpenAPIHono<AppEnv>();
  api.use('*', securityHeaders({ https: deps.publicUrl.startsWith('https:') }));
  api.use('*', sameOriginWrites(deps.publicUrl));
  api.use('*', inputGuard());
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
    // API answers carry tenants' data and signed-link pages: never kept by a browser or a proxy.
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });
  api.onError(toErrorResponse);
  api.route('/', healthRoutes);
  api.route('/', customerRoutes);
  api.route('/', customerNameRoutes);
  api.route('/', siteRoutes);
  api.route('/', coordinatorRoutes);
  api.route('/', createAgentProtocolRoutes(options.agents));
  // Before deviceRoutes: its /devices/{id} would otherwise take /devices/pending.
  api.route('/', agentConsoleRoutes);
  api.route('/', deviceRoutes);
  api.route('/', locationRequestRoutes);
  api.route('/', counterRoutes);
  api.route('/', dashboardRoutes);
  api.route('/', statisticsRoutes);
  api.route('/', preferenceRoutes);
  api.route('/', accountRoutes);
  api.route('/', billingRoutes);
  api.route('/', invoiceRoutes);
  api.route('/', billingRunRoutes);
  api.route('/', billingExportRoutes);
  api.route('/', forecastRoutes);
  api.route('/', floorPlanRoutes);
  api.route('/', deviceConsoleRoutes);
  api.route('/', parameterRoutes);
  api.route('/', profileRoutes);
  api.route('/', appearanceRoutes);
  api.route('/', ticketRoutes);
  api.route('/', supplyRoutes);
  api.route('/', stockRoutes);
  api.route('/', reportRoutes);
  api.route('/', apiKeyRoutes);
  api.route('/', notificationRoutes);
  // Before readingRoutes: its /readings/{id} would otherwise take /readings/to-check.
  api.route('/', createLinkRoutes({ ...LINK_ROUTES, ...options.links }));
  api.route('/', readingRoutes);
  api.route('/', createMeterRoutes());
  api.route('/', createSetupRoutes());
  api.route('/auth', createAuthRoutes());
  api.route('/users', userRoutes);
  api.route('/', technicianRoutes);

  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) api.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Parc API',
      version: '0.1.0',
      description:
        "Print-fleet platform for copier dealers. A dealer's own tools (ERP, scripts) call it with an API key, made by a partner admin in the console (Settings, API keys) and sent as `Authorization: Bearer parc_…` (see the `apiKey` security scheme).",
    },
    servers: [{ url: '/api' }],
  });
  api.all('*', (c) => c.json({ code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}` }, 404));

  const app = new OpenAPIHono<AppEnv>().route('/api', api);
  app.onError(toErrorResponse);
  return app;
}

export type App = ReturnType<typeof createApp>;
