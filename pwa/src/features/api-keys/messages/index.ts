import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { ApiKeysCatalogue } from './fr.ts';

export const apiKeysText: Translations<ApiKeysCatalogue> = catalogueOf('apiKeys');
