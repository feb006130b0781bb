import type { Db } from '../../db/client.ts';
import { onWrites } from '../../db/writes.ts';

/**
 * The entry pages of links opened lately, as the JSON sent, per process and database: a customer
 * reloading, or a hundred opening at once on campaign day, costs no query. A write by this process
 * to any table a page reads drops every kept page at once; writes by another process (another
 * instance, `npm run job`) and what changes with time alone (an agent falling silent) show within
 * the time to live, a second. Every entry is judged against the database, never against a kept page.
 */

/** What the page reads: the link and its parties (findLinkWithParties), the sheet (findSheetRows). */
export const PAGE_TABLES: ReadonlySet<string> = new Set(['meter_links', 'customers', 'partners', 'devices', 'counters', 'readings', 'reading_checks', 'location_requests']);

export interface PageCacheOptions {
  ttlMs: number;
  /**
   * A statement is told to listeners as it goes out, before it commits: a page read just after may
   * not see it yet, so a page whose reading began this soon after a write is sent but not kept.
   */
  settleMs: number;
  /** Pages kept at most (~10 kB each for 20 machines): a page lives a second, so this is a second's worth of links. */
  kept: number;
  /** Monotonic milliseconds. */
  monotonic: () => number;
}

export const PAGE_CACHE: PageCacheOptions = { ttlMs: 1_000, settleMs: 250, kept: 1_000, monotonic: () => performance.now() };

interface KeptPage {
  body: string;
  keptAt: number;
  /** The request clock when read: a clock moved (tests, a jump) makes the page as old as the move. */
  readAt: number;
  linkExpiresAt: number;
}

export interface PageRead {
  body: string;
  linkExpiresAt: Date;
}

export interface PageCache {
  /**
   * The page of `linkId`: as kept, unless dropped, older than the time to live or its link expired
   * at `now`; else from `read`, shared by the requests for the same link that arrive meanwhile (a
   * hundred customers behind one reload cost one read), and kept unless a write came in during it.
   */
  page(linkId: string, now: Date, read: () => Promise<PageRead>): Promise<string>;
}

const caches = new WeakMap<Db, PageCache | null>();

/** The cache of `db`, made on first use (a Worker's connection lasts one request: its cache never answers); null when `db`'s writes are not watched. */
export function pageCacheOf(db: Db): PageCache | null {
  let cache = caches.get(db);
  if (cache === undefined) caches.set(db, (cache = createPageCache(db, PAGE_CACHE)));
  return cache;
}

export function createPageCache(db: Db, { ttlMs, settleMs, kept, monotonic }: PageCacheOptions): PageCache | null {
  const pages = new Map<string, KeptPage>();
  const reads = new Map<string, Promise<string>>();
  let writes = 0;
  let lastWriteAt = -Infinity;
  const watched = onWrites(db, (tables) => {
    if (![...tables].some((table) => PAGE_TABLES.has(table))) return;
    writes++;
    lastWriteAt = monotonic();
    pages.clear();
    // A read begun before the write answers those who asked before it; whoever asks now reads anew.
    reads.clear();
  });
  if (!watched) return null;
  const fresh = (page: KeptPage, now: Date) =>
    monotonic() - page.keptAt < ttlMs && Math.abs(now.getTime() - page.readAt) < ttlMs && now.getTime() < page.linkExpiresAt;
  /** Reads the page once for every request asking meanwhile, and keeps it unless a write came in during the read. */
  const load = (linkId: string, now: Date, read: () => Promise<PageRead>): Promise<string> => {
    const running = reads.get(linkId);
    if (running) return running;
    const writesBefore = writes;
    const settled = monotonic() - lastWriteAt >= settleMs;
    const reading = read()
      .then(({ body, linkExpiresAt }) => {
        if (settled && writes === writesBefore) {
          pages.delete(linkId);
          pages.set(linkId, { body, keptAt: monotonic(), readAt: now.getTime(), linkExpiresAt: linkExpiresAt.getTime() });
          // Oldest first in a Map: past the bound, the page kept longest ago makes room.
          if (pages.size > kept) pages.delete(pages.keys().next().value!);
        }
        return body;
      })
      .finally(() => {
        if (reads.get(linkId) === reading) reads.delete(linkId);
      });
    reads.set(linkId, reading);
    return reading;
  };
  return {
    page(linkId, now, read) {
      const page = pages.get(linkId);
      if (page && fresh(page, now)) {
        // Past half its life, a page still answers while it is read again behind it: a link read
        // all the time never makes its requests wait for the database. A link gone meanwhile (another
        // instance revoked it) drops the page, and the next request hears why.
        if (monotonic() - page.keptAt >= ttlMs / 2) load(linkId, now, read).catch(() => pages.delete(linkId));
        return Promise.resolve(page.body);
      }
      pages.delete(linkId);
      return load(linkId, now, read);
    },
  };
}
