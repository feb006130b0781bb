import { Show } from 'solid-js';
import type { ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { apiErrorText } from '../../i18n/api-error.ts';

/**
 * A form's error, announced as it appears; nothing while there is none. An API error is worded
 * in the person's current language; a string is shown as given (already worded by the screen).
 */
export function FormError(props: { message: string | ApiError | null }) {
  const { language } = useI18n();
  const text = () => (props.message === null || typeof props.message === 'string' ? props.message : apiErrorText(props.message, language()));
  return (
    <Show when={text()}>
      <p class="form__error" role="alert">
        {text()}
      </p>
    </Show>
  );
}
