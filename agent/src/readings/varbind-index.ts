import type { Varbind } from '../walk/varbind.ts';

/** Read-only lookups over one device's varbinds: exact OID, or every row below a column. */
export class VarbindIndex {
  private readonly byOid = new Map<string, Varbind>();

  constructor(varbinds: readonly Varbind[]) {
    for (const varbind of varbinds) this.byOid.set(varbind.oid, varbind);
  }

  get(oid: string): Varbind | undefined {
    return this.byOid.get(oid);
  }

  /** Rows under `column`, keyed by the OID suffix after it (`"1.3"` for `column.1.3`), in OID order. */
  column(column: string): Array<{ suffix: string; varbind: Varbind }> {
    const prefix = `${column}.`;
    const rows: Array<{ suffix: string; varbind: Varbind }> = [];
    for (const [oid, varbind] of this.byOid) if (oid.startsWith(prefix)) rows.push({ suffix: oid.slice(prefix.length), varbind });
    return rows.sort((a, b) => compareOidSuffix(a.suffix, b.suffix));
  }

  /** How many varbinds sit under `prefix`: used to recognise a vendor when sysObjectID is missing. */
  countUnder(prefix: string): number {
    let count = 0;
    for (const oid of this.byOid.keys()) if (oid === prefix || oid.startsWith(`${prefix}.`)) count++;
    return count;
  }

  number(oid: string): number | undefined {
    const varbind = this.byOid.get(oid);
    return varbind ? numberOf(varbind) : undefined;
  }

  text(oid: string): string | undefined {
    const varbind = this.byOid.get(oid);
    return varbind ? textOf(varbind) : undefined;
  }
}

export function compareOidSuffix(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Numbers, or octet strings holding decimal digits (some fixtures store counters as text). */
export function numberOf(varbind: Varbind): number | undefined {
  if (typeof varbind.value === 'number') return varbind.value;
  if (varbind.type === 'octets') {
    const text = decodeText(varbind.value).trim();
    if (/^-?\d+$/.test(text)) return Number(text);
  }
  return undefined;
}

export function textOf(varbind: Varbind): string | undefined {
  switch (varbind.type) {
    case 'octets':
      return decodeText(varbind.value);
    case 'oid':
    case 'ip':
      return varbind.value;
    case 'null':
      return undefined;
    default:
      return String(varbind.value);
  }
}

/** UTF-8 when valid, else Latin-1 (older printers send ISO-8859-1); trailing NULs and spaces dropped. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('latin1').decode(bytes);
  }
  return text.replace(/[\0\s]+$/, '');
}
