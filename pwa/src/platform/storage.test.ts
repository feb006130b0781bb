import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LocalStorage, OutboxItem } from './storage.ts';
import { openIdbStorage } from './storage.idb.ts';
import { createMemoryStorage } from './storage.memory.ts';

let databaseCount = 0;

// The fake must behave like the real thing, so both run the same cases.
describe.each<[string, () => Promise<LocalStorage>]>([
  ['idb', () => openIdbStorage(`parc-test-${++databaseCount}`)],
  ['memory', async () => createMemoryStorage()],
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
    ['oldest first', [item('b', '2026-03-02T10:00:00Z'), item('a', '2026-03-01T10:00:00Z')], ['a', 'b']],
    ['ties by id', [item('z', '2026-03-01T10:00:00Z'), item('m', '2026-03-01T10:00:00Z')], ['m', 'z']],
    ['one entry per id when written twice', [item('a', '2026-03-01T10:00:00Z'), item('a', '2026-03-01T10:00:00Z')], ['a']],
  ])('lists pending items %s', async (_case, items, expectedIds) => {
    const storage = await open();
    for (const entry of items) await storage.enqueue(entry);
    expect((await storage.listPending()).map((entry) => entry.id)).toEqual(expectedIds);
    storage.close();
  });

  it('keeps items until the server confirms them, then forgets only those', async () => {
    const storage = await open();
    await storage.enqueue(item('r1', '2026-03-01T08:00:00Z'));
    await storage.enqueue(item('r2', '2026-03-01T09:00:00Z'));
    await storage.enqueue(item('r3', '2026-03-01T10:00:00Z'));
    await storage.confirm(['r1', 'r3', 'unknown']);
    expect(await storage.listPending()).toEqual([item('r2', '2026-03-01T09:00:00Z')]);
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
