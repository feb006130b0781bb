import { createSignal, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { useI18n, useSession } from '../../app-context.tsx';
import { authErrorMessage } from './auth-error.ts';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const session = useSession();
  const [sent, setSent] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function submit(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    const failure = await session.actions.requestPasswordReset(email);
    setError(failure ? authErrorMessage(t, failure) : null);
    setSent(!failure);
  }

  return (
    <section class="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('auth.forgot.title')}</h1>
      <Show
        when={!sent()}
        fallback={
          <p class="notice" role="status">
            {t('auth.forgot.sent')}
          </p>
        }
      >
        <form class="card form" onSubmit={submit}>
          <p>{t('auth.forgot.intro')}</p>
          <label class="field">
            <span>{t('auth.email')}</span>
            <input name="email" type="email" autocomplete="username" required inputmode="email" />
          </label>
          <Show when={error()}>
            <p class="form__error" role="alert">
              {error()}
            </p>
          </Show>
          <button type="submit" class="button button--primary">
            {t('auth.forgot.submit')}
          </button>
        </form>
      </Show>
      <A href="/login">{t('auth.backToLogin')}</A>
    </section>
  );
}
