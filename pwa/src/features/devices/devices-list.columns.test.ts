import { describe, expect, it } from 'vitest';
import { effectivePreferences } from './devices-list.columns.ts';

describe('effectivePreferences', () => {
  it.each([
    ['defaults without saved options', null, ['state', 'id', 'alert', 'supplies', 'counters', 'connection', 'site', 'customer'], 20],
    ['keeps known columns in the table order and always the ID', { visibleColumns: ['site', 'bogus', 'state'], rowsPerPage: 50 as const }, ['state', 'id', 'site'], 50],
    ['auto rows become 20', { visibleColumns: ['id'], rowsPerPage: 0 as const }, ['id'], 20],
  ])('%s', (_name, saved, columns, rows) => {
    expect(effectivePreferences(saved)).toEqual({ columns, rowsPerPage: rows });
  });
});
