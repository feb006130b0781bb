import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { BillingCatalogue } from './fr.ts';

export const billingText: Translations<BillingCatalogue> = catalogueOf('billing');
