import ExcelJS from 'exceljs';
import { DomainError } from '@parc/shared';
import { decodeCsv, parseCsv, type CsvRow } from '@parc/shared/csv';
import { MAX_DEVICE_IMPORT_BYTES, MAX_DEVICE_IMPORT_LINES, type DeviceImportLine, type DeviceImportResult } from '@parc/shared/contracts/device-import';
import { checkDeviceImport, readDeviceImportRecords } from '@parc/shared/devices/import';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { findCoordinators } from '../coordinators/coordinators.repo.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { findSites } from '../sites/sites.repo.ts';
import { findActiveSerials } from './devices.repo.ts';
import { addDevice } from './devices.service.ts';

/** An .xlsx file is a ZIP archive: it starts with "PK\x03\x04". */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A spreadsheet cell as the text a CSV would hold; a date cell as YYYY-MM-DD. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && value !== null && 'result' in value && value.result instanceof Date) return value.result.toISOString().slice(0, 10);
  return cell.text ?? '';
}

/** The first worksheet's rows as CSV records (blank rows skipped, like a CSV's blank lines). */
async function readWorkbook(bytes: Uint8Array): Promise<CsvRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new DomainError('device_import.unreadable');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new DomainError('device_import.empty');
  // Refuse a huge sheet before turning each cell into text.
  if (sheet.actualRowCount > MAX_DEVICE_IMPORT_LINES + 1) throw new DomainError('device_import.too_many_lines', { lines: sheet.actualRowCount - 1, maximum: MAX_DEVICE_IMPORT_LINES });
  const records: CsvRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = Array.from({ length: row.cellCount }, (_, index) => cellText(row.getCell(index + 1)).trim());
    if (cells.some((cell) => cell !== '')) records.push({ line: row.number, cells });
  });
  return records;
}

/** An uploaded file's records: an Excel workbook, or CSV in UTF-8 or Windows-1252, comma or semicolon. */
export async function readDeviceImportFile(bytes: Uint8Array): Promise<CsvRow[]> {
  if (bytes.length > MAX_DEVICE_IMPORT_BYTES) throw new DomainError('device_import.too_large', { maximum: MAX_DEVICE_IMPORT_BYTES });
  if (isZip(bytes)) return readWorkbook(bytes);
  return parseCsv(decodeCsv(bytes).text);
}

/**
 * Devices from a file for one customer. Preview judges every line; commit creates every device (with
 * its counters and starting values through the readings writer) in one transaction, or nothing
 * when any line is wrong (`refused` then holds the per-line errors).
 */
export async function importDevices(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  user: SessionUser,
  customerId: string,
  bytes: Uint8Array,
  mode: 'preview' | 'commit',
): Promise<{ refused: false; result: DeviceImportResult } | { refused: true; lines: DeviceImportLine[] }> {
  const customer = await getCustomer(deps.db, user, customerId);
  if (mode === 'commit' && !customer.active) throw new DomainError('customer.inactive', { field: 'customerId' });
  const rows = readDeviceImportRecords(await readDeviceImportFile(bytes));
  const now = deps.clock();
  return deps.db.transaction(async (tx: Db) => {
    const serials = rows.flatMap((row) => (row.values.serial ? [row.values.serial] : []));
    const [sites, coordinators, activeSerials] = await Promise.all([findSites(tx, user, customerId, true), findCoordinators(tx, user, customerId, true), findActiveSerials(tx, user.partnerId, serials)]);
    const lines = checkDeviceImport(rows, {
      sitesByName: new Map(sites.map((site) => [site.name.trim().toLocaleLowerCase('fr'), site.id])),
      coordinatorsByEmail: new Map(coordinators.filter((row) => row.email).map((row) => [row.email!.trim().toLocaleLowerCase('fr'), row.id])),
      activeSerials,
      today: now.toISOString().slice(0, 10),
    });
    if (mode === 'preview') return { refused: false, result: { mode, created: 0, lines } };
    if (lines.some((line) => line.status === 'error')) return { refused: true, lines };
    for (const [index, { device }] of lines.entries()) {
      await addDevice(tx, user, customerId, { ...device!, internalNumber: null, location: null, installedAt: device!.installedAt ?? undefined }, now, `lines.${index}.`);
    }
    return { refused: false, result: { mode, created: lines.length, lines } };
  });
}
