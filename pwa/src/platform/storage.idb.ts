import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { byQueueOrder, placeInQueue, type LocalStorage, type StoredOutboxItem } from './storage.ts';

interface ParcSchema extends DBSchema {
  kv: { key: string; value: unknown };
  outbox: { key: string; value: StoredOutboxItem; indexes: { 'by-created': string; 'by-sequence': number } };
}

/** Bump with a new `upgrade` step when the stores change; never edit a past step. */
const schemaVersion = 2;

export async function openIdbStorage(name = 'parc'): Promise<LocalStorage> {
  const db: IDBPDatabase<ParcSchema> = await openDB<ParcSchema>(name, schemaVersion, {
    async upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        database.createObjectStore('kv');
        database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
      }
      if (oldVersion < 2) {
        // Version 1 sent oldest first by clock: items waiting from then keep that order as their sequence.
        const outbox = transaction.objectStore('outbox');
        outbox.createIndex('by-sequence', 'sequence');
        const waiting = (await outbox.getAll()).sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
        await Promise.all(waiting.map((item, index) => outbox.put({ ...item, sequence: index + 1 })));
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
      // One transaction reads the last place and takes the next, so two writes never share a place.
      const tx = db.transaction('outbox', 'readwrite');
      const existing = await tx.store.get(item.id);
      const last = await tx.store.index('by-sequence').openCursor(null, 'prev');
      await tx.store.put(placeInQueue(item, existing, last?.value.sequence ?? 0));
      await tx.done;
    },
    async listPending() {
      return (await db.getAllFromIndex('outbox', 'by-sequence')).sort(byQueueOrder);
    },
    async confirm(ids) {
      const tx = db.transaction('outbox', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    async replace(id, item) {
      const tx = db.transaction('outbox', 'readwrite');
      const old = await tx.store.get(id);
      const last = await tx.store.index('by-sequence').openCursor(null, 'prev');
      await tx.store.delete(id);
      await tx.store.put(placeInQueue(item, old, last?.value.sequence ?? 0));
      await tx.done;
    },
    async holdForConflict(id, conflict) {
      const tx = db.transaction('outbox', 'readwrite');
      const item = await tx.store.get(id);
      if (item) await tx.store.put({ ...item, conflict });
      await tx.done;
    },
    close() {
      db.close();
    },
  };
}
