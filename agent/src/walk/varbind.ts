/**
 * One SNMP variable binding, independent of where it came from (a walk file or a live agent).
 * Octet strings stay bytes: whether they are text, a MAC address or a packed vendor block is
 * for the reader to decide.
 */
export type Varbind =
  | { oid: string; type: 'integer' | 'counter32' | 'gauge32' | 'timeticks' | 'counter64'; value: number }
  | { oid: string; type: 'octets'; value: Uint8Array }
  | { oid: string; type: 'oid' | 'ip'; value: string }
  | { oid: string; type: 'null'; value: null };

export type VarbindType = Varbind['type'];

/** OIDs are kept without a leading dot, as the snmprec format writes them. */
export function normaliseOid(oid: string): string {
  return oid.trim().replace(/^\./, '');
}

export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`not a hex string: ${hex.slice(0, 40)}`);
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
