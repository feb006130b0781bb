import { hexBytes, normaliseOid, textBytes, type Varbind } from './varbind.ts';

/** BER tags used by snmpsim's `.snmprec` files (`OID|TAG|VALUE`, a trailing `x` means hex-encoded value). */
const NUMERIC_TAGS: Record<string, Extract<Varbind, { value: number }>['type']> = {
  '2': 'integer',
  '65': 'counter32',
  '66': 'gauge32',
  '67': 'timeticks',
  '70': 'counter64',
};

export class WalkSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'WalkSyntaxError';
  }
}

/** A parsed walk: the varbinds, and the lines that could not be read (real captures hold a few). */
export type WalkParse = { varbinds: Varbind[]; skipped: WalkSyntaxError[] };

/** Runs `parseLine` on each line, keeping going past bad lines so one corrupt value does not lose the device. */
export function parseLines(lines: readonly string[], parseLine: (line: string, number: number) => Varbind | undefined): WalkParse {
  const parse: WalkParse = { varbinds: [], skipped: [] };
  lines.forEach((line, index) => {
    try {
      const varbind = parseLine(line, index + 1);
      if (varbind) parse.varbinds.push(varbind);
    } catch (error) {
      if (!(error instanceof WalkSyntaxError)) throw error;
      parse.skipped.push(error);
    }
  });
  return parse;
}

export function parseSnmprec(text: string): WalkParse {
  return parseLines(text.split(/\r?\n/), (line, number) => {
    if (line.trim() === '' || line.startsWith('#')) return undefined;
    const firstBar = line.indexOf('|');
    const secondBar = line.indexOf('|', firstBar + 1);
    if (firstBar < 0 || secondBar < 0) throw new WalkSyntaxError(number, 'expected OID|TYPE|VALUE');
    const oid = normaliseOid(line.slice(0, firstBar));
    return snmprecVarbind(oid, line.slice(firstBar + 1, secondBar), line.slice(secondBar + 1), number);
  });
}

function snmprecVarbind(oid: string, tag: string, raw: string, line: number): Varbind {
  const hex = tag.endsWith('x');
  const baseTag = hex ? tag.slice(0, -1) : tag;
  const numericType = NUMERIC_TAGS[baseTag];
  if (numericType) {
    const value = hex ? Number.parseInt(raw || '0', 16) : Number(raw);
    if (!Number.isFinite(value) || raw.trim() === '') throw new WalkSyntaxError(line, `bad number ${raw}`);
    return { oid, type: numericType, value };
  }
  switch (baseTag) {
    case '4':
      return { oid, type: 'octets', value: hex ? repairWrappedHexDump(hexOrSyntaxError(raw, line)) : textBytes(raw) };
    case '5':
      return { oid, type: 'null', value: null };
    case '6':
      return { oid, type: 'oid', value: normaliseOid(raw) };
    case '64':
      return { oid, type: 'ip', value: hex ? [...hexOrSyntaxError(raw, line)].join('.') : raw };
    default:
      throw new WalkSyntaxError(line, `unknown type tag ${tag}`);
  }
}

export function hexOrSyntaxError(hex: string, line: number): Uint8Array {
  try {
    return hexBytes(hex);
  } catch (error) {
    throw new WalkSyntaxError(line, (error as Error).message);
  }
}

/**
 * Captures made from `snmpwalk` output keep a wrapped Hex-STRING's continuation as text: the
 * bytes hold a newline followed by ASCII hex pairs ("\n38 32 37 41 …"). Those pairs are decoded
 * back into the bytes they stand for; any other value is returned unchanged.
 */
export function repairWrappedHexDump(bytes: Uint8Array): Uint8Array {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return bytes;
  const tail = new TextDecoder('latin1').decode(bytes.subarray(newline + 1));
  if (!/^([0-9A-Fa-f]{2}[ \n]?)+$/.test(tail.trim())) return bytes;
  const decoded = tail.trim().split(/\s+/).map((pair) => Number.parseInt(pair, 16));
  return Uint8Array.from([...bytes.subarray(0, newline), ...decoded]);
}
