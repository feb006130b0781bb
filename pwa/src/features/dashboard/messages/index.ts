import type { Translations } from '@parc/shared/languages';
import { dashboardDe } from './de.ts';
import { dashboardEn } from './en.ts';
import { dashboardFr, type DashboardCatalogue } from './fr.ts';
import { dashboardIt } from './it.ts';

export const dashboardText: Translations<DashboardCatalogue> = { fr: dashboardFr, de: dashboardDe, it: dashboardIt, en: dashboardEn };
