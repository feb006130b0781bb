import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Language } from '@parc/shared';
import { csvRecord } from '@parc/shared/csv';
import type { ColumnSpec } from '@parc/shared/reports/catalogue';
import { csvCell, SHEET_FORMATS, sheetCell } from '@parc/shared/reports/cells';
import { columnLabel } from '@parc/shared/reports/labels';
import type { CsvSeparator, ReportFormat } from '@parc/shared/reports/vocabulary';
import type { Row } from './rows.ts';

/**
 * Report files written row by row into a stream: CSV (UTF-8 with a byte-order mark, so Excel reads
 * the accents) or XLSX through exceljs's streaming writer (each row is committed and leaves memory;
 * typed cells, the header row frozen and filtered). Memory stays flat whatever the row count.
 */

export interface FileWriter {
  rows(rows: readonly Row[]): Promise<void>;
  end(): Promise<void>;
}

export interface FileOptions {
  format: ReportFormat;
  separator: CsvSeparator;
  language: Language;
  columns: readonly ColumnSpec[];
  sheetName: string;
}

/** Resolves once `out` took the chunk (backpressure: a slow sink slows the writer down). */
const writeTo = (out: Writable, chunk: string) =>
  new Promise<void>((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve())));

function csvWriter(out: Writable, options: FileOptions): FileWriter {
  const context = { language: options.language };
  let started = false;
  return {
    async rows(rows) {
      let text = started ? '' : `\uFEFF${csvRecord(options.columns.map((column) => columnLabel(column.key, options.language)), options.separator)}`;
      started = true;
      for (const row of rows) text += csvRecord(options.columns.map((column) => csvCell(column, row[column.key], context)), options.separator);
      await writeTo(out, text);
    },
    async end() {
      if (!started) await this.rows([]);
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    },
  };
}

/** Excel caps sheet names at 31 characters and forbids a few. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Report';

function xlsxWriter(out: Writable, options: FileOptions): FileWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Parc';
  const sheet = workbook.addWorksheet(sheetName(options.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((column) => ({
    header: columnLabel(column.key, options.language),
    key: column.key,
    width: column.type === 'text' ? 22 : 16,
    ...(SHEET_FORMATS[column.type] ? { style: { numFmt: SHEET_FORMATS[column.type] } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: options.columns.length } };
  const context = { language: options.language };
  return {
    async rows(rows) {
      for (const row of rows) sheet.addRow(options.columns.map((column) => sheetCell(column, row[column.key], context))).commit();
      // Let the zip stream drain into the sink between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function createFileWriter(out: Writable, options: FileOptions): FileWriter {
  return options.format === 'csv' ? csvWriter(out, options) : xlsxWriter(out, options);
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A Writable that hands the bytes on in pieces of about `size` bytes (the last one smaller), each
 * awaited before more is accepted.
 */
export function chunkingSink(size: number, store: (chunk: Uint8Array) => Promise<void>): Writable & { bytes: () => number } {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let total = 0;
  const flush = async () => {
    if (pendingLength === 0) return;
    const chunk = Buffer.concat(pending, pendingLength);
    pending = [];
    pendingLength = 0;
    await store(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  };
  const sink = new Writable({
    write(chunk: Buffer | string, encoding, callback) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      pending.push(buffer);
      pendingLength += buffer.length;
      total += buffer.length;
      if (pendingLength < size) return callback();
      flush().then(() => callback(), callback);
    },
    final(callback) {
      flush().then(() => callback(), callback);
    },
  });
  return Object.assign(sink, { bytes: () => total });
}
