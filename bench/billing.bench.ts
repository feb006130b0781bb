// A month's billing for a large fleet, on PGlite or (DATABASE_URL set) PostgreSQL: 10,000 devices
// (BENCH_BILLING_DEVICES) of 200 customers (BENCH_BILLING_CUSTOMERS), each with mono, colour and scan
// counters read monthly for a year (13 readings, 12 monthly volumes), the customers on per-page
// subscriptions with per-model prices, on the manual's tiers, or sharing a pool. Prints the time and
// peak memory of:
//  - the reference: a plain SELECT of the readings the period's runs stand on, in the same run;
//  - one customer's run (POST /api/billing-runs with its id);
//  - every customer's run for the period (POST /api/billing-runs), then the same again (drafts recomputed).
// Builds the data with insert … select over generate_series: the fleet is in the database in seconds.
import { sql } from 'drizzle-orm';
import { billingPeriod } from '@parc/shared/billing/periods';
import { emptyPriceList } from '@parc/shared/billing/price-list';
import { amount } from '@parc/shared/billing/money';
import type { BillingRunInput, PriceListData } from '@parc/shared/contracts/billing';
import { selectRows } from '../backend/src/db/client.ts';
import { customers, priceVersions } from '../backend/src/db/schema/index.ts';
import { customerCalendar } from '../backend/src/modules/meters/settings.repo.ts';
import { createTestApp } from '../backend/src/test/app.ts';
import { measure, MIB } from './support.ts';

const DEVICES = Number(process.env.BENCH_BILLING_DEVICES ?? 10_000);
const CUSTOMERS = Number(process.env.BENCH_BILLING_CUSTOMERS ?? 200);
const MONTHS = 12;
/** The period billed: the last month of the history, closed at the test clock (20 November 2026). */
const PERIOD = '2026-10';
const FIRST_READING = '2025-10-28T09:00:00Z';

const { app, database, createPartner, signIn } = await createTestApp();
const { db } = database;
const partner = await createPartner('Bench dealer');
const { cookie } = await signIn(partner.id, 'partner_admin');

// ---- The fleet ----------------------------------------------------------------------------
const building = performance.now();
await db.insert(customers).values(
  Array.from({ length: CUSTOMERS }, (_, index) => ({ partnerId: partner.id, customerNumber: `B${index + 1}`, name: `Bench customer ${index + 1}`, prefix: `B${index + 1}` })),
);
const perCustomer = Math.ceil(DEVICES / CUSTOMERS);
await db.execute(sql`
  insert into devices (partner_id, customer_id, device_number, device_code, serial, manufacturer, model, colour_capable, installed_at)
  select c.partner_id, c.id, n, c.prefix || '-' || n, c.prefix || '-SN' || n, m.manufacturer, m.model, true, '2020-01-01T00:00:00Z'
  from customers c
  cross join generate_series(1, ${perCustomer}) n
  join (values (0, 'Canon', 'imageRUNNER ADVANCE DX C5840i'), (1, 'Ricoh', 'IM C3000'), (2, 'Kyocera', 'TASKalfa 3554ci'), (3, 'Xerox', 'AltaLink C8145')) m(k, manufacturer, model) on m.k = n % 4
  where c.partner_id = ${partner.id} and (substring(c.customer_number from 2)::int - 1) * ${perCustomer} + n <= ${DEVICES}`);
await db.execute(sql`
  insert into counters (partner_id, device_id, kind)
  select d.partner_id, d.id, k from devices d cross join unnest(array['mono', 'colour', 'scan']) k where d.partner_id = ${partner.id}`);
// Per device a monthly volume of its own (mono 500–3,499 pages, colour a third, scans half), the same in every run, read on the 28th.
await db.execute(sql`
  insert into readings (partner_id, device_id, counter_id, value, taken_at, source, status, entered_by)
  select c.partner_id, c.device_id, c.id,
         10000 + m * ((500 + (d.device_number * 7919 + substring(cu.customer_number from 2)::int * 104729) % 3000) / (case c.kind when 'mono' then 1 when 'colour' then 3 else 2 end)),
         ${FIRST_READING}::timestamptz + make_interval(months => m), 'agent', 'accepted', 'bench'
  from counters c join devices d on d.id = c.device_id join customers cu on cu.id = d.customer_id
  cross join generate_series(0, ${MONTHS}) m
  where c.partner_id = ${partner.id}`);

const terms = (prices: PriceListData['defaults']['prices'], included: number, fixedFee: string): PriceListData['defaults'] => ({ prices, included: { mono: included, colour: included / 2, scan: 0 }, fixedFee });
const perPage: PriceListData = {
  ...emptyPriceList('CHF'),
  defaults: terms({ mono: '0.012', colour: '0.065', scan: null }, 500, '25'),
  models: [{ manufacturer: 'Canon', model: 'imageRUNNER ADVANCE DX C5840i', terms: terms({ mono: '0.02', colour: '0.03', scan: '0.01' }, 100, '0') }],
};
const tiered: PriceListData = {
  ...emptyPriceList('CHF'),
  model: 'tiered',
  tiers: {
    mono: ['0.10', '0.08', '0.06', '0.04'].map((price, index) => ({ from: [1, 101, 1_001, 10_001][index]!, price })),
    colour: ['0.12', '0.105', '0.0775', '0.052'].map((price, index) => ({ from: [1, 101, 1_001, 10_001][index]!, price })),
    scan: [],
  },
};
const pooled: PriceListData = { ...perPage, models: [], pools: [{ id: 'all', name: 'All devices', deviceIds: 'all', included: { mono: 20_000, colour: 5_000, scan: 0 } }], minimumPerPeriod: '500' };
// B1, B2, B3…: the same price list for the same customer in every run.
const customerRows = (await db.select({ id: customers.id, number: customers.customerNumber }).from(customers).where(sql`${customers.partnerId} = ${partner.id}`)).sort(
  (a, b) => Number(a.number.slice(1)) - Number(b.number.slice(1)),
);
await db.insert(priceVersions).values(
  customerRows.map((customer, index) => ({
    partnerId: partner.id,
    customerId: customer.id,
    effectiveFrom: '2020-01',
    version: 1,
    prices: [perPage, tiered, pooled][index % 3]!,
    savedBy: 'bench',
    savedAt: new Date('2020-01-01T00:00:00Z'),
  })),
);
const [counts] = await selectRows<{ devices: number; readings: number }>(
  db,
  sql`select (select count(*)::int from devices where partner_id = ${partner.id}) as devices, (select count(*)::int from readings where partner_id = ${partner.id}) as readings`,
);
console.log(`database: ${database.kind}; ${counts!.devices} devices of ${CUSTOMERS} customers, ${counts!.readings} readings, built in ${((performance.now() - building) / 1000).toFixed(1)} s`);

// ---- Measuring ----------------------------------------------------------------------------
async function post(body: BillingRunInput): Promise<{ runs: { total: string }[]; skipped: unknown[] }> {
  const response = await app.request('/api/billing-runs', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`POST /api/billing-runs answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<{ runs: { total: string }[]; skipped: unknown[] }>;
}

/** The runs and the sum of their totals: the same in every run of the bench, on either database. */
const described = (result: Awaited<ReturnType<typeof post>>) =>
  `${result.runs.length} run(s), ${result.skipped.length} skipped, CHF ${result.runs.reduce((sum, run) => sum.plus(run.total), amount(0)).toFixed(2)}`;

const period = billingPeriod(await customerCalendar(db, partner.id, customerRows[0]!.id), PERIOD);
const results = [
  await measure(
    'reference: SELECT the readings of the period and the one before',
    () =>
      selectRows<{ id: string }>(
        db,
        sql`select r.id, r.counter_id, r.value, r.taken_at, r.source, r.status from readings r join devices d on d.id = r.device_id
            where d.partner_id = ${partner.id} and r.taken_at >= ${period.previousStart.toISOString()}::timestamptz and r.taken_at < ${period.end.toISOString()}::timestamptz`,
      ),
    (rows) => `${rows.length} readings`,
  ),
  await measure(`one customer (${perCustomer} devices)`, () => post({ period: PERIOD, customerId: customerRows[0]!.id }), described),
  await measure('every customer', () => post({ period: PERIOD }), described),
  await measure('every customer again (drafts recomputed)', () => post({ period: PERIOD }), described),
];
console.log(`Billing ${PERIOD} on ${database.kind} for ${counts!.devices} devices × ${MONTHS} months of readings (peak RSS of the whole process, database included: ${Math.round((process.resourceUsage().maxRSS * 1024) / MIB)} MiB):`);
console.table(results);
await database.close();
