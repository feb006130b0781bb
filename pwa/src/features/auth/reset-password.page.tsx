import { Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { useI18n, useSession } from '../../app-context.tsx';
import { FormError } from '../shell/form-error.tsx';
import { createAuthForm } from './auth-form.ts';

/** Reached from the e-mailed link; the token is checked by the server when the password is sent. */
export default function ResetPasswordPage() {
  const { t } = useI18n();
  const session = useSession();
  const params = useParams<{ token: string }>();
  const form = createAuthForm({
    check: (field) => (field('password') === field('confirm') ? null : t('auth.reset.mismatch')),
    send: (field) => session.actions.confirmPasswordReset(params.token, field('password')),
  });

  return (
    <section class="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('auth.reset.title')}</h1>
      <Show
        when={!form.done()}
        fallback={
          <p class="notice" role="status">
            {t('auth.reset.done')}
          </p>
        }
      >
        <form class="card form" onSubmit={form.submit}>
          <label class="field">
            <span>{t('auth.reset.password')}</span>
            <input name="password" type="password" autocomplete="new-password" required />
          </label>
          <label class="field">
            <span>{t('auth.reset.confirm')}</span>
            <input name="confirm" type="password" autocomplete="new-password" required />
          </label>
          <FormError message={form.error()} />
          <button type="submit" class="button button--primary" disabled={form.submitting()}>
            {t('auth.reset.submit')}
          </button>
        </form>
      </Show>
      <A href="/login">{t('auth.backToLogin')}</A>
    </section>
  );
}
