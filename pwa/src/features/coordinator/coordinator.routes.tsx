/** The customer coordinator's area. Its screens join `children` as their issues land. */
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';
import { PlaceholderHome } from '../shell/placeholder-home.tsx';

export const coordinatorRoutes: RouteDefinition = {
  path: '/coordinator',
  component: roleGate('coordinator'),
  children: [{ path: '/', component: () => <PlaceholderHome title="coordinator.title" /> }],
};
