import type { BackgroundTasks } from './background.ts';
import type { Db, DbKind } from './db/client.ts';
import type { Mailer } from './mail/mailer.ts';
import type { PasswordHasher } from './modules/auth/password-hasher.ts';

/** Everything with a side effect that services use, chosen by main.ts (or a test) and passed in. */
export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  mailer: Mailer;
  passwords: PasswordHasher;
  clock: () => Date;
  /** Base URL for links in emails, without a trailing slash. */
  publicUrl: string;
  /** Cookies get `Secure` when Parc is served over TLS. */
  secureCookies: boolean;
  /** DATA_DIR on Node (nightly CSV exports go to its exports/ folder); null where there is no disk (Workers). */
  dataDir: string | null;
  /** Bearer secret of POST /api/internal/jobs/:name (see job.ts); null disables the endpoint. */
  jobSecret: string | null;
  /** Emails a public form sends after answering, so the answer takes the same time whoever asked. */
  background: BackgroundTasks;
}
