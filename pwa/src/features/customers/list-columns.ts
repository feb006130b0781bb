/** The customers list's columns and the display options a user may save for them. */
import type { ListPreferences } from '@parc/shared/contracts/preferences';

/** In display order; the name is always shown (it opens the customer). */
export const CUSTOMER_COLUMNS = ['prefix', 'sites', 'billingType', 'agent', 'devices', 'lastMonthPages'] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

export const ROWS_PER_PAGE_CHOICES = [0, 10, 20, 50, 100] as const;

export const DEFAULT_CUSTOMER_LIST: ListPreferences = { visibleColumns: [...CUSTOMER_COLUMNS], rowsPerPage: 0 };

/** Rows of an "auto" page: what fits a tablet screen without scrolling far. */
export const AUTO_ROWS = 20;

/** The columns to show, in the list's order, from saved options that may name columns that no longer exist. */
export function visibleColumns(preferences: ListPreferences | null): CustomerColumn[] {
  const chosen = new Set((preferences ?? DEFAULT_CUSTOMER_LIST).visibleColumns);
  return CUSTOMER_COLUMNS.filter((column) => chosen.has(column));
}

export function pageSizeOf(preferences: ListPreferences | null): number {
  const rows = (preferences ?? DEFAULT_CUSTOMER_LIST).rowsPerPage;
  return rows === 0 ? AUTO_ROWS : rows;
}

/** Turns one column on or off, keeping the list's order. */
export function toggleColumn(preferences: ListPreferences, column: CustomerColumn, shown: boolean): ListPreferences {
  const current = new Set(visibleColumns(preferences));
  if (shown) current.add(column);
  else current.delete(column);
  return { ...preferences, visibleColumns: CUSTOMER_COLUMNS.filter((candidate) => current.has(candidate)) };
}

/** Page numbers count from 1; a list always has at least one page. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
