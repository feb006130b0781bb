import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { StocksCatalogue } from './fr.ts';

export const stocksText: Translations<StocksCatalogue> = catalogueOf('stocks');
