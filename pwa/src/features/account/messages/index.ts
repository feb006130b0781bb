import type { Translations } from '@parc/shared/languages';
import { accountDe } from './de.ts';
import { accountEn } from './en.ts';
import { accountFr, type AccountCatalogue } from './fr.ts';
import { accountIt } from './it.ts';

export const accountText: Translations<AccountCatalogue> = { fr: accountFr, de: accountDe, it: accountIt, en: accountEn };
