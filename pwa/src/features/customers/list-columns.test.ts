import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOMER_LIST, pageCount, pageSizeOf, toggleColumn, visibleColumns } from './list-columns.ts';

describe('customers list display options', () => {
  it.each([
    [null, ['prefix', 'sites', 'billingType', 'agent', 'devices', 'lastMonthPages']],
    [{ visibleColumns: ['devices', 'prefix', 'gone'], rowsPerPage: 10 as const }, ['prefix', 'devices']],
    [{ visibleColumns: [], rowsPerPage: 10 as const }, []],
  ])('shows %o as %o', (preferences, columns) => {
    expect(visibleColumns(preferences)).toEqual(columns);
  });

  it.each([
    [null, 20],
    [{ visibleColumns: [], rowsPerPage: 0 as const }, 20],
    [{ visibleColumns: [], rowsPerPage: 50 as const }, 50],
  ])('pages %o by %i rows', (preferences, size) => {
    expect(pageSizeOf(preferences)).toBe(size);
  });

  it('toggles a column in place', () => {
    const hidden = toggleColumn(DEFAULT_CUSTOMER_LIST, 'agent', false);
    expect(hidden.visibleColumns).toEqual(['prefix', 'sites', 'billingType', 'devices', 'lastMonthPages']);
    expect(toggleColumn(hidden, 'agent', true).visibleColumns).toEqual(DEFAULT_CUSTOMER_LIST.visibleColumns);
  });

  it.each([
    [0, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
  ])('%i customers by %i make %i pages', (total, size, pages) => {
    expect(pageCount(total, size)).toBe(pages);
  });
});
