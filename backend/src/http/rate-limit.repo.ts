import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimitWindows } from '../db/schema/index.ts';

/**
 * The only writer of rate_limit_windows: one fixed window per limiter and key, shared by every
 * Parc instance on the database. Each hit is one atomic upsert, so concurrent instances (or Worker
 * isolates) count together and never both let the last allowed attempt through.
 */

export interface LiveWindow {
  hits: number;
  endsAt: Date;
}

/** The key's window when it is still running at `now`. */
export async function liveWindow(db: Db, limiter: string, key: string, now: Date): Promise<LiveWindow | null> {
  const [row] = await db
    .select({ hits: rateLimitWindows.hits, endsAt: rateLimitWindows.endsAt })
    .from(rateLimitWindows)
    .where(and(eq(rateLimitWindows.limiter, limiter), eq(rateLimitWindows.key, key), gt(rateLimitWindows.endsAt, now)));
  return row ?? null;
}

/**
 * Counts one hit: in the running window, or in a new one of `windowMs` from `now` when the last has
 * ended. With `refuseAt`, a key already at that many hits in a running window is not counted and
 * the answer is null (the caller asks liveWindow how long it waits).
 */
export async function countHit(db: Db, limiter: string, key: string, now: Date, windowMs: number, refuseAt?: number): Promise<LiveWindow | null> {
  const at = now.toISOString();
  const running = sql`${rateLimitWindows.endsAt} > ${at}::timestamptz`;
  const [row] = await db
    .insert(rateLimitWindows)
    .values({ limiter, key, hits: 1, endsAt: new Date(now.getTime() + windowMs) })
    .onConflictDoUpdate({
      target: [rateLimitWindows.limiter, rateLimitWindows.key],
      set: {
        hits: sql`case when ${running} then ${rateLimitWindows.hits} + 1 else 1 end`,
        endsAt: sql`case when ${running} then ${rateLimitWindows.endsAt} else excluded.ends_at end`,
      },
      ...(refuseAt === undefined ? {} : { setWhere: sql`not (${running}) or ${rateLimitWindows.hits} < ${refuseAt}::bigint` }),
    })
    .returning({ hits: rateLimitWindows.hits, endsAt: rateLimitWindows.endsAt });
  return row ?? null;
}

export async function clearWindow(db: Db, limiter: string, key: string): Promise<void> {
  await db.delete(rateLimitWindows).where(and(eq(rateLimitWindows.limiter, limiter), eq(rateLimitWindows.key, key)));
}

/** Deletes the windows that ended at or before `now` (the hourly sweep); answers how many. */
export async function sweepEndedWindows(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(rateLimitWindows).where(lte(rateLimitWindows.endsAt, now)).returning({ key: rateLimitWindows.key });
  return gone.length;
}
