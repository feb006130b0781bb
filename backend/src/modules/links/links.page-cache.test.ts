import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { writtenTables } from '../../db/writes.ts';
import { createTestDatabase } from '../../test/database.ts';
import { createPageCache, PAGE_TABLES, type PageCache } from './links.page-cache.ts';

describe('writtenTables', () => {
  it.each<[string, string[]]>([
    ['select * from "readings" where "id" = $1', []],
    ['select "id" from "devices" for update', []],
    ['insert into "readings" ("id") values ($1)', ['readings']],
    ['update "devices" set "location" = $1', ['devices']],
    ['delete from location_requests where id = $1', ['location_requests']],
    ['insert into "rate_limit_windows" values ($1) on conflict do update set "hits" = 1', ['rate_limit_windows']],
    ['with moved as (update "counters" set active = false returning id) select count(*) from moved', ['counters']],
    ['with gone as (delete from "reading_checks" returning 1) insert into "meter_links" select 1', ['reading_checks', 'meter_links']],
  ])('%s', (statement, tables) => {
    expect([...writtenTables(statement)]).toEqual(tables);
  });
});

describe('the page cache', () => {
  let database: Database;
  let time = 0;
  const options = { ttlMs: 5_000, settleMs: 250, kept: 3, monotonic: () => time };
  const now = new Date('2026-11-20T08:00:00Z');
  const expires = new Date('2026-12-04T23:00:00Z');
  let cache: PageCache;
  const write = (table: string) => database.db.execute(sql.raw(`delete from ${table} where false`));

  beforeAll(async () => {
    database = await createTestDatabase();
    cache = createPageCache(database.db, options)!;
  });
  afterAll(() => database.close());

  /** Asks for a page, reading `body` from "the database" when none is kept. */
  const ask = (linkId: string, { at = now, body = `{"link":"${linkId}"}`, linkExpiresAt = expires } = {}) =>
    cache.page(linkId, at, async () => ({ body, linkExpiresAt }));
  let readsMade = 0;
  /** Whether a request now is answered by the kept page or waits for its own read (kept then, when it may). */
  async function served(linkId: string, at = now): Promise<'kept' | 'read'> {
    const body = `{"read":${++readsMade}}`;
    const answer = await cache.page(linkId, at, async () => ({ body, linkExpiresAt: expires }));
    return answer === body ? 'read' : 'kept';
  }

  it('keeps a page until a write to a table the page reads drops it; other writes keep it', async () => {
    time += 1_000;
    expect(await ask('a')).toBe('{"link":"a"}');
    expect(await served('a')).toBe('kept');
    await write('rate_limit_windows');
    expect(await served('a')).toBe('kept');
    for (const table of PAGE_TABLES) {
      time += 1_000;
      await ask('a');
      await write(table);
      expect(await served('a'), table).toBe('read');
    }
  });

  it('does not keep a page when a write came while it was being read', async () => {
    time += 1_000;
    await cache.page('b', now, async () => {
      await write('readings');
      return { body: '{}', linkExpiresAt: expires };
    });
    time += 1_000;
    expect(await served('b')).toBe('read');
  });

  it('does not keep a page read just after a write (it may not be committed yet), and does a little later', async () => {
    time += 1_000;
    await write('devices');
    time += 100;
    await ask('c');
    expect(await served('c')).toBe('read');
    time += 200;
    await ask('c');
    expect(await served('c')).toBe('kept');
  });

  it('drops a page after its time to live, when the clock moves, and when its link expires', async () => {
    time += 1_000;
    await ask('d');
    time += 2_499;
    expect(await served('d')).toBe('kept');
    time += 2_501;
    expect(await served('d')).toBe('read');

    time += 5_000;
    await ask('d');
    expect(await served('d', new Date(now.getTime() + 5_000))).toBe('read');
    time += 5_000;
    await ask('d');
    expect(await served('d', new Date(now.getTime() - 5_000))).toBe('read');
    time += 5_000;
    await ask('d', { linkExpiresAt: new Date(expires.getTime() - 1) });
    expect(await served('d', expires)).toBe('read');
  });

  it('drops pages kept during a transaction that wrote, once it ends (its writes are committed then)', async () => {
    time += 1_000;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`delete from readings where false`);
      time += 1_000;
      await ask('e');
      expect(await served('e')).toBe('kept');
    });
    expect(await served('e')).toBe('read');
  });

  it('past half its life, answers with the kept page and reads it again behind it', async () => {
    time += 1_000;
    await ask('h', { body: '{"version":1}' });
    time += 2_500;
    expect(await ask('h', { body: '{"version":2}' })).toBe('{"version":1}');
    expect(await ask('h', { body: '{"version":3}' })).toBe('{"version":2}');
  });

  it('reads once for the requests that arrive while a page is being read', async () => {
    time += 1_000;
    let reads = 0;
    let finish!: () => void;
    const read = async () => {
      reads++;
      await new Promise<void>((resolve) => (finish = resolve));
      return { body: '{"shared":true}', linkExpiresAt: expires };
    };
    const answers = Promise.all([cache.page('g', now, read), cache.page('g', now, read), cache.page('g', now, read)]);
    finish();
    expect(await answers).toEqual(['{"shared":true}', '{"shared":true}', '{"shared":true}']);
    expect(reads).toBe(1);
  });

  it('does not let a request made after a write join a read begun before it', async () => {
    time += 1_000;
    let finish!: () => void;
    const before = cache.page('i', now, async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      return { body: '{"before":true}', linkExpiresAt: expires };
    });
    await write('readings');
    const after = cache.page('i', now, async () => ({ body: '{"after":true}', linkExpiresAt: expires }));
    finish();
    expect([await before, await after]).toEqual(['{"before":true}', '{"after":true}']);
  });

  it('keeps at most its bound, the oldest making room', async () => {
    time += 1_000;
    for (const id of ['f1', 'f2', 'f3', 'f4']) await ask(id);
    expect([await served('f4'), await served('f3'), await served('f2'), await served('f1')]).toEqual(['kept', 'kept', 'kept', 'read']);
  });
});
