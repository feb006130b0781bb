import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';
import { readMigrationJournal } from './migrations.ts';

// Driver-neutral on purpose: route modules import from here, and the Workers bundle must not pull
// PGlite or node:fs. Opening a database lives in open.ts (Node) and postgres.ts (Node and Workers).

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
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
export async function assertMigrationsArePrefix(db: Db): Promise<void> {
  const { applied } = await migrationLevel(db);
  const known = readMigrationJournal().length;
  if (applied > known) {
    throw new Error(`The database has ${applied} migrations applied but this Parc build knows only ${known}: upgrade Parc before opening it.`);
  }
}
