import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentSample } from '@parc/shared/contracts/agents';
import type { Supply } from '@parc/shared/agents/reading';
import { deviceSupplyLevels, partners, supplyAlarms, supplyReplacements } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { enrollAgent, xeroxReading, type TestAgent } from '../agents/test-agent.ts';
import { reviewProactiveOrders } from './supplies.evaluate.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';

const DAY_MS = 86_400_000;
const start = new Date('2026-09-01T08:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * DAY_MS);

function toner(percent: number, extra: Partial<Supply> = {}): Supply {
  return { index: '1.1', description: 'Black Toner, PN 006R01509;SN48178080E0000481', type: 'toner', colour: 'black', level: percent, max: 100, percent, state: 'measured', source: 'printer_mib', ...extra };
}

describe('supplies: automatic orders from agent samples', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  let customer: Json;
  let agent: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    partnerId = (await t.createPartner()).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
    customer = (await admin.request('POST', '/customers', customerInput({ prefix: 'SUP' }))).body;
    t.setNow(day(0));
    agent = await enrollAgent(t, (await admin.request('POST', `/customers/${customer.id}/agents`, { name: 'Office' })).body.key);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.mailer.sent.length = 0;
  });

  async function newDevice(serial: string): Promise<Json> {
    const created = await admin.request('POST', '/devices', deviceInput(customer.id, { serial, manufacturer: 'Xerox', model: 'VersaLink C405', installedAt: day(-30).toISOString() }));
    expect(created.status).toBe(201);
    return created.body;
  }

  /** One read of the agent on day n, sent as the agent sends it. */
  async function report(serial: string, n: number, supplies: Supply[], total = 10_000 + n * 100) {
    t.setNow(new Date(day(n).getTime() + 60_000));
    const sample: AgentSample = { sampleId: randomUUID(), takenAt: day(n).toISOString(), ip: '192.168.1.30', reading: xeroxReading(serial, supplies, total) };
    const answer = await agent.call('POST', '/agent/samples', { samples: [sample] });
    expect(answer.status).toBe(200);
    expect(answer.body.results[0].status).toBe('accepted');
  }

  const ordersOf = async (deviceId: string) => (await admin.request('GET', `/supplies/orders?deviceId=${deviceId}`)).body.items as Json[];

  it('a falling toner makes exactly one order, even shaken and reported twice; it goes to the routed recipient, and the new cartridge closes it as replaced', async () => {
    const device = await newDevice('FALL-1');
    const route = await admin.request('POST', '/supplies/routes', { name: 'Xerox desk', filters: { manufacturer: 'xerox', kind: 'toner' }, recipients: [{ kind: 'address', address: 'orders@xerox-desk.test' }] });
    expect(route.status).toBe(201);
    const carrier = (await admin.request('POST', '/supplies/carriers', { name: 'Swiss Post', trackingUrl: 'https://post.example/track?n={tracking}' })).body;

    for (const [n, percent] of [[0, 60], [5, 45], [10, 30], [15, 24], [20, 19], [20.5, 19], [22, 26], [24, 17], [26, 15]] as const) await report('FALL-1', n, [toner(percent)]);

    const orders = await ordersOf(device.id);
    expect(orders).toHaveLength(1);
    const [order] = orders;
    expect(order).toMatchObject({ code: 'SUP-ORDER-1', status: 'new', trigger: 'level', kind: 'toner', colour: 'black', partNumber: '006R01509', percentAtOrder: 19, createdBy: null, heldBack: null });
    expect(order.notifiedAt).not.toBeNull();
    const [mail] = t.mailer.sent.filter((sent) => sent.to === 'orders@xerox-desk.test');
    expect(mail?.subject).toContain('SUP-ORDER-1');
    expect(t.mailer.sent.filter((sent) => sent.subject.includes('SUP-ORDER'))).toHaveLength(1);

    const shipped = await admin.request('PATCH', `/supplies/orders/${order.id}`, { action: 'ship', carrierId: carrier.id, trackingNumber: 'RR 123/45' });
    expect(shipped.body).toMatchObject({ status: 'shipped', trackingLink: 'https://post.example/track?n=RR%20123%2F45', carrier: { name: 'Swiss Post' } });
    const again = await admin.request('PATCH', `/supplies/orders/${order.id}`, { action: 'ship' });
    expect(again.status).toBe(409);
    expect(again.body.key).toBe('supply_order.transition');

    // The coordinator's and technician's views say the toner is on its way.
    const onItsWay = await admin.request('GET', `/devices/${device.id}/supplies`);
    expect(onItsWay.body.items[0]).toMatchObject({ partNumber: '006R01509', serial: '48178080E0000481', order: { code: 'SUP-ORDER-1', status: 'shipped' } });

    await report('FALL-1', 28, [toner(100, { description: 'Black Toner, PN 006R01509;SN99990000E0000001' })]);
    const [replaced] = await ordersOf(device.id);
    expect(replaced).toMatchObject({ status: 'replaced', replacedAt: day(28).toISOString() });
    const recorded = await t.database.db.select().from(supplyReplacements).where(eq(supplyReplacements.deviceId, device.id));
    expect(recorded).toMatchObject([{ detectedBy: 'serial', orderId: order.id, supplyType: 'toner' }]);
    // The history names the supply as people do, without the part number and serial the printer folds in.
    const history = (await admin.request('GET', `/devices/${device.id}/events`)).body.items as Json[];
    expect(history.filter((event) => ['order_placed', 'supply_installed'].includes(event.kind)).map((event) => [event.kind, event.detail])).toEqual([
      ['supply_installed', 'Black Toner'],
      ['order_placed', 'SUP-ORDER-1 · Black Toner'],
    ]);

    // The new cartridge is a new cycle: its own fall orders again, once.
    for (const [n, percent] of [[40, 60], [60, 18], [61, 18]] as const) await report('FALL-1', n, [toner(percent, { description: 'Black Toner, PN 006R01509;SN99990000E0000001' })]);
    expect((await ordersOf(device.id)).map((each: Json) => [each.code, each.status])).toEqual([
      ['SUP-ORDER-2', 'new'],
      ['SUP-ORDER-1', 'replaced'],
    ]);
  });

  it('without a routing rule, the order goes to the dealer’s own address', async () => {
    for (const route of (await admin.request('GET', '/supplies/routes')).body.items as Json[]) await admin.request('DELETE', `/supplies/routes/${route.id}`);
    await newDevice('FALL-2');
    await report('FALL-2', 0, [toner(50)]);
    await report('FALL-2', 10, [toner(12)]);
    const [partner] = await t.database.db.select({ email: partners.email }).from(partners).where(eq(partners.id, partnerId));
    const sent = t.mailer.sent.filter((mail) => mail.subject.includes('SUP-ORDER'));
    expect(sent.map((mail) => mail.to)).toEqual([partner!.email]);
  });

  it('a used cartridge put in raises "not new" and, as configured by default, leaves the order for a person', async () => {
    const device = await newDevice('USED-1');
    await report('USED-1', 0, [toner(30)]);
    await report('USED-1', 5, [toner(8)]);
    const [order] = await ordersOf(device.id);
    await admin.request('PATCH', `/supplies/orders/${order.id}`, { action: 'ship' });
    await report('USED-1', 8, [toner(60, { description: 'Black Toner, PN 006R01509;SN11110000E0000002' })]);
    const [after] = await ordersOf(device.id);
    expect(after.status).toBe('shipped');
    const alarms = await t.database.db.select().from(supplyAlarms).where(and(eq(supplyAlarms.deviceId, device.id)));
    expect(alarms).toMatchObject([{ code: 'exchange_not_new', params: { percent: 60, min: 80 }, resolvedAt: null }]);
    expect((await admin.request('GET', `/devices/${device.id}/supplies`)).body.items[0].alarms).toMatchObject([{ code: 'exchange_not_new' }]);

    // The errors page lists it for the fleet; a person settles it, once.
    const listed = (await admin.request('GET', `/supplies/alarms?customerId=${customer.id}`)).body.items as Json[];
    const alarm = listed.find((each) => each.device.id === device.id);
    expect(alarm).toMatchObject({ code: 'exchange_not_new', supplyName: expect.stringContaining('Black Toner'), device: { deviceCode: device.deviceCode, customerName: customer.name } });
    expect((await admin.request('POST', `/supplies/alarms/${alarm.id}/resolve`)).status).toBe(200);
    expect((await admin.request('POST', `/supplies/alarms/${alarm.id}/resolve`)).body.key).toBe('supply_alarm.not_found');
    expect((await admin.request('GET', `/devices/${device.id}/supplies`)).body.items[0].alarms).toEqual([]);
  });

  it('a cartridge that printed under the efficiency floor holds the next automatic order back for a person, unsent', async () => {
    const device = await newDevice('HELD-1');
    // Each cartridge its own serial: one seen on another printer would raise its own alarm.
    const cartridge = (serial: string, percent: number) => toner(percent, { description: `Black Toner, PN 006R01509;SN${serial}` });
    await report('HELD-1', 0, [cartridge('H1', 90)]);
    const [model] = (await admin.request('GET', '/supplies/models?search=006R01509')).body.items;
    await admin.request('PATCH', `/supplies/models/${model.id}`, { ratedYield: 5000 });
    // Two cartridges: the second (days 12 to 16) prints 400 pages of its 5,000.
    for (const [n, serial, percent] of [[10, 'H1', 10], [12, 'H2', 100], [14, 'H2', 15], [16, 'H3', 100]] as const) await report('HELD-1', n, [cartridge(serial, percent)]);
    t.mailer.sent.length = 0;
    await report('HELD-1', 18, [cartridge('H3', 15)]);
    const [held] = await ordersOf(device.id);
    expect(held).toMatchObject({ status: 'new', heldBack: { reason: 'inefficient', params: { efficiency: 8, min: 50 } }, notifiedAt: null });
    expect(t.mailer.sent).toEqual([]);
    // Still one order for the cycle, however often the level is reported.
    await report('HELD-1', 19, [cartridge('H3', 14)]);
    expect((await ordersOf(device.id)).filter((order: Json) => order.heldBack)).toHaveLength(1);
    await admin.request('PATCH', `/supplies/models/${model.id}`, { ratedYield: null });
  });

  it('a customer’s threshold overrides the dealer’s, and the configuration says where each setting comes from', async () => {
    const dealer = await admin.request('PUT', '/supplies/order-config', { levelThresholds: { mono_toner: 10 } });
    expect(dealer.body).toMatchObject({ level: 'dealer', own: { levelThresholds: { mono_toner: 10 } }, effective: { levelThresholds: { mono_toner: 10 } } });
    const saved = await admin.request('PUT', `/customers/${customer.id}/order-config`, { levelThresholds: { mono_toner: 35 } });
    expect(saved.body.from.levelThresholds).toMatchObject({ mono_toner: 'customer', colour_toner: 'default' });
    expect(saved.body.from.method).toBe('default');
    const device = await newDevice('CONF-1');
    const forDevice = await admin.request('GET', `/devices/${device.id}/order-config`);
    expect(forDevice.body).toMatchObject({ level: 'device', own: {}, effective: { levelThresholds: { mono_toner: 35 } } });
    await report('CONF-1', 0, [toner(50)]);
    await report('CONF-1', 3, [toner(34)]);
    expect(await ordersOf(device.id)).toMatchObject([{ percentAtOrder: 34, trigger: 'level' }]);
    const bad = await admin.request('PUT', `/customers/${customer.id}/order-config`, { levelThresholds: { mono_toner: 135 } });
    expect(bad.status).toBe(400);
    await admin.request('PUT', `/customers/${customer.id}/order-config`, {});
    await admin.request('PUT', '/supplies/order-config', {});
  });

  it('with "mark sent after the notification" set for the device, an order is shipped once its email went out', async () => {
    const device = await newDevice('SENT-1');
    await admin.request('PUT', `/devices/${device.id}/order-config`, { markSentAfterNotification: true });
    await report('SENT-1', 0, [toner(40, { description: 'Black Toner, PN 006R01509;SNS1' })]);
    await report('SENT-1', 4, [toner(18, { description: 'Black Toner, PN 006R01509;SNS1' })]);
    expect(await ordersOf(device.id)).toMatchObject([{ status: 'shipped', shippedAt: expect.any(String), notifiedAt: expect.any(String) }]);
  });

  it('proactive: the daily review orders once the forecast comes due, though a printer in 10 % steps reported no change', async () => {
    const device = await newDevice('PRO-1');
    await admin.request('PUT', `/devices/${device.id}/order-config`, { method: 'proactive', proactiveDays: 14 });
    const levelDevice = await newDevice('PRO-2');
    // About 1 % a day, reported in 10 % steps: 100 % on day 0 … 40 % on day 60, then no change reported.
    for (let n = 0; n <= 60; n += 10) {
      await report('PRO-1', n, [toner(100 - n, { description: 'Black Toner, PN 006R01509;SNP1' })]);
      await report('PRO-2', n, [toner(100 - n, { description: 'Black Toner, PN 006R01509;SNP2' })]);
    }
    expect(await ordersOf(device.id)).toEqual([]);
    expect(await reviewProactiveOrders(t.deps.db, day(61))).toEqual(new Map());
    expect(await ordersOf(device.id)).toEqual([]);

    t.mailer.sent.length = 0;
    const due = await reviewProactiveOrders(t.deps.db, day(90));
    expect([...due.values()].flat()).toHaveLength(1);
    const [order] = await ordersOf(device.id);
    expect(order).toMatchObject({ trigger: 'proactive', status: 'new', createdAt: day(90).toISOString() });
    expect(order.p90Days).toBeLessThanOrEqual(14);
    // The level-method device is not the review's: its 40 % stays above the threshold.
    expect(await ordersOf(levelDevice.id)).toEqual([]);
    // Reviewed again the next day: the order is in flight, nothing more.
    expect(await reviewProactiveOrders(t.deps.db, day(91))).toEqual(new Map());
    expect(await ordersOf(device.id)).toHaveLength(1);
  });

  it('counts the level shown as a measurement when the history lacks it (supplies entered without their reads)', async () => {
    const device = await newDevice('SHOWN-1');
    await report('SHOWN-1', 0, [toner(40)]);
    await t.database.db.delete(deviceSupplyLevels).where(eq(deviceSupplyLevels.deviceId, device.id));
    const [supply] = (await admin.request('GET', `/devices/${device.id}/supplies`)).body.items;
    expect(supply.forecast.reasons).not.toContain('no_measured_levels');
    expect(supply.forecast.reasons).toContain('too_few_levels');
  });

  it('orders by hand: two at once make one order, the other is told which one is on its way', async () => {
    const device = await newDevice('HAND-1');
    await report('HAND-1', 0, [toner(70)]);
    const [first, second] = await Promise.all([
      admin.request('POST', '/supplies/orders', { deviceId: device.id, supplyIndex: '1.1', note: 'Customer called' }),
      admin.request('POST', '/supplies/orders', { deviceId: device.id, supplyIndex: '1.1' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    const refused = first.status === 409 ? first : second;
    const placed = first.status === 201 ? first : second;
    expect(refused.body, JSON.stringify(refused.body)).toMatchObject({ key: 'supply_order.in_flight', params: { code: placed.body.code } });
    expect(placed.body).toMatchObject({ trigger: 'manual', createdBy: expect.any(String) });
    expect((await admin.request('POST', '/supplies/orders', { deviceId: device.id, supplyIndex: '9.9' })).body.key).toBe('supply_order.no_supply');
    const cancelled = await admin.request('PATCH', `/supplies/orders/${placed.body.id}`, { action: 'cancel' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect((await admin.request('POST', '/supplies/orders', { deviceId: device.id, supplyIndex: '1.1' })).status).toBe(201);
    expect((await admin.request('PATCH', `/supplies/orders/${placed.body.id}`, { action: 'reopen' })).body.key).toBe('supply_order.in_flight');
  });

  it('the technician’s bundle says what the order on its way brings: kind, colour, the part ordered and the parcel', async () => {
    const device = await newDevice('FIELD-1');
    const technician = await signedIn(t, partnerId, 'technician');
    expect((await admin.request('POST', '/requests', { deviceId: device.id, subject: 'Toner low', technicianId: technician.userId })).status).toBe(201);
    await report('FIELD-1', 0, [toner(70)]);
    const placed = (await admin.request('POST', '/supplies/orders', { deviceId: device.id, supplyIndex: '1.1' })).body;
    const fieldOrder = async () => {
      const bundle = await technician.request('GET', '/tech/bundle');
      expect(bundle.status).toBe(200);
      return bundle.body.devices.find((each: Json) => each.id === device.id).supplies[0].order;
    };
    // Placed: the part the printer reports.
    expect(await fieldOrder()).toEqual({ code: placed.code, status: 'new', shippedAt: null, trackingLink: null, kind: 'toner', colour: 'black', partNumber: '006R01509' });
    const carrier = (await admin.request('POST', '/supplies/carriers', { name: 'Field Post', trackingUrl: 'https://field-post.example/{tracking}' })).body;
    const shipped = await admin.request('PATCH', `/supplies/orders/${placed.id}`, { action: 'ship', carrierId: carrier.id, trackingNumber: 'FP1', orderedPartNumber: '006R01510' });
    expect(shipped.status).toBe(200);
    // Shipped with another part: the one ordered is what the technician brings.
    expect(await fieldOrder()).toMatchObject({ status: 'shipped', trackingLink: 'https://field-post.example/FP1', kind: 'toner', colour: 'black', partNumber: '006R01510' });
    expect((await admin.request('PATCH', `/supplies/orders/${placed.id}`, { action: 'deliver' })).status).toBe(200);
    expect(await fieldOrder()).toMatchObject({ status: 'to_replace', partNumber: '006R01510' });
  });

  it('the catalogue lists what the fleet reports, with the dealer’s data and the devices using it', async () => {
    await newDevice('CAT-1');
    await report('CAT-1', 0, [toner(80)]);
    const supplier = (await admin.request('POST', '/supplies/suppliers', { name: 'Xerox Schweiz', email: 'orders@xerox.test' })).body;
    expect((await admin.request('POST', '/supplies/suppliers', { name: 'xerox schweiz' })).body).toMatchObject({ key: 'supplier.name_taken', params: { name: 'xerox schweiz' } });
    const listed = (await admin.request('GET', '/supplies/models?search=006R01509')).body;
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ partNumber: '006R01509', kind: 'toner', colour: 'black', printerModels: ['Xerox VersaLink C405'] });
    expect(listed.items[0].deviceCount).toBeGreaterThanOrEqual(1);
    expect(listed.items[0].consumption).toHaveLength(12);
    const changed = await admin.request('PATCH', `/supplies/models/${listed.items[0].id}`, { ratedYield: 5000, dealerReference: 'XR-509', price: '89.90', supplierId: supplier.id });
    expect(changed.body).toMatchObject({ ratedYield: 5000, dealerReference: 'XR-509', price: '89.90', supplierName: 'Xerox Schweiz' });
    expect((await admin.request('PATCH', `/supplies/models/${listed.items[0].id}`, { price: '89,90' })).status).toBe(400);
  });

  it('staff without the consumables screen see none of it', async () => {
    const profile = (await admin.request('POST', '/profiles', { name: 'Front desk', permissions: { dashboard: 'view', customers: 'view', devices: 'view', readings: 'none', maintenance: 'none', consumables: 'none', billing: 'none', reports: 'none', agents: 'none', users: 'none', settings: 'none' } })).body;
    const staff = await signedIn(t, partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: profile.id });
    const refused = await staff.request('GET', '/supplies/orders');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ key: 'access.profile', params: { screen: 'consumables' } });
  });
});
