import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import { useI18n, useSession } from '../../app-context.tsx';
import { FormError } from '../shell/form-error.tsx';
import { createAuthForm } from './auth-form.ts';

export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const session = useSession();
  const form = createAuthForm({ send: (field) => session.actions.requestPasswordReset(field('email')) });

  return (
    <section class="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('auth.forgot.title')}</h1>
      <Show
        when={!form.done()}
        fallback={
          <p class="notice" role="status">
            {t('auth.forgot.sent')}
          </p>
        }
      >
        <form class="card form" onSubmit={form.submit}>
          <p>{t('auth.forgot.intro')}</p>
          <label class="field">
            <span>{t('auth.email')}</span>
            <input name="email" type="email" autocomplete="username" required inputmode="email" />
          </label>
          <FormError message={form.error()} />
          <button type="submit" class="button button--primary" disabled={form.submitting()}>
            {t('auth.forgot.submit')}
          </button>
        </form>
      </Show>
      <A href="/login">{t('auth.backToLogin')}</A>
    </section>
  );
}
