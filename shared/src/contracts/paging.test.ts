import { describe, expect, it } from 'vitest';
import { activeFilterSchema, hasSomeField, optionalText, pageQuerySchema } from './paging.ts';

describe('optionalText', () => {
  it.each([
    [undefined, undefined],
    [null, null],
    ['', null],
    ['   ', null],
    [' Lille ', 'Lille'],
  ])('%j -> %j', (input, expected) => {
    expect(optionalText(10).parse(input)).toBe(expected);
  });

  it('refuses text over the limit', () => {
    expect(optionalText(3).safeParse('abcd').success).toBe(false);
  });
});

describe('pageQuerySchema', () => {
  it.each([
    [{}, { page: 1, pageSize: 50 }],
    [{ page: '3', pageSize: '10' }, { page: 3, pageSize: 10 }],
  ])('%j -> %j', (input, expected) => {
    expect(pageQuerySchema.parse(input)).toEqual(expected);
  });

  it.each([{ page: '0' }, { pageSize: '201' }, { page: '1.5' }])('refuses %j', (input) => {
    expect(pageQuerySchema.safeParse(input).success).toBe(false);
  });
});

describe('activeFilterSchema', () => {
  it.each([
    ['true', true],
    ['false', false],
  ])('%s -> %s', (input, expected) => {
    expect(activeFilterSchema.parse(input)).toBe(expected);
  });

  it('refuses anything else', () => {
    expect(activeFilterSchema.safeParse('yes').success).toBe(false);
  });
});

describe('hasSomeField', () => {
  it.each([
    [{}, false],
    [{ name: undefined }, false],
    [{ name: null }, true],
    [{ active: false }, true],
  ])('%j -> %s', (input, expected) => {
    expect(hasSomeField(input)).toBe(expected);
  });
});
