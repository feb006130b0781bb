import { createSignal, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { useI18n, useSession } from '../../app-context.tsx';
import { authErrorMessage } from './auth-error.ts';

/** Reached from the e-mailed link; the token is checked by the server when the password is sent. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const session = useSession();
  const params = useParams<{ token: string }>();
  const [done, setDone] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function submit(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? '')) return setError(t('auth.reset.mismatch'));
    const failure = await session.actions.confirmPasswordReset(params.token, password);
    setError(failure ? authErrorMessage(t, failure) : null);
    setDone(!failure);
  }

  return (
    <section class="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('auth.reset.title')}</h1>
      <Show
        when={!done()}
        fallback={
          <p class="notice" role="status">
            {t('auth.reset.done')}
          </p>
        }
      >
        <form class="card form" onSubmit={submit}>
          <label class="field">
            <span>{t('auth.reset.password')}</span>
            <input name="password" type="password" autocomplete="new-password" required />
          </label>
          <label class="field">
            <span>{t('auth.reset.confirm')}</span>
            <input name="confirm" type="password" autocomplete="new-password" required />
          </label>
          <Show when={error()}>
            <p class="form__error" role="alert">
              {error()}
            </p>
          </Show>
          <button type="submit" class="button button--primary">
            {t('auth.reset.submit')}
          </button>
        </form>
      </Show>
      <A href="/login">{t('auth.backToLogin')}</A>
    </section>
  );
}
