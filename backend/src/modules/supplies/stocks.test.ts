import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentSample } from '@parc/shared/contracts/agents';
import type { Supply } from '@parc/shared/agents/reading';
import { partners } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { enrollAgent, xeroxReading, type TestAgent } from '../agents/test-agent.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { sendLowStockNotices } from './stock-notices.ts';

const DAY_MS = 86_400_000;
const start = new Date('2026-09-01T08:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * DAY_MS);

const toner = (percent: number, serial: string): Supply => ({ index: '1.1', description: `Black Toner, PN 006R01509;SN${serial}`, type: 'toner', colour: 'black', level: percent, max: 100, percent, state: 'measured', source: 'printer_mib' });

describe('local stocks', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  let partnerEmail: string;
  let customer: Json;
  let siege: Json;
  let annexe: Json;
  let coordinator: Json;
  let agent: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    partnerId = (await t.createPartner()).id;
    partnerEmail = (await t.database.db.select({ email: partners.email }).from(partners).where(eq(partners.id, partnerId)))[0]!.email;
    admin = await signedIn(t, partnerId, 'partner_admin');
    customer = (await admin.request('POST', '/customers', customerInput({ prefix: 'STK', language: 'de' }))).body;
    coordinator = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Lambert', email: 'lambert@client.test' })).body;
    siege = (await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Siège' })).body;
    annexe = (await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Annexe' })).body;
    t.setNow(day(0));
    agent = await enrollAgent(t, (await admin.request('POST', `/customers/${customer.id}/agents`, { name: 'Office' })).body.key);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.mailer.sent.length = 0;
  });

  async function newDevice(serial: string, siteId: string): Promise<Json> {
    const created = await admin.request('POST', '/devices', deviceInput(customer.id, { serial, siteId, manufacturer: 'Xerox', model: 'VersaLink C405', installedAt: day(-30).toISOString() }));
    expect(created.status).toBe(201);
    return created.body;
  }

  async function report(serial: string, n: number, supplies: Supply[]) {
    t.setNow(new Date(day(n).getTime() + 60_000));
    const sample: AgentSample = { sampleId: randomUUID(), takenAt: day(n).toISOString(), ip: '192.168.1.30', reading: xeroxReading(serial, supplies, 10_000 + n * 100) };
    const answer = await agent.call('POST', '/agent/samples', { samples: [sample] });
    expect(answer.body.results[0].status).toBe('accepted');
  }

  const itemOf = async (stockId: string) => (await admin.request('GET', `/supplies/stocks/${stockId}`)).body.items[0];
  const lowNotices = () => t.mailer.sent.filter((mail) => mail.subject.includes('Lager 1') || mail.subject.includes('Stock Lager 1'));

  it('serves its site’s devices; a replacement draws from it, the fall to the minimum is told once, a replenishment received refills it', async () => {
    const device = await newDevice('STK-1', siege.id);
    const elsewhere = await newDevice('STK-2', annexe.id);
    await report('STK-1', 0, [toner(60, 'A1')]);
    const supplyModelId = (await admin.request('GET', `/devices/${device.id}/supplies`)).body.items[0].supplyModelId;
    expect(supplyModelId).toEqual(expect.any(String));

    const stray = await admin.request('POST', '/supplies/stocks', { name: 'Lager 1', customerId: customer.id, siteId: siege.id, deviceIds: [device.id, elsewhere.id] });
    expect(stray).toMatchObject({ status: 400, body: { key: 'local_stock.device_not_at_site', params: { deviceCode: elsewhere.deviceCode } } });
    const wrongSite = await admin.request('POST', '/supplies/stocks', { name: 'Lager 1', customerId: customer.id, siteId: randomUUID() });
    expect(wrongSite.body.key).toBe('local_stock.site_not_of_customer');
    const created = await admin.request('POST', '/supplies/stocks', { name: 'Lager 1', customerId: customer.id, siteId: siege.id, deviceIds: [device.id], managerCoordinatorId: coordinator.id, managerEmail: 'store@client.test' });
    expect(created.status).toBe(201);
    const stock = created.body;
    expect(stock).toMatchObject({ site: { name: 'Siège' }, manager: { coordinatorName: 'Lambert', email: 'store@client.test' }, devices: [{ id: device.id }], items: [] });
    expect((await admin.request('POST', '/supplies/stocks', { name: 'lager 1', customerId: customer.id, siteId: siege.id })).body).toMatchObject({ key: 'local_stock.name_taken', field: 'name' });

    expect((await admin.request('PUT', `/supplies/stocks/${stock.id}/items/${supplyModelId}`, { minimum: 2, target: 2 })).body.key).toBe('stock_item.target_below_minimum');
    const counted = await admin.request('PUT', `/supplies/stocks/${stock.id}/items/${supplyModelId}`, { minimum: 1, target: 4, quantity: 2 });
    expect(counted.body.items).toMatchObject([{ supplyModelId, partNumber: '006R01509', quantity: 2, minimum: 1, target: 4, state: 'ok', inTransit: 0, suggested: 0 }]);
    expect(lowNotices()).toEqual([]);
    const onDevicePage = (await admin.request('GET', `/devices/${device.id}/supplies`)).body;
    expect(onDevicePage).toMatchObject({ localStock: { id: stock.id, name: 'Lager 1' }, items: [{ stockQuantity: 2 }] });
    expect((await admin.request('GET', `/devices/${elsewhere.id}/supplies`)).body.localStock).toBeNull();

    // The toner falls (an order is placed, not shipped yet) and the technician takes one from the stock.
    await report('STK-1', 10, [toner(12, 'A1')]);
    await report('STK-1', 12, [toner(100, 'B2')]);
    expect(await itemOf(stock.id)).toMatchObject({ quantity: 1, state: 'low', suggested: 3 });
    const told = lowNotices();
    expect(told.map((mail) => mail.to).sort()).toEqual(['lambert@client.test', 'store@client.test', partnerEmail].sort());
    expect(told.find((mail) => mail.to === 'lambert@client.test')?.text).toContain('noch 1, Mindestbestand 1');
    expect(told.find((mail) => mail.to === partnerEmail)?.text).toContain(`/console/consumables/stocks?stock=${stock.id}`);
    expect(told.find((mail) => mail.to === 'lambert@client.test')?.text).not.toContain('/console/');

    // The next draw empties it: no second notice for the same fall, and the hourly run finds nothing more.
    t.mailer.sent.length = 0;
    await report('STK-1', 40, [toner(10, 'B2')]);
    await report('STK-1', 42, [toner(100, 'C3')]);
    expect(await itemOf(stock.id)).toMatchObject({ quantity: 0, state: 'empty' });
    expect(await sendLowStockNotices(t.deps)).toEqual({ stocks: 0, emails: 0 });
    expect(lowNotices()).toEqual([]);
    // Nothing left: a further replacement came from elsewhere and takes nothing below zero.
    await report('STK-1', 70, [toner(10, 'C3')]);
    await report('STK-1', 72, [toner(100, 'D4')]);
    expect((await itemOf(stock.id)).quantity).toBe(0);

    const movements = (await admin.request('GET', `/supplies/stocks/${stock.id}/movements`)).body.items;
    expect(movements.map((movement: Json) => [movement.reason, movement.delta, movement.deviceCode])).toEqual([
      ['replacement', -1, device.deviceCode],
      ['replacement', -1, device.deviceCode],
      ['count', 2, null],
    ]);

    // A replenishment from the central stock: numbered with the customer's orders, counted in transit, received once.
    const carrier = (await admin.request('POST', '/supplies/carriers', { name: 'DPD', trackingUrl: 'https://dpd.example/t/{tracking}' })).body;
    const placed = await admin.request('POST', `/supplies/stocks/${stock.id}/replenishments`, { carrierId: carrier.id, lines: [{ supplyModelId, quantity: 4 }] });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ code: expect.stringMatching(/^STK-ORDER-\d+$/), status: 'new', lines: [{ supplyModelId, quantity: 4, partNumber: '006R01509' }] });
    expect(await itemOf(stock.id)).toMatchObject({ quantity: 0, inTransit: 4, suggested: 0 });
    const shipped = await admin.request('PATCH', `/supplies/replenishments/${placed.body.id}`, { action: 'ship', trackingNumber: 'FR 1024' });
    expect(shipped.body).toMatchObject({ status: 'shipped', trackingLink: 'https://dpd.example/t/FR%201024' });
    const [received, again] = await Promise.all([
      admin.request('PATCH', `/supplies/replenishments/${placed.body.id}`, { action: 'receive' }),
      admin.request('PATCH', `/supplies/replenishments/${placed.body.id}`, { action: 'receive' }),
    ]);
    expect([received.status, again.status].sort()).toEqual([200, 409]);
    expect(await itemOf(stock.id)).toMatchObject({ quantity: 4, inTransit: 0, state: 'ok' });
    expect((await admin.request('GET', `/supplies/replenishments?stockId=${stock.id}&status=in_transit`)).body.items).toEqual([]);

    // Refilled above the minimum: the next fall is told again.
    t.mailer.sent.length = 0;
    await admin.request('PUT', `/supplies/stocks/${stock.id}/items/${supplyModelId}`, { quantity: 1 });
    expect(lowNotices()).toHaveLength(3);
  });

  it('a replacement brought by a shipped order takes nothing from the stock', async () => {
    const device = await newDevice('STK-3', siege.id);
    await report('STK-3', 0, [toner(60, 'E5')]);
    const supplyModelId = (await admin.request('GET', `/devices/${device.id}/supplies`)).body.items[0].supplyModelId;
    const stock = (await admin.request('POST', '/supplies/stocks', { name: 'Lager 2', customerId: customer.id, siteId: siege.id, deviceIds: [device.id] })).body;
    await admin.request('PUT', `/supplies/stocks/${stock.id}/items/${supplyModelId}`, { minimum: 0, target: 3, quantity: 3 });
    await report('STK-3', 10, [toner(12, 'E5')]);
    const [order] = (await admin.request('GET', `/supplies/orders?deviceId=${device.id}`)).body.items;
    await admin.request('PATCH', `/supplies/orders/${order.id}`, { action: 'ship' });
    await report('STK-3', 14, [toner(100, 'F6')]);
    expect((await admin.request('GET', `/supplies/orders?deviceId=${device.id}`)).body.items[0].status).toBe('replaced');
    expect((await itemOf(stock.id)).quantity).toBe(3);
  });

  it('a technician’s replacement draws from the stock once, and the agent seeing the new cartridge later takes no second one', async () => {
    const device = await newDevice('STK-4', siege.id);
    await report('STK-4', 0, [toner(8, 'G7')]);
    const supplyModelId = (await admin.request('GET', `/devices/${device.id}/supplies`)).body.items[0].supplyModelId;
    const stock = (await admin.request('POST', '/supplies/stocks', { name: 'Lager 4', customerId: customer.id, siteId: siege.id, deviceIds: [device.id] })).body;
    await admin.request('PUT', `/supplies/stocks/${stock.id}/items/${supplyModelId}`, { minimum: 0, target: 3, quantity: 3 });
    const technician = await signedIn(t, partnerId, 'technician');
    const request = (await admin.request('POST', '/requests', { deviceId: device.id, subject: 'Toner', technicianId: technician.userId })).body;
    const replacedAt = new Date(day(1).getTime() + 3_600_000).toISOString();
    const synced = await technician.request('POST', '/tech/sync', {
      clientId: randomUUID(),
      ops: [{ opId: randomUUID(), createdAt: replacedAt, kind: 'supply.replacement', deviceId: device.id, supplyIndex: '1.1', supplyType: 'toner', colour: 'black', replacedAt, requestId: request.id }],
    });
    expect(synced.body.results[0].status).toBe('applied');
    expect((await itemOf(stock.id)).quantity).toBe(2);
    await report('STK-4', 2, [toner(100, 'H8')]);
    expect((await itemOf(stock.id)).quantity).toBe(2);
  });

  it('is the dealer’s: a coordinator may not see stocks, another dealer finds none of them', async () => {
    const stock = (await admin.request('POST', '/supplies/stocks', { name: 'Lager 3', customerId: customer.id, siteId: annexe.id })).body;
    const coordinatorUser = await signedIn(t, partnerId, 'coordinator', { customerIds: [customer.id] });
    expect((await coordinatorUser.request('GET', '/supplies/stocks')).status).toBe(403);
    const otherDealer = await signedIn(t, (await t.createPartner('Other dealer')).id, 'partner_admin');
    expect((await otherDealer.request('GET', '/supplies/stocks')).body.items).toEqual([]);
    expect((await otherDealer.request('GET', `/supplies/stocks/${stock.id}`)).status).toBe(404);
    expect((await otherDealer.request('PATCH', `/supplies/stocks/${stock.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await otherDealer.request('POST', `/supplies/stocks/${stock.id}/replenishments`, { lines: [{ supplyModelId: randomUUID(), quantity: 1 }] })).status).toBe(404);
  });
});
