import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { CustomersCatalogue } from './fr.ts';

export const customersText: Translations<CustomersCatalogue> = catalogueOf('customers');
