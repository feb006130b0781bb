import type { Logger } from 'drizzle-orm/logger';
import type { Db } from './client.ts';

/**
 * The tables this process writes to, told to listeners as statements go out (drizzle's query
 * logger sees every statement of a database: prepared, raw or in a transaction) and again when a
 * transaction ends, once its writes are committed or undone: what lets an in-process cache drop
 * what a write may have changed, whichever module wrote. Another process's writes are not seen
 * here; a cache bounds those by its time to live.
 */
export type WriteListener = (tables: ReadonlySet<string>) => void;

/** The table after each `insert into`, `update` and `delete from` of a statement. */
const WRITTEN = /\b(?:insert\s+into|(?<!\b(?:do|for|key)\s+)update|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?/gi;
/** A statement that cannot write: the common case answers without scanning the text further. */
const READ_ONLY = /^\s*select\b(?![\s\S]*\b(?:insert|update|delete)\b)/i;

export function writtenTables(statement: string): ReadonlySet<string> {
  const tables = new Set<string>();
  if (READ_ONLY.test(statement)) return tables;
  for (const match of statement.matchAll(WRITTEN)) tables.add(match[1]!.toLowerCase());
  return tables;
}

export interface WriteWatch {
  /** The logger to give drizzle when opening the database. */
  logger: Logger;
  listeners: Set<WriteListener>;
  /** Tables written by each transaction running now (any of them: statements don't say whose they are). */
  running: Set<Set<string>>;
}

const watches = new WeakMap<Db, WriteWatch>();

export function createWriteWatch(): WriteWatch {
  const listeners = new Set<WriteListener>();
  const running = new Set<Set<string>>();
  return {
    listeners,
    running,
    logger: {
      logQuery(query) {
        if (listeners.size === 0) return;
        const tables = writtenTables(query);
        if (tables.size === 0) return;
        for (const written of running) for (const table of tables) written.add(table);
        for (const listener of listeners) listener(tables);
      },
    },
  };
}

/** Ties `watch` (whose logger `db` was opened with) to `db`, and tells its transactions' writes again when each ends. */
export function watchWrites(db: Db, watch: WriteWatch): void {
  watches.set(db, watch);
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => {
    const written = new Set<string>();
    watch.running.add(written);
    return transaction(run, config).finally(() => {
      watch.running.delete(written);
      if (written.size > 0) for (const listener of watch.listeners) listener(written);
    });
  }) as Db['transaction'];
}

/** Calls `listener` with the tables of every write on `db` from this process; false when `db` is not watched. */
export function onWrites(db: Db, listener: WriteListener): boolean {
  const watch = watches.get(db);
  watch?.listeners.add(listener);
  return watch !== undefined;
}
