import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonMessage } from '@parc/shared';
import { readings, users } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { partnerWithDevice, signedIn, type Json } from '../customers/test-client.ts';

describe('readings API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A device of a fresh partner and its total counter. */
  async function setup() {
    const fixture = await partnerWithDevice(t, { colourCapable: true });
    const total = fixture.device.counters.find((c: Json) => c.kind === 'total');
    const enter = (value: number, takenAt: string, extra: Record<string, unknown> = {}) =>
      fixture.admin.request('POST', `/devices/${fixture.device.id}/readings`, { counterId: total.id, value, takenAt, ...extra });
    return { ...fixture, total, enter };
  }

  it('creates a manual reading entered by the user', async () => {
    const { enter, total, device } = await setup();
    const created = await enter(1200, '2026-11-19T10:00:00Z', { note: 'From the display' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      deviceId: device.id,
      counterId: total.id,
      counterKind: 'total',
      value: 1200,
      takenAt: '2026-11-19T10:00:00.000Z',
      source: 'partner',
      status: 'entered',
      note: 'From the display',
      lockedAt: null,
    });
    expect(created.body.enteredBy).toMatch(/^partner_admin\.\d+@dealer\.test$/);
  });

  it('applies a clientId once: the same clientId again returns the first reading with 200', async () => {
    const { enter, admin, device } = await setup();
    const clientId = randomUUID();
    const first = await enter(500, '2026-11-10T00:00:00Z', { clientId });
    const again = await enter(500, '2026-11-10T00:00:00Z', { clientId });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    const concurrent = randomUUID();
    const racing = await Promise.all([1, 2, 3].map(() => enter(600, '2026-11-11T00:00:00Z', { clientId: concurrent })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect((await admin.request('GET', `/devices/${device.id}/readings`)).body.total).toBe(2);
  });

  it('refuses a value lower than the last reading with 422 naming the last value', async () => {
    const { enter } = await setup();
    await enter(1000, '2026-11-01T00:00:00Z');
    const lower = await enter(999, '2026-11-15T00:00:00Z');
    expect(lower.status).toBe(422);
    expect(lower.body).toMatchObject({ code: 'reading_refused', field: 'value' });
    expect(lower.body.message).toContain('1000');
    expect((await enter(1000, '2026-11-15T00:00:00Z')).status).toBe(201);
    const backdatedHigher = await enter(1500, '2026-10-01T00:00:00Z');
    expect(backdatedHigher.body.code).toBe('reading_refused');
  });

  it.each([
    ['value', { value: -1 }],
    ['value', { value: 1.5 }],
    ['value', { value: 10_000_000_001 }],
    ['takenAt', { takenAt: 'yesterday' }],
    ['clientId', { clientId: 'not-a-uuid' }],
    ['counterId', { counterId: randomUUID() }],
  ])('refuses a bad %s with a 400 naming it', async (field, overrides) => {
    const { enter } = await setup();
    const response = await enter(10, '2026-11-19T00:00:00Z', overrides);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad_request', field });
  });

  it("refuses a counter of another of the partner's devices", async () => {
    const { admin, customer, enter } = await setup();
    const second = (await admin.request('POST', '/devices', { customerId: customer.id, serial: 'OTHER-1', manufacturer: 'HP', model: 'X' })).body;
    expect((await enter(1, '2026-11-19T00:00:00Z', { counterId: second.counters[0].id })).body.field).toBe('counterId');
  });

  it('lists by counter and date range, newest first, paged', async () => {
    const { enter, admin, device } = await setup();
    const colour = device.counters.find((c: Json) => c.kind === 'colour');
    for (const [day, value] of [['01', 100], ['05', 200], ['09', 300]] as const) await enter(value, `2026-11-${day}T12:00:00Z`);
    await admin.request('POST', `/devices/${device.id}/readings`, { counterId: colour.id, value: 7, takenAt: '2026-11-05T12:00:00Z' });
    const list = async (query: string) => (await admin.request('GET', `/devices/${device.id}/readings?${query}`)).body;
    expect((await list('')).total).toBe(4);
    const byCounter = await list(`counterId=${colour.id}`);
    expect(byCounter.items.map((r: Json) => r.value)).toEqual([7]);
    expect((await list('from=2026-11-05T00:00:00Z&to=2026-11-09T00:00:00Z')).items.map((r: Json) => r.value).sort()).toEqual([200, 7].sort());
    expect(await list('pageSize=1&page=1')).toMatchObject({ total: 4, items: [{ value: 300 }] });
    expect((await list('from=soon')).field).toBe('from');
  });

  it('corrects value and note until locked; a locked value only with a note saying why, and it stays locked', async () => {
    const { enter, admin } = await setup();
    await enter(100, '2026-11-01T00:00:00Z');
    const reading = (await enter(200, '2026-11-10T00:00:00Z')).body;
    const corrected = await admin.request('PATCH', `/readings/${reading.id}`, { value: 150, note: 'Typo' });
    expect(corrected.body).toMatchObject({ value: 150, note: 'Typo' });
    expect((await admin.request('PATCH', `/readings/${reading.id}`, { value: 50 })).body.code).toBe('reading_refused');
    await t.database.db.update(readings).set({ lockedAt: new Date('2026-11-15T00:00:00Z') }).where(eq(readings.id, reading.id));
    const noteOnly = await admin.request('PATCH', `/readings/${reading.id}`, { note: 'Too late' });
    expect(noteOnly.status).toBe(423);
    expect(noteOnly.body.code).toBe('locked');
    expect((await admin.request('DELETE', `/readings/${reading.id}`, { note: 'Too late' })).status).toBe(423);
    for (const note of [undefined, '  ']) {
      const unexplained = await admin.request('PATCH', `/readings/${reading.id}`, { value: 160, note });
      expect(unexplained.status).toBe(400);
      expect(unexplained.body).toMatchObject({ key: 'reading.locked_note_required', field: 'note' });
    }
    expect((await admin.request('GET', `/readings/${reading.id}`)).body).toMatchObject({ value: 150, note: 'Typo', lockedAt: '2026-11-15T00:00:00.000Z' });
    const explained = await admin.request('PATCH', `/readings/${reading.id}`, { value: 160, note: 'Billed value misread: 160 on the display' });
    expect(explained.status).toBe(200);
    expect(explained.body).toMatchObject({ value: 160, note: 'Billed value misread: 160 on the display', lockedAt: '2026-11-15T00:00:00.000Z' });
    expect(explained.body.revisions.at(-1)).toMatchObject({ oldValue: 150, newValue: 160, note: 'Billed value misread: 160 on the display' });
  });

  it('hides partner A readings from partner B on every route', async () => {
    const a = await setup();
    const b = await setup();
    const reading = (await a.enter(4242, '2026-11-19T00:00:00Z', { clientId: randomUUID() })).body;
    for (const [method, path, body] of [
      ['GET', `/devices/${a.device.id}/readings`],
      ['POST', `/devices/${a.device.id}/readings`, { counterId: a.total.id, value: 5000, takenAt: '2026-11-19T01:00:00Z' }],
      ['GET', `/readings/${reading.id}`],
      ['PATCH', `/readings/${reading.id}`, { value: 5000 }],
    ] as const) {
      const response = await b.admin.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('4242');
    }
    const replay = await b.admin.request('POST', `/devices/${b.device.id}/readings`, { counterId: b.total.id, value: 1, takenAt: '2026-11-19T00:00:00Z', clientId: reading.clientId });
    expect(replay.status).toBe(409);
    expect(JSON.stringify(replay.body)).not.toContain('4242');
    expect((await a.admin.request('GET', `/readings/${reading.id}`)).body.value).toBe(4242);
  });

  it('lets coordinators read only their customers and technicians read, without writing', async () => {
    const { partner, customer, device, enter, admin } = await setup();
    const reading = (await enter(10, '2026-11-19T00:00:00Z')).body;
    const other = (await admin.request('POST', '/customers', { customerNumber: 'O1', name: 'Other', prefix: 'OTH' })).body;
    const stranger = await signedIn(t, partner.id, 'coordinator', { customerIds: [other.id] });
    const own = await signedIn(t, partner.id, 'coordinator', { customerIds: [customer.id] });
    const technician = await signedIn(t, partner.id, 'technician');
    expect((await stranger.request('GET', `/readings/${reading.id}`)).status).toBe(404);
    expect((await stranger.request('GET', `/devices/${device.id}/readings`)).status).toBe(404);
    expect((await own.request('GET', `/readings/${reading.id}`)).status).toBe(200);
    expect((await technician.request('GET', `/devices/${device.id}/readings`)).body.total).toBe(1);
    for (const caller of [own, technician]) {
      expect((await caller.request('POST', `/devices/${device.id}/readings`, { counterId: reading.counterId, value: 20, takenAt: '2026-11-19T01:00:00Z' })).status).toBe(403);
      expect((await caller.request('PATCH', `/readings/${reading.id}`, { value: 20 })).status).toBe(403);
    }
  });

  describe('the partner path goes through the one acceptance policy', () => {
    it.each([
      ['lower than the last reading', 900, '2026-11-15T00:00:00Z', 'below_last'],
      ['backdated above a later reading', 1_500, '2026-10-01T00:00:00Z', 'above_next'],
      ['dated in the future', 1_100, '2026-11-21T00:00:00Z', 'in_future'],
      ['dated before the install', 10, '2025-12-31T00:00:00Z', 'before_install'],
    ])('refuses a value %s with 422 and the reason', async (_name, value, takenAt, code) => {
      const { enter } = await setup();
      await enter(1_000, '2026-11-01T00:00:00Z');
      const response = await enter(value, takenAt);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'reading_refused', field: 'value', reason: { code } });
    });

    it('keeps a value far above usual typed by the dealer, with the reason shown', async () => {
      const { enter } = await setup();
      await enter(1_000, '2026-10-01T00:00:00Z');
      const response = await enter(900_000, '2026-11-19T00:00:00Z');
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ source: 'partner', status: 'accepted', reason: { code: 'above_class_cap' } });
    });

    it('answers refusals in the user’s language', async () => {
      const { enter, partner } = await setup();
      await enter(1_000, '2026-11-01T00:00:00Z');
      await t.database.db.update(users).set({ language: 'de' }).where(eq(users.partnerId, partner.id));
      const response = await enter(900, '2026-11-15T00:00:00Z');
      expect(response.body.reason).toMatchObject({ code: 'below_last' });
      expect(response.body.message).toBe(reasonMessage(response.body.reason, 'de'));
    });
  });

  describe('history with provenance', () => {
    it('edits keep the old value as a revision and become corrections of someone else’s value', async () => {
      const { enter, admin, device, total } = await setup();
      await enter(1_000, '2026-10-01T00:00:00Z');
      const own = (await enter(2_000, '2026-11-01T00:00:00Z')).body;
      const edited = (await admin.request('PATCH', `/readings/${own.id}`, { value: 1_900, note: 'Typo' })).body;
      expect(edited).toMatchObject({ value: 1_900, source: 'partner', note: 'Typo' });
      expect(edited.revisions).toEqual([expect.objectContaining({ action: 'edit', oldValue: 2_000, newValue: 1_900, note: 'Typo', by: own.enteredBy })]);
      await t.database.db.update(readings).set({ source: 'agent', enteredBy: 'agent:x' }).where(eq(readings.id, own.id));
      const corrected = (await admin.request('PATCH', `/readings/${own.id}`, { value: 1_950, note: 'Read on the display' })).body;
      expect(corrected).toMatchObject({ value: 1_950, source: 'correction', status: 'corrected' });
      expect(corrected.revisions.map((revision: Json) => [revision.action, revision.oldValue, revision.newValue])).toEqual([['edit', 2_000, 1_900], ['correct', 1_900, 1_950]]);
      const list = (await admin.request('GET', `/devices/${device.id}/readings?counterId=${total.id}`)).body.items;
      expect(list[0]).toMatchObject({ id: own.id, reason: { code: expect.any(String) }, revisions: expect.any(Array) });
    });

    it('deletes with a note: kept in the history, no longer the current counter nor a bound', async () => {
      const { enter, admin, device } = await setup();
      await enter(1_000, '2026-10-01T00:00:00Z');
      const wrong = (await enter(50_000, '2026-11-01T00:00:00Z')).body;
      expect((await admin.request('DELETE', `/readings/${wrong.id}`, {})).status).toBe(400);
      const deleted = await admin.request('DELETE', `/readings/${wrong.id}`, { note: 'Entered on the wrong machine' });
      expect(deleted.body).toMatchObject({ status: 'deleted', revisions: [expect.objectContaining({ action: 'delete', oldStatus: wrong.status, newStatus: 'deleted', note: 'Entered on the wrong machine' })] });
      expect((await enter(1_800, '2026-11-10T00:00:00Z')).status).toBe(201);
      const page = (await admin.request('GET', `/devices/${device.id}/console`)).body;
      expect(page.counters.find((counter: Json) => counter.kind === 'total').latest.value).toBe(1_800);
      expect((await admin.request('PATCH', `/readings/${wrong.id}`, { value: 3 })).status).toBe(409);
    });
  });

  describe('declared resets', () => {
    it('a board replacement restarts the counter and the volume continues across it', async () => {
      const { enter, admin, device, customer } = await setup();
      await enter(10_000, '2026-09-01T10:00:00Z');
      await enter(14_000, '2026-10-01T10:00:00Z');
      const clientId = randomUUID();
      const declaration = { kind: 'board_replaced', at: '2026-10-20T10:00:00Z', counters: [{ counter: 'total', finalValue: 16_000, startValue: 0 }], note: 'Main board replaced', clientId };
      const declared = await admin.request('POST', `/devices/${device.id}/resets`, declaration);
      expect(declared.status).toBe(201);
      expect(declared.body.items).toEqual([expect.objectContaining({ counterKind: 'total', kind: 'board_replaced', finalValue: 16_000, startValue: 0 })]);
      expect((await admin.request('POST', `/devices/${device.id}/resets`, declaration)).status).toBe(200);
      // The new board counts from 0: 1,500 is an ordinary value, not "below the last" 16,000.
      const after = await enter(1_500, '2026-11-01T10:00:00Z');
      expect(after.body).toMatchObject({ status: 'entered' });
      expect((await enter(1_400, '2026-11-02T10:00:00Z')).body.reason).toMatchObject({ code: 'below_last', params: { lastValue: 1_500 } });
      const statistics = (await admin.request('GET', `/devices/${device.id}/console`)).body.statistics;
      // October: 10,000 → 14,000 (the reading of 1 October) → 16,000 on the old board; November: 0 → 1,500 on the new one.
      expect(statistics.find((month: Json) => month.month === '2026-10').total).toBe(6_000);
      expect(statistics.find((month: Json) => month.month === '2026-11').total).toBe(1_500);
      const volumes = (await admin.request('GET', `/statistics/volumes?from=2026-11-01&to=2026-11-30&customerId=${customer.id}`)).body;
      expect(volumes.series[0]).toMatchObject({ mono: 1_500 });
      expect((await admin.request('GET', `/devices/${device.id}/resets`)).body.items).toHaveLength(1);
    });

    it('refuses a reset declared before a reading already taken after it, and a final value below the last', async () => {
      const { enter, admin, device } = await setup();
      await enter(10_000, '2026-11-01T10:00:00Z');
      const before = await admin.request('POST', `/devices/${device.id}/resets`, { kind: 'counter_reset', at: '2026-10-20T10:00:00Z', counters: [{ counter: 'total', finalValue: 9_000, startValue: 0 }], clientId: randomUUID() });
      expect(before.body).toMatchObject({ code: 'conflict', field: 'at' });
      const lower = await admin.request('POST', `/devices/${device.id}/resets`, { kind: 'counter_reset', at: '2026-11-10T10:00:00Z', counters: [{ counter: 'total', finalValue: 9_000, startValue: 0 }], clientId: randomUUID() });
      expect(lower.status).toBe(422);
      expect(lower.body).toMatchObject({ code: 'reading_refused', field: 'counters.0.finalValue', reason: { code: 'below_last' } });
      expect((await admin.request('GET', `/devices/${device.id}/resets`)).body.items).toEqual([]);
    });
  });

  describe('device swaps', () => {
    it('retires the old device with its final counter and puts a new one in its place; the month sums both', async () => {
      const { enter, admin, device, customer } = await setup();
      await enter(10_000, '2026-11-02T10:00:00Z');
      const swap = { serial: 'NEW-SERIAL-1', model: 'iR-ADV C5840i', at: '2026-11-10T10:00:00Z', counters: [{ counter: 'total', finalValue: 11_000, startValue: 20 }], note: 'Replaced after the fuser failure' };
      const created = await admin.request('POST', `/devices/${device.id}/swap`, swap);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ serial: 'NEW-SERIAL-1', model: 'iR-ADV C5840i', customerId: customer.id, replacesDeviceId: device.id, installedAt: '2026-11-10T10:00:00.000Z', active: true });
      expect((await admin.request('POST', `/devices/${device.id}/swap`, swap)).body.id).toBe(created.body.id);
      expect((await admin.request('GET', `/devices/${device.id}`)).body).toMatchObject({ active: false, retiredAt: '2026-11-10T10:00:00.000Z' });
      const total = created.body.counters.find((counter: Json) => counter.kind === 'total');
      const next = await admin.request('POST', `/devices/${created.body.id}/readings`, { counterId: total.id, value: 1_020, takenAt: '2026-11-19T10:00:00Z' });
      expect(next.body).toMatchObject({ status: 'entered', source: 'partner' });
      // 10,000 → 11,000 on the old device, 20 → 1,020 on the new one.
      const volumes = (await admin.request('GET', `/statistics/volumes?from=2026-11-01&to=2026-11-30&customerId=${customer.id}`)).body;
      expect(volumes.series[0]).toMatchObject({ mono: 2_000 });
      const before = await admin.request('POST', `/devices/${created.body.id}/readings`, { counterId: total.id, value: 5, takenAt: '2026-11-09T10:00:00Z' });
      expect(before.body.reason).toMatchObject({ code: 'before_install' });
    });

    it('refuses a final value below the old device’s last reading, changing nothing', async () => {
      const { enter, admin, device } = await setup();
      await enter(10_000, '2026-11-02T10:00:00Z');
      const refused = await admin.request('POST', `/devices/${device.id}/swap`, { serial: 'NEW-SERIAL-2', at: '2026-11-10T10:00:00Z', counters: [{ counter: 'total', finalValue: 9_000, startValue: 0 }] });
      expect(refused.body).toMatchObject({ code: 'reading_refused', field: 'counters.0.finalValue', reason: { code: 'below_last' } });
      expect((await admin.request('GET', `/devices/${device.id}`)).body.active).toBe(true);
    });
  });
});
