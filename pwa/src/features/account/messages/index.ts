import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { AccountCatalogue } from './fr.ts';

export const accountText: Translations<AccountCatalogue> = catalogueOf('account');
