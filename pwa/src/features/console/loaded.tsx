/** Renders an API result once it is there: its data, or the failure in the person's language with a retry button. */
import { Match, Switch, type JSX } from 'solid-js';
import type { ApiError, ApiResult } from '../../api/client.ts';
import { apiErrorText } from '../../i18n/api-error.ts';
import { useFeatureText } from './feature-text.ts';
import { consoleText } from './messages/index.ts';

export function Loaded<T>(props: { result: ApiResult<T> | undefined; retry?: () => void; children: (data: T) => JSX.Element }) {
  const { t, language } = useFeatureText(consoleText);
  return (
    <Switch>
      <Match when={props.result === undefined}>
        <p class="loading" role="status">
          {t('console.loading')}
        </p>
      </Match>
      <Match when={props.result?.ok === false && props.result}>
        {(failed) => (
          <p class="form__error" role="alert">
            {t('console.failed', { message: apiErrorText((failed() as { error: ApiError }).error, language()) })}
            {props.retry && (
              <button type="button" class="button button--quiet" onClick={() => props.retry?.()}>
                {t('console.retry')}
              </button>
            )}
          </p>
        )}
      </Match>
      <Match when={props.result?.ok === true && props.result}>{(loaded) => props.children((loaded() as { ok: true; data: T }).data)}</Match>
    </Switch>
  );
}
