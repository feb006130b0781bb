import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { csvRecord, decodeCsv, detectCsvDelimiter, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it.each([
    ['plain fields', 'a,b,c\n1,2,3', [{ line: 1, cells: ['a', 'b', 'c'] }, { line: 2, cells: ['1', '2', '3'] }]],
    ['CRLF and a trailing line break', 'a,b\r\n1,2\r\n', [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }]],
    ['bare CR line ends', 'a\r1', [{ line: 1, cells: ['a'] }, { line: 2, cells: ['1'] }]],
    ['empty fields', 'a,,c\n,,', [{ line: 1, cells: ['a', '', 'c'] }, { line: 2, cells: ['', '', ''] }]],
    ['quoted delimiter and doubled quotes', '"x, y","say ""hi"""', [{ line: 1, cells: ['x, y', 'say "hi"'] }]],
    ['quoted line break keeps the next record on its real line', '"two\nlines",b\nc,d', [{ line: 1, cells: ['two\nlines', 'b'] }, { line: 3, cells: ['c', 'd'] }]],
    ['quoted CRLF inside a field', '"a\r\nb"\r\nc', [{ line: 1, cells: ['a\r\nb'] }, { line: 3, cells: ['c'] }]],
    ['blank lines are skipped', 'a\n\n\nb\n', [{ line: 1, cells: ['a'] }, { line: 4, cells: ['b'] }]],
    ['byte-order mark dropped', '\uFEFFnom;ville\nA;B', [{ line: 1, cells: ['nom', 'ville'] }, { line: 2, cells: ['A', 'B'] }]],
    ['semicolons detected, commas kept in values', 'a;b\n1,5;2', [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1,5', '2'] }]],
    ['a quote inside an unquoted value is literal', 'a"b,c', [{ line: 1, cells: ['a"b', 'c'] }]],
    ['empty input', '', []],
  ])('%s', (_name, input, expected) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it('refuses a quote that is never closed, naming its line', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrowError(DomainError);
    expect(() => parseCsv('a\n"open,b\nc')).toThrowError(/Line 2/);
  });
});

describe('csvRecord', () => {
  it.each([',', ';'] as const)('quotes only what needs it and reads back to the same cells with %s', (delimiter) => {
    const cells = ['plain', 'a;b', 'x,y', 'say "hi"', 'two\nlines', 'cr\r\nlf', '', '-12.50'];
    const text = csvRecord(cells, delimiter) + csvRecord(['next'], delimiter);
    expect(text.startsWith(`plain${delimiter}`)).toBe(true);
    expect(text).toContain(`${delimiter}"say ""hi"""${delimiter}`);
    expect(text).toContain(`${delimiter}-12.50\r\n`);
    expect(parseCsv(text, delimiter).map((row) => row.cells)).toEqual([cells, ['next']]);
  });
});

describe('detectCsvDelimiter', () => {
  it.each([
    ['name,city', ','],
    ['nom;ville', ';'],
    ['"a;b",c,d', ','],
    ['single', ','],
  ] as const)('%s -> %s', (header, expected) => {
    expect(detectCsvDelimiter(header)).toBe(expected);
  });
});

describe('decodeCsv', () => {
  const latin1 = (text: string) => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
  it.each([
    ['UTF-8', new TextEncoder().encode('name;city\nBureau;Genève'), 'utf-8'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name;city\nBureau;Genève')]), 'utf-8'],
    ['Latin-1 from a spreadsheet', latin1('name;city\nBureau;Genève'), 'windows-1252'],
  ] as const)('%s arrives as Genève', (_name, bytes, encoding) => {
    const decoded = decodeCsv(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe('name;city\nBureau;Genève');
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('reads Windows-1252 letters beyond Latin-1 (the euro sign, typographic quotes)', () => {
    expect(decodeCsv(Uint8Array.from([0x80, 0x20, 0x93, 0x41, 0x94])).text).toBe('€ “A”');
  });
});
