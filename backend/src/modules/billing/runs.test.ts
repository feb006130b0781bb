import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPriceList, perPagePriceList } from '@parc/shared/billing/price-list';
import type { PriceListInput } from '@parc/shared/contracts/billing';
import { billingRuns, deviceSupplies, linkSigningKeys, meterLinks, priceVersions, readings, supplyReplacements } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { recordReading } from '../readings/readings.writer.ts';
import { billingEstimate } from './estimate.service.ts';
import { linesFromInputs } from './runs.service.ts';
import { supplyReplacementsOf, type DeviceSupply, type RecordedReplacement } from './usage.repo.ts';

/**
 * Billing runs over a fixed fixture, not the demo fleet. Customers are in Europe/Zurich: October
 * runs from 2026-09-30T22:00Z to 2026-10-31T23:00Z, November from 2026-10-31T23:00Z to
 * 2026-11-30T23:00Z. The clock stands at 2026-11-20T08:00Z: October has ended, November has not.
 * Every amount below is computed by hand in the comments.
 */

const NOW = new Date('2026-11-20T08:00:00Z');
const OCTOBER_START = '2026-09-30T10:00:00Z'; // before October's start: the previous period's end value
const OCTOBER_END = '2026-10-31T10:00:00Z';

type Kinds = { mono: string | null; colour: string | null; scan: string | null };
const terms = (prices: Kinds, included = { mono: 0, colour: 0, scan: 0 }, fixedFee = '0') => ({ prices, included, fixedFee });
/** Mono pages at a cent, nothing else priced. */
const CENT_A_PAGE = { ...emptyPriceList('CHF'), defaults: terms({ mono: '0.01', colour: null, scan: null }) };

describe('billing runs', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    partnerId = (await t.createPartner()).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
  });
  afterAll(() => t.close());

  /** Runs `step` with the app's clock at `instant`, then puts it back. */
  async function at<T>(instant: string, step: () => Promise<T>): Promise<T> {
    t.setNow(new Date(instant));
    try {
      return await step();
    } finally {
      t.setNow(NOW);
    }
  }

  async function savePrices(customerId: string, prices: PriceListInput, when = '2026-10-05T08:00:00Z', caller = admin) {
    const saved = await at(when, () => caller.request('PUT', `/customers/${customerId}/prices`, prices));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body.current;
  }

  /** A customer with the given devices and, unless null, prices in force since October. */
  async function customerWith(prices: PriceListInput | null, devices: Record<string, unknown>[] = [{ colourCapable: true }], caller = admin) {
    const customer = (await caller.request('POST', '/customers', customerInput())).body;
    const created: Json[] = [];
    for (const overrides of devices) created.push((await caller.request('POST', '/devices', deviceInput(customer.id, overrides))).body);
    const version = prices ? await savePrices(customer.id, prices, undefined, caller) : null;
    return { customer, devices: created, version };
  }

  async function read(device: Json, kind: string, value: number, takenAt: string): Promise<Json> {
    let counter = device.counters.find((each: Json) => each.kind === kind);
    if (!counter) {
      counter = (await admin.request('POST', `/devices/${device.id}/counters`, { kind })).body;
      device.counters.push(counter);
    }
    const response = await admin.request('POST', `/devices/${device.id}/readings`, { counterId: counter.id, value, takenAt });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  /** Readings at the end of September and of October: October's volume is the difference. */
  async function october(device: Json, counters: Record<string, [number, number]>) {
    for (const [kind, [start, end]] of Object.entries(counters)) {
      await read(device, kind, start, OCTOBER_START);
      await read(device, kind, end, OCTOBER_END);
    }
  }

  const run = async (customerId: string, period: string, caller = admin) => caller.request('POST', '/billing-runs', { customerId, period });
  const detail = async (id: string) => (await admin.request('GET', `/billing-runs/${id}`)).body;
  /** A run's lines as [kind, device, counter/supply/pool, quantity, billed, amount]. */
  const lines = (body: Json, names: Record<string, string>) =>
    body.lines.map((line: Json) => [line.kind, line.deviceId ? names[line.deviceId] : null, line.counter ?? line.supplyModel ?? line.poolId, line.quantity, line.billed, line.amount]);
  const namesOf = (devices: Json[], names: string[]) => Object.fromEntries(devices.map((device, index) => [device.id, names[index]!]));

  describe('one customer per pricing model, totals computed by hand', () => {
    it('per page with included pages and a fixed fee; a device without readings is listed as missing', async () => {
      const prices = { ...emptyPriceList('CHF'), defaults: terms({ mono: '0.01', colour: '0.08', scan: null }, { mono: 1_000, colour: 200, scan: 0 }, '39.90') };
      const { customer, devices } = await customerWith(prices, [{ colourCapable: true }, { colourCapable: false }, { colourCapable: false }]);
      const [colour, mono, silent] = devices as [Json, Json, Json];
      await october(colour, { mono: [10_000, 11_500], colour: [2_000, 2_150] });
      // A mono device read on its total only: its mono pages are its total's.
      await october(mono, { total: [5_000, 5_800] });
      const response = await run(customer.id, '2026-10');
      expect(response.status).toBe(200);
      expect(response.body.skipped).toEqual([]);
      const [summary] = response.body.runs;
      const body = await detail(summary.id);
      expect(lines(body, namesOf(devices, ['colour', 'mono']))).toEqual([
        // 1,500 mono − 1,000 included = 500 × 0.01; 150 colour within the 200 included.
        ['pages', 'colour', 'mono', 1_500, 500, '5.00'],
        ['pages', 'colour', 'colour', 150, 0, '0.00'],
        ['fixed_fee', 'colour', null, 1, 1, '39.90'],
        ['pages', 'mono', 'mono', 800, 0, '0.00'],
        ['pages', 'mono', 'colour', 0, 0, '0.00'],
        ['fixed_fee', 'mono', null, 1, 1, '39.90'],
      ]);
      // 5.00 + 39.90 + 39.90
      expect(body).toMatchObject({
        period: '2026-10',
        periodStart: '2026-09-30T22:00:00.000Z',
        periodEnd: '2026-10-31T23:00:00.000Z',
        status: 'draft',
        currency: 'CHF',
        total: '84.80',
        missingDevices: 1,
        estimatedLines: 0,
        adjustmentLines: 0,
        priceVersionId: expect.any(String),
        missing: [{ deviceId: silent.id, deviceCode: silent.deviceCode, deviceModel: silent.model }],
      });
      expect(body.lines[0]).toMatchObject({ deviceCode: colour.deviceCode, deviceModel: colour.model, startValue: 10_000, endValue: 11_500, estimated: false, unitPrice: '0.01', included: 1_000, adjustsPeriod: null });
      expect(body.lines[3]).toMatchObject({ startValue: 5_000, endValue: 5_800 });
      expect(summary).toEqual(Object.fromEntries(Object.entries(body).filter(([key]) => !['lines', 'missing', 'priceVersionId'].includes(key))));
    });

    it('per device model and per device: the manual’s Canon IR-ADV C3550 at 2/3/1 with 100/100/200 included', async () => {
      const prices = {
        ...emptyPriceList('CHF'),
        defaults: terms({ mono: '0.02', colour: '0.1', scan: null }),
        models: [{ manufacturer: 'Canon', model: 'IR-ADV C3550', terms: terms({ mono: '2', colour: '3', scan: '1' }, { mono: 100, colour: 100, scan: 200 }) }],
      };
      const { customer, devices } = await customerWith(null, [
        { manufacturer: 'Canon', model: 'iR-ADV C3550', colourCapable: true },
        { manufacturer: 'Canon', model: 'iR-ADV C3550', colourCapable: true },
        { manufacturer: 'Kyocera', model: 'TASKalfa 2553ci', colourCapable: false },
      ]);
      const [canon, own, other] = devices as [Json, Json, Json];
      await savePrices(customer.id, { ...prices, devices: [{ deviceId: own.id, terms: terms({ mono: '0.1', colour: '0.2', scan: null }, undefined, '10') }] });
      await october(canon, { mono: [1_000, 1_150], colour: [500, 620], scan: [0, 250] });
      await october(own, { mono: [100, 110], colour: [100, 110] });
      await october(other, { mono: [40, 50] });
      const body = await detail((await run(customer.id, '2026-10')).body.runs[0].id);
      expect(lines(body, namesOf(devices, ['canon', 'own', 'other']))).toEqual([
        // 150 − 100 = 50 × 2; 120 − 100 = 20 × 3; 250 − 200 = 50 × 1
        ['pages', 'canon', 'mono', 150, 50, '100.00'],
        ['pages', 'canon', 'colour', 120, 20, '60.00'],
        ['pages', 'canon', 'scan', 250, 50, '50.00'],
        // Its own terms: 10 × 0.1, 10 × 0.2 and a fee of 10; scans not priced.
        ['pages', 'own', 'mono', 10, 10, '1.00'],
        ['pages', 'own', 'colour', 10, 10, '2.00'],
        ['fixed_fee', 'own', null, 1, 1, '10.00'],
        // The customer's defaults: 10 × 0.02
        ['pages', 'other', 'mono', 10, 10, '0.20'],
        ['pages', 'other', 'colour', 0, 0, '0.00'],
      ]);
      expect(body.total).toBe('223.20');
    });

    it('tiered by total volume: the manual’s example, 13,207 mono pages → 75,028 and 11,216 colour pages → 86,723.20', async () => {
      const prices = {
        ...emptyPriceList('CHF'),
        model: 'tiered' as const,
        defaults: terms({ mono: null, colour: null, scan: null }, undefined, '25'),
        tiers: {
          mono: [{ from: 1, price: '10' }, { from: 101, price: '8' }, { from: 1_001, price: '6' }, { from: 10_001, price: '4' }],
          colour: [{ from: 1, price: '12' }, { from: 101, price: '10.5' }, { from: 1_001, price: '7.75' }, { from: 10_001, price: '5.20' }],
          scan: [],
        },
      };
      const { customer, devices } = await customerWith(prices, [{ colourCapable: true }, { colourCapable: true }]);
      await october(devices[0], { mono: [20_000, 30_000], colour: [1_000, 7_000] });
      await october(devices[1], { mono: [5_000, 8_207], colour: [0, 5_216] });
      const body = await detail((await run(customer.id, '2026-10')).body.runs[0].id);
      expect(lines(body, namesOf(devices, ['a', 'b']))).toEqual([
        ['pages', 'a', 'mono', 10_000, 10_000, null],
        ['pages', 'a', 'colour', 6_000, 6_000, null],
        ['fixed_fee', 'a', null, 1, 1, '25.00'],
        ['pages', 'b', 'mono', 3_207, 3_207, null],
        ['pages', 'b', 'colour', 5_216, 5_216, null],
        ['fixed_fee', 'b', null, 1, 1, '25.00'],
        // 100 × 10 + 900 × 8 + 9,000 × 6 + 3,207 × 4 = 75,028
        ['tiered', null, 'mono', 13_207, 13_207, '75028.00'],
        // 100 × 12 + 900 × 10.5 + 9,000 × 7.75 + 1,216 × 5.20 = 86,723.20
        ['tiered', null, 'colour', 11_216, 11_216, '86723.20'],
      ]);
      expect(body.total).toBe('161801.20');
    });

    it('per consumable: the replacements recorded in the period, the technician’s and those the agent saw', async () => {
      const prices = { ...emptyPriceList('CHF'), model: 'per_consumable' as const, consumables: [{ supplyModel: 'TN-321K', price: '89.50' }, { supplyModel: 'TN-321C', price: '120' }] };
      const { customer, devices } = await customerWith(prices, [{ manufacturer: 'Konica Minolta', model: 'bizhub C364e', colourCapable: true }]);
      const [device] = devices as [Json];
      await october(device, { mono: [1_000, 3_000] });
      const db = t.database.db;
      const supply = (supplyIndex: string, description: string, colour: string) => ({ partnerId, deviceId: device.id, supplyIndex, description, type: 'toner', colour, level: 50, max: 100, percent: 50, state: 'measured' as const, readAt: NOW });
      await db.insert(deviceSupplies).values([supply('1', 'TN-321K', 'black'), supply('2', 'TN-321C', 'cyan')]);
      const replaced = (supplyIndex: string | null, colour: string, replacedAt: string, detectedBy: 'technician' | 'level' = 'technician') => ({
        partnerId,
        deviceId: device.id,
        supplyIndex,
        supplyType: 'Toner',
        colour,
        detectedBy,
        replacedAt: new Date(replacedAt),
        createdAt: NOW,
      });
      await db.insert(supplyReplacements).values([
        // Black: replaced on the 11th (seen by the agent), and on the 20th by the technician.
        replaced('1', 'black', '2026-10-11T08:00:00Z', 'level'),
        replaced('1', 'black', '2026-10-20T09:00:00Z'),
        // Without a supply index: the one cyan toner of the device.
        replaced(null, 'Cyan', '2026-10-15T09:00:00Z'),
        replaced('2', 'cyan', '2026-10-01T08:00:00Z', 'level'),
        // November's: not this period's.
        replaced('1', 'black', '2026-11-02T09:00:00Z'),
      ]);
      const body = await detail((await run(customer.id, '2026-10')).body.runs[0].id);
      expect(lines(body, namesOf(devices, ['c364']))).toEqual([
        ['pages', 'c364', 'mono', 2_000, 2_000, null],
        // 2 × 120 and 2 × 89.50
        ['consumable', 'c364', 'TN-321C', 2, 2, '240.00'],
        ['consumable', 'c364', 'TN-321K', 2, 2, '179.00'],
      ]);
      expect(body.total).toBe('419.00');
    });

    it('a pool shared by the whole customer, topped up to the minimum commitment', async () => {
      const prices = {
        ...emptyPriceList('CHF'),
        defaults: terms({ mono: '0.01', colour: '0.1', scan: null }),
        pools: [{ id: 'all', name: 'All devices', deviceIds: 'all' as const, included: { mono: 3_000, colour: 300, scan: 0 } }],
        minimumPerPeriod: '150',
      };
      const { customer, devices } = await customerWith(prices, [{ colourCapable: true }, { colourCapable: true }]);
      await october(devices[0], { mono: [0, 2_500], colour: [0, 100] });
      await october(devices[1], { mono: [0, 1_000], colour: [0, 150] });
      const body = await detail((await run(customer.id, '2026-10')).body.runs[0].id);
      expect(lines(body, namesOf(devices, ['a', 'b']))).toEqual([
        ['pages', 'a', 'mono', 2_500, 2_500, null],
        ['pages', 'a', 'colour', 100, 100, null],
        ['pages', 'b', 'mono', 1_000, 1_000, null],
        ['pages', 'b', 'colour', 150, 150, null],
        // 3,500 − 3,000 = 500 × 0.01; 250 colour within 300.
        ['pool_overage', null, 'mono', 3_500, 500, '5.00'],
        ['pool_overage', null, 'colour', 250, 0, '0.00'],
        // 150 − 5
        ['minimum', null, null, 1, 1, '145.00'],
      ]);
      expect(body.total).toBe('150.00');
    });
  });

  it('bills an earlier period at the prices in force then, a later one at the new prices', async () => {
    const { customer, devices } = await customerWith(null);
    const [device] = devices as [Json];
    const september = await savePrices(customer.id, perPagePriceList('CHF', { mono: '0.01', colour: '0.1', scan: null }), '2026-09-15T08:00:00Z');
    const october = await savePrices(customer.id, perPagePriceList('CHF', { mono: '0.02', colour: '0.1', scan: null }), '2026-10-15T08:00:00Z');
    expect([september.effectiveFrom, october.effectiveFrom]).toEqual(['2026-09', '2026-10']);
    await read(device, 'mono', 1_000, '2026-08-31T10:00:00Z');
    await read(device, 'mono', 2_000, OCTOBER_START);
    await read(device, 'mono', 3_500, OCTOBER_END);
    const first = await detail((await run(customer.id, '2026-09')).body.runs[0].id);
    const second = await detail((await run(customer.id, '2026-10')).body.runs[0].id);
    // September: 1,000 × 0.01; October: 1,500 × 0.02.
    expect([first.priceVersionId, first.lines[0].amount, first.total]).toEqual([september.id, '10.00', '10.00']);
    expect([second.priceVersionId, second.lines[0].amount, second.total]).toEqual([october.id, '30.00', '30.00']);
  });

  it('trues a pooled allowance up at the end of the quarter, against the overage the approved months billed', async () => {
    const prices = {
      ...emptyPriceList('CHF'),
      defaults: terms({ mono: '0.01', colour: null, scan: null }),
      pools: [{ id: 'all', name: 'All devices', deviceIds: 'all' as const, included: { mono: 1_000, colour: 0, scan: 0 } }],
      trueUp: 'quarterly' as const,
    };
    const { customer, devices } = await customerWith(null, [{ colourCapable: false }]);
    await savePrices(customer.id, prices, '2026-07-05T08:00:00Z');
    for (const [value, takenAt] of [[0, '2026-06-30T10:00:00Z'], [1_800, '2026-07-31T10:00:00Z'], [2_400, '2026-08-31T10:00:00Z'], [3_100, '2026-09-30T10:00:00Z']] as const) {
      await read(devices[0], 'mono', value, takenAt);
    }
    for (const month of ['2026-07', '2026-08']) {
      const { id } = (await run(customer.id, month)).body.runs[0];
      expect((await admin.request('POST', `/billing-runs/${id}/approve`)).status).toBe(200);
    }
    const september = await detail((await run(customer.id, '2026-09')).body.runs[0].id);
    expect(lines(september, namesOf(devices, ['d'])).slice(1)).toEqual([
      ['pool_overage', null, 'mono', 700, 0, '0.00'],
      // July billed 800 pages over its 1,000; the quarter printed 3,100 of 3,000: 700 × 0.01 back.
      ['true_up', null, 'mono', 3_100, -700, '-7.00'],
    ]);
    expect(september.total).toBe('-7.00');
  });

  it('computes the same lines again from the inputs it stored', async () => {
    const prices = { ...emptyPriceList('CHF'), defaults: terms({ mono: '0.0085', colour: '0.065', scan: null }, { mono: 100, colour: 0, scan: 0 }, '12.5') };
    const { customer, devices } = await customerWith(prices, [{ colourCapable: true }, { colourCapable: false }]);
    await october(devices[0], { mono: [100, 12_445], colour: [0, 678] });
    await october(devices[1], { total: [0, 321] });
    const id = (await run(customer.id, '2026-10')).body.runs[0].id;
    const [stored] = await t.database.db.select().from(billingRuns).where(eq(billingRuns.id, id));
    const [version] = await t.database.db.select().from(priceVersions).where(eq(priceVersions.id, stored!.inputs.priceVersionId));
    expect(stored!.inputs.devices.map((device) => device.counters.map((counter) => [counter.kind, counter.pages]))).toEqual([
      [['mono', 12_345], ['colour', 678]],
      [['total', 321]],
    ]);
    expect(linesFromInputs(version!.prices, stored!.inputs.devices)).toEqual(stored!.lines);
    // 12,245 × 0.0085 = 104.0825 → 104.08; 678 × 0.065 = 44.07; 221 × 0.0085 = 1.8785 → 1.88; two fees of 12.50
    expect((await detail(id)).total).toBe('175.03');
  });

  it('labels a volume that rests on an estimate', async () => {
    const { customer, devices } = await customerWith(CENT_A_PAGE, [{ colourCapable: false }]);
    const [device] = devices as [Json];
    await read(device, 'mono', 1_000, OCTOBER_START);
    await t.database.db.transaction((tx) =>
      recordReading(tx, { partnerId, deviceId: device.id, counter: 'mono', value: 1_400, takenAt: new Date(OCTOBER_END), source: 'estimate', actor: 'estimate:2026-10', idempotencyKey: null }, NOW),
    );
    const body = await detail((await run(customer.id, '2026-10')).body.runs[0].id);
    expect(body.lines[0]).toMatchObject({ counter: 'mono', quantity: 400, estimated: true, endValue: 1_400 });
    expect(body.estimatedLines).toBe(1);
  });

  it('bills a device swapped in the period on both machines: the retired one up to the swap, the new one from it', async () => {
    const { customer, devices } = await customerWith(CENT_A_PAGE, [{ colourCapable: false }]);
    const [old] = devices as [Json];
    await read(old, 'mono', 10_000, OCTOBER_START);
    const swap = { serial: `SWAP-${customer.id}`, model: 'iR-ADV C5840i', at: '2026-10-10T10:00:00Z', counters: [{ counter: 'mono', finalValue: 10_500, startValue: 20 }], note: 'Fuser' };
    const replacement = (await admin.request('POST', `/devices/${old.id}/swap`, swap)).body;
    await read(replacement, 'mono', 520, OCTOBER_END);
    const body = await detail((await run(customer.id, '2026-10')).body.runs[0].id);
    // 10,000 → 10,500 on the old machine, 20 → 520 on the new one.
    expect(lines(body, namesOf([old, replacement], ['old', 'new']))).toEqual([
      ['pages', 'old', 'mono', 500, 500, '5.00'],
      ['pages', 'new', 'mono', 500, 500, '5.00'],
    ]);
    expect(body.missing).toEqual([]);
    // In November the retired machine is no longer billed, nor missing.
    const november = await detail((await run(customer.id, '2026-11')).body.runs[0].id);
    expect([november.lines.map((line: Json) => line.deviceId), november.missing]).toEqual([[replacement.id], []]);
  });

  it('counts a link entry made in November for October in October', async () => {
    const { customer, devices } = await customerWith(CENT_A_PAGE, [{ colourCapable: false }]);
    const [device] = devices as [Json];
    const db = t.database.db;
    await db.insert(linkSigningKeys).values({ kid: `billing-${customer.id}`, secret: 'x' }).onConflictDoNothing();
    const [link] = await db
      .insert(meterLinks)
      .values({ partnerId, customerId: customer.id, period: '2026-10', kid: `billing-${customer.id}`, issuedAt: new Date('2026-10-20T06:00:00Z'), expiresAt: new Date('2026-11-04T23:00:00Z') })
      .returning();
    await read(device, 'mono', 1_000, OCTOBER_START);
    await db.transaction((tx) =>
      recordReading(tx, { partnerId, deviceId: device.id, counter: 'mono', value: 1_600, takenAt: new Date('2026-11-03T09:00:00Z'), source: 'link', actor: `link:${link!.id}`, linkId: link!.id, idempotencyKey: null }, NOW),
    );
    await read(device, 'mono', 1_900, '2026-11-19T10:00:00Z');
    const [octoberRun] = (await run(customer.id, '2026-10')).body.runs;
    const [novemberRun] = (await run(customer.id, '2026-11')).body.runs;
    // October: 1,600 − 1,000; November: 1,900 − 1,600.
    expect([octoberRun.total, novemberRun.total]).toEqual(['6.00', '3.00']);
  });

  it('bills a quarterly customer per quarter of its campaign calendar', async () => {
    const { customer, devices } = await customerWith(CENT_A_PAGE, [{ colourCapable: false }]);
    const campaign = await admin.request('PUT', `/customers/${customer.id}/campaign`, { schedule: { kind: 'quarterly' }, sendDay: null, lastValidDay: null, timeZone: null, enabled: true });
    expect(campaign.status).toBe(200);
    await read(devices[0], 'mono', 1_000, OCTOBER_START);
    await read(devices[0], 'mono', 1_900, '2026-11-19T10:00:00Z');
    const [summary] = (await run(customer.id, '2026-10')).body.runs;
    expect(summary).toMatchObject({ period: '2026-12', periodStart: '2026-09-30T22:00:00.000Z', periodEnd: '2026-12-31T23:00:00.000Z', total: '9.00' });
  });

  describe('drafts and approval', () => {
    async function perPageCustomer() {
      const { customer, devices } = await customerWith(CENT_A_PAGE, [{ colourCapable: false }]);
      const [device] = devices as [Json];
      const start = await read(device, 'mono', 1_000, OCTOBER_START);
      const end = await read(device, 'mono', 2_000, OCTOBER_END);
      return { customer, device, start, end };
    }

    it('re-running a draft replaces it in place', async () => {
      const { customer, device } = await perPageCustomer();
      const first = (await run(customer.id, '2026-10')).body.runs[0];
      await read(device, 'mono', 2_300, '2026-10-31T20:00:00Z');
      const again = (await at('2026-11-20T09:00:00Z', () => run(customer.id, '2026-10'))).body.runs[0];
      expect(again).toMatchObject({ id: first.id, total: '13.00', computedAt: '2026-11-20T09:00:00.000Z' });
      expect(first.total).toBe('10.00');
      expect((await admin.request('GET', `/billing-runs?customerId=${customer.id}`)).body.items.map((each: Json) => [each.id, each.total])).toEqual([[first.id, '13.00']]);
    });

    it('refuses to approve before the period’s end, or after the readings changed; then approves and locks the readings it used', async () => {
      const { customer, device, start, end } = await perPageCustomer();
      await read(device, 'mono', 2_600, '2026-11-19T10:00:00Z');
      const november = (await run(customer.id, '2026-11')).body.runs[0];
      const open = await admin.request('POST', `/billing-runs/${november.id}/approve`);
      expect(open.status).toBe(409);
      expect(open.body).toMatchObject({ key: 'billing_run.period_open', params: { period: '2026-11', end: '2026-11-30T23:00:00.000Z' } });

      const october = (await run(customer.id, '2026-10')).body.runs[0];
      const late = await read(device, 'mono', 2_100, '2026-10-31T12:00:00Z');
      expect((await admin.request('POST', `/billing-runs/${october.id}/approve`)).body.key).toBe('billing_run.stale');
      expect((await run(customer.id, '2026-10')).body.runs[0].total).toBe('11.00');
      const approved = await admin.request('POST', `/billing-runs/${october.id}/approve`);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', approvedAt: NOW.toISOString(), approvedBy: expect.stringContaining('@'), total: '11.00' });

      const lockedAt = async (id: string) => (await t.database.db.select({ lockedAt: readings.lockedAt }).from(readings).where(eq(readings.id, id)))[0]!.lockedAt;
      expect([await lockedAt(start.id), await lockedAt(late.id), await lockedAt(end.id)]).toEqual([NOW, NOW, null]);
      expect((await admin.request('POST', `/billing-runs/${october.id}/approve`)).body.key).toBe('billing_run.approved');
      const rerun = await run(customer.id, '2026-10');
      expect(rerun.status).toBe(409);
      expect(rerun.body).toMatchObject({ key: 'billing_run.approved', params: { period: '2026-10' } });
      expect((await admin.request('DELETE', `/billing-runs/${october.id}`)).status).toBe(409);
      expect((await admin.request('DELETE', `/billing-runs/${november.id}`)).status).toBe(204);
      expect((await admin.request('GET', `/billing-runs/${november.id}`)).status).toBe(404);
    });

    it('shows a correction made after approval as an adjustment on the next run, the approved run unchanged', async () => {
      const { customer, device, end } = await perPageCustomer();
      await read(device, 'mono', 2_600, '2026-11-19T10:00:00Z');
      const october = (await run(customer.id, '2026-10')).body.runs[0];
      const approved = (await admin.request('POST', `/billing-runs/${october.id}/approve`)).body;
      expect(approved.total).toBe('10.00');

      const withoutNote = await admin.request('PATCH', `/readings/${end.id}`, { value: 2_200 });
      expect(withoutNote.status).toBe(400);
      expect(withoutNote.body).toMatchObject({ key: 'reading.locked_note_required', field: 'note' });
      const corrected = await admin.request('PATCH', `/readings/${end.id}`, { value: 2_200, note: 'Misread on the display' });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ value: 2_200, lockedAt: NOW.toISOString() });

      const november = await detail((await run(customer.id, '2026-11')).body.runs[0].id);
      expect(lines(november, namesOf([device], ['d']))).toEqual([
        // November: 2,600 − 2,200 = 400 × 0.01
        ['pages', 'd', 'mono', 400, 400, '4.00'],
        // October was billed 1,000 pages; it printed 1,200: 200 more × 0.01
        ['adjustment', 'd', 'mono', 200, 200, '2.00'],
      ]);
      expect(november.lines[1]).toMatchObject({ adjustsPeriod: '2026-10', startValue: 1_000, endValue: 2_200, unitPrice: '0.01' });
      expect(november).toMatchObject({ total: '6.00', adjustmentLines: 1 });
      expect(await detail(october.id)).toEqual(approved);

      // Once November is approved with it, December has nothing more to adjust.
      const approval = await at('2026-12-02T08:00:00Z', async () => (await signedIn(t, partnerId, 'partner_admin')).request('POST', `/billing-runs/${november.id}/approve`));
      expect(approval.status).toBe(200);
      expect((await run(customer.id, '2026-12')).body.runs[0]).toMatchObject({ adjustmentLines: 0, total: '0.00' });
    });
  });

  it('runs every active customer with prices, skipping those without or already approved', async () => {
    const partner = await t.createPartner();
    const own = await signedIn(t, partner.id, 'partner_admin');
    const priced = await customerWith(perPagePriceList('EUR', { mono: '0.01', colour: '0.1', scan: null }), [], own);
    const unpriced = await customerWith(null, [], own);
    const first = await own.request('POST', '/billing-runs', { period: '2026-10' });
    expect(first.body.runs.map((each: Json) => [each.customerId, each.total, each.currency])).toEqual([[priced.customer.id, '0.00', 'EUR']]);
    expect(first.body.skipped).toEqual([{ customerId: unpriced.customer.id, customerNumber: unpriced.customer.customerNumber, reason: 'no_prices' }]);
    await own.request('POST', `/billing-runs/${first.body.runs[0].id}/approve`);
    const second = await own.request('POST', '/billing-runs', { period: '2026-10' });
    expect(second.body.runs).toEqual([]);
    expect(second.body.skipped.map((each: Json) => each.reason).sort()).toEqual(['approved', 'no_prices']);
    expect((await own.request('POST', '/billing-runs', { period: '2026-10', customerId: unpriced.customer.id })).body.key).toBe('prices.not_set');
    expect((await own.request('GET', '/billing-runs?status=approved&period=2026-10')).body.items).toHaveLength(1);
    expect((await own.request('GET', '/billing-runs?status=draft')).body.items).toEqual([]);
  });

  it('hides runs from another partner and from staff without billing access', async () => {
    const { customer } = await customerWith(perPagePriceList('CHF', { mono: '0.01', colour: '0.1', scan: null }));
    const id = (await run(customer.id, '2026-10')).body.runs[0].id;
    const stranger = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    for (const [method, path, body] of [
      ['GET', `/billing-runs/${id}`],
      ['POST', `/billing-runs/${id}/approve`],
      ['DELETE', `/billing-runs/${id}`],
      ['POST', '/billing-runs', { period: '2026-10', customerId: customer.id }],
    ] as const) {
      expect((await stranger.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect((await stranger.request('GET', '/billing-runs')).body.items).toEqual([]);

    const permissions = { dashboard: 'view', customers: 'view', devices: 'view', readings: 'view', billing: 'none', agents: 'none', users: 'none', settings: 'none' };
    const profile = (await admin.request('POST', '/profiles', { name: 'No billing', permissions })).body;
    const viewerProfile = (await admin.request('POST', '/profiles', { name: 'Billing viewer', permissions: { ...permissions, billing: 'view' } })).body;
    const staff = await signedIn(t, partnerId, 'partner_staff');
    const viewer = await signedIn(t, partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: profile.id });
    await admin.request('PUT', `/users/${viewer.userId}/profile`, { profileId: viewerProfile.id });
    const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [customer.id] });
    for (const caller of [staff, coordinator]) {
      expect((await caller.request('GET', '/billing-runs')).status).toBe(403);
      expect((await caller.request('GET', `/billing-runs/${id}`)).status).toBe(403);
    }
    expect((await viewer.request('GET', `/billing-runs/${id}`)).status).toBe(200);
    expect((await viewer.request('POST', '/billing-runs', { period: '2026-10', customerId: customer.id })).status).toBe(403);
  });

  describe('the current period’s estimate', () => {
    it('projects the volume and the amount at the same pace, against the included pages', async () => {
      const list = { ...emptyPriceList('CHF'), defaults: terms({ mono: '0.01', colour: '0.1', scan: null }, { mono: 1_000, colour: 0, scan: 0 }, '20') };
      const { customer, devices } = await customerWith(list);
      const [device] = devices as [Json];
      await read(device, 'mono', 1_000, '2026-10-30T10:00:00Z');
      await read(device, 'colour', 500, '2026-10-30T10:00:00Z');
      await read(device, 'mono', 1_775, '2026-11-19T10:00:00Z');
      await read(device, 'colour', 655, '2026-11-19T10:00:00Z');
      // The volume runs from the 30 October reading: 20 days measured, 31.54 days to the period's end (30 November,
      // 23:00Z). 775 mono → 1,222, 155 colour → 244. So far: colour 155 × 0.1 + fee 20 = 35.50; projected: 222 mono
      // over the 1,000 included × 0.01 + 244 × 0.1 + 20 = 46.62. 1,000 mono pages are reached 25.8 days in: 25 November.
      expect(await billingEstimate(t.deps.db, { id: customer.id, partnerId }, NOW)).toEqual({
        period: '2026-11',
        periodStart: '2026-10-31T23:00:00.000Z',
        periodEnd: '2026-11-30T23:00:00.000Z',
        currency: 'CHF',
        totalSoFar: '35.50',
        projectedTotal: '46.62',
        kinds: [
          { counter: 'mono', pagesSoFar: 775, projectedPages: 1_222, included: 1_000, projectedOverage: 222, crossingDay: '2026-11-25' },
          { counter: 'colour', pagesSoFar: 155, projectedPages: 244, included: null, projectedOverage: 0, crossingDay: null },
          { counter: 'scan', pagesSoFar: 0, projectedPages: 0, included: null, projectedOverage: 0, crossingDay: null },
        ],
      });
    });

    it('is null without prices', async () => {
      const { customer } = await customerWith(null);
      expect(await billingEstimate(t.deps.db, { id: customer.id, partnerId }, NOW)).toBeNull();
    });
  });
});

describe('supplies replaced', () => {
  const supplies: DeviceSupply[] = [
    { deviceId: 'd', supplyIndex: '1', description: 'TN-321K', type: 'toner', colour: 'black' },
    { deviceId: 'd', supplyIndex: '2', description: 'TN-321C', type: 'toner', colour: 'cyan' },
    { deviceId: 'd', supplyIndex: '3', description: 'TN-321M', type: 'toner', colour: 'magenta' },
    { deviceId: 'd', supplyIndex: '4', description: 'DR-313', type: 'drum', colour: 'magenta' },
  ];
  const day = (n: number) => new Date(Date.UTC(2026, 9, n, 8));
  const recorded = (supplyIndex: string | null, supplyType: string, colour: string | null, n: number): RecordedReplacement => ({ deviceId: 'd', supplyIndex, supplyType, colour, at: day(n) });
  type Case = [name: string, replacements: RecordedReplacement[], expected: [model: string, day: number][]];

  it.each<Case>([
    ['a replacement names the supply by its index', [recorded('1', 'toner', 'black', 5)], [['TN-321K', 5]]],
    ['without an index, the one supply of that type and colour', [recorded(null, 'Toner', 'Magenta', 5)], [['TN-321M', 5]]],
    ['without an index or a match, its type', [recorded(null, 'Staples', null, 5)], [['Staples', 5]]],
    ['a supply the device no longer reports is named by its type', [recorded('9', 'toner', 'black', 5)], [['toner', 5]]],
    ['each recorded replacement counts once', [recorded('2', 'toner', 'cyan', 7), recorded('2', 'toner', 'cyan', 20)], [['TN-321C', 7], ['TN-321C', 20]]],
  ])('%s', (_name, replacements, expected) => {
    expect(supplyReplacementsOf(supplies, replacements).map((each) => [each.supplyModel, each.at.getUTCDate()])).toEqual(expected);
  });
});
