import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { partners, setupLinks, users, type SetupLinkKind } from '../../db/schema/index.ts';

/** The only writer of setup_links, and where a dealer and its first administrator are inserted (the demo seed included). */

export type SetupLinkRow = typeof setupLinks.$inferSelect;

export async function hasPartner(db: Db): Promise<boolean> {
  const [partner] = await db.select({ id: partners.id }).from(partners).limit(1);
  return partner !== undefined;
}

/**
 * Makes dealer creation one at a time until the transaction ends: two instances starting together on
 * one PostgreSQL (the demo seed), or two first-run forms sent at once, and the second finds the first's dealer.
 */
export async function lockPartners(tx: Db): Promise<void> {
  await tx.execute(sql`lock table ${partners} in exclusive mode`);
}

export async function insertSetupLink(db: Db, row: { tokenHash: string; kind: SetupLinkKind; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.insert(setupLinks).values(row);
}

/** Forgets the unused links of a kind (used ones stay: which link made which dealer). */
export async function dropUnusedLinks(db: Db, kind: SetupLinkKind): Promise<void> {
  await db.delete(setupLinks).where(and(eq(setupLinks.kind, kind), isNull(setupLinks.usedAt)));
}

export async function findSetupLink(db: Db, tokenHash: string): Promise<SetupLinkRow | undefined> {
  const [row] = await db.select().from(setupLinks).where(eq(setupLinks.tokenHash, tokenHash));
  return row;
}

/** Marks the link used by `partnerId`, only if still unused and unexpired: of two forms sent at once, one wins. */
export async function spendSetupLink(db: Db, tokenHash: string, partnerId: string, now: Date): Promise<boolean> {
  const spent = await db
    .update(setupLinks)
    .set({ usedAt: now, partnerId })
    .where(and(eq(setupLinks.tokenHash, tokenHash), isNull(setupLinks.usedAt), gt(setupLinks.expiresAt, now)))
    .returning({ tokenHash: setupLinks.tokenHash });
  return spent.length === 1;
}

export async function insertPartner(db: Db, values: typeof partners.$inferInsert): Promise<{ id: string }> {
  const [row] = await db.insert(partners).values(values).returning({ id: partners.id });
  return row!;
}

export async function insertUsers(db: Db, values: (typeof users.$inferInsert)[]): Promise<void> {
  await db.insert(users).values(values);
}
