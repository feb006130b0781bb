import type { Translations } from '@parc/shared/languages';
import { customersDe } from './de.ts';
import { customersEn } from './en.ts';
import { customersFr, type CustomersCatalogue } from './fr.ts';
import { customersIt } from './it.ts';

export const customersText: Translations<CustomersCatalogue> = { fr: customersFr, de: customersDe, it: customersIt, en: customersEn };
