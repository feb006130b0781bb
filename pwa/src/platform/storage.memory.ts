import { byCreationOrder, type LocalStorage, type OutboxItem } from './storage.ts';

/** In-memory storage: for tests, and the fallback where IndexedDB is unavailable. Values are cloned, as IndexedDB does. */
export function createMemoryStorage(): LocalStorage {
  const values = new Map<string, unknown>();
  const outbox = new Map<string, OutboxItem>();
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
      outbox.set(item.id, structuredClone(item));
    },
    async listPending() {
      return [...outbox.values()].map((item) => structuredClone(item)).sort(byCreationOrder);
    },
    async confirm(ids) {
      for (const id of ids) outbox.delete(id);
    },
    close() {},
  };
}
