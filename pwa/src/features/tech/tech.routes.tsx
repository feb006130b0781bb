/** The technician's offline-capable app: the day's requests and one request on site, under one sync engine. */
import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';

const techArea = () => import('./tech.area.ts');
const TechLayout = lazy(() => techArea().then((area) => ({ default: area.TechLayout })));
const RequestListPage = lazy(() => techArea().then((area) => ({ default: area.RequestListPage })));
const RequestDetailPage = lazy(() => techArea().then((area) => ({ default: area.RequestDetailPage })));

export const techRoutes: RouteDefinition = {
  path: '/tech',
  component: roleGate('tech'),
  children: [
    {
      path: '/',
      component: TechLayout,
      children: [
        { path: '/', component: RequestListPage },
        { path: '/requests/:id', component: RequestDetailPage },
        { path: '/account', component: lazy(() => import('../account/account.page.tsx')) },
      ],
    },
  ],
};
