import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv.ts';
import { errorMessage, isErrorKey } from '../errors/catalogue.ts';
import { checkDeviceImport, parseImportCounter, parseImportDate, readDeviceImportRecords, type DeviceImportContext } from './import.ts';

const context: DeviceImportContext = {
  sitesByName: new Map([['siège', 'a0000000-0000-4000-8000-000000000001']]),
  coordinatorsByEmail: new Map([['anna@client.ch', 'b0000000-0000-4000-8000-000000000001']]),
  activeSerials: new Map([['TAKEN1', 'ACME-4']]),
  today: '2026-12-05',
};
const HEADER = 'serial;manufacturer;model;site;coordinator;install date;total;mono;colour;scan;large';
const check = (...lines: string[]) => checkDeviceImport(readDeviceImportRecords(parseCsv([HEADER, ...lines].join('\n'))), context);

describe('parseImportDate', () => {
  it.each([
    ['2025-01-31', '2025-01-31'],
    ['31.01.2025', '2025-01-31'],
    ['1/3/2025', '2025-03-01'],
    ['29.02.2024', '2024-02-29'],
    ['29.02.2025', null],
    ['2025-13-01', null],
    ['01/31/2025', null],
    ['yesterday', null],
  ])('%s -> %s', (text, expected) => expect(parseImportDate(text)).toBe(expected));
});

describe('parseImportCounter', () => {
  it.each([
    ['12345', 12345],
    ["12'345", 12345],
    ['12 345', 12345],
    ['1.234.567', 1234567],
    ['12,345', 12345],
    ['0', 0],
    ['12.5', null],
    ['-3', null],
    ['abc', null],
    ['10000000001', null],
  ])('%s -> %s', (text, expected) => expect(parseImportCounter(text)).toBe(expected));
});

describe('readDeviceImportRecords', () => {
  it('accepts headers in French and German, in any order', () => {
    const [row] = readDeviceImportRecords(parseCsv('Modèle;Numéro de série;Hersteller;Couleur\nIM C3000;3101R;Ricoh;1200'));
    expect(row!.values).toEqual({ model: 'IM C3000', serial: '3101R', manufacturer: 'Ricoh', colour: '1200' });
  });

  it.each([
    ['', 'device_import.empty', {}],
    ['serial;manufacturer;model;floor\n', 'device_import.unknown_column', { column: 'floor' }],
    ['serial;manufacturer;model;serial number\n', 'device_import.repeated_column', { column: 'serial' }],
    ['serial;manufacturer\n', 'device_import.missing_column', { column: 'model' }],
  ])('refuses the file %j with %s', (csv, key, params) => {
    expect(() => readDeviceImportRecords(parseCsv(csv))).toThrow(expect.objectContaining({ key, params: expect.objectContaining(params) }));
  });

  it('refuses more lines than the bound', () => {
    const csv = ['serial;manufacturer;model', ...Array.from({ length: 1001 }, (_, i) => `S${i};HP;M`)].join('\n');
    expect(() => readDeviceImportRecords(parseCsv(csv))).toThrow(expect.objectContaining({ key: 'device_import.too_many_lines' }));
  });
});

describe('checkDeviceImport', () => {
  it('turns a good line into a device with its counters and starting values', () => {
    const [line] = check("CNB1;HP;Color LaserJet M554dn;Siège;ANNA@client.ch;01.03.2025;12'000;8000;4000;;");
    expect(line).toEqual({
      line: 2,
      serial: 'CNB1',
      status: 'ok',
      errors: [],
      device: {
        serial: 'CNB1',
        manufacturer: 'HP',
        model: 'Color LaserJet M554dn',
        siteId: context.sitesByName.get('siège'),
        coordinatorId: context.coordinatorsByEmail.get('anna@client.ch'),
        installedAt: '2025-03-01T00:00:00.000Z',
        counters: ['colour'],
        startingCounters: [
          { counter: 'total', value: 12000 },
          { counter: 'mono', value: 8000 },
          { counter: 'colour', value: 4000 },
        ],
      },
    });
  });

  it.each([
    ['serial missing', ';HP;M;;;;;;;;', [['serial', 'device_import.required', { column: 'serial' }]]],
    ['model missing', 'S1;HP;;;;;;;;;', [['model', 'device_import.required', { column: 'model' }]]],
    ['model too long', `S1;HP;${'x'.repeat(101)};;;;;;;;`, [['model', 'device_import.too_long', { column: 'model', maximum: 100 }]]],
    ['serial of an active device', 'TAKEN1;HP;M;;;;;;;;', [['serial', 'device_import.serial_taken', { serial: 'TAKEN1', deviceCode: 'ACME-4' }]]],
    ['unknown site', 'S1;HP;M;Annexe;;;;;;;', [['site', 'device_import.unknown_site', { site: 'Annexe' }]]],
    ['unknown coordinator', 'S1;HP;M;;bob@client.ch;;;;;;', [['coordinator', 'device_import.unknown_coordinator', { email: 'bob@client.ch' }]]],
    ['impossible date', 'S1;HP;M;;;31.02.2025;;;;;', [['installDate', 'device_import.bad_date', { value: '31.02.2025' }]]],
    ['future date', 'S1;HP;M;;;2027-01-01;;;;;', [['installDate', 'device_import.future_date', { value: '2027-01-01' }]]],
    ['decimal counter', 'S1;HP;M;;;;12.5;;;;', [['total', 'device_import.bad_counter', { column: 'total', value: '12.5' }]]],
    ['extra cell', 'S1;HP;M;;;;;;;;;oops', [['line', 'device_import.extra_cells', { count: 1 }]]],
  ])('%s', (_case, text, expected) => {
    const [line] = check(text);
    expect(line!.status).toBe('error');
    expect(line!.device).toBeNull();
    expect(line!.errors.map((error) => [error.field, error.key, error.params])).toEqual(expected);
  });

  it('flags a serial repeated in the file on the later line, pointing at the first', () => {
    const lines = check('S1;HP;M;;;;;;;;', 'S2;HP;M;;;;;;;;', 'S1;Ricoh;IM 6000;;;;;;;;');
    expect(lines.map((line) => line.status)).toEqual(['ok', 'ok', 'error']);
    expect(lines[2]!.errors).toEqual([{ field: 'serial', key: 'device_import.serial_repeated', params: { serial: 'S1', line: 2 } }]);
  });

  it('gives every line error a text in each language', () => {
    const lines = check(';HP;M;Annexe;bob@client.ch;31.02.2025;x;;;;;1');
    for (const error of lines[0]!.errors) {
      expect(isErrorKey(error.key)).toBe(true);
      expect(errorMessage(error.key as never, error.params as never, 'de')).not.toMatch(/undefined|device_import/);
    }
  });
});
