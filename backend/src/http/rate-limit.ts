import type { Context } from 'hono';
import { DomainError } from '@parc/shared';

/**
 * A fixed-window counter per key, in this process's memory: enough for one Parc server.
 * Several processes (or Worker isolates) each count on their own, so the real limit is
 * multiplied by their number; a shared store would be needed to make it exact.
 */
export interface RateLimiter {
  /** Null when `key` may go on, else the seconds until its window ends. */
  blockedFor(key: string, now: Date): number | null;
  record(key: string, now: Date): void;
  clear(key: string): void;
}

/** Past this many keys, expired windows are swept so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  const live = (key: string, at: number) => {
    const window = windows.get(key);
    return window && window.endsAt > at ? window : undefined;
  };
  return {
    blockedFor(key, now) {
      const window = live(key, now.getTime());
      return window && window.count >= limit ? Math.ceil((window.endsAt - now.getTime()) / 1000) : null;
    },
    record(key, now) {
      const at = now.getTime();
      const window = live(key, at);
      if (window) window.count += 1;
      else windows.set(key, { count: 1, endsAt: at + windowMs });
      if (windows.size > SWEEP_ABOVE) {
        for (const [k, w] of windows) if (w.endsAt <= at) windows.delete(k);
      }
    },
    clear(key) {
      windows.delete(key);
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

/** 429 with the wait in minutes, a unit a person can act on, when `key` is over its limit. */
export function throwIfLimited(limiter: RateLimiter, key: string, now: Date): void {
  const seconds = limiter.blockedFor(key, now);
  if (seconds === null) return;
  const minutes = Math.ceil(seconds / 60);
  throw new DomainError('auth.too_many_attempts', { minutes, retryAfterSeconds: seconds });
}

/** Counts one attempt against `key`, refusing it first when the key is already over its limit. */
export function consumeAttempt(limiter: RateLimiter, key: string, now: Date): void {
  throwIfLimited(limiter, key, now);
  limiter.record(key, now);
}
