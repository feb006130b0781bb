import { describe, expect, it } from 'vitest';
import { createLimit } from './limit.ts';

describe('createLimit', () => {
  it.each([1, 3, 8])('never runs more than %i at once and runs everything', async (size) => {
    const limit = createLimit(size);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          peak = Math.max(peak, ++running);
          await new Promise((resolve) => setTimeout(resolve, (i % 3) + 1));
          running--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(size);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot when a work fails', async () => {
    const limit = createLimit(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
