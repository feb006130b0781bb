/**
 * Local storage contract for offline work. Writes land here first; an outbox item stays
 * until the server has confirmed it, so nothing typed offline is lost on reload or crash.
 */

/** One change waiting to be sent. `id` is made by the client so a resend is recognised by the server. */
export interface OutboxItem<Payload = unknown> {
  id: string;
  /** What the payload is, e.g. 'meters.reading'; the sync layer routes on it. */
  kind: string;
  payload: Payload;
  /** ISO timestamp from the caller's clock; pending items are listed oldest first. */
  createdAt: string;
}

export interface LocalStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Stores the item; writing the same id again replaces it instead of duplicating it. */
  enqueue(item: OutboxItem): Promise<void>;
  /** Items not yet confirmed, oldest first (ties broken by id so the order is stable). */
  listPending(): Promise<OutboxItem[]>;
  /** Forgets items the server confirmed. Unknown ids are ignored. */
  confirm(ids: readonly string[]): Promise<void>;
  close(): void;
}

export function byCreationOrder(a: OutboxItem, b: OutboxItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
