/**
 * The partner console (partner_admin, partner_staff): the frame, then each screen loaded when first
 * visited. The dashboard, the first screen, comes with the frame: one round trip less on a slow link.
 */
import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';
import DashboardPage from '../dashboard/dashboard.page.tsx';
import { ConsoleLayout } from './console-layout.tsx';

export const consoleRoutes: RouteDefinition = {
  path: '/console',
  component: roleGate('console'),
  children: [
    {
      path: '/',
      component: ConsoleLayout,
      children: [
        { path: '/', component: DashboardPage },
        { path: '/customers', component: lazy(() => import('../customers/customers-list.page.tsx')) },
        { path: '/customers/new', component: lazy(() => import('../customers/customer-wizard.page.tsx')) },
        { path: '/customers/:id/:tab?', component: lazy(() => import('../customers/customer.page.tsx')) },
        { path: '/readings/to-check', component: lazy(() => import('../customers/to-check.page.tsx')) },
        { path: '/pending-devices', component: lazy(() => import('../customers/pending-devices.page.tsx')) },
        { path: '/location-requests', component: lazy(() => import('../customers/location-requests.page.tsx')) },
        { path: '/devices', component: lazy(() => import('../devices/devices-list.page.tsx')) },
        { path: '/devices/:id', component: lazy(() => import('../devices/device.page.tsx')) },
        { path: '/errors', component: lazy(() => import('../tickets/errors.page.tsx')) },
        { path: '/requests', component: lazy(() => import('../tickets/requests-list.page.tsx')) },
        { path: '/requests/new', component: lazy(() => import('../tickets/request-new.page.tsx')) },
        { path: '/requests/:id', component: lazy(() => import('../tickets/request.page.tsx')) },
        { path: '/consumables/:tab?', component: lazy(() => import('../supplies/consumables.page.tsx')) },
        { path: '/billing', component: lazy(() => import('../billing/billing-runs.page.tsx')) },
        { path: '/reports/:tab?', component: lazy(() => import('../reports/reports.page.tsx')) },
        { path: '/billing/:id', component: lazy(() => import('../billing/billing-run.page.tsx')) },
        { path: '/users', component: lazy(() => import('../users/users.page.tsx')) },
        { path: '/settings', component: lazy(() => import('../settings/settings.page.tsx')) },
        { path: '/account', component: lazy(() => import('../account/account.page.tsx')) },
        { path: '/*404', component: lazy(() => import('./console-not-found.page.tsx')) },
      ],
    },
  ],
};
