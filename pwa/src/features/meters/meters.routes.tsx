import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { bareFrame } from '../shell/app-shell.tsx';

/** Public: a customer opens it from the e-mail, no session; the page carries the dealer's branding. */
export const meterEntryRoutes: RouteDefinition = { path: '/m/:token', component: lazy(() => import('./meter-entry.page.tsx')), info: bareFrame };
