import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { storageWhenOpen, type LocalStorage, type OutboxItem } from './storage.ts';
import { openDB } from 'idb';
import { openIdbStorage } from './storage.idb.ts';
import { createMemoryStorage } from './storage.memory.ts';

let databaseCount = 0;

// The fake must behave like the real thing, so both run the same cases.
describe.each<[string, () => Promise<LocalStorage>]>([
  ['idb', () => openIdbStorage(`parc-test-${++databaseCount}`)],
  ['memory', async () => createMemoryStorage()],
  ['still opening', async () => storageWhenOpen(openIdbStorage(`parc-test-${++databaseCount}`))],
])('%s storage', (_name, open) => {
  const item = (id: string, createdAt: string): OutboxItem => ({ id, kind: 'meters.reading', payload: { id, total: 1200 }, createdAt });

  it('reads back what it stored and forgets deleted keys', async () => {
    const storage = await open();
    expect(await storage.get('session.user')).toBeUndefined();
    await storage.set('session.user', { id: 'u1', name: 'Anne' });
    expect(await storage.get('session.user')).toEqual({ id: 'u1', name: 'Anne' });
    await storage.delete('session.user');
    expect(await storage.get('session.user')).toBeUndefined();
    storage.close();
  });

  it('returns copies, so a caller mutating a value does not change what is stored', async () => {
    const storage = await open();
    const value = { count: 1 };
    await storage.set('k', value);
    value.count = 2;
    const read = await storage.get<{ count: number }>('k');
    expect(read).toEqual({ count: 1 });
    storage.close();
  });

  it.each<[string, OutboxItem[], string[]]>([
    ['in the order written, even when the clock went back', [item('b', '2026-03-02T10:00:00Z'), item('a', '2026-03-01T10:00:00Z')], ['b', 'a']],
    ['in the order written within one millisecond', [item('z', '2026-03-01T10:00:00Z'), item('m', '2026-03-01T10:00:00Z')], ['z', 'm']],
    ['one entry per id when written twice, in its first place', [item('a', '2026-03-01T10:00:00Z'), item('b', '2026-03-01T10:00:00Z'), item('a', '2026-03-01T11:00:00Z')], ['a', 'b']],
  ])('lists pending items %s', async (_case, items, expectedIds) => {
    const storage = await open();
    for (const entry of items) await storage.enqueue(entry);
    expect((await storage.listPending()).map((entry) => entry.id)).toEqual(expectedIds);
    storage.close();
  });

  it('holds an item in conflict in its place until it is written again or confirmed', async () => {
    const storage = await open();
    await storage.enqueue(item('r1', '2026-03-01T08:00:00Z'));
    await storage.enqueue(item('r2', '2026-03-01T09:00:00Z'));
    await storage.holdForConflict('r1', { theirs: 'done' });
    await storage.holdForConflict('unknown', { theirs: 'done' });
    expect(await storage.listPending()).toMatchObject([{ id: 'r1', conflict: { theirs: 'done' } }, { id: 'r2' }]);
    await storage.enqueue(item('r1', '2026-03-01T08:00:00Z'));
    const [first] = await storage.listPending();
    expect(first).toMatchObject({ id: 'r1', sequence: 1 });
    expect(first).not.toHaveProperty('conflict');
    storage.close();
  });

  it.each<[string, string, string[], string[]]>([
    ['in the place of the replaced item', 'r1', ['r1b', 'r2'], []],
    ['at the end when the replaced item is gone', 'gone', ['r1', 'r2', 'r1b'], ['r1']],
  ])('replaces %s', async (_case, replacedId, expectedIds, stillHeld) => {
    const storage = await open();
    await storage.enqueue(item('r1', '2026-03-01T08:00:00Z'));
    await storage.enqueue(item('r2', '2026-03-01T09:00:00Z'));
    await storage.holdForConflict('r1', { theirs: 'done' });
    await storage.replace(replacedId, item('r1b', '2026-03-01T10:00:00Z'));
    const pending = await storage.listPending();
    expect(pending.map((entry) => entry.id)).toEqual(expectedIds);
    expect(pending.filter((entry) => entry.conflict !== undefined).map((entry) => entry.id)).toEqual(stillHeld);
    storage.close();
  });

  it('keeps a photo as a Blob', async () => {
    const storage = await open();
    await storage.enqueue({ id: 'p1', kind: 'tech.photo', payload: { photo: new Blob(['png-bytes'], { type: 'image/png' }) }, createdAt: '2026-03-01T08:00:00Z' });
    const [stored] = await storage.listPending();
    const photo = (stored!.payload as { photo: Blob }).photo;
    expect(photo.type).toBe('image/png');
    expect(await photo.text()).toBe('png-bytes');
    storage.close();
  });

  it('keeps items until the server confirms them, then forgets only those', async () => {
    const storage = await open();
    await storage.enqueue(item('r1', '2026-03-01T08:00:00Z'));
    await storage.enqueue(item('r2', '2026-03-01T09:00:00Z'));
    await storage.enqueue(item('r3', '2026-03-01T10:00:00Z'));
    await storage.confirm(['r1', 'r3', 'unknown']);
    expect(await storage.listPending()).toEqual([{ ...item('r2', '2026-03-01T09:00:00Z'), sequence: 2 }]);
    storage.close();
  });
});

describe('idb storage across reopen', () => {
  it('keeps pending items after the app is closed and opened again', async () => {
    const first = await openIdbStorage('parc-reopen');
    await first.enqueue({ id: 'r1', kind: 'meters.reading', payload: { total: 5 }, createdAt: '2026-03-01T08:00:00Z' });
    await first.set('session.user', { id: 'u1' });
    first.close();
    const second = await openIdbStorage('parc-reopen');
    expect(await second.listPending()).toHaveLength(1);
    expect(await second.get('session.user')).toEqual({ id: 'u1' });
    second.close();
  });
});

describe('idb storage upgrade from version 1', () => {
  it('gives items waiting in a version-1 outbox their places by creation time', async () => {
    const old = await openDB('parc-v1', 1, {
      upgrade(database) {
        database.createObjectStore('kv');
        database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
      },
    });
    await old.put('outbox', { id: 'late', kind: 'meters.entry', payload: {}, createdAt: '2026-03-02T08:00:00Z' });
    await old.put('outbox', { id: 'early', kind: 'meters.entry', payload: {}, createdAt: '2026-03-01T08:00:00Z' });
    old.close();
    const storage = await openIdbStorage('parc-v1');
    await storage.enqueue({ id: 'new', kind: 'meters.entry', payload: {}, createdAt: '2026-01-01T08:00:00Z' });
    expect((await storage.listPending()).map((entry) => [entry.id, entry.sequence])).toEqual([['early', 1], ['late', 2], ['new', 3]]);
    storage.close();
  });
});
