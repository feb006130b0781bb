import type { Translations } from '@parc/shared/languages';
import { supplySettingsDe } from './de.ts';
import { supplySettingsEn } from './en.ts';
import { supplySettingsFr, type SupplySettingsCatalogue } from './fr.ts';
import { supplySettingsIt } from './it.ts';

export const supplySettingsText: Translations<SupplySettingsCatalogue> = { fr: supplySettingsFr, de: supplySettingsDe, it: supplySettingsIt, en: supplySettingsEn };
