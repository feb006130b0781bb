import { Show } from 'solid-js';

/** A form's error, announced as it appears; nothing while there is none. */
export function FormError(props: { message: string | null }) {
  return (
    <Show when={props.message}>
      <p class="form__error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}
