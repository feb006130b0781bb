import type { SupplyRule, VendorProfile } from '@parc/shared/agents/recipes';
import type { Supply } from '@parc/shared/agents/reading';
import { decodePackedRecords } from './packed.ts';
import type { VarbindIndex } from './varbind-index.ts';

const SUPPLIES = '1.3.6.1.2.1.43.11.1.1';
const COLORANT_VALUE = '1.3.6.1.2.1.43.12.1.1.4';
const PERCENT_UNIT = 19;

/** prtMarkerSuppliesTypeTC (RFC 3805). */
const SUPPLY_TYPES: Record<number, string> = {
  1: 'other', 2: 'unknown', 3: 'toner', 4: 'wasteToner', 5: 'ink', 6: 'inkCartridge', 7: 'inkRibbon', 8: 'wasteInk',
  9: 'opc', 10: 'developer', 11: 'fuserOil', 12: 'solidWax', 13: 'ribbonWax', 14: 'wasteWax', 15: 'fuser',
  16: 'coronaWire', 17: 'fuserOilWick', 18: 'cleanerUnit', 19: 'fuserCleaningPad', 20: 'transferUnit',
  21: 'tonerCartridge', 22: 'fuserOiler', 23: 'water', 24: 'wasteWater', 25: 'glueWaterAdditive', 26: 'wastePaper',
  27: 'bindingSupply', 28: 'bandingSupply', 29: 'stitchingWire', 30: 'shrinkWrap', 31: 'paperWrap', 32: 'staples',
  33: 'inserts', 34: 'covers', 35: 'matteToner', 36: 'matteInk',
};

const COLOUR_WORDS = ['black', 'cyan', 'magenta', 'yellow', 'matte black', 'photo black', 'light cyan', 'light magenta', 'grey', 'gray', 'red', 'blue', 'green'];

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * RFC 3805 levels: -1 other, -2 unknown, -3 "some remaining" (never a percentage). A percentage
 * needs a real level and a real maximum; anything else leaves it null.
 */
export function supplyLevel(level: number | null, max: number | null, unit?: number): Pick<Supply, 'percent' | 'state'> {
  // Unit 19 is "percent": the level is already a percentage, whatever the maximum says.
  if (unit === PERCENT_UNIT && level !== null && level >= 0 && (max === null || max <= 0)) return { percent: level, state: 'measured' };
  if (level === -3) return { percent: null, state: 'some_remaining' };
  if (level === -1) return { percent: null, state: 'other' };
  if (level === null || max === null || level < 0 || max <= 0) return { percent: null, state: 'unknown' };
  return { percent: round2((level / max) * 100), state: 'measured' };
}

export function readSupplies(index: VarbindIndex, profile: VendorProfile): Supply[] {
  return [...readPrinterMibSupplies(index).map((supply) => applySupplyRules(supply, profile.supplyRules)), ...readPackedSupplies(index, profile)];
}

const UNKNOWN_MAX = -2;

/**
 * The recipe's vendor rules for rows the Printer-MIB leaves without a percentage; the first that
 * applies gives the percentage and is named on the row.
 */
export function applySupplyRules(supply: Supply, rules: readonly SupplyRule[]): Supply {
  if (supply.percent !== null || supply.source !== 'printer_mib') return supply;
  for (const rule of rules) {
    if (rule.types.length > 0 && !rule.types.includes(supply.type)) continue;
    switch (rule.rule) {
      case 'levelIsPercentWhenMaxUnknown':
        if (supply.max === UNKNOWN_MAX && supply.level !== null && supply.level >= 0 && supply.level <= 100)
          return { ...supply, percent: supply.level, state: 'measured', rule: rule.id };
    }
  }
  return supply;
}

function readPrinterMibSupplies(index: VarbindIndex): Supply[] {
  const rows = new Set([...index.column(`${SUPPLIES}.6`), ...index.column(`${SUPPLIES}.9`)].map((row) => row.suffix));
  return [...rows].map((suffix) => {
    const description = index.text(`${SUPPLIES}.6.${suffix}`) ?? `supply ${suffix}`;
    const typeCode = index.number(`${SUPPLIES}.5.${suffix}`);
    const level = index.number(`${SUPPLIES}.9.${suffix}`) ?? null;
    const max = index.number(`${SUPPLIES}.8.${suffix}`) ?? null;
    return {
      index: suffix,
      description,
      type: typeCode === undefined ? 'unknown' : (SUPPLY_TYPES[typeCode] ?? 'other'),
      colour: colourOf(index, suffix, description),
      level,
      max,
      ...supplyLevel(level, max, index.number(`${SUPPLIES}.7.${suffix}`)),
      source: 'printer_mib' as const,
    };
  });
}

/** Colour from prtMarkerColorantValue; failing that, a colour word in the description. */
function colourOf(index: VarbindIndex, suffix: string, description: string): string | null {
  const device = suffix.split('.')[0];
  const colorantIndex = index.number(`${SUPPLIES}.3.${suffix}`);
  const colorant = colorantIndex ? index.text(`${COLORANT_VALUE}.${device}.${colorantIndex}`)?.trim().toLowerCase() : undefined;
  if (colorant) return colorant;
  const lower = description.toLowerCase();
  const words = COLOUR_WORDS.filter((word) => new RegExp(`\\b${word}\\b`).test(lower));
  return words.sort((a, b) => b.length - a.length)[0] ?? null;
}

function readPackedSupplies(index: VarbindIndex, profile: VendorProfile): Supply[] {
  return profile.packedSupplies.flatMap((rule) => {
    const varbind = index.get(rule.oid);
    if (varbind?.type !== 'octets') return [];
    const records = decodePackedRecords(varbind.value, rule.recordLength, rule.valueBytes);
    return Object.entries(rule.codes).flatMap(([code, supply]) => {
      const value = records.get(code);
      if (value === undefined) return [];
      return [{ index: `vendor:${code}`, ...supply, level: null, max: null, percent: round2(value / rule.divisor), state: 'measured' as const, source: 'vendor' as const }];
    });
  });
}
