import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { ConsoleCatalogue } from './fr.ts';

export const consoleText: Translations<ConsoleCatalogue> = catalogueOf('console');
