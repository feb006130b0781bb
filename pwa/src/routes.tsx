import { lazy } from 'solid-js';
/** Every route of the app; each feature owns its definitions and this list only gathers them. */
import type { RouteDefinition } from '@solidjs/router';
import { authRoutes } from './features/auth/auth.routes.tsx';
import { consoleRoutes } from './features/console/console.routes.tsx';
import { techRoutes } from './features/tech/tech.routes.tsx';
import { coordinatorRoutes } from './features/coordinator/coordinator.routes.tsx';
import { meterEntryRoutes } from './features/meters/meters.routes.tsx';
import { HomeRedirect } from './features/shell/role-gate.tsx';
import { bareFrame } from './features/shell/app-shell.tsx';
import { NotFoundPage } from './features/shell/not-found.page.tsx';

export const routes: RouteDefinition[] = [
  { path: '/', component: HomeRedirect },
  ...authRoutes,
  consoleRoutes,
  techRoutes,
  coordinatorRoutes,
  meterEntryRoutes,
  { path: '/requests/:id', component: lazy(() => import('./features/tickets/request-link.page.tsx')) },
  { path: '/confirm-email/:token', component: lazy(() => import('./features/account/confirm-email.page.tsx')), info: bareFrame },
  { path: '/setup/:token', component: lazy(() => import('./features/setup/setup.page.tsx')), info: bareFrame },
  { path: '*404', component: NotFoundPage },
];
