import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import * as schema from './schema/index.ts';
import { assertMigrationsArePrefix, type Database, type Db } from './client.ts';
import { connectPostgres } from './postgres.ts';
import { createWriteWatch, watchWrites } from './writes.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Node only. PGlite in `dataDir` (or in memory when null), or PostgreSQL at `url`.
 * Migrations are applied before the database is handed out.
 */
export async function openDatabase(options: { url?: string; dataDir?: string | null }): Promise<Database> {
  if (options.url) {
    const database = connectPostgres(options.url);
    await migratePostgres(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await assertMigrationsArePrefix(database.db);
    return database;
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const watch = createWriteWatch();
  const db = drizzlePglite({ client, schema, logger: watch.logger }) as unknown as Db;
  watchWrites(db, watch);
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  await assertMigrationsArePrefix(db);
  return { db, kind: 'pglite', close: () => client.close() };
}
