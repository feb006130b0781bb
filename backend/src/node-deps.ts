import { join } from 'node:path';
import { createBackgroundTasks } from './background.ts';
import type { Database } from './db/client.ts';
import type { AppDeps } from './deps.ts';
import type { Config } from './env.ts';
import type { Mailer } from './mail/mailer.ts';
import { OutboxMailer } from './mail/outbox.ts';
import { ResendMailer } from './mail/resend.ts';
import { createArgon2Hasher, OWASP_ARGON2_COST } from './modules/auth/argon2-hasher.ts';

export const outboxFolder = (config: Config) => join(config.dataDir, 'outbox');

/** Resend when configured, else emails land as files in the outbox folder to read by hand. */
function createMailer(config: Config): Mailer {
  return config.resend
    ? new ResendMailer(config.resend.apiKey, config.mailFrom, config.resend.baseUrl)
    : new OutboxMailer(outboxFolder(config), config.mailFrom);
}

/** The real dependencies on Node, shared by the server and `npm run job`. */
export function createNodeDeps(config: Config, database: Database, jobSecret: string | null): AppDeps {
  return {
    db: database.db,
    dbKind: database.kind,
    mailer: createMailer(config),
    passwords: createArgon2Hasher(OWASP_ARGON2_COST),
    clock: () => new Date(),
    publicUrl: (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, ''),
    secureCookies: (config.publicUrl ?? '').startsWith('https:'),
    dataDir: config.dataDir,
    jobSecret,
    background: createBackgroundTasks(),
  };
}
