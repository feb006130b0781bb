import type { Translations } from '@parc/shared/languages';
import { billingDe } from './de.ts';
import { billingEn } from './en.ts';
import { billingFr, type BillingCatalogue } from './fr.ts';
import { billingIt } from './it.ts';

export const billingText: Translations<BillingCatalogue> = { fr: billingFr, de: billingDe, it: billingIt, en: billingEn };
