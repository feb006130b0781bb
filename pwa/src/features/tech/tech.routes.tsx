/** The technician's offline-capable app: the day's requests and one request on site, under one sync engine. */
import type { RouteDefinition } from '@solidjs/router';
import { roleGate } from '../shell/role-gate.tsx';
import { TechLayout } from './tech-context.tsx';
import { RequestListPage } from './request-list.page.tsx';
import { RequestDetailPage } from './request-detail.page.tsx';

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
      ],
    },
  ],
};
