/** The customer coordinator's area: their fleet, its requests (each one open in detail) and "report a problem". */
import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';

const coordinatorArea = () => import('./coordinator.area.ts');
const CoordinatorLayout = lazy(() => coordinatorArea().then((area) => ({ default: area.CoordinatorLayout })));
const CoordinatorPage = lazy(() => coordinatorArea().then((area) => ({ default: area.CoordinatorPage })));
const CoordinatorRequestPage = lazy(() => coordinatorArea().then((area) => ({ default: area.CoordinatorRequestPage })));

export const coordinatorRoutes: RouteDefinition = {
  path: '/coordinator',
  component: roleGate('coordinator'),
  children: [
    {
      path: '/',
      component: CoordinatorLayout,
      children: [
        { path: '/', component: CoordinatorPage },
        { path: '/requests/:id', component: CoordinatorRequestPage },
        { path: '/account', component: lazy(() => import('../account/account.page.tsx')) },
      ],
    },
  ],
};
