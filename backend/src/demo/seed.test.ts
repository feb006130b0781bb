import { asc, count, eq, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../db/client.ts';
import { priceListSchema, type BillingLine } from '@parc/shared/contracts/billing';
import { periodKeyAt } from '@parc/shared';
import { campaignContacts, coordinators, counters, customers, deviceAlerts, devices, deviceSupplies, deviceSupplyLevels, partners, priceVersions, readings, sites, userCustomers, users } from '../db/schema/index.ts';
import { findAgentExtras, findAgents } from '../modules/agents/agents.repo.ts';
import { fleetOf, priceVersionFor } from '../modules/billing/prices.repo.ts';
import { getRun, runBilling } from '../modules/billing/runs.service.ts';
import { FULL_ACCESS } from '@parc/shared/contracts/profiles';
import { toAgentView } from '../modules/agents/agents.service.ts';
import { countTotals } from '../modules/dashboard/dashboard.repo.ts';
import { entrySheet, openLink, submitEntries } from '../modules/links/links.service.ts';
import { receivingContacts } from '../modules/meters/contacts.service.ts';
import { listOrders } from '../modules/supplies/orders.service.ts';
import { listStocks } from '../modules/supplies/stocks.service.ts';
import { listReports } from '../modules/reports/reports.service.ts';
import { listSchedules } from '../modules/reports/schedules.service.ts';
import { listSupplyModels } from '../modules/supplies/settings.service.ts';
import { createTestDatabase } from '../test/database.ts';
import { DEMO_AGENT_CUSTOMER, LOW_TONER_PERCENT, planDemoAgent } from './agent.ts';
import { DEMO_LOGINS, DEMO_METER_CUSTOMER, DEMO_PASSWORD, HISTORY_MONTHS, planDemo } from './plan.ts';
import { demoMeterLink, hasDemoAccounts, seedDemo } from './seed.ts';

const NOW = new Date('2026-11-20T08:00:00Z');

/** Readable, predictable ids so two runs can be compared row for row. */
function sequentialIds() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** Map.groupBy arrived in Node 21. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const fakeHash = async (password: string) => `hashed:${password}`;

async function fleetSnapshot(db: Db) {
  const rows = await db
    .select({
      code: devices.deviceCode,
      serial: devices.serial,
      model: devices.model,
      ip: devices.ip,
      mac: devices.mac,
      kind: counters.kind,
      value: readings.value,
      takenAt: readings.takenAt,
      source: readings.source,
    })
    .from(readings)
    .innerJoin(counters, eq(counters.id, readings.counterId))
    .innerJoin(devices, eq(devices.id, readings.deviceId))
    .orderBy(asc(readings.id));
  return rows;
}

describe('seedDemo', () => {
  let database: Database;
  let db: Db;
  let seeded: boolean;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    seeded = await seedDemo(db, { now: NOW, hashPassword: fakeHash, newId: sequentialIds() });
  });
  afterAll(() => database.close());

  it('fills an empty database with one dealer, its four logins, three customers and about forty devices', async () => {
    expect(seeded).toBe(true);
    const total = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
    expect(await total(partners)).toBe(1);
    expect(await total(users)).toBe(4);
    expect(await total(customers)).toBe(3);
    expect(await total(sites)).toBe(8);
    expect(await total(devices)).toBe(40);
    expect(await hasDemoAccounts(db)).toBe(true);
  });

  it('hashes the demo password with the given function for every login', async () => {
    const rows = await db.select({ email: users.email, role: users.role, passwordHash: users.passwordHash }).from(users).orderBy(users.email);
    expect(rows).toEqual(
      DEMO_LOGINS.map(({ email, role }) => ({ email, role, passwordHash: `hashed:${DEMO_PASSWORD}` })).sort((a, b) => a.email.localeCompare(b.email)),
    );
  });

  it('links the coordinator login to the first customer, through user_customers and a main coordinator row', async () => {
    const [login] = await db.select().from(users).where(eq(users.role, 'coordinator'));
    const links = await db.select({ number: customers.customerNumber }).from(userCustomers).innerJoin(customers, eq(customers.id, userCustomers.customerId)).where(eq(userCustomers.userId, login!.id));
    expect(links).toEqual([{ number: '10452' }]);
    const [row] = await db.select().from(coordinators).where(eq(coordinators.userId, login!.id));
    expect(row).toMatchObject({ isMain: true, email: login!.email });
  });

  it('gives each customer exactly one main coordinator', async () => {
    const rows = await db.select({ customerId: coordinators.customerId, isMain: coordinators.isMain }).from(coordinators);
    const mains = new Map<string, number>();
    for (const row of rows) mains.set(row.customerId, (mains.get(row.customerId) ?? 0) + (row.isMain ? 1 : 0));
    expect([...mains.values()]).toEqual([1, 1, 1]);
  });

  it('numbers devices PREFIX-1..n per customer and moves next_device_number past the last', async () => {
    const rows = await db
      .select({ prefix: customers.prefix, next: customers.nextDeviceNumber, number: devices.deviceNumber, code: devices.deviceCode })
      .from(devices)
      .innerJoin(customers, eq(customers.id, devices.customerId))
      .orderBy(customers.prefix, devices.deviceNumber);
    const byPrefix = groupBy(rows, (row) => row.prefix);
    expect([...byPrefix.keys()].sort()).toEqual(['DF', 'FL', 'ZHT']);
    for (const [prefix, group] of byPrefix) {
      expect(group.map((row) => row.code)).toEqual(group.map((_, index) => `${prefix}-${index + 1}`));
      expect(group.every((row) => row.next === group.length + 1)).toBe(true);
    }
    expect(byPrefix.get('DF')).toHaveLength(20);
  });

  it('keeps 14 monthly readings per counter, the last at now and only the last unlocked', async () => {
    const rows = await db.select({ counterId: readings.counterId, takenAt: readings.takenAt, lockedAt: readings.lockedAt, status: readings.status }).from(readings).orderBy(readings.takenAt);
    const byCounter = groupBy(rows, (row) => row.counterId);
    expect(byCounter.size).toBe((await db.select({ n: count() }).from(counters))[0]!.n);
    for (const history of byCounter.values()) {
      expect(history).toHaveLength(HISTORY_MONTHS);
      expect(history.at(-1)).toMatchObject({ takenAt: NOW, lockedAt: null, status: 'entered' });
      expect(history.slice(0, -1).every((row) => row.lockedAt !== null && row.lockedAt > row.takenAt && row.status === 'accepted')).toBe(true);
      const gaps = history.slice(1).map((row, index) => (row.takenAt.getTime() - history[index]!.takenAt.getTime()) / 86_400_000);
      expect(Math.min(...gaps)).toBeGreaterThan(24);
      expect(Math.max(...gaps)).toBeLessThan(36);
    }
  });

  it('never lets a counter go down', async () => {
    const rows = await db.select({ counterId: readings.counterId, value: readings.value }).from(readings).orderBy(readings.takenAt);
    for (const history of groupBy(rows, (row) => row.counterId).values()) {
      history.slice(1).forEach((row, index) => expect(row.value).toBeGreaterThanOrEqual(history[index]!.value));
    }
  });

  it('has total = mono + colour at every reading, and colour counters on colour devices only', async () => {
    const rows = await db
      .select({ deviceId: readings.deviceId, colourCapable: devices.colourCapable, kind: counters.kind, value: readings.value, takenAt: readings.takenAt })
      .from(readings)
      .innerJoin(counters, eq(counters.id, readings.counterId))
      .innerJoin(devices, eq(devices.id, readings.deviceId));
    const occasions = groupBy(rows, (row) => `${row.deviceId}@${row.takenAt.toISOString()}`);
    for (const occasion of occasions.values()) {
      const value = (kind: string) => occasion.find((row) => row.kind === kind)?.value;
      expect(value('colour') !== undefined).toBe(occasion[0]!.colourCapable);
      expect(value('total')).toBe(value('mono')! + (value('colour') ?? 0));
    }
    expect(new Set(rows.filter((row) => row.colourCapable).map((row) => row.deviceId)).size).toBeGreaterThan(20);
    expect(new Set(rows.filter((row) => !row.colourCapable).map((row) => row.deviceId)).size).toBeGreaterThan(5);
  });

  it('prints realistic volumes: within the class ranges, a colour share of 10–40 %, less in August', async () => {
    const rows = await db
      .select({ deviceId: readings.deviceId, kind: counters.kind, value: readings.value, takenAt: readings.takenAt })
      .from(readings)
      .innerJoin(counters, eq(counters.id, readings.counterId))
      .orderBy(readings.takenAt);
    const perDevice = groupBy(rows, (row) => row.deviceId);
    for (const deviceRows of perDevice.values()) {
      const totals = deviceRows.filter((row) => row.kind === 'total');
      const months = totals.slice(1).map((row, index) => ({
        pages: row.value - totals[index]!.value,
        month: new Date((row.takenAt.getTime() + totals[index]!.takenAt.getTime()) / 2).getUTCMonth(),
      }));
      const ordinary = months.filter((m) => m.month !== 7 && m.month !== 11).map((m) => m.pages);
      const august = months.filter((m) => m.month === 7).map((m) => m.pages);
      expect(Math.min(...ordinary)).toBeGreaterThanOrEqual(200);
      expect(Math.max(...ordinary)).toBeLessThanOrEqual(60_000);
      expect(august).toHaveLength(1);
      expect(august[0]).toBeLessThan(Math.min(...ordinary));

      const colour = deviceRows.filter((row) => row.kind === 'colour');
      if (colour.length === 0) continue;
      const share = (colour.at(-1)!.value - colour[0]!.value) / (totals.at(-1)!.value - totals[0]!.value);
      expect(share).toBeGreaterThan(0.08);
      expect(share).toBeLessThan(0.45);
    }
  });

  it('reads most counters by hand, some by agent, and once by a technician', async () => {
    const rows = await db.select({ source: readings.source, deviceId: readings.deviceId, takenAt: readings.takenAt }).from(readings);
    const bySource = groupBy(rows, (row) => row.source);
    expect(bySource.get('link')!.length).toBeGreaterThan(rows.length / 2);
    expect(bySource.get('agent')!.length).toBeGreaterThan(0);
    const technicianVisits = new Set(bySource.get('technician')!.map((row) => `${row.deviceId}@${row.takenAt.toISOString()}`));
    expect(technicianVisits.size).toBe(1);
  });

  it('signs up each customer’s main coordinator for the meter campaign, confirmed, in the customer’s language', async () => {
    const rows = await db
      .select({ number: customers.customerNumber, language: customers.language, email: campaignContacts.email, contactLanguage: campaignContacts.language, customerId: customers.id })
      .from(campaignContacts)
      .innerJoin(customers, eq(customers.id, campaignContacts.customerId))
      .orderBy(customers.customerNumber);
    expect(rows.map(({ number, email, contactLanguage }) => ({ number, email, contactLanguage }))).toEqual([
      { number: '10452', email: 'coordinator@demo-dealer.test', contactLanguage: 'fr' },
      { number: '10517', email: 'm.keller@zuercher-haustechnik.test', contactLanguage: 'de' },
      { number: '10633', email: 'g.lepori@ferrari-lepori.test', contactLanguage: 'it' },
    ]);
    for (const row of rows) expect(await receivingContacts(db, row.customerId)).toHaveLength(1);
  });

  it('enrols one agent at the ZHT head office, heard from a few minutes ago: connected', async () => {
    const [partner] = await db.select({ id: partners.id }).from(partners);
    const rows = await findAgents(db, partner!.id);
    expect(rows).toHaveLength(1);
    const [customer] = await db.select({ number: customers.customerNumber }).from(customers).where(eq(customers.id, rows[0]!.customerId));
    expect(customer!.number).toBe(DEMO_AGENT_CUSTOMER);
    const view = toAgentView(rows[0]!, (await findAgentExtras(db, [rows[0]!.id])).get(rows[0]!.id)!, NOW);
    expect(view).toMatchObject({ name: 'Agent Zürich HQ', status: 'connected', keyInUse: true, ranges: ['10.21.1.0/24'], schedules: { inspectionMinutes: 240, alertsMinutes: 15, scanMinutes: 1440 } });
    expect(NOW.getTime() - Date.parse(view.lastContactAt!)).toBeLessThan(10 * 60_000);
    // An hour later without news, the same agent counts as disconnected: the status is computed, not stored.
    expect(toAgentView(rows[0]!, (await findAgentExtras(db, [rows[0]!.id])).get(rows[0]!.id)!, new Date(NOW.getTime() + 3_600_000)).status).toBe('disconnected');
  });

  it('gives every agent-read device its toner levels, one per colour, with a history ending at the latest level', async () => {
    const agentRead = await db.selectDistinct({ id: devices.id, colourCapable: devices.colourCapable }).from(readings).innerJoin(devices, eq(devices.id, readings.deviceId)).where(eq(readings.source, 'agent'));
    const supplies = await db.select().from(deviceSupplies);
    const levels = await db.select().from(deviceSupplyLevels).orderBy(deviceSupplyLevels.readAt);
    expect(agentRead.length).toBeGreaterThan(0);
    for (const device of agentRead) {
      const own = supplies.filter((supply) => supply.deviceId === device.id);
      expect(own.map((supply) => supply.colour).sort()).toEqual(device.colourCapable ? ['black', 'cyan', 'magenta', 'yellow'] : ['black']);
      for (const supply of own) {
        expect(supply.percent).toSatisfy((percent: number) => percent > 0 && percent <= 100);
        const history = levels.filter((level) => level.deviceId === device.id && level.supplyIndex === supply.supplyIndex);
        expect(history.length).toBeGreaterThanOrEqual(2);
        expect(history.at(-1)).toMatchObject({ percent: supply.percent, readAt: supply.readAt });
        history.slice(1).forEach((level, index) => expect(level.percent).toBeLessThanOrEqual(history[index]!.percent!));
      }
    }
    expect(supplies.filter((supply) => agentRead.some((device) => device.id === supply.deviceId) && supply.percent === LOW_TONER_PERCENT)).toHaveLength(1);
  });

  it('opens a low-toner and a paper-jam alert on agent-read devices, counted on the dashboard', async () => {
    const open = await db.select({ code: deviceAlerts.code, severity: deviceAlerts.severity, source: readings.source }).from(deviceAlerts).innerJoin(readings, eq(readings.deviceId, deviceAlerts.deviceId)).where(isNull(deviceAlerts.clearedAt));
    expect(new Set(open.map((alert) => `${alert.code}/${alert.severity}`))).toEqual(new Set(['markerTonerAlmostEmpty/warning', 'jam/critical']));
    expect(open.every((alert) => alert.source === 'agent')).toBe(true);
    const [partner] = await db.select({ id: partners.id }).from(partners);
    expect((await countTotals(db, { partnerId: partner!.id, customerIds: null })).openAlerts).toBe(2);
  });

  it('gives every customer a valid price version, in force from before its first reading, one pricing model each', async () => {
    const rows = await db.select().from(customers).orderBy(customers.customerNumber);
    const [first] = await db.select({ takenAt: readings.takenAt }).from(readings).orderBy(asc(readings.takenAt)).limit(1);
    const models: string[] = [];
    for (const customer of rows) {
      const version = await priceVersionFor(db, customer.partnerId, customer.id, periodKeyAt(first!.takenAt, customer.timezone));
      expect(version, customer.customerNumber).not.toBeNull();
      expect(priceListSchema.parse(version!.prices)).toEqual(version!.prices);
      models.push(version!.prices.model);
      const { fleet, supplyModels } = await fleetOf(db, customer.partnerId, customer.id);
      // What is priced is in the customer's fleet: its models, its devices, the supplies the agent found.
      for (const entry of version!.prices.models) expect(fleet.some((device) => device.manufacturer === entry.manufacturer && device.model === entry.model)).toBe(true);
      for (const entry of version!.prices.devices) expect(fleet.map((device) => device.id)).toContain(entry.deviceId);
      for (const entry of version!.prices.consumables) expect(supplyModels).toContain(entry.supplyModel);
    }
    expect(models).toEqual(['per_page', 'per_consumable', 'tiered']);
    expect(await db.select({ n: count() }).from(priceVersions)).toEqual([{ n: rows.length }]);
  });

  it('gives the billing screens something to show: October bills per page with fees, toners replaced, and tiers', async () => {
    const [admin] = await db.select().from(users).where(eq(users.email, DEMO_LOGINS[0].email));
    const user = { ...admin!, customerIds: null, permissions: FULL_ACCESS };
    const { runs, skipped } = await runBilling({ db, clock: () => NOW }, user, { period: '2026-10' });
    expect(skipped).toEqual([]);
    const lines = new Map<string, BillingLine[]>();
    for (const run of runs) lines.set(run.customerNumber, (await getRun(db, user, run.id)).lines);
    expect(runs.map((run) => [run.customerNumber, Number(run.total) > 0, run.missingDevices])).toEqual([
      ['10452', true, 0],
      ['10517', true, 0],
      ['10633', true, 0],
    ]);
    // The manual's per-model row on the Canon colour MFP, the subscription's fee on every machine.
    expect(lines.get('10452')!.filter((line) => line.kind === 'pages' && line.deviceModel === 'imageRUNNER ADVANCE DX C5840i').map((line) => [line.unitPrice, line.included])).toEqual([
      ['0.02', 100],
      ['0.03', 100],
      ['0.01', 200],
    ]);
    expect(lines.get('10452')!.filter((line) => line.kind === 'fixed_fee')).not.toHaveLength(0);
    const consumables = lines.get('10517')!.filter((line) => line.kind === 'consumable');
    expect(consumables).not.toHaveLength(0);
    expect(consumables.every((line) => line.amount !== null && line.supplyModel!.endsWith('Toner'))).toBe(true);
    expect(lines.get('10633')!.filter((line) => line.kind === 'tiered').map((line) => line.counter)).toEqual(['mono', 'colour']);
  });

  it('opens the consumables on a catalogue with the dealer’s data and orders on their way, one shipped with a link to follow it', async () => {
    const [admin] = await db.select().from(users).where(eq(users.email, DEMO_LOGINS[0].email));
    const user = { ...admin!, customerIds: null, permissions: FULL_ACCESS };
    expect((await db.select({ supplyModelId: deviceSupplies.supplyModelId }).from(deviceSupplies)).every((supply) => supply.supplyModelId !== null)).toBe(true);
    const catalogue = await listSupplyModels(db, user, { page: 1, pageSize: 100 }, NOW);
    expect(catalogue.total).toBeGreaterThan(10);
    const described = catalogue.items.filter((entry) => entry.ratedYield !== null);
    expect(described.length).toBeGreaterThanOrEqual(3);
    for (const entry of described) expect(entry).toMatchObject({ dealerReference: expect.any(String), price: expect.any(String), supplierName: 'Alpen Büro Distribution AG' });
    // The agent-read toners were replaced over the year: the catalogue shows what the fleet consumed.
    expect(catalogue.items.some((entry) => entry.consumption.some((month) => month.count > 0))).toBe(true);

    const pending = await listOrders(db, user, { status: 'pending', page: 1, pageSize: 20 });
    expect(pending.items.map((order) => [order.code, order.status, order.trigger, order.kind, order.colour])).toEqual([
      ['ZHT-ORDER-1', 'new', 'level', 'toner', 'black'],
      ['DF-ORDER-2', 'new', 'manual', 'toner', 'black'],
      ['DF-ORDER-1', 'shipped', 'manual', 'toner', 'black'],
    ]);
    expect(pending.items.every((order) => order.notifiedAt !== null && order.createdAt < NOW.toISOString())).toBe(true);
    const [automatic, , shipped] = pending.items;
    expect(automatic).toMatchObject({ percentAtOrder: LOW_TONER_PERCENT, createdBy: null, partNumber: 'C-EXV58-BK' });
    expect(automatic!.p50Days).toBeGreaterThan(0);
    expect(shipped).toMatchObject({ carrier: { name: 'La Poste' }, trackingLink: 'https://service.post.ch/ekp-web/ui/entry/search/99.60.482713.20174436', createdBy: DEMO_LOGINS[0].name });

    // A stock room at DF-1's site, at its minimum of black toner, with three more on their way.
    const [stock] = (await listStocks(db, user, {})).items;
    expect(stock?.devices.map((device) => device.deviceCode)).toContain('DF-1');
    expect(stock?.items).toMatchObject([{ colour: 'black', quantity: 1, minimum: 1, target: 4, state: 'low', inTransit: 3, suggested: 0 }]);

    // An own report shared with the staff, sent monthly to the office.
    const own = (await listReports(db, user)).filter((report) => !report.predefined);
    expect(own).toMatchObject([{ name: 'Volumes par site — trimestre', source: 'volumes', shared: true, body: { groupBy: 'site' } }]);
    const [schedule] = await listSchedules({ db, clock: () => NOW }, user);
    expect(schedule).toMatchObject({ reportKey: own[0]!.key, frequency: 'monthly', day: 1, format: 'xlsx', recipients: { addresses: ['bureau@demo-dealer.test'] } });
  });

  it('does nothing the second time', async () => {
    const before = await db.select({ n: count() }).from(readings);
    expect(await seedDemo(db, { now: NOW, hashPassword: fakeHash })).toBe(false);
    expect(await db.select({ n: count() }).from(readings)).toEqual(before);
    expect((await db.select({ n: count() }).from(partners))[0]!.n).toBe(1);
  });

  it('gives the same fleet and history for the same now, in another database', async () => {
    const other = await createTestDatabase();
    try {
      expect(await seedDemo(other.db, { now: NOW, hashPassword: fakeHash, newId: sequentialIds() })).toBe(true);
      expect(await fleetSnapshot(other.db)).toEqual(await fleetSnapshot(db));
    } finally {
      await other.close();
    }
  });
});

describe('the demo customer’s meter link', () => {
  let database: Database;
  let db: Db;
  const deps = () => ({ db, clock: () => NOW, publicUrl: 'http://localhost:3000' });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seedDemo(db, { now: NOW, hashPassword: fakeHash });
  });
  afterAll(() => database.close());

  it('is issued once for the open period and handed out again', async () => {
    const first = await demoMeterLink(deps());
    const again = await demoMeterLink(deps());
    expect(first).toMatchObject({ created: true, url: expect.stringMatching(/^http:\/\/localhost:3000\/m\//) });
    // 20 November 2026 is the send day: the link is November's, valid until the 4th of December.
    expect(first!.expiresAt).toEqual(new Date('2026-12-04T23:00:00Z'));
    expect(again).toMatchObject({ created: false, url: first!.url });
  });

  it('lists every machine of the customer, with its last reading, and takes a plausible value', async () => {
    const link = (await demoMeterLink(deps()))!;
    const later = new Date(NOW.getTime() + 3_600_000);
    const opened = await openLink({ db, clock: () => later }, link.token);
    expect(opened.customer.customerNumber).toBe(DEMO_METER_CUSTOMER);
    const sheet = await entrySheet(db, opened, later);
    expect(sheet).toHaveLength(20);
    expect(sheet.every((machine) => machine.counters.every((counter) => counter.last !== null && counter.entry === null))).toBe(true);
    // A hundred pages since the last reading is plausible; ten times the device's yearly volume is to check; less is refused.
    const { device, counters: [counter] } = sheet[0]!;
    const last = counter!.last!.value;
    const results = await submitEntries({ db, clock: () => later }, opened, [
      { clientId: '00000000-0000-4000-8000-00000000a001', deviceId: device.id, counter: counter!.kind, value: last - 1 },
      { clientId: '00000000-0000-4000-8000-00000000a002', deviceId: device.id, counter: counter!.kind, value: last + 100 },
    ]);
    expect(results.map((result) => result.status)).toEqual(['refused', 'saved']);
    expect(results[1]).toMatchObject({ entry: { state: 'entered', value: last + 100 } });
  });

  it('is not issued on a database without the demo', async () => {
    const other = await createTestDatabase();
    try {
      expect(await demoMeterLink({ db: other.db, clock: () => NOW, publicUrl: 'http://localhost:3000' })).toBeNull();
    } finally {
      await other.close();
    }
  });
});

describe('seedDemo on a database that already has a partner', () => {
  it('leaves it alone', async () => {
    const database = await createTestDatabase();
    try {
      await database.db.insert(partners).values({ name: 'A real dealer', email: 'office@dealer.test' });
      expect(await seedDemo(database.db, { now: NOW, hashPassword: fakeHash })).toBe(false);
      expect(await database.db.select({ n: count() }).from(devices)).toEqual([{ n: 0 }]);
      expect(await hasDemoAccounts(database.db)).toBe(false);
    } finally {
      await database.close();
    }
  });
});

describe('planDemo', () => {
  it('is a pure function of now and the ids', () => {
    expect(planDemo(NOW, sequentialIds())).toEqual(planDemo(NOW, sequentialIds()));
  });

  it('plans the same agent, supplies and alerts for the same now and ids', () => {
    const agent = () => {
      const newId = sequentialIds();
      return planDemoAgent(planDemo(NOW, newId), NOW, newId);
    };
    expect(agent()).toEqual(agent());
  });

  it('moves the whole history with now', () => {
    const later = planDemo(new Date('2027-03-05T10:00:00Z'), sequentialIds());
    expect(later.readings.filter((reading) => reading.lockedAt === null).every((reading) => reading.takenAt.getTime() === Date.parse('2027-03-05T10:00:00Z'))).toBe(true);
    expect(Math.min(...later.readings.map((reading) => reading.takenAt.getTime()))).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('uses real models from all ten vendors, with unique serials', () => {
    const plan = planDemo(NOW, sequentialIds());
    expect(new Set(plan.devices.map((device) => device.manufacturer)).size).toBe(10);
    expect(new Set(plan.devices.map((device) => device.serial)).size).toBe(plan.devices.length);
    expect(plan.devices.map((device) => device.mac)).toEqual(plan.devices.map(() => expect.stringMatching(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/)));
  });
});
