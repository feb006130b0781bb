import { hexOrSyntaxError, parseLines, WalkSyntaxError, type WalkParse } from './snmprec.ts';
import { normaliseOid, textBytes, type Varbind } from './varbind.ts';

/**
 * Parses `snmpwalk -On` (or `snmpbulkwalk -On`) output: `.1.3.6... = TYPE: value`.
 * A quoted STRING may run over several lines until its closing quote; a Hex-STRING may wrap too.
 */
export function parseSnmpwalkText(text: string): WalkParse {
  // Join continuation lines (an unterminated quoted string, wrapped hex bytes) onto their varbind first.
  const records: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const last = records.length - 1;
    const lastRest = /=\s*(.*)$/s.exec(records[last] ?? '')?.[1];
    if (lastRest !== undefined && needsContinuation(lastRest, line)) records[last] += `\n${line}`;
    else records.push(line);
  }
  return parseLines(records, (record, number) => {
    if (record.trim() === '') return undefined;
    const match = /^\s*(\.?[0-9][0-9.]*)\s*=\s*(.*)$/s.exec(record);
    if (!match) throw new WalkSyntaxError(number, 'expected ".OID = TYPE: value"');
    return textVarbind(normaliseOid(match[1] ?? ''), match[2] ?? '', number);
  });
}

function needsContinuation(rest: string, next: string): boolean {
  if (/^\s*\.?[0-9][0-9.]*\s*=/.test(next)) return false;
  if (/^STRING:\s*"/.test(rest)) return !isClosedQuote(rest.replace(/^STRING:\s*/, ''));
  if (/^Hex-STRING:/.test(rest)) return /^[0-9A-Fa-f]{2}(\s+[0-9A-Fa-f]{2})*\s*$/.test(next) && next.trim() !== '';
  return false;
}

function isClosedQuote(quoted: string): boolean {
  let escaped = false;
  for (let i = 1; i < quoted.length; i++) {
    const char = quoted[i];
    if (escaped) escaped = false;
    else if (char === '\\') escaped = true;
    else if (char === '"') return true;
  }
  return false;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"'))
    return trimmed.slice(1, -1).replace(/\\(["\\])/g, '$1');
  return trimmed;
}

/** `INTEGER: idle(3)` and `INTEGER: 3` both give 3; `Timeticks: (123) 0:00:01.23` gives 123. */
function leadingNumber(value: string): number {
  const match = /\((-?\d+)\)/.exec(value) ?? /(-?\d+)/.exec(value);
  return match ? Number(match[1]) : Number.NaN;
}

function textVarbind(oid: string, rest: string, line: number): Varbind {
  const typed = /^([A-Za-z0-9-]+):\s?([\s\S]*)$/.exec(rest);
  if (!typed) {
    // `""` (an empty string printed without a type) or "No Such Object" markers.
    if (rest.trim() === '""') return { oid, type: 'octets', value: new Uint8Array() };
    if (/No (Such|more)/i.test(rest)) return { oid, type: 'null', value: null };
    throw new WalkSyntaxError(line, `unknown value ${rest.slice(0, 40)}`);
  }
  const [, type = '', value = ''] = typed;
  const numeric = (kind: Extract<Varbind, { value: number }>['type']): Varbind => {
    const number = leadingNumber(value);
    if (Number.isNaN(number)) throw new WalkSyntaxError(line, `bad number ${value}`);
    return { oid, type: kind, value: number };
  };
  switch (type.toUpperCase()) {
    case 'INTEGER':
      return numeric('integer');
    case 'COUNTER32':
      return numeric('counter32');
    case 'GAUGE32':
    case 'UNSIGNED32':
      return numeric('gauge32');
    case 'TIMETICKS':
      return numeric('timeticks');
    case 'COUNTER64':
      return numeric('counter64');
    case 'STRING':
      return { oid, type: 'octets', value: textBytes(unquote(value)) };
    case 'HEX-STRING':
      return { oid, type: 'octets', value: hexOrSyntaxError(value, line) };
    case 'OID':
      return { oid, type: 'oid', value: normaliseOid(value) };
    case 'IPADDRESS':
      return { oid, type: 'ip', value: value.trim() };
    default:
      throw new WalkSyntaxError(line, `unknown type ${type}`);
  }
}
