import type { Context } from 'hono';
import { DomainError } from '@parc/shared';
import type { Db } from '../db/client.ts';
import { clearWindow, countHit, liveWindow } from './rate-limit.repo.ts';

/**
 * A fixed-window counter per key, kept in the database (rate_limit_windows): every Parc process on
 * one PostgreSQL, and every Worker isolate behind Hyperdrive, counts the same attempts, so the
 * limit holds whatever the number of instances. On the embedded PGlite it is the same table.
 * Each limiter has a name; two limiters with the same name share their counts.
 */
export interface RateLimiter {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  /** Null when `key` may go on, else the seconds until its window ends. */
  blockedFor(db: Db, key: string, now: Date): Promise<number | null>;
  record(db: Db, key: string, now: Date): Promise<void>;
  clear(db: Db, key: string): Promise<void>;
  /** Counts one attempt unless `key` is already at its limit: null when counted, else the seconds to wait. */
  consume(db: Db, key: string, now: Date): Promise<number | null>;
}

const secondsUntil = (endsAt: Date, now: Date) => Math.max(1, Math.ceil((endsAt.getTime() - now.getTime()) / 1000));

export function createRateLimiter(name: string, { limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const blockedFor = async (db: Db, key: string, now: Date) => {
    const window = await liveWindow(db, name, key, now);
    return window && window.hits >= limit ? secondsUntil(window.endsAt, now) : null;
  };
  return {
    name,
    limit,
    windowMs,
    blockedFor,
    async record(db, key, now) {
      await countHit(db, name, key, now, windowMs);
    },
    async clear(db, key) {
      await clearWindow(db, name, key);
    },
    async consume(db, key, now) {
      if (await countHit(db, name, key, now, windowMs, limit)) return null;
      // Refused: the window is running (it may have ended in between: then the next try goes through).
      return (await blockedFor(db, key, now)) ?? 1;
    },
  };
}

/**
 * The caller's address for rate limiting: the socket on Node (not spoofable; behind a proxy it is
 * the proxy, so callers add something else to the key where they can), Cloudflare's header on Workers.
 */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? c.req.header('cf-connecting-ip') ?? 'unknown';
}

/** 429 with the wait in minutes, a unit a person can act on. */
function tooManyAttempts(seconds: number): DomainError {
  return new DomainError('auth.too_many_attempts', { minutes: Math.ceil(seconds / 60), retryAfterSeconds: seconds });
}

/** Refuses (429) when `key` is over its limit, without counting. */
export async function throwIfLimited(limiter: RateLimiter, db: Db, key: string, now: Date): Promise<void> {
  const seconds = await limiter.blockedFor(db, key, now);
  if (seconds !== null) throw tooManyAttempts(seconds);
}

/** Counts one attempt against `key`, refusing it (429, not counted) when the key is already at its limit. */
export async function consumeAttempt(limiter: RateLimiter, db: Db, key: string, now: Date): Promise<void> {
  const seconds = await limiter.consume(db, key, now);
  if (seconds !== null) throw tooManyAttempts(seconds);
}
