import { loadConfig } from '../env.ts';
import { migrationLevel } from './client.ts';
import { openDatabase } from './open.ts';

// Applies pending migrations to the PostgreSQL at DATABASE_URL, then exits. For deployments where
// Parc itself does not migrate at start-up: the Cloudflare Worker (give it the direct URL, not Hyperdrive's).
const { databaseUrl } = loadConfig();
if (!databaseUrl) {
  console.error('Set DATABASE_URL to the PostgreSQL to migrate, e.g. DATABASE_URL=postgres://user:password@host:5432/parc');
  process.exit(1);
}
const database = await openDatabase({ url: databaseUrl });
const { applied, latest } = await migrationLevel(database.db);
console.log(`The database is at migration ${applied} (${latest}).`);
await database.close();
