import { createHmac } from 'node:crypto';

/** What the nightly transmission carries per reading, as CSV columns and as webhook JSON. Pure. */
export interface ExportRow {
  customerNumber: string;
  deviceId: string;
  serial: string;
  counter: string;
  value: number;
  takenAt: string;
  source: string;
  status: string;
}

const COLUMNS: readonly (readonly [keyof ExportRow, string])[] = [
  ['customerNumber', 'customer_number'],
  ['deviceId', 'device_id'],
  ['serial', 'serial'],
  ['counter', 'counter'],
  ['value', 'value'],
  ['takenAt', 'taken_at'],
  ['source', 'source'],
  ['status', 'status'],
];

/** RFC 4180: quoted only when needed; a leading = + - @ is quoted too so spreadsheets do not run it as a formula. */
function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]|^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = `${COLUMNS.map(([, name]) => name).join(',')}\r\n`;

export function toCsvLines(rows: readonly ExportRow[]): string {
  return rows.map((row) => `${COLUMNS.map(([key]) => csvCell(row[key])).join(',')}\r\n`).join('');
}

export const SIGNATURE_HEADER = 'x-parc-signature';

/** `sha256=<hex HMAC-SHA256 of the exact body>`, as GitHub and Stripe style webhooks do. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
