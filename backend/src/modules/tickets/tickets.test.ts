import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonMessage } from '@parc/shared/meters/messages';
import { deviceAlerts } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { partnerWithDevice, signedIn, type Caller, type Json } from '../customers/test-client.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

describe('maintenance requests, technician sync and coordinator view', () => {
  let t: TestApp;
  let admin: Caller;
  let technician: Caller;
  let otherTechnician: Caller;
  let coordinator: Caller;
  let device: Json;
  let customer: Json;
  let partnerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const fixture = await partnerWithDevice(t);
    ({ admin, device, customer } = fixture);
    partnerId = fixture.partner.id;
    technician = await signedIn(t, partnerId, 'technician', { email: 'tech@dealer.test' });
    otherTechnician = await signedIn(t, partnerId, 'technician');
    coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [customer.id], email: 'coord@customer.test' });
  });
  afterAll(() => t.close());

  async function newRequest(overrides: Record<string, unknown> = {}) {
    const response = await admin.request('POST', '/requests', { deviceId: device.id, subject: 'Jam in the fuser', technicianId: technician.userId, ...overrides });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('lists current errors with their complexity and auto-repaired ones apart, and makes a request from one', async () => {
    const now = new Date('2026-11-19T10:00:00Z');
    await t.database.db.insert(deviceAlerts).values([
      { partnerId, deviceId: device.id, key: 'alert:marker:jam', severity: 'critical', group: 'marker', code: 'jam', description: 'Fuser jam', openedAt: now, lastSeenAt: now },
      { partnerId, deviceId: device.id, key: 'status:noPaper', severity: 'critical', group: 'status', code: 'noPaper', description: 'noPaper', openedAt: now, lastSeenAt: now, clearedAt: now },
    ]);
    const current = await admin.request('GET', '/errors');
    expect(current.body.items.map((item: Json) => [item.code, item.complexity, item.clearedAt])).toEqual([['jam', 'technician', null]]);
    const repaired = await admin.request('GET', '/errors?repaired=1');
    expect(repaired.body.items.map((item: Json) => [item.code, item.complexity])).toEqual([['noPaper', 'user']]);
    const request = await newRequest({ alertId: current.body.items[0].id, subject: undefined });
    expect(request).toMatchObject({ subject: 'Fuser jam', complexity: 'technician', userCanFix: false, state: 'unresolved', version: 1 });
    expect((await admin.request('GET', '/errors')).body.items[0].requestId).toBe(request.id);
  });

  it('moves a request through its states, each role only where allowed, with comments in the history', async () => {
    const request = await newRequest();
    const move = (caller: Caller, to: string, comment = 'ok') => caller.request('POST', `/requests/${request.id}/transition`, { to, comment });
    expect((await move(admin, 'done')).status).toBe(409); // no such step from unresolved
    expect((await move(otherTechnician, 'in_progress')).status).toBe(404); // not theirs: not even visible
    expect((await move(coordinator, 'in_progress')).status).toBe(403);
    expect((await move(technician, 'in_progress', '')).status).toBe(400);
    expect((await move(technician, 'resolved')).status).toBe(409);
    expect((await move(technician, 'in_progress', 'On my way')).status).toBe(200);
    expect((await move(admin, 'done')).status).toBe(403); // only the technician finishes
    expect((await move(technician, 'done', 'Fuser replaced')).status).toBe(200);
    expect((await move(technician, 'resolved')).status).toBe(403);
    expect((await move(admin, 'rejected', 'Still jams')).status).toBe(200);
    expect((await move(admin, 'in_progress', 'Please go back')).status).toBe(200);
    await move(technician, 'done', 'Second fuser');
    const resolved = await move(admin, 'resolved', 'Confirmed');
    expect(resolved.body.state).toBe('resolved');
    expect(resolved.body.events.filter((event: Json) => event.kind === 'state').map((event: Json) => `${event.toState}:${event.comment}`)).toEqual([
      'in_progress:On my way',
      'done:Fuser replaced',
      'rejected:Still jams',
      'in_progress:Please go back',
      'done:Second fuser',
      'resolved:Confirmed',
    ]);
    const manual = await admin.request('GET', '/errors/manually-repaired');
    expect(manual.body.items.map((item: Json) => item.id)).toContain(request.id);
  });

  it('syncs a batch once: replays answer duplicate and record no second reading', async () => {
    const request = await newRequest();
    const clientId = randomUUID();
    const ops = [
      { opId: randomUUID(), createdAt: '2026-11-20T07:00:00Z', kind: 'request.transition', requestId: request.id, baseVersion: 1, to: 'in_progress', comment: 'Started' },
      { opId: randomUUID(), createdAt: '2026-11-20T07:01:00Z', kind: 'request.note', requestId: request.id, text: 'Basement, no signal' },
      { opId: randomUUID(), createdAt: '2026-11-20T07:02:00Z', kind: 'reading', deviceId: device.id, counter: 'total', value: 12_345, takenAt: '2026-11-20T07:02:00Z', requestId: request.id },
      { opId: randomUUID(), createdAt: '2026-11-20T07:03:00Z', kind: 'supply.replacement', deviceId: device.id, supplyType: 'toner', colour: 'black', replacedAt: '2026-11-20T07:03:00Z', requestId: request.id },
      { opId: randomUUID(), createdAt: '2026-11-20T07:04:00Z', kind: 'request.attachment', requestId: request.id, attachment: { id: randomUUID(), fileName: 'fuser.png', contentType: 'image/png', dataBase64: PNG } },
    ];
    const first = await technician.request('POST', '/tech/sync', { clientId, ops });
    expect(first.status).toBe(200);
    expect(first.body.results.map((result: Json) => result.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(first.body.results[2].reading).toMatchObject({ verdict: 'ok', reason: { code: 'first_reading', params: {} } });
    const replay = await technician.request('POST', '/tech/sync', { clientId, ops });
    expect(replay.body.results.map((result: Json) => [result.status, result.original?.status])).toEqual(Array(5).fill(['duplicate', 'applied']));
    const readings = await admin.request('GET', `/devices/${device.id}/readings`);
    expect(readings.body.items.filter((reading: Json) => reading.source === 'technician')).toHaveLength(1);
    const bundle = await technician.request('GET', '/tech/bundle');
    const inBundle = bundle.body.requests.find((item: Json) => item.id === request.id);
    expect(inBundle.state).toBe('in_progress');
    expect(inBundle.events.filter((event: Json) => event.kind === 'note')).toHaveLength(1);
    const field = bundle.body.devices.find((item: Json) => item.id === device.id);
    expect(field.history.map((entry: Json) => entry.kind)).toContain('supply_replacement');
    expect(field.counters.find((counter: Json) => counter.kind === 'total').lastValue).toBe(12_345);
  });

  it('returns a conflict with both states when the partner changed the same field, and merges others', async () => {
    const request = await newRequest({ description: 'Noise' });
    await admin.request('PATCH', `/requests/${request.id}`, { description: 'Noise when printing A3', technicianId: technician.userId, steps: ['Open tray 2'] });
    const clientId = randomUUID();
    const edit = { opId: randomUUID(), createdAt: '2026-11-20T07:00:00Z', kind: 'request.edit', requestId: request.id, baseVersion: 1, changes: { description: 'Fan broken' } };
    const held = { opId: randomUUID(), createdAt: '2026-11-20T07:01:00Z', kind: 'request.transition', requestId: request.id, baseVersion: 1, to: 'in_progress', comment: 'Going' };
    const result = await technician.request('POST', '/tech/sync', { clientId, ops: [edit, held] });
    expect(result.body.results[0]).toMatchObject({ status: 'conflict', fields: ['description'], blockedBy: null, server: { description: 'Noise when printing A3' } });
    expect(result.body.results[1]).toMatchObject({ status: 'conflict', blockedBy: edit.opId });
    // Not overlapping: the partner changed steps, the technician the state.
    const merged = await technician.request('POST', '/tech/sync', { clientId, ops: [{ ...held, opId: randomUUID() }] });
    expect(merged.body.results[0]).toMatchObject({ status: 'applied', request: { state: 'in_progress', steps: ['Open tray 2'], description: 'Noise when printing A3' } });
    // Another console user working from version 1 collides on the description the admin changed.
    const staff = await signedIn(t, partnerId, 'partner_staff');
    const stale = await staff.request('PATCH', `/requests/${request.id}`, { baseVersion: 1, description: 'Old view' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'conflict', fields: ['description'] });
  });

  it('stores photos, serves them back, and refuses what is not an image', async () => {
    const request = await newRequest();
    const id = randomUUID();
    const uploaded = await admin.request('POST', `/requests/${request.id}/attachments`, { id, fileName: 'a.png', contentType: 'image/png', dataBase64: PNG });
    expect(uploaded).toMatchObject({ status: 201, body: { id, size: 12, contentType: 'image/png' } });
    const response = await t.app.request(`/api/requests/${request.id}/attachments/${id}`, { headers: { cookie: technician.cookie } });
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer()).toString('base64')).toBe(PNG);
    const fake = await admin.request('POST', `/requests/${request.id}/attachments`, { id: randomUUID(), fileName: 'x.png', contentType: 'image/png', dataBase64: Buffer.from('<html>').toString('base64') });
    expect(fake.status).toBe(400);
    const lying = await admin.request('POST', `/requests/${request.id}/attachments`, { id: randomUUID(), fileName: 'x.jpg', contentType: 'image/jpeg', dataBase64: PNG });
    expect(lying.status).toBe(400);
  });

  it("hides other partners' requests and other customers' from coordinators", async () => {
    const request = await newRequest();
    const other = await partnerWithDevice(t);
    expect((await other.admin.request('GET', `/requests/${request.id}`)).status).toBe(404);
    expect((await other.admin.request('PATCH', `/requests/${request.id}`, { subject: 'Mine' })).status).toBe(404);
    expect((await other.admin.request('GET', '/requests')).body.items).toEqual([]);
    const otherCoordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [] });
    expect((await otherCoordinator.request('GET', `/requests/${request.id}`)).status).toBe(404);
    const overview = await coordinator.request('GET', '/coordinator/overview');
    expect(overview.body.devices.map((item: Json) => item.id)).toEqual([device.id]);
    expect(overview.body.openRequests.map((item: Json) => item.id)).toContain(request.id);
    expect((await otherCoordinator.request('GET', '/coordinator/overview')).body.devices).toEqual([]);
    expect((await otherCoordinator.request('POST', '/coordinator/problems', { clientId: randomUUID(), deviceId: device.id, subject: 'Broken' })).status).toBe(404);
  });

  it('gives a refused reading its structured reason and a sentence in the technician\'s language', async () => {
    const clientId = randomUUID();
    const reading = (value: number) => ({ opId: randomUUID(), createdAt: '2026-11-20T07:10:00Z', kind: 'reading', deviceId: device.id, counter: 'mono', value, takenAt: '2026-11-20T07:10:00Z' });
    await technician.request('POST', '/tech/sync', { clientId, ops: [reading(5_000)] });
    const refused = (await technician.request('POST', '/tech/sync', { clientId, ops: [reading(4_000)] })).body.results[0];
    expect(refused).toMatchObject({
      status: 'rejected',
      code: 'reading_refused',
      readingReason: { code: 'below_last', params: { lastValue: 5_000, lastDate: '2026-11-20' } },
    });
    expect(refused.reason).toBe(reasonMessage(refused.readingReason, 'fr'));
    expect(refused.reason).toContain('5000');
  });

  it('refuses, through the one policy, a backdated value above a later reading and a reading dated in the future', async () => {
    const clientId = randomUUID();
    const reading = (value: number, takenAt: string) => ({ opId: randomUUID(), createdAt: '2026-11-20T07:30:00Z', kind: 'reading', deviceId: device.id, counter: 'total', value, takenAt });
    expect((await technician.request('POST', '/tech/sync', { clientId, ops: [reading(9_000_000, '2026-11-20T07:20:00Z')] })).body.results[0].status).toBe('applied');
    const [backdated, future] = (await technician.request('POST', '/tech/sync', { clientId, ops: [reading(9_100_000, '2026-11-19T07:00:00Z'), reading(9_000_500, '2026-11-22T07:00:00Z')] })).body.results;
    expect(backdated).toMatchObject({ status: 'rejected', code: 'reading_refused', readingReason: { code: 'above_next', params: { nextDate: '2026-11-20' } } });
    expect(future).toMatchObject({ status: 'rejected', code: 'reading_refused', readingReason: { code: 'in_future' } });
    const stored = (await admin.request('GET', `/devices/${device.id}/readings?pageSize=100`)).body.items.filter((row: Json) => row.counterKind === 'total');
    expect(stored.map((row: Json) => [row.value, row.source])).toContainEqual([9_000_000, 'technician']);
    expect(stored.map((row: Json) => row.value)).not.toContain(9_100_000);
  });

  it('declares a board replacement from the field once, and refuses one whose final value is below the last reading', async () => {
    const clientId = randomUUID();
    const fixture = await partnerWithDevice(t);
    const fieldTechnician = await signedIn(t, fixture.partner.id, 'technician');
    await fixture.admin.request('POST', '/requests', { deviceId: fixture.device.id, subject: 'Board swap', technicianId: fieldTechnician.userId });
    const reading = { opId: randomUUID(), createdAt: '2026-11-19T09:00:00Z', kind: 'reading', deviceId: fixture.device.id, counter: 'total', value: 80_000, takenAt: '2026-11-19T09:00:00Z' };
    const reset = (finalValue: number) => ({
      opId: randomUUID(),
      createdAt: '2026-11-20T07:40:00Z',
      kind: 'counter.reset',
      deviceId: fixture.device.id,
      resetKind: 'board_replaced',
      at: '2026-11-20T07:30:00Z',
      counters: [{ counter: 'total', finalValue, startValue: 0 }],
      note: 'Controller board replaced',
    });
    await fieldTechnician.request('POST', '/tech/sync', { clientId, ops: [reading] });
    const refused = (await fieldTechnician.request('POST', '/tech/sync', { clientId, ops: [reset(70_000)] })).body.results[0];
    expect(refused).toMatchObject({ status: 'rejected', code: 'reading_refused', readingReason: { code: 'below_last', params: { lastValue: 80_000 } } });
    const op = reset(80_400);
    expect((await fieldTechnician.request('POST', '/tech/sync', { clientId, ops: [op] })).body.results[0]).toMatchObject({ status: 'applied' });
    expect((await fieldTechnician.request('POST', '/tech/sync', { clientId, ops: [op] })).body.results[0]).toMatchObject({ status: 'duplicate' });
    const resets = (await fixture.admin.request('GET', `/devices/${fixture.device.id}/resets`)).body.items;
    expect(resets).toEqual([expect.objectContaining({ kind: 'board_replaced', finalValue: 80_400, startValue: 0, declaredBy: expect.stringMatching(/^technician/) })]);
    const values = (await fixture.admin.request('GET', `/devices/${fixture.device.id}/readings?pageSize=100`)).body.items.map((row: Json) => [row.value, row.source]);
    expect(values).toEqual([[0, 'technician'], [80_400, 'technician'], [80_000, 'technician']]);
  });

  it('opens one request per problem report, however often the coordinator\'s phone sends it', async () => {
    const report = { clientId: randomUUID(), deviceId: device.id, subject: 'Jams on tray 2' };
    const first = await coordinator.request('POST', '/coordinator/problems', report);
    const again = await coordinator.request('POST', '/coordinator/problems', report);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    const listed = (await admin.request('GET', `/requests?deviceId=${device.id}&pageSize=100`)).body.items;
    expect(listed.filter((item: Json) => item.subject === 'Jams on tray 2')).toHaveLength(1);
    const other = await coordinator.request('POST', '/coordinator/problems', { ...report, clientId: randomUUID() });
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('emails the technician on assignment and the coordinator on changes, once each', async () => {
    const before = t.mailer.sent.length;
    const request = await newRequest({ technicianId: null });
    const reported = await coordinator.request('POST', '/coordinator/problems', { clientId: randomUUID(), deviceId: device.id, subject: 'Paper smears' });
    expect(reported.status).toBe(201);
    await admin.request('PATCH', `/requests/${request.id}`, { technicianId: technician.userId });
    const mails = t.mailer.sent.slice(before).map((mail) => mail.to);
    expect(mails.filter((to) => to === 'tech@dealer.test')).toHaveLength(1);
    expect(mails.filter((to) => to === 'coord@customer.test')).toHaveLength(3);
    const clientId = randomUUID();
    const op = { opId: randomUUID(), createdAt: '2026-11-20T07:00:00Z', kind: 'request.transition', requestId: request.id, baseVersion: 2, to: 'in_progress', comment: 'Started' };
    const count = t.mailer.sent.length;
    await technician.request('POST', '/tech/sync', { clientId, ops: [op] });
    await technician.request('POST', '/tech/sync', { clientId, ops: [op] });
    expect(t.mailer.sent.length - count).toBe(1);
  });

  it('lets the partner complete a request still in progress, which the technician cannot', async () => {
    const request = await newRequest();
    const move = (caller: Caller, to: string, comment: string) => caller.request('POST', `/requests/${request.id}/transition`, { to, comment });
    expect((await move(technician, 'in_progress', 'On site')).status).toBe(200);
    expect((await move(technician, 'resolved', 'All good')).status).toBe(403);
    const completed = await move(admin, 'resolved', 'Repaired by phone with the customer');
    expect(completed).toMatchObject({ status: 200, body: { state: 'resolved' } });
    expect(completed.body.events.at(-1)).toMatchObject({ kind: 'state', fromState: 'in_progress', toState: 'resolved', visibility: 'internal' });
  });

  it('shows the coordinator and emails them the shared notes only, whoever wrote the internal ones', async () => {
    const mailsTo = (to: string, requestId: string, from: number) => t.mailer.sent.slice(from).filter((mail) => mail.to === to && mail.html.includes(requestId));
    const reported = (await coordinator.request('POST', '/coordinator/problems', { clientId: randomUUID(), deviceId: device.id, subject: 'Cyan streaks', description: 'Cyan streaks on every page' })).body;
    await admin.request('PATCH', `/requests/${reported.id}`, { technicianId: technician.userId });
    const before = t.mailer.sent.length;
    // Internal by default, from the console and from the field.
    expect((await admin.request('POST', `/requests/${reported.id}/notes`, { comment: 'cyan drum probably scratched' })).status).toBe(201);
    const note = (text: string, visibility?: string) => ({ opId: randomUUID(), createdAt: '2026-11-20T08:00:00Z', kind: 'request.note', requestId: reported.id, text, ...(visibility ? { visibility } : {}) });
    await technician.request('POST', '/tech/sync', { clientId: randomUUID(), ops: [note('drum at cost price for this customer')] });
    expect(mailsTo('coord@customer.test', reported.id, before)).toEqual([]);
    await admin.request('POST', `/requests/${reported.id}/notes`, { comment: 'A technician comes on Tuesday morning', visibility: 'shared' });
    await technician.request('POST', '/tech/sync', { clientId: randomUUID(), ops: [note('Drum replaced, test page clean', 'shared')] });
    await admin.request('POST', `/requests/${reported.id}/transition`, { to: 'in_progress', comment: 'Drum ordered at cost', visibility: 'internal' });
    const mails = mailsTo('coord@customer.test', reported.id, before);
    expect(mails).toHaveLength(3);
    expect(mails.map((mail) => mail.text).join('\n')).toContain('A technician comes on Tuesday morning');
    expect(mails.map((mail) => mail.text).join('\n')).toContain('Drum replaced, test page clean');
    for (const mail of mails) expect(`${mail.text}${mail.html}`).not.toMatch(/scratched|cost/);

    const seen = (await coordinator.request('GET', `/requests/${reported.id}`)).body;
    expect(seen).toMatchObject({ state: 'in_progress', subject: 'Cyan streaks', description: 'Cyan streaks on every page', attachments: [] });
    expect(seen.events.map((event: Json) => [event.kind, event.comment])).toEqual([
      ['created', 'Cyan streaks on every page'],
      ['note', 'A technician comes on Tuesday morning'],
      ['note', 'Drum replaced, test page clean'],
      ['state', null],
    ]);
    const overview = (await coordinator.request('GET', '/coordinator/overview')).body;
    expect(JSON.stringify([seen, overview])).not.toMatch(/scratched|cost/);
    const whole = (await admin.request('GET', `/requests/${reported.id}`)).body;
    expect(whole.events.filter((event: Json) => event.kind === 'note').map((event: Json) => [event.comment, event.visibility])).toEqual([
      ['cyan drum probably scratched', 'internal'],
      ['drum at cost price for this customer', 'internal'],
      ['A technician comes on Tuesday morning', 'shared'],
      ['Drum replaced, test page clean', 'shared'],
    ]);
  });

  it("hides from the coordinator the description of a request the dealer opened", async () => {
    const request = await newRequest({ description: 'Known fuser fault on this series' });
    const seen = (await coordinator.request('GET', `/requests/${request.id}`)).body;
    expect(seen.description).toBe('');
    expect(seen.events).toEqual([expect.objectContaining({ kind: 'created', comment: null })]);
    const listed = (await coordinator.request('GET', '/coordinator/overview')).body.openRequests.find((item: Json) => item.id === request.id);
    expect(listed).toMatchObject({ subject: 'Jam in the fuser', description: '' });
    expect(listed.events).toBeUndefined();
  });

  it('refuses a change of state the request no longer allows, keeps its comment as a note and says how the request now is', async () => {
    const request = await newRequest();
    const clientId = randomUUID();
    const started = await technician.request('POST', '/tech/sync', { clientId, ops: [{ opId: randomUUID(), createdAt: '2026-11-20T07:00:00Z', kind: 'request.transition', requestId: request.id, baseVersion: 1, to: 'in_progress', comment: 'On my way' }] });
    const version = started.body.results[0].request.version;
    await admin.request('POST', `/requests/${request.id}/transition`, { to: 'rejected', comment: 'Customer cancelled' });
    const finish = { opId: randomUUID(), createdAt: '2026-11-20T09:00:00Z', kind: 'request.transition', requestId: request.id, baseVersion: version, to: 'done', comment: 'Drum replaced, test page clean', visibility: 'shared' };
    const [refused] = (await technician.request('POST', '/tech/sync', { clientId, ops: [finish] })).body.results;
    expect(refused).toMatchObject({ status: 'rejected', code: 'conflict', keptAsNote: true, server: { id: request.id, state: 'rejected' } });
    expect(refused.server.events.at(-1)).toMatchObject({ kind: 'note', comment: 'Drum replaced, test page clean', visibility: 'shared' });
    const [again] = (await technician.request('POST', '/tech/sync', { clientId, ops: [finish] })).body.results;
    expect(again).toMatchObject({ status: 'duplicate', original: { status: 'rejected', keptAsNote: true } });
    const stored = (await admin.request('GET', `/requests/${request.id}`)).body;
    expect(stored.state).toBe('rejected');
    expect(stored.events.filter((event: Json) => event.comment === 'Drum replaced, test page clean')).toHaveLength(1);
  });

  it('takes a change of state to where the dealer already moved the request as done, keeping its comment', async () => {
    const request = await newRequest();
    await admin.request('POST', `/requests/${request.id}/transition`, { to: 'in_progress', comment: 'Workshop takes it' });
    const start = { opId: randomUUID(), createdAt: '2026-11-20T07:00:00Z', kind: 'request.transition', requestId: request.id, baseVersion: 1, to: 'in_progress', comment: 'Coming this afternoon' };
    const [answer] = (await technician.request('POST', '/tech/sync', { clientId: randomUUID(), ops: [start] })).body.results;
    expect(answer).toMatchObject({ status: 'applied', request: { state: 'in_progress' } });
    expect(answer.request.events.filter((event: Json) => event.kind === 'state')).toHaveLength(1);
    expect(answer.request.events.at(-1)).toMatchObject({ kind: 'note', comment: 'Coming this afternoon', visibility: 'internal' });
  });
});
