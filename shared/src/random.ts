/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every run and platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Fills a template: `#` a digit, `@` an upper-case letter, `*` either; anything else is kept. */
  pattern(template: string): string;
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[int(0, items.length - 1)]!;
  };
  const character = (slot: string) =>
    slot === '#' ? pick([...DIGITS]) : slot === '@' ? pick([...LETTERS]) : slot === '*' ? pick([...DIGITS, ...LETTERS]) : slot;
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    pick,
    pattern: (template) => [...template].map(character).join(''),
  };
}
