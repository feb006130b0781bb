import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const before = tags.slice(0, tags.indexOf('0002_readings_one_writer'));

describe('migration 0002: readings of their own source', () => {
  const db = new PGlite();
  const link = '7c1f0a8e-2d1b-4c51-9a3e-0f2b9c6d4e11';
  const ids = { partner: crypto.randomUUID(), customer: crypto.randomUUID(), device: crypto.randomUUID(), counter: crypto.randomUUID() };

  beforeAll(async () => {
    for (const tag of before) for (const statement of statements(tag)) await db.exec(statement);
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
