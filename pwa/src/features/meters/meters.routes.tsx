import type { RouteDefinition } from '@solidjs/router';
import { MeterEntryPage } from './meter-entry.page.tsx';

/** Public: a customer opens it from the e-mail, no session. */
export const meterEntryRoutes: RouteDefinition = { path: '/m/:token', component: MeterEntryPage };
