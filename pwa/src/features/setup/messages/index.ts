import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { SetupCatalogue } from './fr.ts';

export const setupText: Translations<SetupCatalogue> = catalogueOf('setup');
