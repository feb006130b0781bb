import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight.ts';

describe('singleFlight', () => {
  it('runs one pass at a time and one more for calls made during a run', async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    const run = singleFlight(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      passes += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
    });
    await Promise.all([run(), run(), run()]);
    expect(maxActive).toBe(1);
    expect(passes).toBe(2);
  });

  it('does not lose a call made while a pass that already gave up is still settling', async () => {
    let online = false;
    const seen: boolean[] = [];
    const run = singleFlight(async () => seen.push(online));
    const first = run();
    online = true;
    await run();
    await first;
    expect(seen).toEqual([false, true]);
  });
});

describe('singleFlight at the end of a run', () => {
  it('starts a new run for a call made just after the last pass ended', async () => {
    let passes = 0;
    const run = singleFlight(async () => {
      passes += 1;
    });
    const first = run();
    // Let the first run's only pass finish, but not any `.finally` a caller may chain.
    await Promise.resolve();
    await Promise.resolve();
    await run();
    await first;
    expect(passes).toBe(2);
  });
});
