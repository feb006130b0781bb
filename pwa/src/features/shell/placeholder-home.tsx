/**
 * PLACEHOLDER: the home of an area until its issue lands (partner console, technician app,
 * coordinator area). It shows only the signed-in user (logout sits in the top bar); replace it, don't add fake data to it.
 */
import { Show } from 'solid-js';
import { useI18n, useSession } from '../../app-context.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';

export function PlaceholderHome(props: { title: MessageKey }) {
  const { t } = useI18n();
  const session = useSession();

  return (
    <section class="page" aria-labelledby="page-title">
      <h1 id="page-title">{t(props.title)}</h1>
      <Show when={session.state.user}>
        {(user) => (
          <div class="card">
            <p data-testid="signed-in-user">{t('home.signedInAs', { name: user().name, email: user().email })}</p>
            <p class="muted">{t(`role.${user().role}`)}</p>
          </div>
        )}
      </Show>
      <p class="notice" data-placeholder="true">
        {t('home.comingSoon')}
      </p>
    </section>
  );
}
