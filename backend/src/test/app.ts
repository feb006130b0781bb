import { createApp } from '../app.ts';
import { createBackgroundTasks } from '../background.ts';
import type { Database } from '../db/client.ts';
import { partners, sessions, userCustomers, users, type UserRole } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { MemoryMailer } from '../mail/mailer.ts';
import { createArgon2Hasher, TEST_ARGON2_COST } from '../modules/auth/argon2-hasher.ts';
import { hashToken, newToken, SESSION_COOKIE } from '../modules/auth/session-token.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: Database;
  deps: AppDeps;
  mailer: MemoryMailer;
  /** Moves the app's clock. */
  setNow(date: Date): void;
  /** A new partner (tenant) with the given name. */
  createPartner(name?: string): Promise<{ id: string }>;
  /** A user with a live session; `cookie` goes in the Cookie header of requests. */
  signIn(partnerId: string, role: UserRole, options?: { customerIds?: string[]; email?: string }): Promise<{ userId: string; cookie: string }>;
  close(): Promise<void>;
}

/** The dependencies every test app runs with: email in memory, a quick hasher, no disk, the given clock. */
export function testDeps(database: Database, mailer: MemoryMailer, clock: () => Date): AppDeps {
  return {
    db: database.db,
    dbKind: database.kind,
    mailer,
    passwords: createArgon2Hasher(TEST_ARGON2_COST),
    clock,
    publicUrl: 'http://parc.test',
    secureCookies: false,
    dataDir: null,
    jobSecret: null,
    background: createBackgroundTasks(),
  };
}

/** The whole API over a fresh database, with email kept in memory and a settable clock. */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const mailer = new MemoryMailer();
  let now = new Date('2026-11-20T08:00:00Z');
  const deps = testDeps(database, mailer, () => now);
  let sequence = 0;
  return {
    app: createApp(deps),
    database,
    deps,
    mailer,
    setNow(date) {
      now = date;
    },
    async createPartner(name = `Dealer ${++sequence}`) {
      const [partner] = await database.db.insert(partners).values({ name, email: `contact${++sequence}@dealer.test` }).returning({ id: partners.id });
      return partner!;
    },
    async signIn(partnerId, role, options = {}) {
      const email = options.email ?? `${role}.${++sequence}@dealer.test`;
      const [user] = await database.db.insert(users).values({ partnerId, email, name: `Test ${role}`, role }).returning({ id: users.id });
      if (options.customerIds?.length) {
        await database.db.insert(userCustomers).values(options.customerIds.map((customerId) => ({ userId: user!.id, customerId })));
      }
      const token = newToken();
      await database.db.insert(sessions).values({ tokenHash: hashToken(token), userId: user!.id, expiresAt: new Date(now.getTime() + 86_400_000) });
      return { userId: user!.id, cookie: `${SESSION_COOKIE}=${token}` };
    },
    close: () => database.close(),
  };
}
