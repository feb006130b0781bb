import { describe, expect, it } from 'vitest';
import { createRandom, mulberry32 } from './random.ts';

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays within [0, 1) and spreads over the range', () => {
    const values = Array.from({ length: 10_000 }, mulberry32(7));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe('createRandom', () => {
  it('draws integers within both bounds, reaching each of them', () => {
    const random = createRandom(1);
    const values = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });

  it.each([
    ['####R######', /^\d{4}R\d{6}$/],
    ['@@@#####', /^[A-Z]{3}\d{5}$/],
    ['CNB*******', /^CNB[A-Z0-9]{7}$/],
    ['7562-##@', /^7562-\d\d[A-Z]$/],
  ])('fills the template %s', (template, shape) => {
    const random = createRandom(9);
    for (let i = 0; i < 20; i++) expect(random.pattern(template)).toMatch(shape);
  });
});
