import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.ts';
import type { Database, Db } from './client.ts';
import { createWriteWatch, watchWrites } from './writes.ts';

/**
 * PostgreSQL through postgres.js, without migrating: Node's openDatabase migrates first, the
 * Worker connects per request through Hyperdrive (which pools) and never migrates.
 */
export function connectPostgres(url: string, options: postgres.Options<{}> = {}): Database {
  const client = postgres(url, { max: 10, onnotice: () => {}, ...options });
  const watch = createWriteWatch();
  const db = drizzle({ client, schema, logger: watch.logger }) as unknown as Db;
  watchWrites(db, watch);
  return { db, kind: 'postgres', close: () => client.end() };
}
