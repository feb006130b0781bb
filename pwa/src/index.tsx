import { bootLanguage, bootTexts } from './i18n/boot-language.ts';
import { render } from 'solid-js/web';
import { App } from './app.tsx';
import { createApiClient } from './api/client.ts';
import { createAuthApi } from './api/auth.ts';
import { createSessionStore } from './features/auth/session.store.ts';
import { isDashboardPath, prefetchSummary } from './features/dashboard/dashboard.api.ts';
import { createI18n } from './i18n/i18n.ts';
import { enablePseudoLocale, pseudoLocaleRequested } from './i18n/pseudo.ts';
import { loadLanguage } from './i18n/texts.ts';
import { pickLanguage } from './i18n/translate.ts';
import { createBrowserNetworkStatus } from './platform/network.ts';
import { openIdbStorage } from './platform/storage.idb.ts';
import { createMemoryStorage } from './platform/storage.memory.ts';
import { storageWhenOpen } from './platform/storage.ts';
import './styles/app.css';

if (isDashboardPath(location.pathname)) prefetchSummary();
// Some private browsing modes refuse IndexedDB: the app still runs, it just can't keep work across reloads.
// Not awaited: the first screen and the session check need not wait for the database to open.
const storage = storageWhenOpen(openIdbStorage().catch(() => createMemoryStorage()));
// A signed-in user's language is fetched before their first screen, which then opens in it at once.
const session = createSessionStore(createAuthApi(createApiClient()), storage, (user) => loadLanguage(pickLanguage(user.language, navigator.languages)));
enablePseudoLocale(pseudoLocaleRequested());
void session.actions.restore();
// Only this language's texts are fetched, and the first screen waits for them: it never shows keys.
await bootTexts;
const i18n = createI18n(bootLanguage);

render(
  () => <App services={{ session, i18n, storage, network: createBrowserNetworkStatus() }} />,
  document.getElementById('root')!,
);
