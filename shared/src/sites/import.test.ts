import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../csv.ts';
import { DomainError } from '../errors.ts';
import { checkSiteImport, readSiteImportFile, type SiteImportContext } from './import.ts';

const MAIN = '11111111-1111-4111-8111-111111111111';
const ANNA = '22222222-2222-4222-8222-222222222222';
const context: SiteImportContext = { existingNames: ['Siège'], coordinatorsByEmail: new Map([['anna@client.ch', ANNA]]), mainCoordinatorId: MAIN };

describe('normalizeHeader', () => {
  it.each([
    ['Code_Postal ', 'code postal'],
    ['E-mail', 'e mail'],
    ['Localité', 'localite'],
    ['  Coordinator   Email', 'coordinator email'],
  ])('%j -> %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe('readSiteImportFile', () => {
  it.each([
    ['English, commas', 'name,address,postcode,city,country,coordinator email\nHQ,Rue 1,1000,Lausanne,CH,anna@client.ch'],
    ['French, semicolons, BOM, CRLF', '\uFEFFNom;Adresse;NPA;Ville;Pays;Coordinateur\r\nHQ;Rue 1;1000;Lausanne;CH;anna@client.ch\r\n'],
    ['French "code postal", columns reordered', 'ville,nom,code postal,pays,adresse,e-mail\nLausanne,HQ,1000,CH,Rue 1,anna@client.ch'],
  ])('reads %s', (_name, csv) => {
    expect(readSiteImportFile(csv)).toEqual([
      { line: 2, values: { name: 'HQ', address: 'Rue 1', postcode: '1000', city: 'Lausanne', country: 'CH', coordinatorEmail: 'anna@client.ch' }, extra: 0 },
    ]);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['no name column', 'address,city\nRue 1,Lausanne', /no name column/],
    ['an unknown column', 'name,floor\nHQ,2', /Unknown column "floor"/],
    ['a repeated column', 'name,nom\nHQ,HQ', /appears twice/],
  ])('refuses %s', (_name, csv, message) => {
    expect(() => readSiteImportFile(csv)).toThrowError(DomainError);
    expect(() => readSiteImportFile(csv)).toThrowError(message);
  });
});

describe('checkSiteImport', () => {
  const check = (csv: string) => checkSiteImport(readSiteImportFile(`name,address,postcode,city,country,coordinator email\n${csv}`), context);

  it('accepts good lines, with the main coordinator when none is named', () => {
    expect(check('HQ,Rue 1,1000,Lausanne,ch,ANNA@client.ch\nDepot,,,,,')).toEqual([
      { line: 2, status: 'ok', errors: [], site: { name: 'HQ', address: 'Rue 1', postcode: '1000', city: 'Lausanne', country: 'CH', coordinatorId: ANNA } },
      { line: 3, status: 'ok', errors: [], site: { name: 'Depot', address: null, postcode: null, city: null, country: null, coordinatorId: MAIN } },
    ]);
  });

  it.each([
    ['a missing name', ',Rue 1,,,,', 'name'],
    ['an existing site name, in any case', 'SIÈGE,,,,,', 'name'],
    ['an unknown country format', 'HQ,,,,Suisse,', 'country'],
    ['an unknown coordinator email', 'HQ,,,,,bob@client.ch', 'coordinatorEmail'],
    ['too many values', 'HQ,Rue 1,1000,Lausanne,CH,,extra', 'line'],
  ])('flags %s on its line', (_name, csv, field) => {
    const [line] = check(csv);
    expect(line).toMatchObject({ line: 2, status: 'error', site: null });
    expect(line!.errors.map((error) => error.field)).toContain(field);
  });

  it('flags a name repeated in the file on the later line, pointing at the first', () => {
    const lines = check('HQ,,,,,\nOther,,,,,\nhq,,,,,');
    expect(lines.map((line) => line.status)).toEqual(['ok', 'ok', 'error']);
    expect(lines[2]!.errors[0]!.message).toContain('line 2');
  });
});
