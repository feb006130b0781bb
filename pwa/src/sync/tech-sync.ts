/**
 * The technician's sync engine. Every change is written to the outbox first (client-made opId),
 * shown at once on top of the last day bundle, and sent in order when the network allows: on each
 * change, when the browser comes back online, at start and on "sync now". An op leaves the outbox
 * only once the server answered for it; a resend gets `duplicate` and is harmless. A conflict
 * (someone changed the same request meanwhile) stays in the outbox, held, until the technician
 * keeps their version (a new op on the server's version) or the server's (a record says so).
 * A change that did not go through (refused, or dropped by "keep theirs") is kept as a record with
 * the request it was about: the request stays on the technician's list, even once it left the day,
 * until they have read why (`dismiss`).
 */
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { MAX_SYNC_OPS, type MaintenanceRequest, type SyncBatchResponse, type SyncOutcome, type SyncResult, type TechBundle } from '@parc/shared/contracts/tickets';
import type { ReadingReason } from '@parc/shared/meters/reasons';
import { acknowledge, nextBatch, type Outbox } from '@parc/shared/sync/index';
import { entityKeyOf, rebaseOp } from '@parc/shared/tickets/sync-ops';
import type { ApiErrorCode, ApiResult } from '../api/client.ts';
import type { NetworkStatus } from '../platform/network.ts';
import type { LocalStorage, StoredOutboxItem } from '../platform/storage.ts';
import { localView, withUnread } from './local-view.ts';
import { singleFlight } from './single-flight.ts';
import { isRequestOp, TECH_OP_KIND, toWireOp, type LocalOp } from './tech-ops.ts';

export interface TechSyncApi {
  bundle(): Promise<ApiResult<TechBundle>>;
  sync(batch: { clientId: string; ops: Awaited<ReturnType<typeof toWireOp>>[] }): Promise<ApiResult<SyncBatchResponse>>;
}

/** The server's answer to a held conflict: the fields both sides changed and its version of the request. */
export type ConflictDetail = Extract<SyncOutcome, { status: 'conflict' }>;

/** Photos only add, like notes: the shared key function needs the wire shape, which they don't have yet. */
function localEntityKey(op: LocalOp): string | null {
  return op.kind === 'request.attachment' ? null : entityKeyOf(op);
}

export interface HeldConflict {
  op: LocalOp;
  detail: ConflictDetail;
}

/** What the technician is told about an op that left the outbox without simply being applied. */
export type SyncRecord =
  | { opId: string; op: LocalOp; at: string; outcome: 'reading'; verdict: 'ok' | 'to_check'; reason: ReadingReason | null }
  /**
   * `readingReason` says why a reading was refused. For an op on a request: `request` is that request
   * as the server answered with it (else as the phone last knew it), `keptAsNote` that the server
   * added the refused change's comment to its history.
   */
  | { opId: string; op: LocalOp; at: string; outcome: 'rejected'; code: string; reason: string; readingReason?: ReadingReason; request?: MaintenanceRequest; keptAsNote?: boolean }
  /** A declared counter reset that went through: it has no reading verdict, but the technician is told it is recorded. */
  | { opId: string; op: LocalOp; at: string; outcome: 'applied' }
  /** Resolved by keeping the server's version: the technician's change was dropped on purpose. */
  | { opId: string; op: LocalOp; at: string; outcome: 'dropped'; server: MaintenanceRequest };

export interface TechSyncState {
  status: 'loading' | 'ready' | 'unavailable';
  /** The last bundle from the server (with the requests the server sent back since). */
  bundle: TechBundle | null;
  /** Ops waiting to be sent, in order; held conflicts are not among them. */
  pending: LocalOp[];
  conflicts: HeldConflict[];
  /** Newest first, at most `MAX_RECORDS`. */
  records: SyncRecord[];
  lastSyncAt: string | null;
  online: boolean;
  syncing: boolean;
  /** Why the last attempt failed; null after a successful one. */
  error: ApiErrorCode | null;
}

export interface TechSync {
  state: TechSyncState;
  /** The bundle, with the requests of unread records kept in it and pending ops applied: what the screens show. */
  view(): TechBundle | null;
  /** Shows what this phone has, then downloads the day and sends what is pending. */
  start(): Promise<void>;
  /** Writes the op to the outbox, shows it, and sends it if the network allows. */
  record(op: DistributiveOmit<LocalOp, 'opId' | 'createdAt'>): Promise<LocalOp>;
  /** Sends what is pending, then downloads the day again. */
  syncNow(): Promise<void>;
  resolve(opId: string, keep: 'mine' | 'theirs'): Promise<void>;
  /** Forgets a record once the technician has read it (a request that left the day leaves the list with it). */
  dismiss(opId: string): Promise<void>;
  dispose(): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface TechSyncDeps {
  /** The signed-in technician: a shared phone keeps each one's day and queue apart. */
  owner: string;
  api: TechSyncApi;
  storage: LocalStorage;
  network: NetworkStatus;
  newId(): string;
  now(): Date;
}

export const MAX_RECORDS = 50;

function keysOf(owner: string) {
  return {
    bundle: `tech.${owner}.bundle`,
    clientId: `tech.${owner}.clientId`,
    lastSyncAt: `tech.${owner}.lastSyncAt`,
    records: `tech.${owner}.records`,
    opKind: `${TECH_OP_KIND}.${owner}`,
  };
}

export function createTechSync(deps: TechSyncDeps): TechSync {
  const { api, storage, network } = deps;
  const keys = keysOf(deps.owner);
  const isTechOp = (item: StoredOutboxItem): item is StoredOutboxItem<LocalOp> => item.kind === keys.opKind;
  const [state, setState] = createStore<TechSyncState>({
    status: 'loading',
    bundle: null,
    pending: [],
    conflicts: [],
    records: [],
    lastSyncAt: null,
    online: network.isOnline(),
    syncing: false,
    error: null,
  });

  /**
   * Set when the server applied a device op: once it leaves the outbox the view falls back to the
   * bundle, whose counters predate it (a declared reset would show the old values again), so the
   * day is downloaded again after the pass.
   */
  let devicesChanged = false;

  async function clientId(): Promise<string> {
    const known = await storage.get<string>(keys.clientId);
    if (known) return known;
    const made = deps.newId();
    await storage.set(keys.clientId, made);
    return made;
  }

  async function readOutbox(): Promise<StoredOutboxItem<LocalOp>[]> {
    return (await storage.listPending()).filter(isTechOp);
  }

  async function readQueue(): Promise<Outbox<LocalOp, SyncOutcome>> {
    return (await readOutbox()).map((item) => ({ op: item.payload, conflict: (item.conflict as ConflictDetail | undefined) ?? null }));
  }

  async function refreshOutbox() {
    const items = await readOutbox();
    setState('pending', reconcile(items.filter((item) => item.conflict === undefined).map((item) => item.payload), { key: 'opId' }));
    setState(
      'conflicts',
      reconcile(
        items.filter((item) => item.conflict !== undefined).map((item) => ({ op: item.payload, detail: item.conflict as ConflictDetail })),
        { merge: false },
      ),
    );
  }

  async function saveBundle(bundle: TechBundle) {
    await storage.set(keys.bundle, bundle);
    setState('bundle', reconcile(bundle));
  }

  /** The phone's copy of a request, detached from the store (a record keeps it as it was). */
  const knownRequest = (id: string) => {
    const known = unwrap(state.bundle)?.requests.find((request) => request.id === id);
    return known && structuredClone(known);
  };

  /** The server's copy of a request replaces ours (it is newer: it answered after our change). */
  async function takeRequest(request: MaintenanceRequest) {
    if (!state.bundle) return;
    const bundle = unwrap(state.bundle);
    await saveBundle({ ...bundle, requests: bundle.requests.map((known) => (known.id === request.id ? request : known)) });
  }

  async function addRecords(records: SyncRecord[]) {
    if (records.length === 0) return;
    const next = [...records.reverse(), ...unwrap(state.records)].slice(0, MAX_RECORDS);
    await storage.set(keys.records, next);
    setState('records', next);
  }

  /** Applies the server's answers (the shared queue rules decide what leaves); only then are the answered ops forgotten. */
  async function takeResults(results: SyncResult[]) {
    const before = await readQueue();
    const { outbox, settled } = acknowledge(before, results);
    const records: SyncRecord[] = [];
    const at = deps.now().toISOString();
    for (const { op, outcome } of settled) {
      if (outcome.status === 'applied') {
        if (outcome.request) await takeRequest(outcome.request);
        if (op.kind === 'reading' || op.kind === 'supply.replacement' || op.kind === 'counter.reset') devicesChanged = true;
        if (outcome.reading) records.push({ opId: op.opId, op, at, outcome: 'reading', verdict: outcome.reading.verdict, reason: outcome.reading.reason });
        else if (op.kind === 'counter.reset') records.push({ opId: op.opId, op, at, outcome: 'applied' });
      } else if (outcome.status === 'rejected') {
        if (outcome.server) await takeRequest(outcome.server);
        const request = outcome.server ?? (isRequestOp(op) ? knownRequest(op.requestId) : undefined);
        records.push({
          opId: op.opId,
          op,
          at,
          outcome: 'rejected',
          code: outcome.code,
          reason: outcome.reason,
          readingReason: outcome.readingReason,
          ...(request ? { request } : {}),
          ...(outcome.keptAsNote ? { keptAsNote: true } : {}),
        });
      }
    }
    const wasHeld = new Set(before.filter((item) => item.conflict).map((item) => item.op.opId));
    for (const item of outbox) {
      if (!item.conflict || wasHeld.has(item.op.opId)) continue;
      await storage.holdForConflict(item.op.opId, item.conflict);
      await takeRequest(item.conflict.server);
    }
    // The record is written before the op is forgotten: a crash in between resends it, which is harmless.
    await addRecords(records);
    await storage.confirm(settled.map((entry) => entry.op.opId));
  }

  /** Sends the ops one by one: one malformed op must not block the whole queue. */
  /** Answers that refuse what was sent (not the network or the server's state): split the batch, or record the op as rejected. */
  const refusesWhatWasSent = (code: string) => code === 'bad_request' || code === 'too_large';

  async function sendOneByOne(ops: LocalOp[], id: string): Promise<boolean> {
    for (const op of ops) {
      const result = await api.sync({ clientId: id, ops: [await toWireOp(op)] });
      if (result.ok) await takeResults(result.data.results);
      else if (refusesWhatWasSent(result.error.code)) {
        await addRecords([{ opId: op.opId, op, at: deps.now().toISOString(), outcome: 'rejected', code: result.error.code, reason: result.error.message }]);
        await storage.confirm([op.opId]);
      } else {
        setState('error', result.error.code);
        return false;
      }
    }
    return true;
  }

  /** One pass over the outbox, batch by batch; answers whether everything got an answer. */
  async function sendPending(): Promise<boolean> {
    if (!network.isOnline()) return false;
    const id = await clientId();
    setState('syncing', true);
    try {
      for (;;) {
        const batch = nextBatch(await readQueue(), MAX_SYNC_OPS, localEntityKey);
        if (batch.length === 0) break;
        const result = await api.sync({ clientId: id, ops: await Promise.all(batch.map(toWireOp)) });
        if (result.ok) await takeResults(result.data.results);
        else if (refusesWhatWasSent(result.error.code)) {
          if (!(await sendOneByOne(batch, id))) return false;
        } else {
          setState('error', result.error.code);
          return false;
        }
        await refreshOutbox();
        // An answer that settled nothing (every op blocked) would loop forever: stop instead.
        if (result.ok && result.data.results.every((answer) => answer.status === 'conflict')) break;
      }
      const syncedAt = deps.now().toISOString();
      await storage.set(keys.lastSyncAt, syncedAt);
      setState({ lastSyncAt: syncedAt, error: null });
      return true;
    } finally {
      await refreshOutbox();
      setState('syncing', false);
    }
  }

  const flush = singleFlight(sendPending);

  async function download(): Promise<boolean> {
    if (!network.isOnline()) return false;
    const result = await api.bundle();
    if (!result.ok) {
      setState('error', result.error.code);
      if (!state.bundle) setState('status', 'unavailable');
      return false;
    }
    devicesChanged = false;
    await saveBundle(result.data);
    setState('status', 'ready');
    return true;
  }

  async function syncNow() {
    await flush();
    await download();
  }

  const unsubscribe = network.subscribe((online) => {
    setState('online', online);
    if (online) void syncNow();
  });

  return {
    state,
    view: () => (state.bundle ? localView(withUnread(state.bundle, state.records), state.pending) : null),

    async start() {
      const [bundle, records, lastSyncAt] = await Promise.all([
        storage.get<TechBundle>(keys.bundle),
        storage.get<SyncRecord[]>(keys.records),
        storage.get<string>(keys.lastSyncAt),
      ]);
      await refreshOutbox();
      setState({ records: records ?? [], lastSyncAt: lastSyncAt ?? null });
      if (bundle) setState({ bundle, status: 'ready' });
      else if (!network.isOnline()) setState('status', 'unavailable');
      await syncNow();
    },

    async record(change) {
      const op = { ...change, opId: deps.newId(), createdAt: deps.now().toISOString() } as LocalOp;
      await storage.enqueue({ id: op.opId, kind: keys.opKind, payload: op, createdAt: op.createdAt });
      await refreshOutbox();
      void flush().then(() => (devicesChanged ? download() : undefined));
      return op;
    },

    syncNow,

    async resolve(opId, keep) {
      const found = state.conflicts.find((conflict) => conflict.op.opId === opId);
      if (!found) return;
      // Plain copies: IndexedDB cannot clone the store's proxies.
      const held = unwrap(found);
      const at = deps.now().toISOString();
      if (keep === 'mine') {
        // Based on the newest server version we know, which may be newer than the conflict's.
        const server = knownRequest(held.detail.server.id) ?? held.detail.server;
        const again = held.op.kind === 'request.attachment' ? held.op : rebaseOp(held.op, server.version, deps.newId(), at);
        // In the conflicted op's place (the shared `resolveConflict`, made durable): later ops on the request stay behind it.
        await storage.replace(opId, { id: again.opId, kind: keys.opKind, payload: again, createdAt: at });
      } else {
        await addRecords([{ opId, op: held.op, at, outcome: 'dropped', server: held.detail.server }]);
        await storage.confirm([opId]);
      }
      await refreshOutbox();
      void flush();
    },

    async dismiss(opId) {
      const next = unwrap(state.records).filter((record) => record.opId !== opId);
      await storage.set(keys.records, next);
      setState('records', next);
    },

    dispose: unsubscribe,
  };
}
