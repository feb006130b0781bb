import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { coordinators, counters, customers, devices, partners, readings, sites, userCustomers, users } from '../db/schema/index.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, planDemo } from './plan.ts';

export interface SeedDemoOptions {
  /** The last monthly reading is taken at `now`; the history runs back from it. */
  now: Date;
  hashPassword: (password: string) => Promise<string>;
  newId?: () => string;
}

// Well under PostgreSQL's 65,535 bind parameters per statement for the widest table (readings).
const BATCH_ROWS = 1_000;

/**
 * Fills an empty database (no partner yet) with the demo dealer, its users, three customers and
 * their fleets with 14 months of readings. Does nothing on a database that has any partner.
 * Returns whether it seeded.
 */
export async function seedDemo(db: Db, { now, hashPassword, newId = randomUUID }: SeedDemoOptions): Promise<boolean> {
  if (await hasPartner(db)) return false;
  const plan = planDemo(now, newId);
  // Hashed one by one so no two accounts share a salt; slow, so done before the transaction.
  const passwordHashes = await Promise.all(plan.users.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction(async (tx) => {
    // Two instances starting together on one PostgreSQL: the second waits, then finds the partner.
    await tx.execute(sql`lock table ${partners} in exclusive mode`);
    if (await hasPartner(tx)) return false;
    await tx.insert(partners).values(plan.partner);
    await tx.insert(users).values(plan.users.map((user, index) => ({ ...user, passwordHash: passwordHashes[index]! })));
    await tx.insert(customers).values(plan.customers);
    await tx.insert(coordinators).values(plan.coordinators);
    await tx.insert(sites).values(plan.sites);
    await tx.insert(userCustomers).values(plan.userCustomers);
    await tx.insert(devices).values(plan.devices);
    await tx.insert(counters).values(plan.counters);
    for (let start = 0; start < plan.readings.length; start += BATCH_ROWS) {
      await tx.insert(readings).values(plan.readings.slice(start, start + BATCH_ROWS));
    }
    return true;
  });
}

/** Whether the demo accounts exist (and so whether printing their logins makes sense). */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGINS[0].email)).limit(1);
  return admin !== undefined;
}

async function hasPartner(db: Db): Promise<boolean> {
  const [partner] = await db.select({ id: partners.id }).from(partners).limit(1);
  return partner !== undefined;
}
