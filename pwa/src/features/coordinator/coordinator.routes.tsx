/** The customer coordinator's area: their fleet, its open requests and "report a problem". */
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';
import { CoordinatorPage } from './coordinator.page.tsx';

export const coordinatorRoutes: RouteDefinition = {
  path: '/coordinator',
  component: roleGate('coordinator'),
  children: [{ path: '/', component: CoordinatorPage }],
};
