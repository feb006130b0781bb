import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { byCreationOrder, type LocalStorage, type OutboxItem } from './storage.ts';

interface ParcSchema extends DBSchema {
  kv: { key: string; value: unknown };
  outbox: { key: string; value: OutboxItem; indexes: { 'by-created': string } };
}

/** Bump with a new `upgrade` step when the stores change; never edit a past step. */
const schemaVersion = 1;

export async function openIdbStorage(name = 'parc'): Promise<LocalStorage> {
  const db: IDBPDatabase<ParcSchema> = await openDB<ParcSchema>(name, schemaVersion, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('kv');
        database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
      }
    },
  });

  return {
    async get<T>(key: string) {
      return (await db.get('kv', key)) as T | undefined;
    },
    async set(key, value) {
      await db.put('kv', value, key);
    },
    async delete(key) {
      await db.delete('kv', key);
    },
    async enqueue(item) {
      await db.put('outbox', item);
    },
    async listPending() {
      const items = await db.getAllFromIndex('outbox', 'by-created');
      return items.sort(byCreationOrder);
    },
    async confirm(ids) {
      const tx = db.transaction('outbox', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    close() {
      db.close();
    },
  };
}
