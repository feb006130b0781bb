import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { bareFrame } from '../shell/app-shell.tsx';
import { LoginPage } from './login.page.tsx';

export const authRoutes: RouteDefinition[] = [
  { path: '/login', component: LoginPage, info: bareFrame },
  { path: '/forgot-password', component: lazy(() => import('./forgot-password.page.tsx')), info: bareFrame },
  { path: '/reset-password/:token', component: lazy(() => import('./reset-password.page.tsx')), info: bareFrame },
];
