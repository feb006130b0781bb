import { describe, expect, it } from 'vitest';
import { supplyDisplayName, supplyIdentity, type SupplyIdentity } from './identity.ts';

describe('supplyIdentity: part number and serial from what printers put in the description', () => {
  it.each<[string, SupplyIdentity]>([
    ['Black Toner, PN 006R01509;SN48178080E0000481', { partNumber: '006R01509', serial: '48178080E0000481' }],
    ['Drum Cartridge (R1), PN 013R00662;SN5238EF80E000048E', { partNumber: '013R00662', serial: '5238EF80E000048E' }],
    ['Fuser, PN unknown;SNunknown', { partNumber: null, serial: null }],
    ['Waste Toner Container, PN 008R13061;SNunknown', { partNumber: '008R13061', serial: null }],
    ['Black Cartridge 507A HP CE400A', { partNumber: 'CE400A', serial: null }],
    ['Fuser Kit HP 110V-CE484A, 220V-CE506A', { partNumber: 'CE506A', serial: null }],
    ['TK-8527K', { partNumber: 'TK-8527K', serial: null }],
    ['Black Ink Cartridge T02Q1', { partNumber: 'T02Q1', serial: null }],
    ['Black Ink Supply Unit T9441/T9451/T9461', { partNumber: 'T9441/T9451/T9461', serial: null }],
    ['SC-MX-3070-B Black Toner', { partNumber: 'SC-MX-3070-B', serial: null }],
    ['Drum Cartridge (R1)', { partNumber: null, serial: null }],
    ['Black Toner Cartridge OKI DATA CORP', { partNumber: null, serial: null }],
    ['Waste Toner Box', { partNumber: null, serial: null }],
    ['Toner 3K', { partNumber: null, serial: null }],
  ])('%s', (description, expected) => {
    expect(supplyIdentity(description)).toEqual(expected);
  });
});

describe('supplyDisplayName: the description without the part number and serial shown beside it', () => {
  it.each<[string, string]>([
    ['Black Toner, PN 006R01509;SN48178080E0000481', 'Black Toner'],
    ['Drum Cartridge (R1), PN 013R00662;SN5238EF80E000048E', 'Drum Cartridge (R1)'],
    ['Fuser, PN unknown;SNunknown', 'Fuser'],
    ['Waste Toner Container, PN 008R13061;SNunknown', 'Waste Toner Container'],
    ['Black Toner Cartridge; PN 106R01159;SN 0123456', 'Black Toner Cartridge'],
    ['Black Cartridge 507A HP CE400A', 'Black Cartridge 507A'],
    ['Toner Collection Unit HP CE254A', 'Toner Collection Unit'],
    ['Fuser Kit HP 110V-CE484A, 220V-CE506A', 'Fuser Kit HP 110V-CE484A, 220V-CE506A'],
    ['Black Ink Cartridge T02Q1', 'Black Ink Cartridge'],
    ['Black Ink Cartridge SJIC35P-BK', 'Black Ink Cartridge'],
    ['Black Ink Supply Unit T9441/T9451/T9461', 'Black Ink Supply Unit'],
    ['Maintenance Box SJMB6000/6500', 'Maintenance Box'],
    ['SC-MX-3070-B Black Toner', 'Black Toner'],
    ['TK-8527K', 'TK-8527K'],
    ['PK-3010S', 'PK-3010S'],
    ['Drum Cartridge (R1)', 'Drum Cartridge (R1)'],
    ['Toner (Black)', 'Toner (Black)'],
    ['Black Toner Cartridge OKI DATA CORP', 'Black Toner Cartridge OKI DATA CORP'],
    ['Toner 3K', 'Toner 3K'],
    ['  Waste Toner Box ', 'Waste Toner Box'],
  ])('%s', (description, expected) => {
    expect(supplyDisplayName(description)).toBe(expected);
  });
});
