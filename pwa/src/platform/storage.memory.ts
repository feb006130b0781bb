import { byQueueOrder, placeInQueue, type LocalStorage, type StoredOutboxItem } from './storage.ts';

/** In-memory storage: for tests, and the fallback where IndexedDB is unavailable. Values are cloned, as IndexedDB does. */
export function createMemoryStorage(): LocalStorage {
  const values = new Map<string, unknown>();
  const outbox = new Map<string, StoredOutboxItem>();
  let lastSequence = 0;
  return {
    async get<T>(key: string) {
      return structuredClone(values.get(key)) as T | undefined;
    },
    async set(key, value) {
      values.set(key, structuredClone(value));
    },
    async delete(key) {
      values.delete(key);
    },
    async enqueue(item) {
      const stored = placeInQueue(structuredClone(item), outbox.get(item.id), lastSequence);
      lastSequence = Math.max(lastSequence, stored.sequence);
      outbox.set(item.id, stored);
    },
    async listPending() {
      return [...outbox.values()].map((item) => structuredClone(item)).sort(byQueueOrder);
    },
    async confirm(ids) {
      for (const id of ids) outbox.delete(id);
    },
    async replace(id, item) {
      const old = outbox.get(id);
      outbox.delete(id);
      const stored = placeInQueue(structuredClone(item), old, lastSequence);
      lastSequence = Math.max(lastSequence, stored.sequence);
      outbox.set(item.id, stored);
    },
    async holdForConflict(id, conflict) {
      const item = outbox.get(id);
      if (item) outbox.set(id, { ...item, conflict: structuredClone(conflict) });
    },
    close() {},
  };
}
