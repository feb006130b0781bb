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

/**
 * The description as a name, without the part number and serial `supplyIdentity` reads from it
 * (shown beside it on their own): "Black Toner, PN 006R01509;SN4817…" is "Black Toner", "Black
 * Cartridge 507A HP CE400A" is "Black Cartridge 507A" (HP writes its references "HP CE400A"). A part
 * number inside a longer token stays ("220V-CE506A"), and a description that is nothing but the part
 * number ("TK-8527K") is kept whole: it is then the only name the printer gives.
 */
export function supplyDisplayName(description: string): string {
  const trimmed = description.trim();
  let name = trimmed.replace(XEROX, '');
  if (name === trimmed) {
    const { partNumber } = supplyIdentity(trimmed);
    // A whole token only; a part number is letters, digits, '-', '/' and '.' (PART_LIKE), the dot escaped.
    if (partNumber) name = trimmed.replace(new RegExp(`(^|[\\s,]+)(?:HP\\s+)?${partNumber.replaceAll('.', '\\.')}(?=$|[\\s,])`, 'i'), ' ');
  }
  name = name.replace(/^[\s,;:-]+|[\s,;:-]+$/g, '').replace(/\s{2,}/g, ' ');
  return name || trimmed;
}
