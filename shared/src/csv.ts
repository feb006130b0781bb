import { DomainError } from './errors.ts';

/** One record of a CSV file, with the line (1-based) it starts on so errors can point at it. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Comma or semicolon, whichever the header line uses more: spreadsheets in French locales export
 * with semicolons because the comma is their decimal separator.
 */
export function detectCsvDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (char: string) => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * RFC 4180 parsing: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF or CR
 * end records; a UTF-8 byte-order mark is dropped; blank lines are skipped.
 */
export function parseCsv(input: string, delimiter: ',' | ';' = detectCsvDelimiter(input.replace(/^\uFEFF/, ''))): CsvRow[] {
  const text = input.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === delimiter) {
      endCell();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      rowLine = ++line;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new DomainError('bad_request', `Line ${quoteLine}: a quoted value is never closed.`, { line: quoteLine });
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/**
 * One record as RFC 4180 writes it, CRLF-terminated: a field holding the delimiter, a quote or a line
 * break is quoted, its quotes doubled. `parseCsv` reads it back to the same cells.
 */
export function csvRecord(cells: readonly string[], delimiter: ',' | ';'): string {
  const special = new RegExp(`[${delimiter}"\\r\\n]`);
  return `${cells.map((cell) => (special.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)}\r\n`;
}

/**
 * The text of an uploaded CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8,
 * otherwise Windows-1252, what spreadsheet programs on Windows save as "CSV" (Latin-1 is a subset),
 * so "Genève" arrives as "Genève" and never as "Gen\uFFFDve".
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Node decodes 'windows-1252' as plain Latin-1 (C1 controls for 0x80–0x9F): map those bytes ourselves.
    const text = Array.from(bytes, (byte) => (byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_C1[byte - 0x80] ?? '') : String.fromCharCode(byte))).join('');
    return { text, encoding: 'windows-1252' };
  }
}

/** Windows-1252's letters at 0x80–0x9F (the five unassigned bytes decode to nothing). */
const WINDOWS_1252_C1 = ['€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '', '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ'];

/** A header cell as import columns compare it: "Code_Postal ", "E-mail", "Localité" -> "code postal", "e mail", "localite". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ')
    .trim();
}
