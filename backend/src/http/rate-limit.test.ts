import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@parc/shared';
import type { Database } from '../db/client.ts';
import { TESTABLE_KINDS, createTestDatabase } from '../test/database.ts';
import { consumeAttempt, createRateLimiter, throwIfLimited } from './rate-limit.ts';
import { sweepEndedWindows } from './rate-limit.repo.ts';

const start = new Date('2026-11-20T08:00:00Z');
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);
let sequence = 0;
/** A limiter of its own per case: the counters live in the database the cases share. */
const fresh = (limits: { limit: number; windowMs: number }) => createRateLimiter(`test.${++sequence}`, limits);

describe.each(TESTABLE_KINDS)('rate limits on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());
  const db = () => database.db;

  describe('createRateLimiter', () => {
    it.each([
      // hits recorded at these seconds, then checked at `at`: blocked for how many seconds (null = allowed)
      { hits: [0, 1], at: 2, blocked: null },
      { hits: [0, 1, 2], at: 3, blocked: 57 },
      { hits: [0, 1, 2], at: 59.5, blocked: 1 },
      { hits: [0, 1, 2], at: 60, blocked: null },
      { hits: [0, 1, 60], at: 61, blocked: null },
      { hits: [0, 60, 61, 62], at: 63, blocked: 57 },
    ])('$hits then at $at s -> $blocked', async ({ hits, at, blocked }) => {
      const limiter = fresh({ limit: 3, windowMs: 60_000 });
      for (const second of hits) await limiter.record(db(), 'k', after(second));
      expect(await limiter.blockedFor(db(), 'k', after(at))).toBe(blocked);
    });

    it('counts keys apart and forgets a cleared key', async () => {
      const limiter = fresh({ limit: 1, windowMs: 60_000 });
      await limiter.record(db(), 'a', start);
      expect(await limiter.blockedFor(db(), 'a', start)).toBe(60);
      expect(await limiter.blockedFor(db(), 'b', start)).toBeNull();
      await limiter.clear(db(), 'a');
      expect(await limiter.blockedFor(db(), 'a', start)).toBeNull();
    });

    it('two limiters with the same name count together (two instances of one route)', async () => {
      const one = createRateLimiter('test.shared-name', { limit: 2, windowMs: 60_000 });
      const other = createRateLimiter('test.shared-name', { limit: 2, windowMs: 60_000 });
      await one.record(db(), 'k', start);
      await other.record(db(), 'k', start);
      expect(await one.blockedFor(db(), 'k', start)).toBe(60);
      expect(await other.blockedFor(db(), 'k', start)).toBe(60);
    });
  });

  describe('throwIfLimited', () => {
    it.each([
      // window length, then the message a refused caller reads right after the limit was reached
      { windowMs: 30_000, wait: '1 minute' },
      { windowMs: 60_000, wait: '1 minute' },
      { windowMs: 61_000, wait: '2 minutes' },
      { windowMs: 15 * 60_000, wait: '15 minutes' },
    ])('a $windowMs ms window says "$wait"', async ({ windowMs, wait }) => {
      const limiter = fresh({ limit: 1, windowMs });
      await throwIfLimited(limiter, db(), 'k', start);
      await limiter.record(db(), 'k', start);
      const refusal = await throwIfLimited(limiter, db(), 'k', start).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: 'rate_limited', meta: { retryAfterSeconds: Math.ceil(windowMs / 1000) } });
      expect((refusal as DomainError).message).toContain(`wait ${wait} and`);
    });
  });

  describe('consumeAttempt', () => {
    it('lets `limit` attempts through, then refuses without counting the refused one', async () => {
      const limiter = fresh({ limit: 2, windowMs: 60_000 });
      await consumeAttempt(limiter, db(), 'k', start);
      await consumeAttempt(limiter, db(), 'k', start);
      await expect(consumeAttempt(limiter, db(), 'k', after(30))).rejects.toMatchObject({ code: 'rate_limited', meta: { retryAfterSeconds: 30 } });
      await expect(consumeAttempt(limiter, db(), 'k', after(60))).resolves.toBeUndefined();
    });

    it('lets exactly `limit` of many simultaneous attempts through (one atomic statement each)', async () => {
      const limiter = fresh({ limit: 5, windowMs: 60_000 });
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => consumeAttempt(limiter, db(), 'k', start)));
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
    });

    it('takes a very high limit (a benchmark lifts the link limits)', async () => {
      const limiter = fresh({ limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 });
      await consumeAttempt(limiter, db(), 'k', start);
      await expect(consumeAttempt(limiter, db(), 'k', start)).resolves.toBeUndefined();
    });
  });

  it('the sweep deletes ended windows and keeps running ones', async () => {
    const limiter = fresh({ limit: 1, windowMs: 60_000 });
    await limiter.record(db(), 'ended', start);
    await limiter.record(db(), 'running', after(30));
    const swept = await sweepEndedWindows(db(), after(60));
    expect(swept).toBeGreaterThanOrEqual(1);
    expect(await limiter.blockedFor(db(), 'running', after(60))).toBe(30);
    await limiter.record(db(), 'ended', after(60));
    expect(await limiter.blockedFor(db(), 'ended', after(60))).toBe(60);
  });
});
