import { For } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { LANGUAGES, type Language } from '@parc/shared/languages';
import { languageNames } from '../../i18n/translate.ts';

export function LanguageSwitcher() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label class="language-switcher">
      <span>{t('language.label')}</span>
      <select value={language()} onChange={(event) => void setLanguage(event.currentTarget.value as Language)}>
        <For each={LANGUAGES}>
          {(code) => (
            <option value={code} lang={code}>
              {languageNames[code]}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}
