import { describe, expect, it } from 'vitest';
import { formatBucket, formatCount, formatDate } from './format.ts';
import { fillText } from './fill-text.ts';

describe('console formats', () => {
  it.each([
    ['fr', 1548, '1 548'],
    ['de', 1548, "1'548"],
    ['en', 1548, '1,548'],
  ] as const)('counts in %s', (language, value, text) => {
    expect(formatCount(language, value).replace(/\u202f|\u00a0/g, ' ')).toBe(text);
  });

  it.each([
    ['en', '2026-11', 'Nov 26'],
    ['en', '2026-11-05', '5 Nov'],
  ] as const)('buckets in %s: %s', (language, key, text) => {
    expect(formatBucket(language, key)).toBe(text);
  });

  it.each([
    ['fr', '2022-09-04', '04.09.2022'],
    ['de', '2022-09-04', '04.09.2022'],
    ['en', '2022-09-04', '04/09/2022'],
    ['en', null, '—'],
  ] as const)('dates in %s: %s', (language, date, text) => {
    expect(formatDate(language, date)).toBe(text);
  });

  it.each([
    ['{count} pages', { count: 3 }, '3 pages'],
    ['{count} of {total}', { count: 3 }, '3 of {total}'],
  ])('fills %s', (text, params, filled) => {
    expect(fillText(text, params)).toBe(filled);
  });
});
