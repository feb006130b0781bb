/**
 * What the login, forgot-password and reset-password forms share: read the fields, send them through
 * a session action, keep the failure for FormError to show in the person's language, remember success.
 */
import { createSignal } from 'solid-js';
import type { ApiError } from '../../api/client.ts';

/** A field of the submitted form by its `name`, '' when absent. */
export type FormField = (name: string) => string;

export interface AuthFormOptions {
  /** A failure found before asking the server, already in the person's language. */
  check?: (field: FormField) => string | null;
  /** Sends the fields; resolves to the server's failure, or null on success. */
  send: (field: FormField) => Promise<ApiError | null>;
  /** Runs once the server accepted, e.g. to leave the page. */
  onSuccess?: () => void;
}

export function createAuthForm(options: AuthFormOptions) {
  const [error, setError] = createSignal<string | ApiError | null>(null);
  const [submitting, setSubmitting] = createSignal(false);
  const [done, setDone] = createSignal(false);

  async function submit(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field: FormField = (name) => String(form.get(name) ?? '');
    const refused = options.check?.(field) ?? null;
    if (refused) return setError(refused);
    setSubmitting(true);
    setError(null);
    const failure = await options.send(field);
    setSubmitting(false);
    setError(failure);
    setDone(!failure);
    if (!failure) options.onSuccess?.();
  }

  return { submit, error, submitting, done };
}
