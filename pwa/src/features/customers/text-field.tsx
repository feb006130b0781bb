/** A labelled input with its error under it; the error is tied to the input for screen readers. */
import { Show } from 'solid-js';

let sequence = 0;

export function TextField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  type?: string;
  name?: string;
  inputMode?: 'decimal' | 'numeric' | 'email' | 'tel' | 'text';
  autocomplete?: string;
}) {
  const id = `field-${++sequence}`;
  return (
    <label class="field" for={id}>
      {props.label}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autocomplete={props.autocomplete}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <Show when={props.hint}>
        <small class="muted">{props.hint}</small>
      </Show>
      <Show when={props.error}>
        <span id={`${id}-error`} class="field-error">
          {props.error}
        </span>
      </Show>
    </label>
  );
}
