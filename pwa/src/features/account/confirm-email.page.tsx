import { createSignal, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { createApiClient } from '../../api/client.ts';
import { useSession } from '../../app-context.tsx';
import { createAuthForm } from '../auth/auth-form.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { FormError } from '../shell/form-error.tsx';
import { createAccountApi } from './account.api.ts';
import { accountText } from './messages/index.ts';

const api = createAccountApi(createApiClient());

/**
 * Reached from the link emailed to a new address, signed in or not. The change waits for a press of
 * the button: a mail scanner opening the link changes nothing.
 */
export default function ConfirmEmailPage() {
  const { t } = useFeatureText(accountText);
  const session = useSession();
  const params = useParams<{ token: string }>();
  const [email, setEmail] = createSignal('');
  const form = createAuthForm({
    send: async () => {
      const result = await api.confirmEmailChange(params.token);
      if (!result.ok) return result.error;
      setEmail(result.data.email);
      // Signed in in this browser too: the app shows the new address at once.
      if (session.state.user) await session.actions.restore();
      return null;
    },
  });

  return (
    <section class="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('account.confirm.title')}</h1>
      <Show
        when={!form.done()}
        fallback={
          <p class="notice" role="status">
            {t('account.confirm.done', { email: email() })}
          </p>
        }
      >
        <form class="card form" onSubmit={form.submit}>
          <p>{t('account.confirm.intro')}</p>
          <FormError message={form.error()} />
          <button type="submit" class="button button--primary" disabled={form.submitting()}>
            {t('account.confirm.submit')}
          </button>
        </form>
      </Show>
      <A href="/">{t('account.confirm.continue')}</A>
    </section>
  );
}
