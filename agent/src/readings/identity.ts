import type { ValueSource, VendorProfile } from '@parc/shared/agents/recipes';
import { SYS_DESCR } from './recipes.ts';
import type { VarbindIndex } from './varbind-index.ts';

const IF_PHYS_ADDRESS = '1.3.6.1.2.1.2.2.1.6';

/** The value a source points at: the whole text, one IEEE 1284 `KEY:value;` field, or a regex capture. */
export function resolveSource(index: VarbindIndex, source: ValueSource): string | undefined {
  let text = index.text(source.oid);
  if (text === undefined) return undefined;
  if (source.field) text = ieee1284Field(text, source.field);
  if (text !== undefined && source.pattern) text = new RegExp(source.pattern, 'i').exec(text)?.[1];
  const trimmed = text?.trim();
  return trimmed && trimmed !== '<private>' ? trimmed : undefined;
}

export function ieee1284Field(deviceId: string, key: string): string | undefined {
  for (const part of deviceId.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0 && part.slice(0, colon).trim().toUpperCase() === key.toUpperCase()) return part.slice(colon + 1).trim();
  }
  return undefined;
}

export function firstResolved(index: VarbindIndex, sources: readonly ValueSource[]): string | undefined {
  for (const source of sources) {
    const value = resolveSource(index, source);
    if (value) return value;
  }
  return undefined;
}

/** "Brother HL-L8260CDW series" → "HL-L8260CDW": drops the maker's name and a trailing "series". */
export function cleanModel(model: string, prefixes: readonly string[]): string {
  let cleaned = model.trim();
  const prefix = prefixes.find((candidate) => cleaned.toLowerCase().startsWith(candidate.toLowerCase()));
  if (prefix) cleaned = cleaned.slice(prefix.length).trim();
  return cleaned.replace(/\s+series$/i, '').trim();
}

export function readIdentity(index: VarbindIndex, profile: VendorProfile, isKnownVendor: boolean) {
  const model = firstResolved(index, profile.model);
  const sysDescr = index.text(SYS_DESCR) ?? '';
  const brand = profile.brands.find((candidate) => sysDescr.toLowerCase().includes(candidate.toLowerCase()));
  return {
    manufacturer: isKnownVendor ? (brand ?? profile.manufacturer) : null,
    model: model ? cleanModel(model, profile.modelPrefixes) : null,
    serial: firstResolved(index, profile.serial) ?? null,
    firmware: firstResolved(index, profile.firmware) ?? null,
    mac: readMac(index),
  };
}

/** First non-zero 6-byte ifPhysAddress; text MACs (as some fixtures store them) are normalised too. */
export function readMac(index: VarbindIndex): string | null {
  for (const { varbind } of index.column(IF_PHYS_ADDRESS)) {
    if (varbind.type !== 'octets') continue;
    const bytes = varbind.value;
    if (bytes.length === 6 && bytes.some((byte) => byte !== 0))
      return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(':');
    const text = new TextDecoder().decode(bytes).trim();
    if (/^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(text)) return text.toLowerCase().replace(/-/g, ':');
  }
  return null;
}
