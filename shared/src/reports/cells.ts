import { amount } from '../billing/money.ts';
import type { Language } from '../languages.ts';
import type { ColumnSpec, ColumnType } from './catalogue.ts';
import { codeLabel } from './labels.ts';

/**
 * How a value from the database becomes a cell: text in a CSV file, a typed cell in a workbook.
 * Dates and instants arrive as the dealer's wall-clock time (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM`):
 * the database converts them, and a spreadsheet has no time zones.
 */

export interface CellContext {
  language: Language;
}

export type SheetValue = string | number | Date | null;

/** `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM` as a date cell (exceljs writes a Date's UTC fields). */
function wallClockDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[ T](\d{2}):(\d{2}))?)?/.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1), Number(hour ?? 0), Number(minute ?? 0)));
}

/** A text a spreadsheet would run as a formula (= + - @, or a tab or CR before one) gets an apostrophe first. */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A decimal string as a numeric cell when the double holds it exactly (15 significant digits or fewer), else as text. */
export function exactNumber(decimal: string): number | string {
  const number = Number(decimal);
  return Number.isFinite(number) && amount(number).equals(amount(decimal)) ? number : decimal;
}

export function csvCell(column: ColumnSpec, value: unknown, context: CellContext): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'text':
      return inertText(String(value));
    case 'integer':
    case 'decimal':
    case 'month':
    case 'date':
    case 'datetime':
      return String(value);
    case 'code':
      return codeLabel(column.key, String(value), context.language);
  }
}

export function sheetCell(column: ColumnSpec, value: unknown, context: CellContext): SheetValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'text':
      return String(value);
    case 'integer':
      return Number(value);
    case 'decimal':
      return typeof value === 'number' ? value : exactNumber(String(value));
    case 'date':
    case 'datetime':
    case 'month':
      return wallClockDate(String(value));
    case 'code':
      return codeLabel(column.key, String(value), context.language);
  }
}

/** The number format a workbook column gets. */
export const SHEET_FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  code: undefined,
  integer: '#,##0',
  decimal: '#,##0.00####',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  month: 'yyyy-mm',
};
