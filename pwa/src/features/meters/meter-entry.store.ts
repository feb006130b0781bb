/**
 * The meter entry page's store: one signed link, its page data and the customer's entries.
 * Every save is written to the platform outbox first and only then sent; an item leaves the outbox
 * once the server has answered for its clientId, so an entry typed offline survives reloads and is
 * applied exactly once (the server is idempotent on clientId). The last page data is kept in
 * local storage so a reload without network still shows the machines.
 */
import { createStore, reconcile, unwrap } from 'solid-js/store';
import type { CounterKind } from '@parc/shared/meters/counters';
import { MAX_ENTRIES_PER_SUBMISSION, type MeterEntryDealer, type MeterEntryPage } from '@parc/shared/contracts/meters';
import type { ApiError, ApiErrorCode } from '../../api/client.ts';
import type { NetworkStatus } from '../../platform/network.ts';
import type { LocalStorage, StoredOutboxItem } from '../../platform/storage.ts';
import { singleFlight } from '../../sync/single-flight.ts';
import type { MeterEntryApi } from './meter-entry.api.ts';
import {
  applyResults,
  counterKey,
  dealerFromErrorDetails,
  latestPendingByCounter,
  type CounterKey,
  type EntryOutcome,
  type PendingEntry,
} from './meter-entry.state.ts';

export const METER_ENTRY_KIND = 'meters.entry';

export type LoadStatus =
  | 'loading'
  | 'ready'
  /** Expired, revoked or tampered link. */
  | 'invalid'
  | 'rate_limited'
  /** No network and nothing cached for this link on this device. */
  | 'unavailable';

export interface MeterEntryState {
  status: LoadStatus;
  page: MeterEntryPage | null;
  /** The page shown comes from this device's cache: the server could not be reached. */
  fromCache: boolean;
  /** The dealer to contact when the link is invalid, when the server named one. */
  invalidLinkDealer: MeterEntryDealer | null;
  /** This link's entries not yet answered by the server, oldest first. */
  pending: PendingEntry[];
  outcomes: Partial<Record<CounterKey, EntryOutcome>>;
  /** Why the last attempt to send pending entries failed; null after a successful send. */
  sendError: ApiErrorCode | null;
}

export interface MeterEntryActions {
  /** Shows the cached page at once, then asks the server and sends what is pending. */
  load(): Promise<void>;
  /**
   * Writes the entry to the outbox, then sends it if the network allows. The same value for a
   * counter whose entry is still on its way (a second tap on Save) is not queued again.
   */
  save(deviceId: string, counter: CounterKind, value: number): Promise<void>;
  /** Sends every pending entry of this link once; concurrent calls share one run. */
  flush(): Promise<void>;
  requestLocationChange(deviceId: string, location: string, message: string): Promise<ApiError | null>;
  /** Stops listening to the network. */
  dispose(): void;
}

export interface MeterEntryStore {
  state: MeterEntryState;
  actions: MeterEntryActions;
}

export interface MeterEntryStoreDeps {
  token: string;
  api: MeterEntryApi;
  storage: LocalStorage;
  network: NetworkStatus;
  newId(): string;
  now(): Date;
}

const isMeterEntry = (item: StoredOutboxItem): item is StoredOutboxItem<PendingEntry> => item.kind === METER_ENTRY_KIND;

export function createMeterEntryStore(deps: MeterEntryStoreDeps): MeterEntryStore {
  const { token, api, storage, network } = deps;
  const pageKey = `meters.page.${token}`;
  const [state, setState] = createStore<MeterEntryState>({
    status: 'loading',
    page: null,
    fromCache: false,
    invalidLinkDealer: null,
    pending: [],
    outcomes: {},
    sendError: null,
  });

  /**
   * The latest entry this page queued per counter, known as soon as save() starts (the outbox is
   * read back asynchronously): two taps in a row must not both queue the value.
   */
  const queued = new Map<CounterKey, PendingEntry>();

  async function readPending(): Promise<PendingEntry[]> {
    const items = await storage.listPending();
    return items.filter(isMeterEntry).map((item) => item.payload).filter((entry) => entry.token === token);
  }

  async function refreshPending() {
    setState('pending', reconcile(await readPending(), { key: 'clientId' }));
  }

  /** Merges into the shown page so rows keep their DOM (an input being typed in survives an update). */
  function setPage(page: MeterEntryPage, fromCache: boolean) {
    setState('page', reconcile(page, { key: 'deviceId' }));
    setState({ status: 'ready', fromCache });
  }

  async function showPage(page: MeterEntryPage) {
    setPage(page, false);
    await storage.set(pageKey, page);
  }

  /** Asks the server for the page; answers whether the link still works. */
  async function fetchPage(): Promise<boolean> {
    const result = await api.page(token);
    if (result.ok) {
      await showPage(result.data);
      return true;
    }
    const { code, details } = result.error;
    if (code === 'link_invalid' || code === 'not_found') {
      // A dead link must not keep showing its machines from the cache.
      await storage.delete(pageKey);
      setState({ status: 'invalid', page: null, fromCache: false, invalidLinkDealer: dealerFromErrorDetails(details) });
      return false;
    }
    if (state.page) setState('fromCache', true);
    else setState('status', code === 'rate_limited' ? 'rate_limited' : 'unavailable');
    return false;
  }

  /** One pass over the outbox; answers whether every batch got an answer. */
  async function sendPending(): Promise<boolean> {
    const pending = await readPending();
    for (let start = 0; start < pending.length; start += MAX_ENTRIES_PER_SUBMISSION) {
      const batch = pending.slice(start, start + MAX_ENTRIES_PER_SUBMISSION);
      const result = await api.submit(token, {
        entries: batch.map(({ clientId, deviceId, counter, value }) => ({ clientId, deviceId, counter, value })),
      });
      if (!result.ok) {
        setState('sendError', result.error.code);
        if (result.error.code === 'link_invalid') await fetchPage();
        return false;
      }
      if (!state.page) return false;
      const page = unwrap(state.page);
      const applied = applyResults(page, batch, result.data.results);
      await storage.confirm(applied.answered);
      for (const [key, entry] of queued) if (applied.answered.includes(entry.clientId)) queued.delete(key);
      await showPage(applied.page);
      for (const [key, outcome] of applied.outcomes) setState('outcomes', key, outcome ?? undefined);
      setState('sendError', null);
      await refreshPending();
      // A rejection (e.g. already sent) means our view of the counter is stale.
      if (applied.needsReload) await fetchPage();
    }
    return true;
  }

  // Entries saved during a run are picked up by one more pass, never by a second parallel run.
  const flush = singleFlight(async () => state.page && network.isOnline() && (await sendPending()));

  const unsubscribe = network.subscribe((online) => {
    if (!online) return;
    void (state.page && !state.fromCache ? flush() : actions.load());
  });

  const actions: MeterEntryActions = {
    async load() {
      const cached = state.page ?? (await storage.get<MeterEntryPage>(pageKey));
      await refreshPending();
      if (cached && !state.page) setPage(cached, true);
      if (await fetchPage()) await flush();
    },

    async save(deviceId, counter, value) {
      const key = counterKey(deviceId, counter);
      const waiting = queued.get(key) ?? latestPendingByCounter(state.pending).get(key);
      if (waiting?.value === value) {
        await flush();
        return;
      }
      const entry: PendingEntry = { token, clientId: deps.newId(), deviceId, counter, value };
      queued.set(key, entry);
      await storage.enqueue({ id: entry.clientId, kind: METER_ENTRY_KIND, payload: entry, createdAt: deps.now().toISOString() });
      setState('outcomes', key, undefined);
      await refreshPending();
      await flush();
    },

    flush,

    async requestLocationChange(deviceId, location, message) {
      const result = await api.requestLocationChange(token, { deviceId, location, message });
      if (!result.ok) return result.error;
      // The machine shows "requested" until the dealer applies or dismisses it (the next page load says which).
      if (state.page) {
        setState('page', 'machines', (machine) => machine.deviceId === deviceId, 'requestedLocation', location);
        await storage.set(pageKey, unwrap(state.page));
      }
      return null;
    },

    dispose: unsubscribe,
  };

  return { state, actions };
}
