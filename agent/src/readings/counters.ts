import type { CounterRule, VendorProfile } from '@parc/shared/agents/recipes';
import type { ReadingWarning } from '@parc/shared/agents/reading';
import type { CounterKind } from '@parc/shared';
import { decodePackedRecords } from './packed.ts';
import type { VarbindIndex } from './varbind-index.ts';

/**
 * Two counters "agree" when they differ by at most 1 % of the larger. Sources are read a few
 * milliseconds apart, and print+copy+fax parts legitimately leave out a few pages (reports,
 * lists) on some devices; beyond 1 % one of them counts something else.
 */
export const COUNTER_TOLERANCE = 0.01;

export function agree(a: number, b: number): boolean {
  return Math.abs(a - b) <= COUNTER_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Every counter the recipe reads, by name; then the recipe's sums for names not read directly. */
export function readRawCounters(index: VarbindIndex, profile: VendorProfile): Record<string, number> {
  const counters: Record<string, number> = {};
  for (const rule of profile.counters) applyRule(index, rule, counters);
  for (const sum of profile.sums) {
    if (counters[sum.name] !== undefined) continue;
    const parts = sum.of.map((name) => counters[name]).filter((value): value is number => value !== undefined);
    if (parts.length > 0) counters[sum.name] = parts.reduce((total, value) => total + value, 0);
  }
  return counters;
}

function applyRule(index: VarbindIndex, rule: CounterRule, counters: Record<string, number>): void {
  switch (rule.rule) {
    case 'scalar': {
      const value = index.number(rule.oid);
      if (value !== undefined && value >= 0) counters[rule.name] = value;
      return;
    }
    case 'keyedTable':
      // Several rows may feed one name (Ricoh 202 and 203 are both colour copies): they add up.
      for (const { suffix, varbind } of index.column(rule.valueColumn)) {
        const key = rule.keyColumn ? index.text(`${rule.keyColumn}.${suffix}`)?.trim() : suffix;
        const name = key === undefined ? undefined : rule.keys[key];
        const value = typeof varbind.value === 'number' ? varbind.value : index.number(varbind.oid);
        if (name && value !== undefined && value >= 0) counters[name] = (counters[name] ?? 0) + value;
      }
      return;
    case 'labelledTable':
      for (const { suffix, varbind } of index.column(rule.labelColumn)) {
        const label = index.text(varbind.oid);
        const value = index.number(`${rule.valueColumn}.${suffix}`);
        if (!label || value === undefined || value < 0) continue;
        const name = camelName(label);
        if (name && counters[name] === undefined) counters[name] = value;
      }
      return;
    case 'packed': {
      const varbind = index.get(rule.oid);
      if (varbind?.type !== 'octets') return;
      const records = decodePackedRecords(varbind.value, rule.recordLength, rule.valueBytes);
      for (const [code, name] of Object.entries(rule.codes)) {
        const value = records.get(code);
        if (value !== undefined) counters[name] = value;
      }
    }
  }
}

/** "Black & White Total Count" → "blackWhiteTotalCount". */
export function camelName(label: string): string {
  const words = label.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1).toLowerCase())).join('');
}

type KindValues = Record<CounterKind, number | null>;

/**
 * Picks total/mono/colour/scan/large from the raw counters and cross-checks them:
 *  1. The vendor's own total and prtMarkerLifeCount must agree. When they don't, mono+colour
 *     decides (the one it agrees with is kept); failing that, the recipe's `webPageTotal` (the
 *     counter the device's own web page shows as its total, named in the warning); failing that
 *     too, total is withheld.
 *  2. mono + colour (colour 0 when the device has none) must agree with the total kept;
 *     when it doesn't, mono and colour are withheld and the total stands.
 *  3. With no total at all, mono + colour is the total.
 *  4. Large (A3) sheets: when the recipe says the device counted them once, `large` is added
 *     to the total so each one counts twice, as dealers bill them. The cross-checks use the
 *     device's own numbers, before that addition.
 * Withheld counters are null and explained in a warning; the raw values stay under their names.
 */
export function resolveKinds(raw: Record<string, number>, profile: VendorProfile): { kinds: KindValues; warnings: ReadingWarning[] } {
  const pick = (kind: CounterKind) => firstPresent(raw, profile.kinds[kind] ?? []);
  const warnings: ReadingWarning[] = [];
  const vendorTotal = firstPresent(raw, profile.vendorTotals);
  const lifeCount = raw.prtMarkerLifeCount;
  let mono = pick('mono');
  let colour = pick('colour');
  const partsSum = mono === null ? null : mono + (colour ?? 0);
  let total = pick('total');

  if (vendorTotal !== null && lifeCount !== undefined && !agree(vendorTotal, lifeCount)) {
    const values = { vendorTotal, prtMarkerLifeCount: lifeCount, ...(partsSum === null ? {} : { monoPlusColour: partsSum }) };
    const webPage = profile.webPageTotal;
    const webPageValue = webPage ? raw[webPage.counter] : undefined;
    if (partsSum !== null && agree(partsSum, vendorTotal)) total = vendorTotal;
    else if (partsSum !== null && agree(partsSum, lifeCount)) total = lifeCount;
    else total = null;
    if (total !== null)
      warnings.push({ code: 'total_mismatch', message: `the vendor total and prtMarkerLifeCount disagree; kept ${total}, which mono+colour confirms`, values });
    else if (webPage && webPageValue !== undefined) {
      // Nothing measured settles it: the vendor's documentation does, its web page shows this counter as the total.
      total = webPageValue;
      warnings.push({
        code: 'total_mismatch',
        rule: webPage.id,
        message: `the vendor total and prtMarkerLifeCount disagree; kept ${total} (${webPage.counter}), the total the device's own web page shows; both values kept`,
        values,
      });
    } else
      warnings.push({ code: 'total_mismatch', message: 'the vendor total and prtMarkerLifeCount disagree and nothing settles it: total withheld', values });
  }

  if (total !== null && partsSum !== null && !agree(total, partsSum)) {
    warnings.push({
      code: 'parts_mismatch',
      message: 'mono + colour does not add up to the total: mono and colour withheld',
      values: { total, mono: mono ?? 0, colour: colour ?? 0 },
    });
    mono = null;
    colour = null;
  } else if (total === null && partsSum !== null && warnings.length === 0) {
    total = partsSum;
  }

  const large = pick('large');
  if (total !== null && large !== null && profile.largeCountedOnceInTotal) total += large;
  return { kinds: { total, mono, colour, scan: pick('scan'), large }, warnings };
}

function firstPresent(raw: Record<string, number>, names: readonly string[]): number | null {
  for (const name of names) {
    const value = raw[name];
    if (value !== undefined) return value;
  }
  return null;
}
