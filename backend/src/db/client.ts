import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';
import { readMigrationJournal } from './migrations.ts';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * PGlite in `dataDir` (or in memory when null), or PostgreSQL at `url`.
 * Migrations are applied before the database is handed out.
 */
export async function openDatabase(options: { url?: string; dataDir?: string | null }): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    await migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await assertMigrationsArePrefix(db);
    return { db, kind: 'postgres', close: () => client.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  await assertMigrationsArePrefix(db);
  return { db, kind: 'pglite', close: () => client.close() };
}

/** How many migrations the database has applied, and the tag of the last one. */
export async function migrationLevel(db: Db): Promise<{ applied: number; latest: string | null }> {
  const rows = await selectRows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by id`);
  const journal = readMigrationJournal();
  const applied = rows.length;
  return { applied, latest: journal[applied - 1]?.tag ?? null };
}

/** Raw SQL rows: postgres.js answers an array, PGlite an object holding `rows`. */
export async function selectRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * A database migrated by a newer Parc (more migrations than this build knows) must not be used:
 * this build would write rows the newer schema does not expect.
 */
async function assertMigrationsArePrefix(db: Db): Promise<void> {
  const { applied } = await migrationLevel(db);
  const known = readMigrationJournal().length;
  if (applied > known) {
    throw new Error(`The database has ${applied} migrations applied but this Parc build knows only ${known}: upgrade Parc before opening it.`);
  }
}
