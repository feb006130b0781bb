/** The partner console (partner_admin, partner_staff). Its screens join `children` as their issues land. */
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';
import { PlaceholderHome } from '../shell/placeholder-home.tsx';

export const consoleRoutes: RouteDefinition = {
  path: '/console',
  component: roleGate('console'),
  children: [{ path: '/', component: () => <PlaceholderHome title="console.title" /> }],
};
