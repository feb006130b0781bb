/**
 * What a supply's description tells beyond its name. Printers that know a cartridge's part number or
 * chip serial often put them in prtMarkerSuppliesDescription ("Black Toner, PN 006R01509;SN4817…"
 * on Xerox, "Black Cartridge 507A HP CE400A" on HP, "TK-8527K" on Kyocera); the Printer-MIB has no
 * column for either. A guess that is wrong only names the catalogue entry badly, and the dealer can
 * give it their own reference.
 */

export interface SupplyIdentity {
  partNumber: string | null;
  serial: string | null;
}

const UNKNOWN = /^(unknown|n\/a|none|-+)$/i;
const XEROX = /\bPN\s+([^;,\s]+)\s*;\s*SN\s*([^;,\s]*)/i;
/** A token with both letters and digits, 4 to 20 characters: CE400A, TK-8527K, T9441/T9451, 013R00662. */
const PART_LIKE = /^(?=[^\s]*\d)(?=[^\s]*[A-Z])[A-Z0-9][A-Z0-9\-/.]{2,18}[A-Z0-9]$/i;
/** Tokens that look like part numbers and are not: voltages, a drum's position, capacities. */
const NOT_PART = /^(\d+V|R\d|\d+K|\d+ml|A[345])$/i;

const known = (value: string | undefined) => (value && !UNKNOWN.test(value) ? value : null);

export function supplyIdentity(description: string): SupplyIdentity {
  const xerox = XEROX.exec(description);
  if (xerox) return { partNumber: known(xerox[1]), serial: known(xerox[2]) };
  const tokens = description
    .split(/[\s,()]+/)
    .map((token) => token.replace(/^[-/.]+|[-/.]+$/g, '').split(/-(?=\d+V-)|(?<=\d+V)-/).at(-1)!)
    .filter((token) => PART_LIKE.test(token) && !NOT_PART.test(token));
  return { partNumber: tokens.at(-1) ?? null, serial: null };
}
