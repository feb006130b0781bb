import { DomainError } from '@parc/shared';

/** Largest range one scan accepts: a /16 is 65 534 hosts, already several minutes at a 1 s timeout. */
export const SMALLEST_PREFIX = 16;

export type Ipv4Range = { first: number; last: number; text: string };

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/**
 * "192.168.1.0/24" (or a single address) → its host addresses. Network and broadcast addresses are
 * left out except in /31 and /32, which have none.
 */
export function parseRange(text: string): Ipv4Range {
  const [address = '', prefixText = '32', extra] = text.trim().split('/');
  const base = parseIpv4(address);
  const prefix = /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (extra !== undefined || base === undefined || !(prefix >= 0 && prefix <= 32))
    throw new DomainError('bad_request', `"${text}" is not an IPv4 range like 192.168.1.0/24`, { field: 'ranges' });
  if (prefix < SMALLEST_PREFIX)
    throw new DomainError('bad_request', `"${text}" is larger than a /${SMALLEST_PREFIX} (65 534 hosts): split it into /${SMALLEST_PREFIX} ranges or smaller`, {
      field: 'ranges',
    });
  const size = 2 ** (32 - prefix);
  const network = base - (base % size);
  if (prefix >= 31) return { first: network, last: network + size - 1, text };
  return { first: network + 1, last: network + size - 2, text };
}

/** Parses every range first (so a bad one fails before any packet is sent) and counts distinct hosts. */
export function parseRanges(texts: readonly string[]): { ranges: Ipv4Range[]; total: number } {
  const ranges = mergeOverlaps(texts.map(parseRange));
  return { ranges, total: ranges.reduce((sum, range) => sum + range.last - range.first + 1, 0) };
}

/** Overlapping ranges ("10.0.0.0/24" and "10.0.0.7") would probe a host twice. */
function mergeOverlaps(ranges: Ipv4Range[]): Ipv4Range[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const merged: Ipv4Range[] = [];
  for (const range of sorted) {
    const previous = merged.at(-1);
    if (previous && range.first <= previous.last + 1) merged[merged.length - 1] = { ...previous, last: Math.max(previous.last, range.last) };
    else merged.push(range);
  }
  return merged;
}

/** Lazily, so a /16 never sits in memory as 65 534 strings. */
export function* hostsOf(ranges: readonly Ipv4Range[]): Generator<string> {
  for (const range of ranges) for (let value = range.first; value <= range.last; value++) yield formatIpv4(value);
}
