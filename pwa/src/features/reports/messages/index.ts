import type { Translations } from '@parc/shared/languages';
import { reportsDe } from './de.ts';
import { reportsEn } from './en.ts';
import { reportsFr, type ReportsCatalogue } from './fr.ts';
import { reportsIt } from './it.ts';

export const reportsText: Translations<ReportsCatalogue> = { fr: reportsFr, de: reportsDe, it: reportsIt, en: reportsEn };
