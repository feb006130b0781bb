import { describe, expect, it } from 'vitest';
import { parseWalk } from './index.ts';

const text = (bytes: unknown) => new TextDecoder().decode(bytes as Uint8Array);

describe('parseWalk: snmprec', () => {
  it.each([
    ['1.3.6.1.2.1.43.10.2.1.4.1.1|65|33810', { type: 'counter32', value: 33810 }],
    ['1.3.6.1.2.1.43.11.1.1.9.1.1|2|-3', { type: 'integer', value: -3 }],
    ['1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.367.1.1', { type: 'oid', value: '1.3.6.1.4.1.367.1.1' }],
    ['1.3.6.1.2.1.1.3.0|67|53036118', { type: 'timeticks', value: 53036118 }],
    ['1.3.6.1.2.1.4.20.1.1.1|64|192.0.2.1', { type: 'ip', value: '192.0.2.1' }],
    ['1.3.6.1.2.1.31.1.1.1.6.1|70|12345678901', { type: 'counter64', value: 12345678901 }],
  ])('%s', (line, expected) => {
    expect(parseWalk(line).varbinds[0]).toMatchObject(expected);
  });

  it('reads 4x as hex bytes and 4 as text, with a pipe inside the value kept', () => {
    const { varbinds } = parseWalk('1.3.6.1.4.1.2435.2.3.9.4.2.1.5.5.10.0|4x|0001040000064b\n1.3.6.1.2.1.1.1.0|4|a|b');
    expect([...(varbinds[0]?.value as Uint8Array)]).toEqual([0, 1, 4, 0, 0, 6, 0x4b]);
    expect(text(varbinds[1]?.value)).toBe('a|b');
  });

  it('skips a corrupt line but keeps the rest', () => {
    const parse = parseWalk('1.3.6.1.2.1.2.2.1.17.1|65|6git3159\n1.3.6.1.2.1.1.5.0|4|printer');
    expect(parse.varbinds).toHaveLength(1);
    expect(parse.skipped[0]?.line).toBe(1);
  });
});

describe('parseWalk: snmpwalk -On text', () => {
  const walk = [
    '.1.3.6.1.2.1.1.1.0 = STRING: "RICOH MP C3004 1.10 / RICOH Network Printer"',
    '.1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.367.1.1',
    '.1.3.6.1.2.1.1.3.0 = Timeticks: (90117500) 10 days, 10:19:35.00',
    '.1.3.6.1.2.1.25.3.5.1.1.1 = INTEGER: idle(3)',
    '.1.3.6.1.2.1.43.10.2.1.4.1.1 = Counter32: 271871',
    '.1.3.6.1.2.1.25.3.2.1.6.1 = Gauge32: 7',
    '.1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 26 73 5A 1B 2C ',
    '.1.3.6.1.2.1.43.18.1.1.8.1.1 = STRING: "Paper jam',
    'in tray 2"',
    '.1.3.6.1.4.1.2435.2.3.9.4.2.1.5.5.10.0 = Hex-STRING: 00 01 04 00 00 06 4B 02 01 04 00 00 03 86 01 01',
    '04 00 00 02 C5',
    '.1.3.6.1.2.1.1.5.0 = ""',
    '.1.3.6.1.2.1.4.20.1.1.192.0.2.1 = IpAddress: 192.0.2.1',
  ].join('\n');
  const { varbinds, skipped } = parseWalk(walk);

  it('reads every varbind, joining multi-line strings and wrapped hex', () => {
    expect(skipped).toEqual([]);
    expect(varbinds.map((varbind) => varbind.type)).toEqual([
      'octets', 'oid', 'timeticks', 'integer', 'counter32', 'gauge32', 'octets', 'octets', 'octets', 'octets', 'ip',
    ]);
  });

  it.each([
    [0, 'RICOH MP C3004 1.10 / RICOH Network Printer'],
    [7, 'Paper jam\nin tray 2'],
  ])('varbind %i holds text %j', (position, expected) => {
    expect(text(varbinds[position]?.value)).toBe(expected);
  });

  it('keeps numbers and OIDs without the leading dot', () => {
    expect(varbinds[1]).toMatchObject({ oid: '1.3.6.1.2.1.1.2.0', value: '1.3.6.1.4.1.367.1.1' });
    expect(varbinds[2]?.value).toBe(90117500);
    expect(varbinds[3]?.value).toBe(3);
    expect((varbinds[8]?.value as Uint8Array).length).toBe(21);
  });
});
