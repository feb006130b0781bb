import type { Translations } from '@parc/shared/languages';
import { stocksDe } from './de.ts';
import { stocksEn } from './en.ts';
import { stocksFr, type StocksCatalogue } from './fr.ts';
import { stocksIt } from './it.ts';

export const stocksText: Translations<StocksCatalogue> = { fr: stocksFr, de: stocksDe, it: stocksIt, en: stocksEn };
