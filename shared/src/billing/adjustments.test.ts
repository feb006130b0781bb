import { describe, expect, it } from 'vitest';
import { adjustmentLines, lineKey, linesTotal } from './adjustments.ts';
import type { BillLine } from './pricing.ts';

type Line = BillLine & { adjustsPeriod: string | null };

const line = (fields: Partial<Line> & Pick<Line, 'kind' | 'quantity'>): Line => ({
  deviceId: null,
  counter: null,
  poolId: null,
  supplyModel: null,
  included: 0,
  billed: fields.quantity,
  unitPrice: null,
  amount: null,
  adjustsPeriod: null,
  ...fields,
});
const mono = (quantity: number, amount: string | null, extra: Partial<Line> = {}) => line({ kind: 'pages', deviceId: 'a', counter: 'mono', quantity, unitPrice: '0.01', amount, ...extra });
const fee = line({ kind: 'fixed_fee', deviceId: 'a', quantity: 1, unitPrice: '20', amount: '20.00' });
const adjustment = (of: Line, quantity: number, amount: string | null, billed = quantity) => ({ ...of, kind: 'adjustment' as const, quantity, billed, included: 0, amount, adjustsPeriod: '2026-10' });

type Case = [name: string, approved: Line[], carried: Line[], recomputed: Line[], expected: [quantity: number, billed: number, amount: string | null][]];

describe('adjustments of an approved period', () => {
  it.each<Case>([
    ['nothing changed: no line', [mono(1_000, '10.00'), fee], [], [mono(1_000, '10.00'), fee], []],
    ['a corrected end value: the pages and the amount in difference', [mono(1_000, '10.00'), fee], [], [mono(1_250, '12.50'), fee], [[250, 250, '2.50']]],
    ['a lower value credits', [mono(1_000, '10.00')], [], [mono(900, '9.00')], [[-100, -100, '-1.00']]],
    ['already adjusted on a later run: only what is left', [mono(1_000, '10.00')], [adjustment(mono(0, null), 250, '2.50')], [mono(1_300, '13.00')], [[50, 50, '0.50']]],
    ['already adjusted to the current value: nothing more', [mono(1_000, '10.00')], [adjustment(mono(0, null), 250, '2.50')], [mono(1_250, '12.50')], []],
    ['pages still within the included ones: the volume changes, not the amount', [mono(400, '0.00', { included: 500, billed: 0 })], [], [mono(450, '0.00', { included: 500, billed: 0 })], [[50, 0, '0.00']]],
    ['a device’s volume under a tiered price has no amount of its own', [mono(1_000, null)], [], [mono(1_100, null)], [[100, 100, null]]],
    ['a device read late appears', [], [], [fee], [[1, 1, '20.00']]],
    ['a line gone is credited', [mono(100, '1.00'), fee], [], [mono(100, '1.00')], [[-1, -1, '-20.00']]],
    [
      'the run’s own adjustments of older periods and true-ups are left out',
      [mono(1_000, '10.00'), adjustment(mono(0, null), 10, '0.10'), line({ kind: 'true_up', poolId: 'all', counter: 'mono', quantity: 3_000, amount: '5.00' })],
      [],
      [mono(1_000, '10.00')],
      [],
    ],
  ])('%s', (_name, approved, carried, recomputed, expected) => {
    const lines = adjustmentLines({ period: '2026-10', currency: 'CHF', approved, carried, recomputed });
    expect(lines.map((each) => [each.quantity, each.billed, each.amount])).toEqual(expected);
    for (const each of lines) expect(each).toMatchObject({ kind: 'adjustment', adjustsPeriod: '2026-10' });
  });

  it('keeps the adjusted line’s device, counter and unit price, so it reads as what it corrects', () => {
    const [corrected] = adjustmentLines({ period: '2026-10', currency: 'CHF', approved: [mono(1_000, '10.00')], carried: [], recomputed: [mono(1_250, '12.50')] });
    expect(corrected).toMatchObject({ deviceId: 'a', counter: 'mono', unitPrice: '0.01' });
    expect(lineKey(corrected!)).toBe(lineKey(mono(0, null)));
  });

  it('tells every kind of line apart by its key', () => {
    const lines = [
      mono(1, null),
      fee,
      line({ kind: 'consumable', deviceId: 'a', supplyModel: 'Toner', quantity: 1 }),
      line({ kind: 'pages', deviceId: 'a', counter: 'mono', poolId: 'hq', quantity: 1 }),
      line({ kind: 'pool_overage', counter: 'mono', poolId: 'hq', quantity: 1 }),
      line({ kind: 'tiered', counter: 'mono', quantity: 1 }),
      line({ kind: 'minimum', quantity: 1 }),
    ];
    expect(new Set(lines.map(lineKey)).size).toBe(lines.length);
  });

  it('totals lines to the currency’s minor unit, lines without amount counting nothing', () => {
    expect(linesTotal([mono(1, '10.50'), mono(1, null), mono(1, '-0.25')], 'CHF')).toBe('10.25');
    expect(linesTotal([], 'JPY')).toBe('0');
  });
});
