/**
 * The customer's meter entry page, reached without an account through the signed link `/m/:token`
 * of the monthly e-mail. Anonymous by design: the customer number is the only customer datum shown.
 */
import { createEffect, createMemo, createResource, createSignal, For, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { useParams } from '@solidjs/router';
import type { MeterEntryMachine, MeterEntryPage as PageData } from '@parc/shared/contracts/meters';
import type { CounterKind } from '@parc/shared/meters/counters';
import type { Language } from '@parc/shared/languages';
import { useServices } from '../../app-context.tsx';
import { createApiClient } from '../../api/client.ts';
import { pickLanguage } from '../../i18n/translate.ts';
import { randomId } from '../../platform/ids.ts';
import { LanguageSwitcher } from '../auth/language-switcher.tsx';
import { plural } from '../plural/plural.ts';
import { Loading } from '../shell/loading.tsx';
import { DealerContacts } from './dealer-contacts.tsx';
import { ForecastBlock } from './forecast-block.tsx';
import { LinkInvalid } from './link-invalid.tsx';
import { MachineCard } from './machine-card.tsx';
import { createMeterEntryApi, type MeterEntryApi } from './meter-entry.api.ts';
import { entryFormat } from './meter-entry.format.ts';
import { createMeterEntryStore, type MeterEntryStore } from './meter-entry.store.ts';
import { deviceStore, openingLanguage, rememberLanguage } from './meter-entry.language.ts';
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

  // The page opens once in the language chosen earlier on this device, else the customer's; we don't
  // know who holds an invalid link: the browser's then. The switcher's choices are remembered.
  // Its texts are fetched first: the page shows once it can speak that language (never the browser's in between).
  const device = deviceStore();
  let applied: Language | null = null;
  const [opening, setOpening] = createSignal(false);
  createEffect(() => {
    if (applied !== null) return;
    const page = store.state.page;
    const fallback = page ? page.language : store.state.status === 'invalid' ? pickLanguage(null, navigator.languages) : null;
    if (fallback === null) return;
    applied = openingLanguage(device, fallback);
    setOpening(true);
    void i18n.setLanguage(applied).then(() => setOpening(false));
  });
  createEffect(
    on(
      i18n.language,
      (language) => {
        if (applied === null || language === applied) return;
        applied = language;
        rememberLanguage(device, language);
      },
      { defer: true },
    ),
  );

  return (
    <div class="meter-entry">
      <Switch>
        <Match when={store.state.status === 'loading' || opening()}>
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

/**
 * The included pages' forecast, asked for once the page came from the server (not while a cached
 * page waits for it): it never holds up entering readings, and without it (an error, offline, no
 * included pages) the page simply has no forecast.
 */
function LinkForecast(props: { api: MeterEntryApi; token: string; store: MeterEntryStore }) {
  const { t } = useServices().i18n;
  const [forecast] = createResource(
    () => !props.store.state.fromCache && props.token,
    async (token) => {
      const result = await props.api.forecast(token);
      return result.ok ? result.data.forecast : null;
    },
  );
  return <Show when={forecast()}>{(shown) => <ForecastBlock forecast={shown()} title={t('meters.forecast.title')} headingLevel={2} now={new Date()} />}</Show>;
}

/** Only http(s) or same-site images: the logo address comes from the dealer's settings. */
const safeImage = (url: string | null) => (url && /^(https?:\/\/|\/)/i.test(url) ? url : null);

type ReceiptStatus = 'idle' | 'preparing' | 'offline' | 'failed';

function EntryView(props: { page: PageData; store: MeterEntryStore; api: MeterEntryApi; token: string }) {
  const { i18n, network } = useServices();
  const { t } = i18n;
  const state = props.store.state;
  const actions = props.store.actions;
  const [onlyToRead, setOnlyToRead] = createSignal(false);
  const [online, setOnline] = createSignal(network.isOnline());
  const [receipt, setReceipt] = createSignal<ReceiptStatus>('idle');
  onCleanup(
    network.subscribe((isOnline) => {
      setOnline(isOnline);
      if (isOnline && receipt() === 'offline') setReceipt('idle');
    }),
  );

  // The tab names the dealer, not Parc.
  const previousTitle = document.title;
  createEffect(() => {
    document.title = t('meters.documentTitle', { title: t('meters.entry.title'), dealer: props.page.dealer.name });
  });
  onCleanup(() => {
    document.title = previousTitle;
  });

  const receiptUrl = () => props.api.receiptUrl(props.token, i18n.language());
  /**
   * The receipt is made by the server: without it, say so instead of failing silently. Entries still
   * waiting are sent first so the receipt shows them; that answer also tells whether the server is there.
   */
  async function downloadReceipt(event: MouseEvent) {
    event.preventDefault();
    if (receipt() === 'preparing') return;
    if (!network.isOnline()) return setReceipt('offline');
    setReceipt('preparing');
    await actions.flush();
    const reachable = await props.api.page(props.token);
    if (!reachable.ok) return setReceipt(reachable.error.code === 'offline' ? 'offline' : 'failed');
    setReceipt('idle');
    const link = document.createElement('a');
    link.href = receiptUrl();
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  }

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
  // Machines are keyed by id, not by object: new page data never re-creates a card (and the fields in it).
  const shownIds = createMemo(() => shownMachines().map((machine) => machine.deviceId), [], {
    equals: (a, b) => a.length === b.length && a.every((id, index) => id === b[index]),
  });
  const machineById = (deviceId: string) => props.page.machines.find((machine) => machine.deviceId === deviceId);
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
        <a class="button" href={receiptUrl()} download="" data-testid="receipt" aria-busy={receipt() === 'preparing'} onClick={(event) => void downloadReceipt(event)}>
          {receipt() === 'preparing' ? t('meters.receipt.preparing') : t('meters.receipt')}
        </a>
        <button type="button" class="button button--quiet" onClick={() => window.print()}>
          {t('meters.print')}
        </button>
      </div>

      <Show when={receipt() === 'offline' || receipt() === 'failed'}>
        <p class="meter-entry__receipt-notice" role="alert" data-testid="receipt-notice">
          {receipt() === 'offline' ? t('meters.receipt.offline') : t('meters.receipt.failed')}
        </p>
      </Show>

      <p class="meter-entry__intro">{t('meters.intro', { date: lastValidDay() })}</p>

      <Show when={state.pending.length > 0}>
        <p class="meter-entry__sync" role="status" data-testid="pending-notice">
          <span>{t(plural(i18n.language(), state.pending.length, { one: 'meters.pending.one', other: 'meters.pending.other' }), { count: state.pending.length })}</span>
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
            <strong>{t(plural(i18n.language(), counts().total, { one: 'meters.progress.one', other: 'meters.progress.other' }), counts())}</strong>
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
          <For each={shownIds()}>
            {(deviceId) => (
              <Show when={machineById(deviceId)}>
                {(machine) => (
                  <MachineCard
                    machine={machine()}
                    viewOf={(counter) => viewOf(machine(), counter)}
                    done={isDone(machine())}
                    format={format()}
                    dealerName={props.page.dealer.name}
                    online={online()}
                    onSave={(counter, value) => actions.save(deviceId, counter, value)}
                    onRequestLocation={(location, message) => actions.requestLocationChange(deviceId, location, message)}
                  />
                )}
              </Show>
            )}
          </For>
        </div>
      </Show>

      <LinkForecast api={props.api} token={props.token} store={props.store} />

      <footer class="meter-entry__footer" id="dealer-contacts" tabindex="-1">
        <DealerContacts dealer={props.page.dealer} />
      </footer>
    </section>
  );
}
