/**
 * The recipes' vendor rules, each on a real walk from shared/snmp-walks (read in place: without the
 * walks these tests fail, they never pass empty), and each shown to be data: the same walk read
 * with the rule taken out of the recipes gives what the Printer-MIB alone gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecipeSet } from '@parc/shared/agents/recipes';
import { WALKS_DIR } from '../test/snmpsim.ts';
import { parseWalk } from '../walk/index.ts';
import { parseReading } from './read.ts';
import { BUILTIN_RECIPES } from './recipes.ts';

const walkText = (file: string) => readFileSync(path.join(WALKS_DIR, file), 'utf8');
const read = (text: string, recipes: RecipeSet = BUILTIN_RECIPES) => parseReading(parseWalk(text).varbinds, recipes);
const without = (vendorId: string, strip: (vendor: RecipeSet['vendors'][number]) => RecipeSet['vendors'][number]): RecipeSet => ({
  ...BUILTIN_RECIPES,
  vendors: BUILTIN_RECIPES.vendors.map((vendor) => (vendor.id === vendorId ? strip(vendor) : vendor)),
});

const LIFE_COUNT = '1.3.6.1.2.1.43.10.2.1.4.1.1';
/** The walk with prtMarkerLifeCount set to `value` (as a device whose two counters drifted apart). */
function withLifeCount(text: string, value: number): string {
  const line = new RegExp(`^${LIFE_COUNT.replaceAll('.', '\\.')}\\|65\\|\\d+$`, 'm');
  expect(text).toMatch(line);
  return text.replace(line, `${LIFE_COUNT}|65|${value}`);
}

describe('Sharp: supply level documented as a percentage when the maximum is unknown', () => {
  const text = walkText('sharp_mx-3570n.snmprec');

  it('reports the MX-3570N waste toner (max -2, level 100) as 100 %, naming the rule', () => {
    const reading = read(text);
    const waste = reading.supplies.find((supply) => supply.type === 'wasteToner');
    expect(waste).toMatchObject({ description: 'Waste Toner', level: 100, max: -2, percent: 100, state: 'measured', rule: 'sharp-level-is-percent' });
  });

  it('leaves rows with a real maximum, and rows whose level is unknown too, as the Printer-MIB says', () => {
    const reading = read(text);
    const others = reading.supplies.filter((supply) => supply.type !== 'wasteToner');
    expect(others.every((supply) => supply.rule === undefined)).toBe(true);
    expect(reading.supplies.find((supply) => supply.description === 'Black Toner')).toMatchObject({ percent: 34, state: 'measured' });
    expect(reading.supplies.find((supply) => supply.description === 'Fusing Unit')).toMatchObject({ level: -2, max: -2, percent: null, state: 'unknown' });
  });

  it('is data: without the rule in the recipes the waste toner has no percentage', () => {
    const reading = read(text, without('sharp', (vendor) => ({ ...vendor, supplyRules: [] })));
    expect(reading.supplies.find((supply) => supply.type === 'wasteToner')).toMatchObject({ percent: null, state: 'unknown' });
  });
});

describe('Brother: the page counter its web page shows wins over a disagreeing prtMarkerLifeCount', () => {
  // DCP-1618W: a mono laser, page counter 3914 (as the brother library states), no mono/colour split to settle a mismatch.
  const text = walkText('brother_dcp-1618w.snmprec');

  it('reads the page counter as the total when both agree, without a warning', () => {
    const reading = read(text);
    expect(reading.counters).toMatchObject({ total: 3914, brotherPageCounter: 3914, prtMarkerLifeCount: 3914 });
    expect(reading.warnings).toEqual([]);
  });

  it('keeps the page counter as the total, keeps both values and says why when they disagree', () => {
    const reading = read(withLifeCount(text, 4100));
    expect(reading.counters).toMatchObject({ total: 3914, brotherPageCounter: 3914, prtMarkerLifeCount: 4100 });
    expect(reading.warnings).toEqual([
      {
        code: 'total_mismatch',
        rule: 'brother-web-page-total',
        message: expect.stringContaining('web page'),
        values: { vendorTotal: 3914, prtMarkerLifeCount: 4100 },
      },
    ]);
  });

  it('is data: without the rule nothing settles it and the total is withheld', () => {
    const reading = read(withLifeCount(text, 4100), without('brother', ({ webPageTotal: _dropped, ...vendor }) => vendor));
    expect(reading.counters).toMatchObject({ total: null, brotherPageCounter: 3914, prtMarkerLifeCount: 4100 });
    expect(reading.warnings).toEqual([expect.objectContaining({ code: 'total_mismatch', message: expect.stringContaining('withheld') })]);
    expect(reading.warnings[0]?.rule).toBeUndefined();
  });

  it('lets mono + colour settle it first when the device splits its pages (MFC-T910DW)', () => {
    const reading = read(withLifeCount(walkText('brother_mfc-t910dw.snmprec'), 4000));
    expect(reading.counters).toMatchObject({ total: 3384, mono: 185, colour: 3199, prtMarkerLifeCount: 4000 });
    expect(reading.warnings).toEqual([expect.objectContaining({ code: 'total_mismatch', message: expect.stringContaining('mono+colour') })]);
  });
});
