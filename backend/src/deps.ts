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
}
