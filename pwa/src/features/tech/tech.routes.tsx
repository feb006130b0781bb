/** The technician's offline-capable app. Its screens join `children` as their issues land. */
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';
import { PlaceholderHome } from '../shell/placeholder-home.tsx';

export const techRoutes: RouteDefinition = {
  path: '/tech',
  component: roleGate('tech'),
  children: [{ path: '/', component: () => <PlaceholderHome title="tech.title" /> }],
};
