import { createEffect, onCleanup } from 'solid-js';
import { Router } from '@solidjs/router';
import { ServicesProvider, type AppServices } from './app-context.tsx';
import { AppShell } from './features/shell/app-shell.tsx';
import { asLanguage } from './i18n/translate.ts';
import { routes } from './routes.tsx';

export function App(props: { services: AppServices }) {
  const { session, i18n, network } = props.services;
  // A session restored from the saved copy is checked again as soon as the network is back.
  onCleanup(session.actions.recheckWhenOnline(network));

  // Once someone signs in, their own language wins over the browser's and the switcher's.
  createEffect(() => {
    const language = asLanguage(session.state.user?.language);
    if (language) void i18n.setLanguage(language);
  });
  createEffect(() => {
    document.documentElement.lang = i18n.language();
  });

  return (
    <ServicesProvider services={props.services}>
      <Router root={AppShell}>{routes}</Router>
    </ServicesProvider>
  );
}
