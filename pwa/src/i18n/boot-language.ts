/**
 * The language the app opens in, its texts already on their way: index.tsx imports this first, so the
 * fetch starts before the rest of the entry's modules run rather than after.
 */
import { loadLanguage } from './texts.ts';
import { pickLanguage } from './translate.ts';

export const bootLanguage = pickLanguage(null, navigator.languages);
export const bootTexts = loadLanguage(bootLanguage);
