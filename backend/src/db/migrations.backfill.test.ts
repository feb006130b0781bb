import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priceListSchema } from '@parc/shared/contracts/billing';
import { readMigrationJournal } from './migrations.ts';
import { MIGRATIONS_FOLDER } from './open.ts';

/**
 * 0002 gives every reading source its own value: rows written before it (source 'manual' for both
 * the customer's link entries and the dealer's, 'import') are backfilled from `entered_by`, link
 * entries get their link, and devices an install date that covers their history.
 */

const statements = (tag: string) =>
  readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8')
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter(Boolean);

const tags = readMigrationJournal().map((entry) => entry.tag);
/** The migrations applied before `tag`. */
const upTo = (tag: string) => tags.slice(0, tags.indexOf(tag));

describe('migration 0002: readings of their own source', () => {
  const db = new PGlite();
  const link = '7c1f0a8e-2d1b-4c51-9a3e-0f2b9c6d4e11';
  const ids = { partner: crypto.randomUUID(), customer: crypto.randomUUID(), device: crypto.randomUUID(), counter: crypto.randomUUID() };

  beforeAll(async () => {
    for (const tag of upTo('0002_readings_one_writer')) for (const statement of statements(tag)) await db.exec(statement);
    await db.exec(`
      insert into partners (id, name, email) values ('${ids.partner}', 'Dealer', 'dealer@dealer.test');
      insert into customers (id, partner_id, customer_number, name, prefix) values ('${ids.customer}', '${ids.partner}', '1', 'Customer', 'DF');
      insert into devices (id, partner_id, customer_id, device_number, device_code, serial, manufacturer, model, created_at)
        values ('${ids.device}', '${ids.partner}', '${ids.customer}', 1, 'DF-1', 'S1', 'Ricoh', 'IM C3000', '2026-10-01T00:00:00Z');
      insert into counters (id, partner_id, device_id, kind) values ('${ids.counter}', '${ids.partner}', '${ids.device}', 'mono');
      insert into readings (partner_id, device_id, counter_id, value, taken_at, source, entered_by) values
        ('${ids.partner}', '${ids.device}', '${ids.counter}', 100, '2026-06-01T00:00:00Z', 'manual', 'demo'),
        ('${ids.partner}', '${ids.device}', '${ids.counter}', 200, '2026-09-01T00:00:00Z', 'manual', 'link:${link}'),
        ('${ids.partner}', '${ids.device}', '${ids.counter}', 300, '2026-10-05T00:00:00Z', 'manual', 'admin@dealer.test'),
        ('${ids.partner}', '${ids.device}', '${ids.counter}', 400, '2026-10-06T00:00:00Z', 'import', 'import'),
        ('${ids.partner}', '${ids.device}', '${ids.counter}', 500, '2026-10-07T00:00:00Z', 'agent', 'agent:1');
    `);
    for (const statement of statements('0002_readings_one_writer')) await db.exec(statement);
  });
  afterAll(() => db.close());

  it('gives each row its source and its link', async () => {
    const { rows } = await db.query<{ value: number; source: string; link_id: string | null }>('select value::int as value, source, link_id from readings order by value');
    expect(rows).toEqual([
      { value: 100, source: 'link', link_id: null },
      { value: 200, source: 'link', link_id: link },
      { value: 300, source: 'partner', link_id: null },
      { value: 400, source: 'partner', link_id: null },
      { value: 500, source: 'agent', link_id: null },
    ]);
  });

  it('dates the install no later than the first reading', async () => {
    const { rows } = await db.query<{ installed_at: Date }>('select installed_at from devices');
    expect(rows[0]!.installed_at.toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });

  it('refuses the old source from now on', async () => {
    await expect(
      db.exec(`insert into readings (partner_id, device_id, counter_id, value, taken_at, source, entered_by) values ('${ids.partner}', '${ids.device}', '${ids.counter}', 1, now(), 'manual', 'x')`),
    ).rejects.toThrow(/readings_source_check/);
  });
});

/**
 * 0005 turns the one price row per customer into the first version of its price list: exact
 * decimals without trailing zeros, in force from long before any reading, and the included pages
 * (stored but never used before) as an allowance shared by all the customer's devices.
 */
describe('migration 0005: the old price row becomes the first price version', () => {
  const db = new PGlite();
  const partner = crypto.randomUUID();
  const customers = { pooled: crypto.randomUUID(), plain: crypto.randomUUID() };

  beforeAll(async () => {
    for (const tag of upTo('0005_billing_runs_invoices')) for (const statement of statements(tag)) await db.exec(statement);
    await db.exec(`
      insert into partners (id, name, email) values ('${partner}', 'Dealer', 'dealer@dealer.test');
      insert into customers (id, partner_id, customer_number, name, prefix) values
        ('${customers.pooled}', '${partner}', '1', 'Pooled', 'PO'),
        ('${customers.plain}', '${partner}', '2', 'Plain', 'PL');
      insert into customer_prices (customer_id, partner_id, currency, mono_price, colour_price, scan_price, included_pages, updated_at) values
        ('${customers.pooled}', '${partner}', 'CHF', 0.0085, 0.2, 10, 5000, '2026-03-04T05:06:07Z'),
        ('${customers.plain}', '${partner}', 'EUR', 0.012, 0, 0, null, '2026-04-01T00:00:00Z');
      insert into profiles (partner_id, name, permissions) values
        ('${partner}', 'Sales', '{"dashboard":"view","customers":"edit","devices":"view","readings":"none","agents":"none","users":"none","settings":"none"}');
    `);
    for (const statement of statements('0005_billing_runs_invoices')) await db.exec(statement);
  });
  afterAll(() => db.close());

  it('keeps the prices exact, trimmed of trailing zeros, as version 1 in force since 2000', async () => {
    const { rows } = await db.query<{ customer_id: string; effective_from: string; version: number; prices: unknown; saved_by: string; saved_at: Date }>(
      'select customer_id, effective_from, version, prices, saved_by, saved_at from price_versions order by effective_from, customer_id',
    );
    const pooled = rows.find((row) => row.customer_id === customers.pooled)!;
    const plain = rows.find((row) => row.customer_id === customers.plain)!;
    expect(rows).toHaveLength(2);
    expect(pooled).toMatchObject({ effective_from: '2000-01', version: 1, saved_by: 'migration' });
    expect(pooled.saved_at.toISOString()).toBe('2026-03-04T05:06:07.000Z');
    expect(priceListSchema.parse(pooled.prices)).toEqual({
      model: 'per_page',
      currency: 'CHF',
      defaults: { prices: { mono: '0.0085', colour: '0.2', scan: '10' }, included: { mono: 0, colour: 0, scan: 0 }, fixedFee: '0' },
      models: [],
      devices: [],
      tiers: { mono: [], colour: [], scan: [] },
      pools: [{ id: 'all', name: 'All devices', deviceIds: 'all', included: { mono: 5_000, colour: 0, scan: 0 } }],
      minimumPerPeriod: null,
      largeCountsDouble: false,
      consumables: [],
      trueUp: 'none',
    });
    expect(priceListSchema.parse(plain.prices)).toMatchObject({ currency: 'EUR', defaults: { prices: { mono: '0.012', colour: '0', scan: '0' } }, pools: [] });
  });

  it('drops the old table and gives profiles the billing screen as they had customers', async () => {
    await expect(db.query('select 1 from customer_prices')).rejects.toThrow(/customer_prices/);
    const { rows } = await db.query<{ billing: string }>(`select permissions->>'billing' as billing from profiles`);
    expect(rows).toEqual([{ billing: 'edit' }]);
  });
});

describe('migration 0013: the level jumps billing counted become recorded replacements', () => {
  const db = new PGlite();
  const ids = { partner: crypto.randomUUID(), customer: crypto.randomUUID(), device: crypto.randomUUID() };

  beforeAll(async () => {
    for (const tag of upTo('0013_supplies_orders')) for (const statement of statements(tag)) await db.exec(statement);
    const level = (index: string, percent: number, at: string) => `('${ids.partner}', '${ids.device}', '${index}', ${percent}, '${at}')`;
    await db.exec(`
      insert into partners (id, name, email) values ('${ids.partner}', 'Dealer', 'dealer@dealer.test');
      insert into customers (id, partner_id, customer_number, name, prefix) values ('${ids.customer}', '${ids.partner}', '1', 'Customer', 'DF');
      insert into devices (id, partner_id, customer_id, device_number, device_code, serial, manufacturer, model, created_at)
        values ('${ids.device}', '${ids.partner}', '${ids.customer}', 1, 'DF-1', 'S1', 'Konica Minolta', 'bizhub C364e', '2026-01-01T00:00:00Z');
      insert into device_supplies (partner_id, device_id, supply_index, description, type, colour, percent, state, read_at) values
        ('${ids.partner}', '${ids.device}', '1', 'TN-321K', 'toner', 'black', 90, 'measured', '2026-10-30T00:00:00Z'),
        ('${ids.partner}', '${ids.device}', '2', 'TN-321C', 'toner', 'cyan', 90, 'measured', '2026-10-30T00:00:00Z');
      insert into device_supply_levels (partner_id, device_id, supply_index, percent, read_at) values
        ${level('1', 20, '2026-10-01T00:00:00Z')}, ${level('1', 95, '2026-10-02T00:00:00Z')},
        ${level('1', 40, '2026-10-10T00:00:00Z')}, ${level('1', 70, '2026-10-11T00:00:00Z')},
        ${level('2', 5, '2026-10-05T00:00:00Z')}, ${level('2', 100, '2026-10-06T00:00:00Z')};
      insert into supply_replacements (partner_id, device_id, supply_index, supply_type, colour, replaced_at, created_at)
        values ('${ids.partner}', '${ids.device}', '2', 'Toner', 'cyan', '2026-10-05T15:00:00Z', '2026-10-05T15:00:00Z');
    `);
    for (const statement of statements('0013_supplies_orders')) await db.exec(statement);
  });
  afterAll(() => db.close());

  it('records a jump from 25 % or less to 75 % or more once, unless a technician already recorded it', async () => {
    const { rows } = await db.query<{ supply_index: string; detected_by: string; replaced_at: Date; supply_type: string }>(
      'select supply_index, detected_by, replaced_at, supply_type from supply_replacements order by replaced_at',
    );
    expect(rows.map((row) => [row.supply_index, row.detected_by, row.replaced_at.toISOString(), row.supply_type])).toEqual([
      ['1', 'level', '2026-10-02T00:00:00.000Z', 'toner'],
      ['2', 'technician', '2026-10-05T15:00:00.000Z', 'Toner'],
    ]);
  });
});
