import { describe, expect, it } from 'vitest';
import { countersForNewDevice } from './counters.ts';

describe('countersForNewDevice', () => {
  it.each([
    [false, ['total', 'mono']],
    [true, ['total', 'mono', 'colour']],
  ])('colourCapable=%s -> %j', (colourCapable, kinds) => {
    expect(countersForNewDevice(colourCapable)).toEqual(kinds);
  });
});
