/**
 * The partner console (partner_admin, partner_staff): the frame, then each screen loaded when first
 * visited. The dashboard, the first screen, comes with the frame: one round trip less on a slow link.
 * Each screen names the profile screen that opens it (as the server's routes do).
 */
import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';
import DashboardPage from '../dashboard/dashboard.page.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { gated } from './permissions.tsx';

export const consoleRoutes: RouteDefinition = {
  path: '/console',
  component: roleGate('console'),
  children: [
    {
      path: '/',
      component: ConsoleLayout,
      children: [
        { path: '/', component: gated('dashboard', DashboardPage) },
        { path: '/customers', component: gated('customers', lazy(() => import('../customers/customers-list.page.tsx'))) },
        { path: '/customers/new', component: gated('customers', lazy(() => import('../customers/customer-wizard.page.tsx')), 'edit') },
        { path: '/customers/:id/:tab?', component: gated('customers', lazy(() => import('../customers/customer.page.tsx'))) },
        { path: '/readings/to-check', component: gated('readings', lazy(() => import('../customers/to-check.page.tsx'))) },
        { path: '/pending-devices', component: gated('agents', lazy(() => import('../customers/pending-devices.page.tsx'))) },
        { path: '/location-requests', component: gated('customers', lazy(() => import('../customers/location-requests.page.tsx'))) },
        { path: '/devices', component: gated('devices', lazy(() => import('../devices/devices-list.page.tsx'))) },
        { path: '/devices/:id', component: gated('devices', lazy(() => import('../devices/device.page.tsx'))) },
        { path: '/errors', component: gated('maintenance', lazy(() => import('../tickets/errors.page.tsx'))) },
        { path: '/requests', component: gated('maintenance', lazy(() => import('../tickets/requests-list.page.tsx'))) },
        { path: '/requests/new', component: gated('maintenance', lazy(() => import('../tickets/request-new.page.tsx')), 'edit') },
        { path: '/requests/:id', component: gated('maintenance', lazy(() => import('../tickets/request.page.tsx'))) },
        { path: '/consumables/:tab?', component: gated('consumables', lazy(() => import('../supplies/consumables.page.tsx'))) },
        { path: '/billing', component: gated('billing', lazy(() => import('../billing/billing-runs.page.tsx'))) },
        { path: '/reports/:tab?', component: gated('reports', lazy(() => import('../reports/reports.page.tsx'))) },
        { path: '/billing/:id', component: gated('billing', lazy(() => import('../billing/billing-run.page.tsx'))) },
        { path: '/users', component: gated('users', lazy(() => import('../users/users.page.tsx'))) },
        { path: '/settings', component: gated('settings', lazy(() => import('../settings/settings.page.tsx'))) },
        { path: '/account', component: lazy(() => import('../account/account.page.tsx')) },
        { path: '/*404', component: lazy(() => import('./console-not-found.page.tsx')) },
      ],
    },
  ],
};
