/**
 * The console's frame: a side navigation beside the screen on a tablet or desktop; on a phone it
 * folds away behind a menu button and closes once a destination is chosen.
 */
import { createEffect, createSignal, For, on, Show, type ParentProps } from 'solid-js';
import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { useI18n, useSession } from '../../app-context.tsx';
import { navigationFor, permittedItems } from '../shell/navigation.ts';
import { accountText } from '../account/messages/index.ts';
import { useFeatureText } from './feature-text.ts';
import { consoleText } from './messages/index.ts';
import { PermissionsProvider, usePermissions } from './permissions.tsx';
import './console.css';

export function ConsoleLayout(props: RouteSectionProps) {
  return (
    <PermissionsProvider>
      <ConsoleFrame>{props.children}</ConsoleFrame>
    </PermissionsProvider>
  );
}

function ConsoleFrame(props: ParentProps) {
  const { t: tGlobal } = useI18n();
  const { t } = useFeatureText(consoleText);
  const { t: tAccount } = useFeatureText(accountText);
  const session = useSession();
  const location = useLocation();
  const [open, setOpen] = createSignal(false);
  createEffect(on(() => location.pathname, () => setOpen(false), { defer: true }));
  const permissions = usePermissions();
  const items = () => (session.state.user ? permittedItems(navigationFor(session.state.user.role), permissions()) : []);

  return (
    <div class="console" classList={{ 'console--menu-open': open() }}>
      <button type="button" class="button console__menu-toggle" aria-expanded={open()} aria-controls="console-nav" onClick={() => setOpen(!open())}>
        {open() ? t('console.closeMenu') : t('console.menu')}
      </button>
      <nav id="console-nav" class="console__nav" aria-label={tGlobal('nav.label')}>
        <ul>
          <For each={items()}>
            {(item) => (
              <li>
                <A href={item.href} end={item.href === '/console'} activeClass="is-active">
                  {tGlobal(item.label)}
                </A>
              </li>
            )}
          </For>
        </ul>
        <Show when={session.state.user}>
          {(user) => (
            <div class="console__user">
              <p class="muted" data-testid="signed-in-user">
                {tGlobal('home.signedInAs', { name: user().name, email: user().email })}
              </p>
              <A href="/console/account" activeClass="is-active">
                {tAccount('account.link')}
              </A>
            </div>
          )}
        </Show>
      </nav>
      <Show when={open()}>
        <div class="console__scrim" aria-hidden="true" onClick={() => setOpen(false)} />
      </Show>
      <div class="console__main">{props.children}</div>
    </div>
  );
}
