import { describe, expect, it } from 'vitest';
import { allSelected, selectedAmong, withChecked } from './selection.ts';

describe('a list selection', () => {
  it('checks and unchecks rows, one or all at once, without touching the set it was given', () => {
    const none = new Set<string>();
    const two = withChecked(none, ['a', 'b'], true);
    expect([...two]).toEqual(['a', 'b']);
    expect(none.size).toBe(0);
    expect([...withChecked(two, ['a'], false)]).toEqual(['b']);
    expect([...withChecked(two, ['b', 'c'], true)]).toEqual(['a', 'b', 'c']);
  });

  it('keeps only the rows still listed, in the list’s order', () => {
    const selected = new Set(['c', 'gone', 'a']);
    expect(selectedAmong(selected, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(selectedAmong(selected, [])).toEqual([]);
  });

  it('checks the "all" box only when every listed row is selected, and never for an empty list', () => {
    expect(allSelected(new Set(['a', 'b', 'gone']), ['a', 'b'])).toBe(true);
    expect(allSelected(new Set(['a']), ['a', 'b'])).toBe(false);
    expect(allSelected(new Set(['a']), [])).toBe(false);
  });
});
