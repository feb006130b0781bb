import { describe, expect, it } from 'vitest';
import { supplyIdentity, type SupplyIdentity } from './identity.ts';

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
