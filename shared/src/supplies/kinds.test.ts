import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, orderTransition, SUPPLY_COLOURS, SUPPLY_KINDS, supplyColourOf, supplyKindOf, thresholdKey, type OrderAction, type OrderStatus, type SupplyColour, type SupplyKind } from './kinds.ts';

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

describe('supplyKindOf: the RFC 3805 type, else the words of the description', () => {
  it.each<[string, string, SupplyKind | null]>([
    ['toner', 'Black Toner Cartridge', 'toner'],
    ['tonerCartridge', 'TK-8527K', 'toner'],
    ['opc', 'Black Image Drum Unit OKI DATA CORP', 'drum'],
    ['other', 'Drum Cartridge (R1), PN 013R00662;SN5238EF80E000048E', 'drum'],
    ['developer', 'Developer Unit Cyan', 'developer'],
    ['inkCartridge', 'Black Ink Cartridge T02Q1', 'ink'],
    ['wasteToner', 'Waste Toner Box', 'waste_toner'],
    ['other', 'Toner Collection Unit HP CE254A', 'waste_toner'],
    // Ink printers call their maintenance box wasteInk or other: the name says what it is.
    ['other', 'Maintenance Box', 'waste_toner'],
    ['fuser', 'Fuser, PN unknown;SNunknown', 'fuser'],
    ['other', 'Fuser Kit HP 110V-CE484A, 220V-CE506A', 'maintenance_kit'],
    ['transferUnit', 'Second Bias Transfer Roll, PN 008R13064', 'transfer_belt'],
    ['other', 'Belt Unit OKI DATA CORP', 'transfer_belt'],
    ['cleanerUnit', 'Transfer Belt Cleaner, PN 001R00613', 'maintenance_kit'],
    ['staples', 'Staple Cartridge', 'staples'],
    ['other', 'Bac de récupération du toner', 'waste_toner'],
    ['other', 'Unité photoconductrice', 'drum'],
    ['other', 'Tambour noir', 'drum'],
    ['other', 'Resttonerbehälter', 'waste_toner'],
    ['other', 'Bildtrommel Schwarz', 'drum'],
    ['other', 'Fixiereinheit', 'fuser'],
    ['other', 'Cartuccia toner nero', 'toner'],
    ['other', 'Contenitore toner di scarto', 'waste_toner'],
    ['unknown', 'Supply 7', null],
    ['other', 'Paper', null],
  ])('%s "%s" → %s', (type, description, kind) => {
    expect(supplyKindOf(type, description)).toBe(kind);
  });
});

describe('supplyColourOf', () => {
  it.each<[string | null, SupplyColour]>([
    ['black', 'black'],
    ['photo black', 'black'],
    ['light cyan', 'cyan'],
    ['Magenta', 'magenta'],
    ['yellow', 'yellow'],
    ['red', 'none'],
    [null, 'none'],
  ])('%s → %s', (colour, expected) => {
    expect(supplyColourOf(colour)).toBe(expected);
  });
});

describe('orderTransition', () => {
  it.each<[OrderStatus, OrderAction, OrderStatus | null]>([
    ['new', 'ship', 'shipped'],
    ['shipped', 'ship', null],
    ['shipped', 'deliver', 'to_replace'],
    ['new', 'deliver', null],
    ['to_replace', 'replace', 'replaced'],
    ['new', 'replace', 'replaced'],
    ['replaced', 'cancel', null],
    ['shipped', 'cancel', 'cancelled'],
    ['cancelled', 'reopen', 'new'],
    ['replaced', 'reopen', null],
  ])('%s + %s → %s', (status, action, expected) => {
    expect(orderTransition(status, action)).toBe(expected);
  });

  it('leaves every status somewhere to go but replaced', () => {
    const stuck = ORDER_STATUSES.filter((status) => (['ship', 'deliver', 'replace', 'cancel', 'reopen'] as const).every((action) => orderTransition(status, action) === null));
    expect(stuck).toEqual(['replaced']);
  });
});
