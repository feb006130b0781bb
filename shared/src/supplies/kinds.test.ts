import { describe, expect, it } from 'vitest';
import { SUPPLY_COLOURS, SUPPLY_KINDS, thresholdKey, type SupplyColour, type SupplyKind } from './kinds.ts';

describe('thresholdKey', () => {
  it.each<[SupplyKind, SupplyColour, ReturnType<typeof thresholdKey>]>([
    ['toner', 'black', 'mono_toner'],
    ['toner', 'none', 'mono_toner'],
    ['toner', 'cyan', 'colour_toner'],
    ['toner', 'magenta', 'colour_toner'],
    ['toner', 'yellow', 'colour_toner'],
    ['ink', 'black', 'mono_toner'],
    ['ink', 'yellow', 'colour_toner'],
    ['drum', 'black', 'mono_drum'],
    ['drum', 'cyan', 'colour_drum'],
    ['developer', 'magenta', 'colour_drum'],
    ['developer', 'none', 'mono_drum'],
    ['waste_toner', 'none', 'waste_toner'],
    ['maintenance_kit', 'none', 'maintenance_kit'],
    ['fuser', 'none', 'maintenance_kit'],
    ['transfer_belt', 'none', 'maintenance_kit'],
    ['staples', 'none', null],
  ])('%s %s → %s', (kind, colour, key) => {
    expect(thresholdKey(kind, colour)).toBe(key);
  });

  it('gives every kind and colour an answer', () => {
    for (const kind of SUPPLY_KINDS) for (const colour of SUPPLY_COLOURS) expect(thresholdKey(kind, colour) === null).toBe(kind === 'staples');
  });
});
