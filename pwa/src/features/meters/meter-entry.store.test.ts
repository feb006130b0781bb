import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { MeterEntryResult, MeterEntrySubmission } from '@parc/shared/contracts/meters';
import type { ApiError, ApiResult } from '../../api/client.ts';
import { createFakeNetworkStatus } from '../../platform/network.fake.ts';
import { openIdbStorage } from '../../platform/storage.idb.ts';
import type { LocalStorage } from '../../platform/storage.ts';
import type { MeterEntryApi } from './meter-entry.api.ts';
import { createMeterEntryStore, METER_ENTRY_KIND } from './meter-entry.store.ts';
import { ricohColour, ricohMono, seedPage } from './meter-entry.testing.ts';

const token = 'tok-1';
const enteredAt = '2014-09-08T10:00:00+02:00';
const failure = (code: ApiError['code'], details?: Record<string, unknown>): ApiResult<never> => ({
  ok: false,
  error: details ? { code, message: code, details } : { code, message: code },
});

const allSaved = (submission: MeterEntrySubmission): ApiResult<{ results: MeterEntryResult[] }> => ({
  ok: true,
  data: {
    results: submission.entries.map((entry) => ({ clientId: entry.clientId, status: 'saved', entry: { state: 'entered', value: entry.value, enteredAt } })),
  },
});

/**
 * A backend double: the page answer is set per test; submissions are answered by `answer`
 * (default: every entry saved as entered) and recorded. `hold()` keeps the next submissions
 * waiting until `release()`, to observe what happens while a request is in flight.
 */
function fakeBackend() {
  const submissions: MeterEntrySubmission[] = [];
  let pageAnswer: ApiResult<ReturnType<typeof seedPage>> = { ok: true, data: seedPage() };
  let answer = allSaved;
  let gate: Promise<void> | null = null;
  let open = () => {};
  const api: MeterEntryApi = {
    page: async () => pageAnswer,
    async submit(_token, submission) {
      submissions.push(submission);
      if (gate) await gate;
      return answer(submission);
    },
    requestLocationChange: async () => ({ ok: true, data: undefined }),
    forecast: async () => ({ ok: true, data: { forecast: null } }),
    receiptUrl: (linkToken, language) => `/api/links/${linkToken}/receipt.pdf?lang=${language}`,
  };
  return {
    api,
    submissions,
    setPage(result: typeof pageAnswer) {
      pageAnswer = result;
    },
    answerWith(next: typeof answer) {
      answer = next;
    },
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
  };
}

let databaseCount = 0;

async function setUp(options: { online?: boolean; storage?: LocalStorage } = {}) {
  const backend = fakeBackend();
  const storage = options.storage ?? (await openIdbStorage(`parc-meters-test-${++databaseCount}`));
  const network = createFakeNetworkStatus(options.online ?? true);
  let idCount = 0;
  const store = createMeterEntryStore({
    token,
    api: backend.api,
    storage,
    network,
    newId: () => `00000000-0000-4000-8000-${String(++idCount).padStart(12, '0')}`,
    now: () => new Date(Date.UTC(2014, 8, 8, 10, 0, idCount)),
  });
  return { backend, storage, network, store };
}

const sentClientIds = (submissions: MeterEntrySubmission[]) => submissions.flatMap((submission) => submission.entries.map((entry) => entry.clientId));

describe('meter entry store', () => {
  it('loads the page, caches it and shows it from the cache when the server cannot be reached', async () => {
    const { storage, store } = await setUp();
    await store.actions.load();
    expect(store.state).toMatchObject({ status: 'ready', fromCache: false, page: seedPage() });

    const { backend: offlineBackend, store: reloaded } = await setUp({ storage });
    offlineBackend.setPage(failure('offline'));
    await reloaded.actions.load();
    expect(reloaded.state).toMatchObject({ status: 'ready', fromCache: true, page: seedPage() });
  });

  it.each<[string, ApiResult<never>, string]>([
    ['offline without a cache', failure('offline'), 'unavailable'],
    ['rate limited', failure('rate_limited'), 'rate_limited'],
    ['an invalid link', failure('link_invalid', { dealer: null }), 'invalid'],
  ])('shows %s', async (_case, answer, status) => {
    const { backend, store } = await setUp();
    backend.setPage(answer);
    await store.actions.load();
    expect(store.state.status).toBe(status);
    expect(store.state.page).toBeNull();
  });

  it('shows a machine as "requested" once its location change is received, also from the cache', async () => {
    const { storage, store } = await setUp();
    await store.actions.load();
    const deviceId = store.state.page!.machines[0]!.deviceId;
    expect(await store.actions.requestLocationChange(deviceId, '2E - DIRECTION', '')).toBeNull();
    expect(store.state.page!.machines[0]!.requestedLocation).toBe('2E - DIRECTION');
    const { backend: offline, store: reloaded } = await setUp({ storage });
    offline.setPage(failure('offline'));
    await reloaded.actions.load();
    expect(reloaded.state.page!.machines[0]!.requestedLocation).toBe('2E - DIRECTION');
  });

  it('forgets the cached machines of a link that became invalid and keeps the dealer to contact', async () => {
    const { backend, storage, store } = await setUp();
    await store.actions.load();
    backend.setPage(failure('link_invalid', { dealer: { name: 'Devillard', phone: '+41 848 912 912' } }));
    await store.actions.load();
    expect(store.state).toMatchObject({ status: 'invalid', page: null, invalidLinkDealer: { name: 'Devillard', phone: '+41 848 912 912', email: null } });
    expect(await storage.get(`meters.page.${token}`)).toBeUndefined();
  });

  it('keeps an entry saved offline as pending in the outbox, without calling the server', async () => {
    const { backend, storage, store } = await setUp({ online: false });
    await store.actions.load();
    await store.actions.save(ricohMono, 'mono', 358_965);
    expect(backend.submissions).toEqual([]);
    expect(store.state.pending).toEqual([{ token, clientId: '00000000-0000-4000-8000-000000000001', deviceId: ricohMono, counter: 'mono', value: 358_965 }]);
    expect(await storage.listPending()).toMatchObject([{ id: '00000000-0000-4000-8000-000000000001', kind: METER_ENTRY_KIND }]);
  });

  it('sends each pending entry once with its clientId when the network returns, then forgets it', async () => {
    const { backend, network, storage, store } = await setUp({ online: false });
    await store.actions.load();
    await store.actions.save(ricohMono, 'mono', 358_965);
    await store.actions.save(ricohColour, 'colour', 30_000);
    network.set(true);
    await store.actions.flush();
    expect(backend.submissions).toHaveLength(1);
    expect(backend.submissions[0]?.entries).toEqual([
      { clientId: '00000000-0000-4000-8000-000000000001', deviceId: ricohMono, counter: 'mono', value: 358_965 },
      { clientId: '00000000-0000-4000-8000-000000000002', deviceId: ricohColour, counter: 'colour', value: 30_000 },
    ]);
    expect(await storage.listPending()).toEqual([]);
    expect(store.state.pending).toEqual([]);
    expect(store.state.page?.machines[0]?.counters[0]?.entry).toEqual({ state: 'entered', value: 358_965, enteredAt });
  });

  it('shows a refusal on the counter and forgets the refused entry', async () => {
    const { backend, storage, store } = await setUp();
    await store.actions.load();
    const belowLast = { code: 'below_last', params: { lastValue: 344_805, lastDate: '2014-01-24', otherCounter: null } } as const;
    backend.answerWith((submission) => ({ ok: true, data: { results: submission.entries.map((entry) => ({ clientId: entry.clientId, status: 'refused', reason: belowLast })) } }));
    await store.actions.save(ricohMono, 'mono', 12_305);
    expect(store.state.outcomes[`${ricohMono}:mono`]).toEqual({ kind: 'refused', value: 12_305, reason: belowLast });
    expect(store.state.page?.machines[0]?.counters[0]?.entry).toEqual({ state: 'to_enter' });
    expect(await storage.listPending()).toEqual([]);
  });

  it('shows a rejection and reloads the page to learn the counter was sent', async () => {
    const { backend, store } = await setUp();
    await store.actions.load();
    const sentPage = seedPage();
    sentPage.machines[0]!.counters[0]!.entry = { state: 'sent', value: 350_000, enteredAt };
    backend.setPage({ ok: true, data: sentPage });
    backend.answerWith((submission) => ({
      ok: true,
      data: { results: submission.entries.map((entry) => ({ clientId: entry.clientId, status: 'rejected', error: { code: 'locked', message: 'Déjà transmis' } })) },
    }));
    await store.actions.save(ricohMono, 'mono', 360_000);
    expect(store.state.outcomes[`${ricohMono}:mono`]).toMatchObject({ kind: 'rejected', code: 'locked' });
    expect(store.state.page?.machines[0]?.counters[0]?.entry.state).toBe('sent');
  });

  it.each<[string, ApiResult<never>]>([
    ['offline', failure('offline')],
    ['a server error', failure('internal')],
    ['rate limited', failure('rate_limited')],
  ])('keeps the entry when the send fails (%s) and sends it on the next flush', async (_case, answer) => {
    const { backend, storage, store } = await setUp();
    await store.actions.load();
    backend.answerWith(() => answer);
    await store.actions.save(ricohMono, 'mono', 358_965);
    expect(await storage.listPending()).toHaveLength(1);
    expect(store.state.pending).toHaveLength(1);
    expect(store.state.sendError).toBe(answer.ok ? null : answer.error.code);

    backend.answerWith(allSaved);
    await store.actions.flush();
    expect(sentClientIds(backend.submissions)).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001']);
    expect(await storage.listPending()).toEqual([]);
    expect(store.state.sendError).toBeNull();
  });

  it('keeps an entry the server did not answer for', async () => {
    const { backend, storage, store } = await setUp();
    await store.actions.load();
    backend.answerWith(() => ({ ok: true, data: { results: [] } }));
    await store.actions.save(ricohMono, 'mono', 358_965);
    expect(await storage.listPending()).toHaveLength(1);
  });

  it('sends pending entries of an earlier visit when the page loads', async () => {
    const { backend: offline, storage, store } = await setUp({ online: false });
    await store.actions.load();
    await store.actions.save(ricohMono, 'mono', 358_965);
    expect(offline.submissions).toEqual([]);

    const { backend, store: reloaded } = await setUp({ storage });
    await reloaded.actions.load();
    expect(sentClientIds(backend.submissions)).toEqual(['00000000-0000-4000-8000-000000000001']);
    expect(await storage.listPending()).toEqual([]);
  });

  it('flushes when the browser reports the network is back', async () => {
    const { backend, network, storage, store } = await setUp({ online: false });
    await store.actions.load();
    await store.actions.save(ricohMono, 'mono', 358_965);
    network.set(true);
    await vi.waitFor(async () => expect(await storage.listPending()).toEqual([]));
    expect(sentClientIds(backend.submissions)).toEqual(['00000000-0000-4000-8000-000000000001']);
  });

  it('queues a value once when Save is tapped twice, even while the first send is in flight', async () => {
    const { backend, storage, store } = await setUp();
    await store.actions.load();
    backend.hold();
    const taps = [store.actions.save(ricohMono, 'mono', 358_965), store.actions.save(ricohMono, 'mono', 358_965)];
    await vi.waitFor(() => expect(backend.submissions).toHaveLength(1));
    // A third tap while the answer is still on its way.
    const late = store.actions.save(ricohMono, 'mono', 358_965);
    backend.release();
    await Promise.all([...taps, late]);
    expect(sentClientIds(backend.submissions)).toEqual(['00000000-0000-4000-8000-000000000001']);
    expect(await storage.listPending()).toEqual([]);

    // Once answered, the same value may be saved again on purpose (it is a new entry).
    await store.actions.save(ricohMono, 'mono', 358_965);
    expect(sentClientIds(backend.submissions)).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
  });

  it('queues a corrected value typed while the first is in flight', async () => {
    const { backend, store } = await setUp();
    await store.actions.load();
    backend.hold();
    const first = store.actions.save(ricohMono, 'mono', 358_965);
    await vi.waitFor(() => expect(backend.submissions).toHaveLength(1));
    const corrected = store.actions.save(ricohMono, 'mono', 359_000);
    backend.release();
    await Promise.all([first, corrected]);
    expect(backend.submissions.flatMap((submission) => submission.entries.map((entry) => entry.value))).toEqual([358_965, 359_000]);
    expect(store.state.page?.machines[0]?.counters[0]?.entry).toMatchObject({ state: 'entered', value: 359_000 });
  });

  it('reloads the page when the dealer settled a counter since it was loaded, and keeps the refusal to show', async () => {
    const { backend, store } = await setUp();
    await store.actions.load();
    const settledPage = seedPage();
    settledPage.machines[0]!.counters[0]!.entry = { state: 'settled', value: 350_000, enteredAt };
    backend.setPage({ ok: true, data: settledPage });
    const reason = { code: 'settled', params: { value: 350_000 } } as const;
    backend.answerWith((submission) => ({ ok: true, data: { results: submission.entries.map((entry) => ({ clientId: entry.clientId, status: 'refused', reason })) } }));
    await store.actions.save(ricohMono, 'mono', 360_000);
    expect(store.state.page?.machines[0]?.counters[0]?.entry).toEqual({ state: 'settled', value: 350_000, enteredAt });
    expect(store.state.outcomes[`${ricohMono}:mono`]).toEqual({ kind: 'refused', value: 360_000, reason });
  });

  it('never sends an entry twice when flush is called again while a send is in flight', async () => {
    const { backend, storage, store } = await setUp();
    await store.actions.load();
    backend.hold();
    const firstSave = store.actions.save(ricohMono, 'mono', 358_965);
    await vi.waitFor(() => expect(backend.submissions).toHaveLength(1));
    const concurrent = [store.actions.flush(), store.actions.flush()];
    // Saved while the first request is in flight: goes in a later pass, alone.
    const secondSave = store.actions.save(ricohColour, 'colour', 30_000);
    await vi.waitFor(async () => expect(await storage.listPending()).toHaveLength(2));
    backend.release();
    await Promise.all([firstSave, secondSave, ...concurrent]);
    expect(backend.submissions.map((submission) => submission.entries.map((entry) => entry.clientId))).toEqual([
      ['00000000-0000-4000-8000-000000000001'],
      ['00000000-0000-4000-8000-000000000002'],
    ]);
    expect(await storage.listPending()).toEqual([]);
  });
});
