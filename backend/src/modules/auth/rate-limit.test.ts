import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

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
