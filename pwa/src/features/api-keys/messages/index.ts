import type { Translations } from '@parc/shared/languages';
import { apiKeysDe } from './de.ts';
import { apiKeysEn } from './en.ts';
import { apiKeysFr, type ApiKeysCatalogue } from './fr.ts';
import { apiKeysIt } from './it.ts';

export const apiKeysText: Translations<ApiKeysCatalogue> = { fr: apiKeysFr, de: apiKeysDe, it: apiKeysIt, en: apiKeysEn };
