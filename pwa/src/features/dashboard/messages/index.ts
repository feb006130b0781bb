import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { DashboardCatalogue } from './fr.ts';

export const dashboardText: Translations<DashboardCatalogue> = catalogueOf('dashboard');
