import { connectPostgres } from './db/postgres.ts';
import { createWorker } from './worker.ts';

// The Worker's entry module (`main` in wrangler.toml). workerd takes every named export of it for
// an entrypoint and refuses to start on anything else (a constant, a helper): this module exports
// the handler alone, and what tests and other modules import lives in worker.ts.
export default createWorker((connectionString) => connectPostgres(connectionString, { max: 5, fetch_types: false }));
