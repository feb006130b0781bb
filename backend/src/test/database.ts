import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Database, DbKind } from '../db/client.ts';
import { openDatabase } from '../db/open.ts';

/** The database kinds this run can test: PGlite always, PostgreSQL when DATABASE_URL names a server. */
export const TESTABLE_KINDS: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database on the server named by
 * DATABASE_URL (dropped afterwards), or an in-memory PGlite when it is unset or `kind` asks for it.
 */
export async function createTestDatabase(kind: DbKind = process.env.DATABASE_URL ? 'postgres' : 'pglite'): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (kind === 'pglite') return openDatabase({ dataDir: null });
  if (!serverUrl) throw new Error('A PostgreSQL test database needs DATABASE_URL');
  const name = `parc_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
