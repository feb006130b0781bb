import type { Translations } from '@parc/shared/languages';
import { suppliesDe } from './de.ts';
import { suppliesEn } from './en.ts';
import { suppliesFr, type SuppliesCatalogue } from './fr.ts';
import { suppliesIt } from './it.ts';

export const suppliesText: Translations<SuppliesCatalogue> = { fr: suppliesFr, de: suppliesDe, it: suppliesIt, en: suppliesEn };
