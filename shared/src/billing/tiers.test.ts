import { describe, expect, it } from 'vitest';
import { tieredAmount, tieredLines, tierProblem } from './tiers.ts';

// The manual's worked example ("Facturation à la page avec seuils").
const MONO = [
  { from: 1, price: '10' },
  { from: 101, price: '8' },
  { from: 1_001, price: '6' },
  { from: 10_001, price: '4' },
];
const COLOUR = [
  { from: 1, price: '12' },
  { from: 101, price: '10.5' },
  { from: 1_001, price: '7.75' },
  { from: 10_001, price: '5.20' },
];

describe('tiered prices', () => {
  it('comes out exactly as the manual: 13,207 mono pages → 75,028', () => {
    expect(tieredLines(13_207, MONO).map((line) => [line.from, line.to, line.pages, line.amount.toString()])).toEqual([
      [1, 100, 100, '1000'],
      [101, 1_000, 900, '7200'],
      [1_001, 10_000, 9_000, '54000'],
      [10_001, null, 3_207, '12828'],
    ]);
    expect(tieredAmount(13_207, MONO).toString()).toBe('75028');
  });

  it('comes out exactly as the manual: 11,216 colour pages → 86,723.2, without binary float drift', () => {
    expect(tieredLines(11_216, COLOUR).at(-1)!.amount.toString()).toBe('6323.2');
    expect(tieredAmount(11_216, COLOUR).toString()).toBe('86723.2');
  });

  it.each([
    [0, '0'],
    [1, '10'],
    [100, '1000'],
    [101, '1008'],
    [1_000, '8200'],
    [1_001, '8206'],
  ])('%i pages → %s', (pages, expected) => {
    expect(tieredAmount(pages, MONO).toString()).toBe(expected);
  });

  it('prices a page at 0.0085 exactly', () => {
    expect(tieredAmount(1_234_567, [{ from: 1, price: '0.0085' }]).toString()).toBe('10493.8195');
  });

  it.each([
    [[{ from: 2, price: '1' }], { index: 0, problem: 'first_not_one' }],
    [[{ from: 1, price: '1' }, { from: 1, price: '2' }], { index: 1, problem: 'not_increasing' }],
    [[{ from: 1, price: '1' }, { from: 50, price: '2' }, { from: 20, price: '3' }], { index: 2, problem: 'not_increasing' }],
    [MONO, null],
  ])('checks the bands %j', (tiers, problem) => {
    expect(tierProblem(tiers)).toEqual(problem);
  });
});
