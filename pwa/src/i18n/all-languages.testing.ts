/** Unit tests read catalogues in every language (parity, wording): all four are loaded before any test runs (vitest.config.ts). */
import { LANGUAGES } from '@parc/shared/languages';
import { loadLanguage } from './texts.ts';

await Promise.all(LANGUAGES.map(loadLanguage));
