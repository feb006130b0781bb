import { describe, expect, it } from 'vitest';
import type { BundleSupply } from '@parc/shared/contracts/tickets';
import { suppliesToInstall, type SupplyToInstall } from './supplies-to-install.ts';

type Order = NonNullable<BundleSupply['order']>;

const supply = (supplyIndex: string, order: Partial<Order> | null, extra: Partial<BundleSupply> = {}): BundleSupply => ({
  supplyIndex,
  description: 'Cyan Toner, PN 006R01510;SN48178080E0000482',
  type: 'toner',
  colour: 'cyan',
  percent: 12,
  readAt: '2026-11-20T07:00:00.000Z',
  order: order && { code: `SUP-ORDER-${supplyIndex}`, status: 'new', shippedAt: null, trackingLink: null, kind: 'toner', colour: 'cyan', partNumber: '006R01510', ...order },
  ...extra,
});

/** As a bundle stored before orders carried what they bring. */
const stored = (each: BundleSupply) => ({ ...each, order: each.order && { code: each.order.code, status: each.order.status, shippedAt: each.order.shippedAt, trackingLink: each.order.trackingLink } });

const shown = (views: SupplyToInstall[]) => views.map((view) => [view.supplyIndex, view.status, view.kind, view.colour, view.partNumber]);

describe('suppliesToInstall', () => {
  it.each<[string, Parameters<typeof suppliesToInstall>[0], ReturnType<typeof shown>]>([
    ['no supplies', [], []],
    ['nothing on its way', [supply('1', null), supply('2', null)], []],
    ['only the ordered ones', [supply('1', null), supply('2', {})], [['2', 'new', 'toner', 'cyan', '006R01510']]],
    ['the order’s kind, colour and part win over the printer’s', [supply('1', { kind: 'drum', colour: 'black', partNumber: '013R00662' })], [['1', 'new', 'drum', 'black', '013R00662']]],
    ['no part number known', [supply('1', { partNumber: null })], [['1', 'new', 'toner', 'cyan', null]]],
    [
      'delivered first, then shipped, then placed; the printer’s order within a status',
      [supply('1', { status: 'new' }), supply('2', { status: 'shipped' }), supply('3', { status: 'to_replace' }), supply('4', { status: 'shipped' })],
      [['3', 'to_replace', 'toner', 'cyan', '006R01510'], ['2', 'shipped', 'toner', 'cyan', '006R01510'], ['4', 'shipped', 'toner', 'cyan', '006R01510'], ['1', 'new', 'toner', 'cyan', '006R01510']],
    ],
    ['a stored bundle from before: what the printer reports', [stored(supply('1', { status: 'shipped' }))], [['1', 'shipped', 'toner', 'cyan', '006R01510']]],
    [
      'a stored bundle from before, of a supply the printer names loosely',
      [stored(supply('1', {}, { description: 'Drum Cartridge 101R00582', type: 'other', colour: null }))],
      [['1', 'new', 'drum', 'none', '101R00582']],
    ],
  ])('%s', (_name, supplies, expected) => {
    expect(shown(suppliesToInstall(supplies))).toEqual(expected);
  });

  it('keeps the description, order code and tracking link', () => {
    const [view] = suppliesToInstall([supply('1', { status: 'shipped', trackingLink: 'https://post.test/RR1' })]);
    expect(view).toMatchObject({ description: 'Cyan Toner, PN 006R01510;SN48178080E0000482', code: 'SUP-ORDER-1', trackingLink: 'https://post.test/RR1' });
  });
});
