/**
 * Local storage contract for offline work. Writes land here first; an outbox item stays
 * until the server has confirmed it, so nothing typed offline is lost on reload or crash.
 */

/** One change waiting to be sent. `id` is made by the client so a resend is recognised by the server. */
export interface OutboxItem<Payload = unknown> {
  id: string;
  /** What the payload is, e.g. 'meters.reading'; the sync layer routes on it. */
  kind: string;
  /** Structured-cloneable: plain data and Blobs (a photo travels in its item). */
  payload: Payload;
  /** ISO timestamp from the caller's clock: when the change was made, for display and the server. */
  createdAt: string;
}

/** An item as stored: its place in the queue, and the server's objection when it answered 'conflict'. */
export interface StoredOutboxItem<Payload = unknown> extends OutboxItem<Payload> {
  /**
   * Given by the storage on the first write: items are listed in the order they were written.
   * Not the clock: a phone's clock jumps when it finds the network again.
   */
  sequence: number;
  /** Set by `holdForConflict`: the item stays (never silently dropped) but is not sent until resolved. */
  conflict?: unknown;
}

export interface LocalStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Stores the item at the end of the queue; writing the same id again replaces it in place instead of duplicating it. */
  enqueue(item: OutboxItem): Promise<void>;
  /** Items not yet confirmed, held ones included, in the order they were first written. */
  listPending(): Promise<StoredOutboxItem[]>;
  /** Forgets items the server confirmed. Unknown ids are ignored. */
  confirm(ids: readonly string[]): Promise<void>;
  /** Puts `item` in the place of `id` (a conflicted op rebased under a new id), in one step. Appends when `id` is gone. */
  replace(id: string, item: OutboxItem): Promise<void>;
  /** Keeps the item in its place with the server's objection attached. Unknown ids are ignored. */
  holdForConflict(id: string, conflict: unknown): Promise<void>;
  close(): void;
}

export function byQueueOrder(a: StoredOutboxItem, b: StoredOutboxItem): number {
  return a.sequence - b.sequence;
}

/** The item to store for `item`: an existing entry keeps its place and loses any old conflict. */
export function placeInQueue(item: OutboxItem, existing: StoredOutboxItem | undefined, lastSequence: number): StoredOutboxItem {
  return { ...item, sequence: existing?.sequence ?? lastSequence + 1 };
}

/**
 * A storage usable at once while the real one opens: each call waits for it. The app renders and
 * asks the server who is signed in without waiting for IndexedDB to open.
 */
export function storageWhenOpen(opening: Promise<LocalStorage>): LocalStorage {
  return {
    get: async (key) => (await opening).get(key),
    set: async (key, value) => (await opening).set(key, value),
    delete: async (key) => (await opening).delete(key),
    enqueue: async (item) => (await opening).enqueue(item),
    listPending: async () => (await opening).listPending(),
    confirm: async (ids) => (await opening).confirm(ids),
    replace: async (id, item) => (await opening).replace(id, item),
    holdForConflict: async (id, conflict) => (await opening).holdForConflict(id, conflict),
    close: () => void opening.then((storage) => storage.close()),
  };
}
