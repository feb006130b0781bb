/**
 * The customer's meter entry page, reached without an account through the signed link `/m/:token`
 * of the monthly e-mail. Anonymous by design: the customer number is the only customer datum shown.
 */
import { createEffect, createMemo, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { useParams } from '@solidjs/router';
import type { MeterEntryMachine, MeterEntryPage as PageData } from '@parc/shared/contracts/meters';
import type { CounterKind } from '@parc/shared/meters/counters';
import { useServices } from '../../app-context.tsx';
import { createApiClient } from '../../api/client.ts';
import { pickLanguage } from '../../i18n/translate.ts';
import { randomId } from '../../platform/ids.ts';
import { LanguageSwitcher } from '../auth/language-switcher.tsx';
import { Loading } from '../shell/loading.tsx';
import { DealerContacts } from './dealer-contacts.tsx';
import { LinkInvalid } from './link-invalid.tsx';
import { MachineCard } from './machine-card.tsx';
import { createMeterEntryApi, type MeterEntryApi } from './meter-entry.api.ts';
import { entryFormat } from './meter-entry.format.ts';
import { createMeterEntryStore, type MeterEntryStore } from './meter-entry.store.ts';
import { brandTheme, counterKey, counterView, isMachineDone, latestPendingByCounter, progress } from './meter-entry.state.ts';
import './meters.css';

export default function MeterEntryPage() {
  const params = useParams<{ token: string }>();
  // A new token is a new link: start over with a fresh store.
  return (
    <Show when={params.token} keyed>
      {(token) => <LinkPage token={token} />}
    </Show>
  );
}

function LinkPage(props: { token: string }) {
  const { storage, network, i18n } = useServices();
  const { t } = i18n;
  const api = createMeterEntryApi(createApiClient());
  const store = createMeterEntryStore({
    token: props.token,
    api,
    storage,
    network,
    newId: () => randomId(),
    now: () => new Date(),
  });
  onCleanup(store.actions.dispose);
  void store.actions.load();

  // The page opens in the customer's language once; the switcher may change it afterwards.
  let languageApplied = false;
  createEffect(() => {
    const page = store.state.page;
    if (page && !languageApplied) {
      languageApplied = true;
      i18n.setLanguage(page.language);
    }
    // We don't know who holds an invalid link: speak the browser's language.
    if (store.state.status === 'invalid') i18n.setLanguage(pickLanguage(null, navigator.languages));
  });

  return (
    <div class="meter-entry">
      <Switch>
        <Match when={store.state.status === 'loading'}>
          <Loading />
        </Match>
        <Match when={store.state.status === 'invalid'}>
          <LanguageSwitcher />
          <LinkInvalid dealer={store.state.invalidLinkDealer} />
        </Match>
        <Match when={store.state.status === 'rate_limited' || store.state.status === 'unavailable'}>
          <section class="meter-entry__notice card" aria-labelledby="page-title">
            <h1 id="page-title">{t(store.state.status === 'rate_limited' ? 'meters.rateLimited.title' : 'meters.unavailable.title')}</h1>
            <p>{t(store.state.status === 'rate_limited' ? 'meters.rateLimited.body' : 'meters.unavailable.body')}</p>
            <button type="button" class="button button--primary" onClick={() => void store.actions.load()}>
              {t('meters.retry')}
            </button>
          </section>
        </Match>
        <Match when={store.state.page}>{(page) => <EntryView page={page()} store={store} api={api} token={props.token} />}</Match>
      </Switch>
    </div>
  );
}

/** Only http(s) or same-site images: the logo address comes from the dealer's settings. */
const safeImage = (url: string | null) => (url && /^(https?:\/\/|\/)/i.test(url) ? url : null);

function EntryView(props: { page: PageData; store: MeterEntryStore; api: MeterEntryApi; token: string }) {
  const { i18n } = useServices();
  const { t } = i18n;
  const state = props.store.state;
  const actions = props.store.actions;
  const [onlyToRead, setOnlyToRead] = createSignal(false);

  const format = createMemo(() => entryFormat(i18n.language(), props.page.timeZone));
  const themeStyle = createMemo(() => {
    const theme = brandTheme(props.page.dealer.brandColour);
    return theme ? { '--brand': theme.brand, '--brand-contrast': theme.contrast } : undefined;
  });
  const pendingByCounter = createMemo(() => latestPendingByCounter(state.pending));
  const viewOf = (machine: MeterEntryMachine, counter: CounterKind) => {
    const key = counterKey(machine.deviceId, counter);
    const row = machine.counters.find((candidate) => candidate.counter === counter);
    return counterView(row ? row.entry : { state: 'to_enter' }, pendingByCounter().get(key), state.outcomes[key]);
  };
  const isDone = (machine: MeterEntryMachine) => isMachineDone(machine.counters.map((row) => viewOf(machine, row.counter)));
  const counts = createMemo(() => progress(props.page.machines.map(isDone)));
  const shownMachines = () => (onlyToRead() ? props.page.machines.filter((machine) => !isDone(machine)) : props.page.machines);
  const lastValidDay = () => format().date(props.page.lastValidDay);

  return (
    <section class="meter-entry__page" aria-labelledby="page-title" style={themeStyle()}>
      <header class="meter-entry__header">
        <div class="meter-entry__dealer">
          <Show when={safeImage(props.page.dealer.logoUrl)} fallback={<span class="meter-entry__dealer-name">{props.page.dealer.name}</span>}>
            {(logo) => <img class="meter-entry__logo" src={logo()} alt={props.page.dealer.name} />}
          </Show>
        </div>
        <h1 id="page-title">{t('meters.entry.title')}</h1>
        <p class="meter-entry__customer" data-testid="customer-number">
          {t('meters.customerNumber', { number: props.page.customerNumber })}
        </p>
        <p class="meter-entry__period">
          <span>{t('meters.period', { period: format().period(props.page.period) })}</span>
          <span data-testid="valid-until">{t('meters.validUntil', { date: lastValidDay() })}</span>
        </p>
      </header>

      <div class="meter-entry__tools">
        <LanguageSwitcher />
        <a class="button" href={props.api.receiptUrl(props.token)} download="" data-testid="receipt">
          {t('meters.receipt')}
        </a>
        <button type="button" class="button button--quiet" onClick={() => window.print()}>
          {t('meters.print')}
        </button>
      </div>

      <p class="meter-entry__intro">{t('meters.intro', { date: lastValidDay() })}</p>

      <Show when={state.pending.length > 0}>
        <p class="meter-entry__sync" role="status" data-testid="pending-notice">
          <span>{t('meters.pending', { count: state.pending.length })}</span>
          <Show when={state.sendError && state.sendError !== 'offline'}>
            <span>{t('meters.sendFailed')}</span>
            <button type="button" class="button" onClick={() => void actions.flush()}>
              {t('meters.retry')}
            </button>
          </Show>
        </p>
      </Show>

      <Show when={props.page.machines.length > 0} fallback={<p class="card">{t('meters.empty')}</p>}>
        <div class="meter-entry__progress">
          <p data-testid="progress" role="status">
            <strong>{t('meters.progress', { done: counts().done, total: counts().total })}</strong>
          </p>
          <progress max={counts().total} value={counts().done} aria-hidden="true" />
          <label class="meter-entry__filter">
            <input type="checkbox" checked={onlyToRead()} onChange={(event) => setOnlyToRead(event.currentTarget.checked)} />
            <span>{t('meters.filter.toRead')}</span>
          </label>
        </div>
        <Show when={counts().done === counts().total}>
          <p class="meter-entry__all-done" role="status">
            {t('meters.allDone')}
          </p>
        </Show>
        <div class="meter-entry__machines" aria-label={t('meters.machines')}>
          <For each={shownMachines()}>
            {(machine) => (
              <MachineCard
                machine={machine}
                viewOf={(counter) => viewOf(machine, counter)}
                done={isDone(machine)}
                format={format()}
                onSave={(counter, value) => actions.save(machine.deviceId, counter, value)}
                onRequestLocation={(location, message) => actions.requestLocationChange(machine.deviceId, location, message)}
              />
            )}
          </For>
        </div>
      </Show>

      <footer class="meter-entry__footer">
        <DealerContacts dealer={props.page.dealer} />
      </footer>
    </section>
  );
}
