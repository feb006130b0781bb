import { createSignal, Match, Show, Switch } from 'solid-js';
import { A, Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { useI18n, useSession } from '../../app-context.tsx';
import { homePathFor, safeNextPath } from '../shell/navigation.ts';
import { authErrorMessage } from './auth-error.ts';
import { LanguageSwitcher } from './language-switcher.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ next?: string }>();
  const [error, setError] = createSignal<string | null>(null);
  const [submitting, setSubmitting] = createSignal(false);

  const destination = (role: Parameters<typeof homePathFor>[0]) => safeNextPath(search.next) ?? homePathFor(role);

  async function submit(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setError(null);
    const failure = await session.actions.login(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    setSubmitting(false);
    if (failure) return setError(authErrorMessage(t, failure));
    if (session.state.user) navigate(destination(session.state.user.role), { replace: true });
  }

  return (
    <Switch>
      <Match when={!submitting() && session.state.user}>{(user) => <Navigate href={destination(user().role)} />}</Match>
      <Match when={true}>
        <section class="page page--narrow" aria-labelledby="page-title">
          <div class="page__heading">
            <h1 id="page-title">{t('auth.login.title')}</h1>
            <LanguageSwitcher />
          </div>
          <form class="card form" onSubmit={submit}>
            <label class="field">
              <span>{t('auth.email')}</span>
              <input name="email" type="email" autocomplete="username" required inputmode="email" />
            </label>
            <label class="field">
              <span>{t('auth.password')}</span>
              <input name="password" type="password" autocomplete="current-password" required />
            </label>
            <Show when={error()}>
              <p class="form__error" role="alert">
                {error()}
              </p>
            </Show>
            <button type="submit" class="button button--primary" disabled={submitting()}>
              {submitting() ? t('auth.login.submitting') : t('auth.login.submit')}
            </button>
            <A href="/forgot-password">{t('auth.login.forgot')}</A>
          </form>
        </section>
      </Match>
    </Switch>
  );
}
