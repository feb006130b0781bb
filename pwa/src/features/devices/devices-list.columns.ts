/** The devices list's columns: which exist, which show by default, how saved options are read back. */
import type { DeviceSort } from '@parc/shared/contracts/device-console';
import type { ListPreferences } from '@parc/shared/contracts/preferences';
import type { MessageKey } from '../../i18n/catalogue.ts';

export const DEVICE_COLUMNS = ['state', 'id', 'alert', 'supplies', 'counters', 'connection', 'site', 'customer', 'model', 'lastReading'] as const;
export type DeviceColumn = (typeof DEVICE_COLUMNS)[number];

export const COLUMN_LABELS: Record<DeviceColumn, MessageKey> = {
  state: 'devices.column.state',
  id: 'devices.column.id',
  alert: 'devices.column.alert',
  supplies: 'devices.column.supplies',
  counters: 'devices.column.counters',
  connection: 'devices.column.connection',
  site: 'devices.column.site',
  customer: 'devices.column.customer',
  model: 'devices.column.model',
  lastReading: 'devices.column.lastReading',
};

/** Columns a header click sorts by. */
export const COLUMN_SORTS: Partial<Record<DeviceColumn, DeviceSort>> = {
  state: 'state',
  id: 'deviceCode',
  counters: 'total',
  site: 'site',
  customer: 'customer',
  model: 'model',
  lastReading: 'lastReadingAt',
};

export const DEFAULT_PREFERENCES: ListPreferences = { visibleColumns: ['state', 'id', 'alert', 'supplies', 'counters', 'connection', 'site', 'customer'], rowsPerPage: 20 };

/** The saved options with unknown columns dropped; the ID column always shows (it opens the device). */
export function effectivePreferences(saved: ListPreferences | null): { columns: DeviceColumn[]; rowsPerPage: number } {
  const chosen = (saved ?? DEFAULT_PREFERENCES).visibleColumns.filter((column): column is DeviceColumn => (DEVICE_COLUMNS as readonly string[]).includes(column));
  const columns = DEVICE_COLUMNS.filter((column) => column === 'id' || chosen.includes(column));
  const rows = saved?.rowsPerPage ?? DEFAULT_PREFERENCES.rowsPerPage;
  // 0 means "auto" in the shared preferences; a table page of 20 fits a tablet.
  return { columns, rowsPerPage: rows === 0 ? 20 : rows };
}
