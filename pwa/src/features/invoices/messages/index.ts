import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { InvoicesCatalogue } from './fr.ts';

export const invoicesText: Translations<InvoicesCatalogue> = catalogueOf('invoices');
