/**
 * The frame around every screen: top bar with the product name and the role's navigation, the offline
 * banner, then the content. Screens reached from an e-mailed link by people outside the dealer's staff
 * (route info `bareFrame`) get the content alone: a customer sees the dealer's branding, not Parc's.
 */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { A, useCurrentMatches, type RouteSectionProps } from '@solidjs/router';
import { useI18n, useServices, useSession } from '../../app-context.tsx';
import { navigationFor } from './navigation.ts';
import { UpdatePrompt } from './update-prompt.tsx';
import { LogoutButton } from '../auth/logout-button.tsx';

/** Route `info` of the screens shown without the top bar and banners. */
export const bareFrame = { frame: 'bare' } as const;

export function AppShell(props: RouteSectionProps) {
  const { t } = useI18n();
  const { network } = useServices();
  const session = useSession();
  const [online, setOnline] = createSignal(network.isOnline());
  onCleanup(network.subscribe(setOnline));
  const user = () => (session.state.status === 'signed_in' ? session.state.user : null);
  const matches = useCurrentMatches();
  const bare = () => matches().some((match) => match.route.info?.frame === bareFrame.frame);

  return (
    <div class="shell">
      <a class="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <Show when={!bare()}>
        <header class="topbar">
          <A class="topbar__brand" href="/">
            <img src="/icons/icon-192.png" alt="" width="28" height="28" />
            <span>{t('app.name')}</span>
          </A>
          <Show when={user()}>
            {(signedIn) => (
              <>
                <nav class="topbar__nav" aria-label={t('nav.label')}>
                  <ul>
                    <For each={navigationFor(signedIn().role)}>
                      {(item) => (
                        <li>
                          <A href={item.href} end activeClass="is-active">
                            {t(item.label)}
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </nav>
                <div class="topbar__user">
                  <span class="topbar__name">{signedIn().name}</span>
                  <LogoutButton />
                </div>
              </>
            )}
          </Show>
        </header>
        <Show when={!online() || session.state.fromCache}>
          <p class="banner banner--offline" role="status">
            {t('app.offline')}
          </p>
        </Show>
      </Show>
      <UpdatePrompt />
      <main id="content" class="content" tabindex="-1">
        {props.children}
      </main>
    </div>
  );
}
