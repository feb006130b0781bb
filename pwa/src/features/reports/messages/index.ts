import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { ReportsCatalogue } from './fr.ts';

export const reportsText: Translations<ReportsCatalogue> = catalogueOf('reports');
