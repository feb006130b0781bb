import { and, count, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';

export type AccountRow = typeof users.$inferSelect;

export async function findAccount(db: Db, userId: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

/** Whether another account of the dealer has this (lower-case) address. */
export async function emailTakenInPartner(db: Db, partnerId: string, email: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.partnerId, partnerId), eq(users.email, email), ne(users.id, userId)))
    .limit(1);
  return row !== undefined;
}

export async function updateAccount(db: Db, userId: string, set: Partial<Pick<AccountRow, 'name' | 'language' | 'passwordHash'>>): Promise<AccountRow> {
  const [row] = await db.update(users).set(set).where(eq(users.id, userId)).returning();
  return row!;
}

/** Moves the account from `from` to `to`, only if it still has `from`: of two uses of one link, one wins. */
export async function replaceEmail(db: Db, userId: string, from: string, to: string): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ email: to })
    .where(and(eq(users.id, userId), eq(users.email, from)))
    .returning({ id: users.id });
  return changed.length > 0;
}

/** The user's live sessions other than the one whose hash is `keptHash`. */
export async function countOtherSessions(db: Db, userId: string, keptHash: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keptHash), gt(sessions.expiresAt, now)));
  return Number(row?.n ?? 0);
}

/** Ends every session of the user but `keptHash`; answers how many live ones ended. */
export async function deleteOtherSessions(db: Db, userId: string, keptHash: string, now: Date): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keptHash)))
    .returning({ expiresAt: sessions.expiresAt });
  return ended.filter((session) => session.expiresAt > now).length;
}
