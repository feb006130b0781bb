/** Renders an API result once it is there: its data, or the server's message with a retry button. */
import { Match, Switch, type JSX } from 'solid-js';
import type { ApiResult } from '../../api/client.ts';
import { useFeatureText } from './feature-text.ts';
import { consoleText } from './messages/index.ts';

export function Loaded<T>(props: { result: ApiResult<T> | undefined; retry?: () => void; children: (data: T) => JSX.Element }) {
  const { t } = useFeatureText(consoleText);
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
            {t('console.failed', { message: failed().ok ? '' : (failed() as { error: { message: string } }).error.message })}
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
