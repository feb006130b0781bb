/**
 * Devices from a CSV or XLSX file: the header names the columns (English, French, German, Italian),
 * each line is judged on its own and against the others and the partner's fleet. Pure, so preview
 * and commit judge alike; the server turns a spreadsheet into the same records a CSV gives.
 */
import { normalizeHeader, type CsvRow } from '../csv.ts';
import { DomainError } from '../errors.ts';
import { COUNTER_KINDS, type CounterKind } from '../meters/counters.ts';
import { MAX_READING_VALUE } from '../contracts/readings.ts';
import {
  DEVICE_IMPORT_COLUMNS,
  MAX_DEVICE_IMPORT_LINES,
  type DeviceImportCandidate,
  type DeviceImportColumn,
  type DeviceImportError,
  type DeviceImportLine,
} from '../contracts/device-import.ts';

/** Header spellings accepted per column, compared after normalizeHeader. */
const HEADER_ALIASES: Record<DeviceImportColumn, readonly string[]> = {
  serial: ['serial', 'serial number', 'serial no', 'sn', 'numero de serie', 'no de serie', 'n de serie', 'serie', 'seriennummer', 'numero di serie', 'matricola'],
  manufacturer: ['manufacturer', 'make', 'brand', 'fabricant', 'marque', 'hersteller', 'marke', 'produttore', 'marca'],
  model: ['model', 'modele', 'modell', 'modello'],
  site: ['site', 'site name', 'nom du site', 'standort', 'sede'],
  coordinator: ['coordinator', 'coordinator email', 'email', 'e mail', 'coordinateur', 'email coordinateur', 'koordinator', 'coordinatore'],
  installDate: ['install date', 'installed', 'installation date', 'date installation', 'date d installation', 'installation', 'installationsdatum', 'installiert am', 'data installazione', 'data di installazione'],
  total: ['total', 'total counter', 'compteur total', 'gesamt', 'totale'],
  mono: ['mono', 'black', 'black and white', 'noir', 'noir et blanc', 'n b', 'schwarz', 'schwarzweiss', 's w', 'bianco e nero', 'b n'],
  colour: ['colour', 'color', 'couleur', 'farbe', 'colore'],
  scan: ['scan', 'scans', 'scanner', 'numerisation'],
  large: ['large', 'a3', 'large format', 'grand format', 'grossformat', 'grande formato'],
};

const TEXT_LIMITS = { serial: 100, manufacturer: 100, model: 100 } as const;

export interface DeviceImportRow {
  line: number;
  /** Cells by column, trimmed; `extra` counts cells beyond the header's width. */
  values: Partial<Record<DeviceImportColumn, string>>;
  extra: number;
}

/** The file's records keyed by column; a missing, unknown or repeated header refuses the whole file. */
export function readDeviceImportRecords(records: readonly CsvRow[]): DeviceImportRow[] {
  const [header, ...lines] = records;
  if (!header) throw new DomainError('device_import.empty');
  if (lines.length > MAX_DEVICE_IMPORT_LINES) throw new DomainError('device_import.too_many_lines', { lines: lines.length, maximum: MAX_DEVICE_IMPORT_LINES });
  const columns = header.cells.map((cell) => {
    const normalized = normalizeHeader(cell).replace(/['’]/g, ' ');
    const column = DEVICE_IMPORT_COLUMNS.find((candidate) => candidate === normalized || HEADER_ALIASES[candidate].includes(normalized));
    if (!column) throw new DomainError('device_import.unknown_column', { column: cell, field: cell });
    return column;
  });
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) throw new DomainError('device_import.repeated_column', { column: repeated, field: repeated });
  for (const needed of ['serial', 'manufacturer', 'model'] as const) {
    if (!columns.includes(needed)) throw new DomainError('device_import.missing_column', { column: needed, field: needed });
  }
  return lines.map(({ line, cells }) => ({
    line,
    values: Object.fromEntries(columns.map((column, index) => [column, cells[index]?.trim() ?? ''])),
    extra: Math.max(0, cells.filter((cell, index) => index >= columns.length && cell.trim() !== '').length),
  }));
}

/** "2024-03-01", "01.03.2024", "1/3/2024" (day first, as in Europe) -> "2024-03-01"; null when not a real date. */
export function parseImportDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const european = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : european ? [european[3], european[2], european[1]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

/** "12'345", "12 345", "12.345", "12,345" or "12345" -> 12345; null for decimals, negatives and text. */
export function parseImportCounter(text: string): number | null {
  const compact = text.replace(/[\s'’\u00a0\u202f]/g, '');
  const grouped = /^\d{1,3}([.,]\d{3})+$/.test(compact);
  if (!grouped && !/^\d+$/.test(compact)) return null;
  const value = Number(compact.replace(/[.,]/g, ''));
  return value <= MAX_READING_VALUE ? value : null;
}

export interface DeviceImportContext {
  /** The customer's active sites by lower-cased name. */
  sitesByName: ReadonlyMap<string, string>;
  /** The customer's active coordinators by lower-cased email. */
  coordinatorsByEmail: ReadonlyMap<string, string>;
  /** The partner's active devices by serial: their PREFIX-n. */
  activeSerials: ReadonlyMap<string, string>;
  /** Today as YYYY-MM-DD: an install date after it is refused. */
  today: string;
}

const key = (text: string) => text.trim().toLocaleLowerCase('fr');

/** Each line's device or the reasons it cannot be created. */
export function checkDeviceImport(rows: readonly DeviceImportRow[], context: DeviceImportContext): DeviceImportLine[] {
  const firstLineBySerial = new Map<string, number>();
  return rows.map(({ line, values, extra }) => {
    const errors: DeviceImportError[] = [];
    const fail = (field: string, errorKey: string, params: DeviceImportError['params'] = {}) => errors.push({ field, key: errorKey, params });
    if (extra > 0) fail('line', 'device_import.extra_cells', { count: extra });
    for (const column of ['serial', 'manufacturer', 'model'] as const) {
      const text = values[column] ?? '';
      if (!text) fail(column, 'device_import.required', { column });
      else if (text.length > TEXT_LIMITS[column]) fail(column, 'device_import.too_long', { column, maximum: TEXT_LIMITS[column] });
    }
    const serial = values.serial ?? '';
    if (serial) {
      const firstLine = firstLineBySerial.get(serial);
      if (firstLine !== undefined) fail('serial', 'device_import.serial_repeated', { serial, line: firstLine });
      else firstLineBySerial.set(serial, line);
      const holder = context.activeSerials.get(serial);
      if (holder !== undefined) fail('serial', 'device_import.serial_taken', { serial, deviceCode: holder });
    }
    let siteId: string | null = null;
    if (values.site) {
      siteId = context.sitesByName.get(key(values.site)) ?? null;
      if (!siteId) fail('site', 'device_import.unknown_site', { site: values.site });
    }
    let coordinatorId: string | null = null;
    if (values.coordinator) {
      coordinatorId = context.coordinatorsByEmail.get(key(values.coordinator)) ?? null;
      if (!coordinatorId) fail('coordinator', 'device_import.unknown_coordinator', { email: values.coordinator });
    }
    let installedAt: string | null = null;
    if (values.installDate) {
      const date = parseImportDate(values.installDate);
      if (!date) fail('installDate', 'device_import.bad_date', { value: values.installDate });
      else if (date > context.today) fail('installDate', 'device_import.future_date', { value: values.installDate });
      else installedAt = `${date}T00:00:00.000Z`;
    }
    const startingCounters: { counter: CounterKind; value: number }[] = [];
    for (const counter of COUNTER_KINDS) {
      const text = values[counter];
      if (!text) continue;
      const value = parseImportCounter(text);
      if (value === null) fail(counter, 'device_import.bad_counter', { column: counter, value: text });
      else startingCounters.push({ counter, value });
    }
    if (errors.length > 0) return { line, serial, status: 'error', errors, device: null };
    const device: DeviceImportCandidate = {
      serial,
      manufacturer: values.manufacturer!,
      model: values.model!,
      siteId,
      coordinatorId,
      installedAt,
      counters: startingCounters.map(({ counter }) => counter).filter((counter) => counter !== 'total' && counter !== 'mono'),
      startingCounters,
    };
    return { line, serial, status: 'ok', errors, device };
  });
}
