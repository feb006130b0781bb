/** The customer coordinator's area: their fleet, its open requests and "report a problem". */
import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';

export const coordinatorRoutes: RouteDefinition = {
  path: '/coordinator',
  component: roleGate('coordinator'),
  children: [{ path: '/', component: lazy(() => import('./coordinator.page.tsx')) }],
};
