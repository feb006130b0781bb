import { describe, expect, it } from 'vitest';
import { emptyPriceList } from './price-list.ts';
import { billPeriod, trueUp, type DeviceTerms, type DeviceUsage, type PriceList } from './pricing.ts';

const terms = (prices: [string | null, string | null, string | null], included: [number, number, number] = [0, 0, 0], fixedFee = '0'): DeviceTerms => ({
  prices: { mono: prices[0], colour: prices[1], scan: prices[2] },
  included: { mono: included[0], colour: included[1], scan: included[2] },
  fixedFee,
});

const list = (overrides: Partial<PriceList> = {}): PriceList => ({ ...emptyPriceList('CHF'), defaults: terms(['0.0085', '0.065', null]), ...overrides });

const usage = (deviceId: string, [mono, colour, scan, large]: [number, number, number, number], manufacturer = 'Ricoh', model = 'IM C3000', replacements: DeviceUsage['replacements'] = []): DeviceUsage => ({
  deviceId,
  manufacturer,
  model,
  pages: { mono, colour, scan, large },
  replacements,
});

const amounts = (bill: ReturnType<typeof billPeriod>) => bill.lines.map((line) => [line.kind, line.deviceId, line.counter ?? line.supplyModel ?? line.poolId, line.billed, line.amount]);

describe('per page', () => {
  it('bills each device’s pages at the customer’s prices, a kind without price not at all', () => {
    const bill = billPeriod(list(), [usage('a', [12_345, 678, 90, 0])]);
    // 12,345 × 0.0085 = 104.9325 → 104.93; 678 × 0.065 = 44.07; scans are not priced.
    expect(amounts(bill)).toEqual([
      ['pages', 'a', 'mono', 12_345, '104.93'],
      ['pages', 'a', 'colour', 678, '44.07'],
      ['pages', 'a', 'scan', 0, null],
    ]);
    expect(bill.total).toBe('149.00');
  });

  it('bills only the pages beyond the included ones, with the fixed fee of the subscription', () => {
    const bill = billPeriod(list({ defaults: terms(['0.01', '0.08', '0.001'], [1_000, 200, 5_000], '39.90') }), [usage('a', [1_500, 150, 6_000, 0])]);
    expect(amounts(bill)).toEqual([
      ['pages', 'a', 'mono', 500, '5.00'],
      ['pages', 'a', 'colour', 0, '0.00'],
      ['pages', 'a', 'scan', 1_000, '1.00'],
      ['fixed_fee', 'a', null, 1, '39.90'],
    ]);
    expect(bill.total).toBe('45.90');
  });

  it('uses the manual’s per-model table, a device’s own terms over it, and the defaults for the rest', () => {
    const priced = list({
      defaults: terms(['0.5', '0.5', '0.5']),
      models: [
        { manufacturer: 'Canon', model: 'IR-ADV C3550', terms: terms(['2', '3', '1'], [100, 100, 200]) },
        { manufacturer: 'HP', model: 'LaserJet MFP M425', terms: terms(['1', '2', '3']) },
      ],
      devices: [{ deviceId: 'own', terms: terms(['0.1', '0.2', null], [0, 0, 0], '10') }],
    });
    const bill = billPeriod(priced, [
      usage('canon', [150, 120, 250, 0], 'canon', 'ir-adv c3550'),
      usage('hp', [10, 10, 10, 0], 'HP', 'LaserJet MFP M425'),
      usage('own', [10, 10, 0, 0], 'Canon', 'IR-ADV C3550'),
      usage('other', [10, 0, 0, 0], 'Kyocera', 'TASKalfa 2553ci'),
    ]);
    expect(amounts(bill)).toEqual([
      // Canon IR-ADV C3550: 50 × 2, 20 × 3, 50 × 1 beyond 100/100/200 included.
      ['pages', 'canon', 'mono', 50, '100.00'],
      ['pages', 'canon', 'colour', 20, '60.00'],
      ['pages', 'canon', 'scan', 50, '50.00'],
      ['pages', 'hp', 'mono', 10, '10.00'],
      ['pages', 'hp', 'colour', 10, '20.00'],
      ['pages', 'hp', 'scan', 10, '30.00'],
      ['pages', 'own', 'mono', 10, '1.00'],
      ['pages', 'own', 'colour', 10, '2.00'],
      ['fixed_fee', 'own', null, 1, '10.00'],
      ['pages', 'other', 'mono', 10, '5.00'],
      ['pages', 'other', 'colour', 0, '0.00'],
      ['pages', 'other', 'scan', 0, '0.00'],
    ]);
    expect(bill.total).toBe('288.00');
  });

  it('counts a large sheet twice where the contract says so', () => {
    expect(billPeriod(list({ largeCountsDouble: true }), [usage('a', [1_000, 0, 0, 200])]).lines[0]).toMatchObject({ quantity: 1_200, amount: '10.20' });
    expect(billPeriod(list(), [usage('a', [1_000, 0, 0, 200])]).lines[0]).toMatchObject({ quantity: 1_000, amount: '8.50' });
  });

  it('rounds each line once, half up, to the currency’s minor unit', () => {
    expect(billPeriod(list({ defaults: terms(['0.005', null, null]) }), [usage('a', [1, 0, 0, 0])]).lines[0]!.amount).toBe('0.01');
    expect(billPeriod(list({ currency: 'JPY', defaults: terms(['0.5', null, null]) }), [usage('a', [3, 0, 0, 0])]).lines[0]!.amount).toBe('2');
  });
});

describe('tiered by total volume', () => {
  const tiered = list({
    model: 'tiered',
    defaults: terms([null, null, null], [0, 0, 0], '25'),
    tiers: {
      mono: [
        { from: 1, price: '10' },
        { from: 101, price: '8' },
        { from: 1_001, price: '6' },
        { from: 10_001, price: '4' },
      ],
      colour: [
        { from: 1, price: '12' },
        { from: 101, price: '10.5' },
        { from: 1_001, price: '7.75' },
        { from: 10_001, price: '5.20' },
      ],
      scan: [],
    },
  });

  it('bills the manual’s example on the customer’s total: 75,028 + 86,723.20, device lines carrying volumes and fees', () => {
    const bill = billPeriod(tiered, [usage('a', [10_000, 6_000, 0, 0]), usage('b', [3_207, 5_216, 0, 0])]);
    expect(amounts(bill)).toEqual([
      ['pages', 'a', 'mono', 10_000, null],
      ['pages', 'a', 'colour', 6_000, null],
      ['fixed_fee', 'a', null, 1, '25.00'],
      ['pages', 'b', 'mono', 3_207, null],
      ['pages', 'b', 'colour', 5_216, null],
      ['fixed_fee', 'b', null, 1, '25.00'],
      ['tiered', null, 'mono', 13_207, '75028.00'],
      ['tiered', null, 'colour', 11_216, '86723.20'],
    ]);
    expect(bill.total).toBe('161801.20');
  });
});

describe('pools, minimums and consumables', () => {
  it('shares included pages across the customer and bills the pool’s overage once', () => {
    const pooled = list({ defaults: terms(['0.01', '0.1', null], [500, 50, 0]), pools: [{ id: 'all', deviceIds: 'all', included: { mono: 3_000, colour: 300, scan: 0 } }] });
    const bill = billPeriod(pooled, [usage('a', [2_500, 100, 0, 0]), usage('b', [1_000, 150, 0, 0])]);
    expect(amounts(bill).filter(([kind]) => kind === 'pool_overage')).toEqual([
      ['pool_overage', null, 'mono', 500, '5.00'],
      ['pool_overage', null, 'colour', 0, '0.00'],
    ]);
    expect(bill.total).toBe('5.00');
  });

  it('keeps devices outside a group on their own terms', () => {
    const pooled = list({ pools: [{ id: 'hq', deviceIds: ['a'], included: { mono: 1_000, colour: 0, scan: 0 } }] });
    const bill = billPeriod(pooled, [usage('a', [1_500, 0, 0, 0]), usage('b', [1_000, 0, 0, 0])]);
    expect(amounts(bill).filter(([, , counter]) => counter === 'mono')).toEqual([
      ['pages', 'a', 'mono', 1_500, null],
      ['pages', 'b', 'mono', 1_000, '8.50'],
      ['pool_overage', null, 'mono', 500, '4.25'],
    ]);
    expect(bill.lines.find((line) => line.kind === 'pool_overage')!.poolId).toBe('hq');
  });

  it('tops a short period up to the minimum commitment', () => {
    const bill = billPeriod(list({ minimumPerPeriod: '150' }), [usage('a', [10_000, 0, 0, 0])]);
    expect(bill.lines.at(-1)).toMatchObject({ kind: 'minimum', amount: '65.00' });
    expect(bill.total).toBe('150.00');
    expect(billPeriod(list({ minimumPerPeriod: '50' }), [usage('a', [10_000, 0, 0, 0])]).lines.some((line) => line.kind === 'minimum')).toBe(false);
  });

  it('bills each replaced supply at its model’s price; an unpriced one is listed, not billed', () => {
    const priced = list({ consumables: [{ supplyModel: 'MP C3003 Toner Black', price: '89.50' }] });
    const bill = billPeriod(priced, [usage('a', [0, 0, 0, 0], 'Ricoh', 'MP C3003', [{ supplyModel: 'mp c3003 toner black', count: 2 }, { supplyModel: 'Waste toner', count: 1 }])]);
    expect(amounts(bill).filter(([kind]) => kind === 'consumable')).toEqual([
      ['consumable', 'a', 'mp c3003 toner black', 2, '179.00'],
      ['consumable', 'a', 'Waste toner', 0, null],
    ]);
  });

  it('per consumable: only the replacements are billed, the pages listed without amount, the fee kept', () => {
    const perConsumable = list({
      model: 'per_consumable',
      defaults: terms(['0.01', '0.1', null], [0, 0, 0], '15'),
      consumables: [
        { supplyModel: 'TN-321K', price: '89.50' },
        { supplyModel: 'TN-321C', price: '120.0049' },
      ],
    });
    const bill = billPeriod(perConsumable, [
      usage('a', [20_000, 5_000, 0, 0], 'Konica Minolta', 'bizhub C364e', [{ supplyModel: 'TN-321K', count: 3 }, { supplyModel: 'TN-321C', count: 1 }]),
      usage('b', [1_000, 0, 0, 0], 'Konica Minolta', 'bizhub C364e'),
    ]);
    expect(amounts(bill)).toEqual([
      ['pages', 'a', 'mono', 20_000, null],
      ['pages', 'a', 'colour', 5_000, null],
      ['fixed_fee', 'a', null, 1, '15.00'],
      // 3 × 89.50; 120.0049 → 120.00
      ['consumable', 'a', 'TN-321K', 3, '268.50'],
      ['consumable', 'a', 'TN-321C', 1, '120.00'],
      ['pages', 'b', 'mono', 1_000, null],
      ['pages', 'b', 'colour', 0, null],
      ['fixed_fee', 'b', null, 1, '15.00'],
    ]);
    expect(bill.total).toBe('418.50');
  });

  it('trues up a quarter: the pool’s pages against three allowances, less the overage already billed', () => {
    const pool = { id: 'all', deviceIds: 'all' as const, included: { mono: 1_000, colour: 0, scan: 0 } };
    const month = (mono: number, billed: number) => ({ pages: { mono, colour: 0, scan: 0 }, billedOverage: { mono: billed, colour: 0, scan: 0 } });
    // A busy month billed 800 pages over; two quiet months left 700 unused: 100 pages over for the quarter.
    const lines = trueUp(list(), pool, [month(1_800, 800), month(600, 0), month(700, 0)]);
    expect(lines.find((line) => line.counter === 'mono')).toMatchObject({ quantity: 3_100, included: 3_000, billed: -700, amount: '-5.95' });
  });
});
