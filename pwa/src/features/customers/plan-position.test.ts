import { describe, expect, it } from 'vitest';
import { pointInPercent } from './plan-position.ts';

const box = { left: 100, top: 50, width: 400, height: 200 };

describe('pointInPercent', () => {
  it.each([
    [100, 50, { x: 0, y: 0 }],
    [300, 150, { x: 50, y: 50 }],
    [500, 250, { x: 100, y: 100 }],
    [600, 0, { x: 100, y: 0 }],
    [101, 51, { x: 0.3, y: 0.5 }],
  ])('a tap at (%i, %i) is %o', (x, y, point) => {
    expect(pointInPercent(box, x, y)).toEqual(point);
  });
});
