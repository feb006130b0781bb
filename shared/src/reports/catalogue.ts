import { LINE_KINDS } from '../billing/pricing.ts';
import { BILLING_RUN_STATUSES } from '../contracts/billing.ts';
import { COUNTER_KINDS, READING_SOURCES, READING_STATUSES } from '../meters/counters.ts';
import { ORDER_STATUSES, ORDER_TRIGGERS, SUPPLY_COLOURS, SUPPLY_KINDS } from '../supplies/kinds.ts';
import { REQUEST_STATES } from '../tickets/states.ts';
import type { Screen } from '../contracts/profiles.ts';
import type { ReportSource } from './vocabulary.ts';

/**
 * What each report source offers: its columns (with the type a spreadsheet cell gets), the states
 * its "state" filter knows, whether it covers a period, and the order rows come in by default.
 * The backend maps each column to SQL; the console builds own reports from this list.
 */

/**
 * - `text`, `integer`, `decimal`: as they are (decimals arrive as exact strings);
 * - `date`, `datetime`: a day, an instant (shown in the dealer's time zone);
 * - `month`: `YYYY-MM`;
 * - `code`: one of a closed list of words (a status, a counter kind), written in the reader's language.
 */
export const COLUMN_TYPES = ['text', 'integer', 'decimal', 'date', 'datetime', 'month', 'code'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnSpec {
  key: string;
  type: ColumnType;
  /** For `code` columns: the words a value may be (their labels are in the reports' catalogue). */
  codes?: readonly string[];
}

export interface SourceSpec {
  columns: readonly ColumnSpec[];
  /** Values of the "state" filter, in the order the console offers them. */
  states: readonly string[];
  /** The `code` column whose words name those states. */
  stateColumn: string | null;
  /** Rows carry a date the period filter applies to. */
  periodic: boolean;
  defaultSort: { column: string; direction: 'asc' | 'desc' };
}

/** An agent's state as the console's agents screen says it (a shared credential's "ambiguous" is not told apart here). */
const AGENT_STATES = ['new', 'connected', 'disconnected'] as const;
const DEVICE_STATES = ['active', 'inactive'] as const;
const SUPPLY_LEVEL_STATES = ['empty', 'low', 'ok', 'unknown'] as const;
const YES_NO = ['yes', 'no'] as const;

const text = (key: string): ColumnSpec => ({ key, type: 'text' });
const integer = (key: string): ColumnSpec => ({ key, type: 'integer' });
const code = (key: string, codes: readonly string[]): ColumnSpec => ({ key, type: 'code', codes });
const at = (key: string): ColumnSpec => ({ key, type: 'datetime' });

/** Where a device is and what it is: the first columns of most sources. */
const DEVICE_COLUMNS = [text('customerNumber'), text('customerName'), text('siteName'), text('deviceCode'), text('manufacturer'), text('model'), text('serial')];

export const SOURCES: Record<ReportSource, SourceSpec> = {
  devices: {
    columns: [
      ...DEVICE_COLUMNS,
      text('internalNumber'),
      text('location'),
      text('ip'),
      code('colourCapable', YES_NO),
      code('deviceState', DEVICE_STATES),
      { key: 'installedAt', type: 'date' },
      at('lastReadingAt'),
      integer('lastTotal'),
    ],
    states: DEVICE_STATES,
    stateColumn: 'deviceState',
    periodic: false,
    defaultSort: { column: 'deviceCode', direction: 'asc' },
  },
  volumes: {
    columns: [{ key: 'month', type: 'month' }, ...DEVICE_COLUMNS, integer('monoPages'), integer('colourPages'), integer('totalPages')],
    states: [],
    stateColumn: null,
    periodic: true,
    defaultSort: { column: 'month', direction: 'asc' },
  },
  readings: {
    columns: [at('takenAt'), ...DEVICE_COLUMNS, code('counter', COUNTER_KINDS), integer('value'), code('readingSource', READING_SOURCES), code('readingStatus', READING_STATUSES), text('enteredBy')],
    states: READING_STATUSES,
    stateColumn: 'readingStatus',
    periodic: true,
    defaultSort: { column: 'takenAt', direction: 'desc' },
  },
  supplies: {
    columns: [
      ...DEVICE_COLUMNS,
      text('supplyName'),
      code('supplyKind', SUPPLY_KINDS),
      code('supplyColour', SUPPLY_COLOURS),
      text('partNumber'),
      integer('levelPercent'),
      code('levelState', SUPPLY_LEVEL_STATES),
      at('readAt'),
    ],
    states: SUPPLY_LEVEL_STATES,
    stateColumn: 'levelState',
    periodic: false,
    defaultSort: { column: 'deviceCode', direction: 'asc' },
  },
  orders: {
    columns: [
      text('orderCode'),
      code('orderStatus', ORDER_STATUSES),
      code('orderTrigger', ORDER_TRIGGERS),
      ...DEVICE_COLUMNS,
      text('supplyName'),
      text('partNumber'),
      at('createdAt'),
      at('shippedAt'),
      at('deliveredAt'),
      text('carrier'),
      text('trackingNumber'),
    ],
    states: ORDER_STATUSES,
    stateColumn: 'orderStatus',
    periodic: true,
    defaultSort: { column: 'createdAt', direction: 'desc' },
  },
  requests: {
    columns: [text('subject'), code('requestState', REQUEST_STATES), ...DEVICE_COLUMNS, text('technician'), at('createdAt'), at('updatedAt')],
    states: REQUEST_STATES,
    stateColumn: 'requestState',
    periodic: true,
    defaultSort: { column: 'createdAt', direction: 'desc' },
  },
  agents: {
    columns: [text('agentName'), text('customerNumber'), text('customerName'), code('agentState', AGENT_STATES), at('lastContactAt'), text('agentVersion'), text('hostname'), integer('deviceCount')],
    states: AGENT_STATES,
    stateColumn: 'agentState',
    periodic: false,
    defaultSort: { column: 'customerNumber', direction: 'asc' },
  },
  billing_lines: {
    columns: [
      { key: 'period', type: 'month' },
      text('customerNumber'),
      text('customerName'),
      code('billingState', BILLING_RUN_STATUSES),
      code('lineKind', LINE_KINDS),
      text('deviceCode'),
      text('model'),
      code('counter', COUNTER_KINDS),
      integer('quantity'),
      integer('included'),
      integer('billed'),
      { key: 'unitPrice', type: 'decimal' },
      { key: 'amount', type: 'decimal' },
      text('currency'),
    ],
    states: BILLING_RUN_STATUSES,
    stateColumn: 'billingState',
    periodic: true,
    defaultSort: { column: 'period', direction: 'desc' },
  },
};

export function columnOf(source: ReportSource, key: string): ColumnSpec | undefined {
  return SOURCES[source].columns.find((column) => column.key === key);
}

/** Every column key any source has (one label each in the catalogues). */
export const ALL_COLUMN_KEYS = [...new Set(Object.values(SOURCES).flatMap((source) => source.columns.map((column) => column.key)))];

/** The console screen whose view a source's rows need: a report never shows what its reader's profile hides. */
export const SOURCE_SCREENS: Record<ReportSource, Screen> = {
  devices: 'devices',
  volumes: 'devices',
  readings: 'readings',
  supplies: 'consumables',
  orders: 'consumables',
  requests: 'maintenance',
  agents: 'agents',
  billing_lines: 'billing',
};
