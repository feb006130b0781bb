import { describe, expect, it } from 'vitest';
import { DomainError } from '@parc/shared';
import { consumeAttempt, createRateLimiter, throwIfLimited } from './rate-limit.ts';

const start = new Date('2026-11-20T08:00:00Z');
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('createRateLimiter', () => {
  it.each([
    // hits recorded at these seconds, then checked at `at`: blocked for how many seconds (null = allowed)
    { hits: [0, 1], at: 2, blocked: null },
    { hits: [0, 1, 2], at: 3, blocked: 57 },
    { hits: [0, 1, 2], at: 59.5, blocked: 1 },
    { hits: [0, 1, 2], at: 60, blocked: null },
    { hits: [0, 1, 60], at: 61, blocked: null },
    { hits: [0, 60, 61, 62], at: 63, blocked: 57 },
  ])('$hits then at $at s -> $blocked', ({ hits, at, blocked }) => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    for (const second of hits) limiter.record('k', after(second));
    expect(limiter.blockedFor('k', after(at))).toBe(blocked);
  });

  it('counts keys apart and forgets a cleared key', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 });
    limiter.record('a', start);
    expect(limiter.blockedFor('a', start)).toBe(60);
    expect(limiter.blockedFor('b', start)).toBeNull();
    limiter.clear('a');
    expect(limiter.blockedFor('a', start)).toBeNull();
  });
});

describe('throwIfLimited', () => {
  it.each([
    // window length, then the message a refused caller reads right after the limit was reached
    { windowMs: 30_000, wait: '1 minute' },
    { windowMs: 60_000, wait: '1 minute' },
    { windowMs: 61_000, wait: '2 minutes' },
    { windowMs: 15 * 60_000, wait: '15 minutes' },
  ])('a $windowMs ms window says "$wait"', ({ windowMs, wait }) => {
    const limiter = createRateLimiter({ limit: 1, windowMs });
    throwIfLimited(limiter, 'k', start);
    limiter.record('k', start);
    const refusal = (() => {
      try {
        throwIfLimited(limiter, 'k', start);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'rate_limited', meta: { retryAfterSeconds: Math.ceil(windowMs / 1000) } });
    expect((refusal as DomainError).message).toContain(`wait ${wait} and`);
  });
});

describe('consumeAttempt', () => {
  it('lets `limit` attempts through, then refuses without counting the refused one', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    consumeAttempt(limiter, 'k', start);
    consumeAttempt(limiter, 'k', start);
    expect(() => consumeAttempt(limiter, 'k', start)).toThrow(/Too many attempts/);
    expect(() => consumeAttempt(limiter, 'k', after(60))).not.toThrow();
  });
});
