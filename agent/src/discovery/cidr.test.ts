import { describe, expect, it } from 'vitest';
import { hostsOf, parseRange, parseRanges } from './cidr.ts';

describe('parseRange', () => {
  it.each([
    ['192.168.1.0/24', '192.168.1.1', '192.168.1.254'],
    ['192.168.1.77/24', '192.168.1.1', '192.168.1.254'],
    ['10.0.0.0/30', '10.0.0.1', '10.0.0.2'],
    ['10.0.0.4/31', '10.0.0.4', '10.0.0.5'],
    ['10.0.0.9', '10.0.0.9', '10.0.0.9'],
    ['172.16.0.0/16', '172.16.0.1', '172.16.255.254'],
  ])('%s spans %s to %s', (text, first, last) => {
    const hosts = [...hostsOf([parseRange(text)])];
    expect([hosts[0], hosts.at(-1)]).toEqual([first, last]);
  });

  it.each(['10.0.0.0/15', '0.0.0.0/0'])('refuses %s as larger than a /16', (text) => {
    expect(() => parseRange(text)).toThrow(/larger than a \/16/);
  });

  it.each(['10.0.0/24', '10.0.0.256/24', '10.0.0.0/33', 'printer.local', '10.0.0.0/24/1', ''])('refuses %j as not a range', (text) => {
    expect(() => parseRange(text)).toThrow(/not an IPv4 range/);
  });
});

describe('parseRanges', () => {
  it('merges overlaps so no host is probed twice', () => {
    const { total, ranges } = parseRanges(['10.0.0.0/24', '10.0.0.7', '10.0.1.0/24']);
    expect(total).toBe(254 + 254);
    expect([...hostsOf(ranges)].length).toBe(total);
    expect(new Set(hostsOf(ranges)).size).toBe(total);
  });
});
