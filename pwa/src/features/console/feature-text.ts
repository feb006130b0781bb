/**
 * A feature's own message catalogue, read in the current language. Features keep their texts
 * beside their screens; a key missing in one language fails the type-check like the global one.
 */
import type { Language, Translations } from '@parc/shared/languages';
import { useI18n } from '../../app-context.tsx';
import { fromCatalogue } from '../../i18n/pseudo.ts';
import { fillText, type TextParams } from './fill-text.ts';

export type FeatureText<Key extends string> = (key: Key, params?: TextParams) => string;

/** `t` for one feature's catalogues, following the app's language. */
export function useFeatureText<Key extends string>(catalogues: Translations<Readonly<Record<Key, string>>>): { t: FeatureText<Key>; language: () => Language } {
  const { language } = useI18n();
  return { t: (key, params) => fillText(fromCatalogue(catalogues[language()][key]), params), language };
}
