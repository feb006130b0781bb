import { Match, Switch } from 'solid-js';
import { A, Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { useI18n, useSession } from '../../app-context.tsx';
import { homePathFor, safeNextPath } from '../shell/navigation.ts';
import { FormError } from '../shell/form-error.tsx';
import { createAuthForm } from './auth-form.ts';
import { LanguageSwitcher } from './language-switcher.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ next?: string }>();
  const destination = (role: Parameters<typeof homePathFor>[0]) => safeNextPath(search.next) ?? homePathFor(role);
  const form = createAuthForm({
    send: (field) => session.actions.login(field('email'), field('password')),
    onSuccess: () => {
      if (session.state.user) navigate(destination(session.state.user.role), { replace: true });
    },
  });

  return (
    <Switch>
      <Match when={!form.submitting() && session.state.user}>{(user) => <Navigate href={destination(user().role)} />}</Match>
      <Match when={true}>
        <section class="page page--narrow" aria-labelledby="page-title">
          <div class="page__heading">
            <h1 id="page-title">{t('auth.login.title')}</h1>
            <LanguageSwitcher />
          </div>
          <form class="card form" onSubmit={form.submit}>
            <label class="field">
              <span>{t('auth.email')}</span>
              <input name="email" type="email" autocomplete="username" required inputmode="email" />
            </label>
            <label class="field">
              <span>{t('auth.password')}</span>
              <input name="password" type="password" autocomplete="current-password" required />
            </label>
            <FormError message={form.error()} />
            <button type="submit" class="button button--primary" disabled={form.submitting()}>
              {form.submitting() ? t('auth.login.submitting') : t('auth.login.submit')}
            </button>
            <A href="/forgot-password">{t('auth.login.forgot')}</A>
          </form>
        </section>
      </Match>
    </Switch>
  );
}
