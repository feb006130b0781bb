import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { SuppliesCatalogue } from './fr.ts';

export const suppliesText: Translations<SuppliesCatalogue> = catalogueOf('supplies');
