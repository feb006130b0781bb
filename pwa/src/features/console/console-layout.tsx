/**
 * The console's frame: a side navigation beside the screen on a tablet or desktop; on a phone it
 * folds away behind a menu button and closes once a destination is chosen.
 */
import { createEffect, createSignal, For, on, onCleanup, Show, type ParentProps } from 'solid-js';
import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { useI18n, useServices, useSession } from '../../app-context.tsx';
import { answerKeeper, forgetShownAnswers, keepAnswers, keptAnswersShownSince } from '../../api/answers.ts';
import { formatDateTime } from './format.ts';
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
  const { t, language } = useFeatureText(consoleText);
  const { t: tAccount } = useFeatureText(accountText);
  const session = useSession();
  const location = useLocation();
  const [open, setOpen] = createSignal(false);
  createEffect(on(() => location.pathname, () => setOpen(false), { defer: true }));
  // Each screen's answers are kept for its user, and shown offline with their age (read-only: changes need the network).
  const { storage } = useServices();
  createEffect(() => keepAnswers(session.state.user ? answerKeeper(storage, session.state.user.id) : null));
  createEffect(on(() => location.pathname, forgetShownAnswers, { defer: true }));
  onCleanup(() => keepAnswers(null));
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
      <div class="console__main">
        <Show when={keptAnswersShownSince()}>
          {(since) => (
            <p class="banner banner--offline" role="status" data-testid="kept-answers">
              {t('console.keptAnswers', { since: formatDateTime(language(), since().toISOString()) })}
            </p>
          )}
        </Show>
        {props.children}
      </div>
    </div>
  );
}
