import type { Translations } from '@parc/shared/languages';
import { invoicesDe } from './de.ts';
import { invoicesEn } from './en.ts';
import { invoicesFr, type InvoicesCatalogue } from './fr.ts';
import { invoicesIt } from './it.ts';

export const invoicesText: Translations<InvoicesCatalogue> = { fr: invoicesFr, de: invoicesDe, it: invoicesIt, en: invoicesEn };
