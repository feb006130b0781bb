import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TESTABLE_KINDS } from '../test/database.ts';
import { migrationLevel, type Database, type Db } from './client.ts';
import { openDatabase } from './open.ts';
import { counters, customers, devices, partners, readings } from './schema/index.ts';

// The constraints live in the database, so each is checked on every engine Parc runs on.
if (!process.env.DATABASE_URL) console.warn('DATABASE_URL is unset: the schema is tested on PGlite only.');

async function rejects(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause ?? error;
    return (cause as { code?: string }).code ?? 'unknown';
  }
  throw new Error('expected the database to refuse this');
}

async function fleet(db: Db, name: string) {
  const [partner] = await db.insert(partners).values({ name, email: `${name}@dealer.test` }).returning();
  const [customer] = await db.insert(customers).values({ partnerId: partner!.id, customerNumber: '1', name: 'Customer', prefix: 'DF' }).returning();
  const [device] = await db
    .insert(devices)
    .values({ partnerId: partner!.id, customerId: customer!.id, deviceNumber: 1, deviceCode: 'DF-1', serial: 'S1', manufacturer: 'Ricoh', model: 'IM C3000' })
    .returning();
  const [counter] = await db.insert(counters).values({ partnerId: partner!.id, deviceId: device!.id, kind: 'mono' }).returning();
  return { partner: partner!, customer: customer!, device: device!, counter: counter! };
}

describe.each(TESTABLE_KINDS)('schema on %s', (kind) => {
  let database: Database;
  let a: Awaited<ReturnType<typeof fleet>>;
  let b: Awaited<ReturnType<typeof fleet>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    a = await fleet(database.db, 'a');
    b = await fleet(database.db, 'b');
  });
  afterAll(() => database.close());

  it('is migrated to the latest level', async () => {
    expect(database.kind).toBe(kind);
    expect(await migrationLevel(database.db)).toMatchObject({ applied: 21, latest: '0020_notice_indexes' });
  });

  it('keeps device IDs unique per customer', async () => {
    const duplicate = { partnerId: a.partner.id, customerId: a.customer.id, deviceNumber: 1, deviceCode: 'DF-1', serial: 'OTHER', manufacturer: 'HP', model: 'M554' };
    expect(await rejects(database.db.insert(devices).values(duplicate))).toBe('23505');
  });

  it('allows a serial once among active devices of a partner, again once deactivated, and at another partner', async () => {
    const twin = { partnerId: a.partner.id, customerId: a.customer.id, deviceNumber: 2, deviceCode: 'DF-2', serial: 'S1', manufacturer: 'Ricoh', model: 'IM C3000' };
    expect(await rejects(database.db.insert(devices).values(twin))).toBe('23505');
    await database.db.update(devices).set({ active: false }).where(eq(devices.id, a.device.id));
    await database.db.insert(devices).values(twin);
    // Partner b already holds an active S1 of its own: serials are unique per partner only.
    expect(b.device.serial).toBe('S1');
  });

  it("refuses a device pointing at another partner's customer", async () => {
    const crossTenant = { partnerId: a.partner.id, customerId: b.customer.id, deviceNumber: 9, deviceCode: 'DF-9', serial: 'X', manufacturer: 'HP', model: 'M554' };
    expect(await rejects(database.db.insert(devices).values(crossTenant))).toBe('23503');
  });

  it('refuses negative and absurd counter values, and unknown sources', async () => {
    const reading = { partnerId: b.partner.id, deviceId: b.device.id, counterId: b.counter.id, takenAt: new Date(), source: 'link' as const, enteredBy: 'test' };
    expect(await rejects(database.db.insert(readings).values({ ...reading, value: -1 }))).toBe('23514');
    expect(await rejects(database.db.insert(readings).values({ ...reading, value: 10_000_000_001 }))).toBe('23514');
    expect(await rejects(database.db.insert(readings).values({ ...reading, value: 5, source: 'guess' as never }))).toBe('23514');
    await database.db.insert(readings).values({ ...reading, value: 0 });
  });

  it('refuses a malformed customer prefix and a duplicate one', async () => {
    const customer = { partnerId: a.partner.id, customerNumber: '2', name: 'Other' };
    expect(await rejects(database.db.insert(customers).values({ ...customer, prefix: 'df' }))).toBe('23514');
    expect(await rejects(database.db.insert(customers).values({ ...customer, prefix: 'DF' }))).toBe('23505');
  });
});

describe('embedded database folder', () => {
  it('keeps its data across a restart', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parc-pglite-'));
    try {
      const first = await openDatabase({ dataDir: folder });
      await first.db.insert(partners).values({ name: 'Kept', email: 'kept@dealer.test' });
      await first.close();
      const second = await openDatabase({ dataDir: folder });
      expect((await second.db.select().from(partners)).map((p) => p.name)).toEqual(['Kept']);
      await second.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
