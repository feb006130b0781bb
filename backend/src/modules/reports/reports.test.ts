import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '@parc/shared/csv';
import { PREDEFINED_REPORTS } from '@parc/shared/reports/predefined';
import { profiles, readings, reportRunChunks, userProfiles } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { actingUser } from '../auth/access.ts';
import { executeRun, queueRun, resolveReport } from './reports.service.ts';
import { sendDueReports } from './schedules.service.ts';

/** Readings straight into the table: what is under test is what reports make of them. */
async function addReadings(t: TestApp, partnerId: string, device: Json, kind: string, values: [string, number][]) {
  const counter = device.counters.find((c: { kind: string }) => c.kind === kind);
  await t.database.db.insert(readings).values(
    values.map(([takenAt, value]) => ({ partnerId, deviceId: device.id, counterId: counter.id, value, takenAt: new Date(takenAt), source: 'partner' as const, status: 'accepted' as const, enteredBy: 'test' })),
  );
}

/** Keeps the byte-order mark a file starts with (TextDecoder drops it by default). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook.worksheets[0]!;
}

describe('reports', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  let alpha: Json;
  let beta: Json;
  let alphaDevice: Json;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date('2026-12-05T09:00:00Z'));
    partnerId = (await t.createPartner('Reports dealer')).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
    alpha = (await admin.request('POST', '/customers', customerInput({ customerNumber: 'A-100', name: 'Zürcher Druck', prefix: 'ZD' }))).body;
    beta = (await admin.request('POST', '/customers', customerInput({ customerNumber: 'B-200', name: 'Beta SA', prefix: 'BS' }))).body;
    await admin.request('POST', `/customers/${alpha.id}/coordinators`, { name: 'Anna', email: 'anna@alpha.test', isMain: true });
    await admin.request('POST', `/customers/${beta.id}/coordinators`, { name: 'Bruno', email: 'bruno@beta.test', isMain: true });
    alphaDevice = (await admin.request('POST', '/devices', deviceInput(alpha.id, { serial: 'ALPHA-1', model: 'C5535', colourCapable: true }))).body;
    const betaDevice = (await admin.request('POST', '/devices', deviceInput(beta.id, { serial: 'BETA-1', model: '=HYPERLINK("x")' }))).body;
    await addReadings(t, partnerId, alphaDevice, 'total', [
      ['2026-09-30T10:00:00Z', 10_000],
      ['2026-10-31T10:00:00Z', 11_500],
      ['2026-11-30T10:00:00Z', 12_100],
    ]);
    await addReadings(t, partnerId, alphaDevice, 'colour', [
      ['2026-09-30T10:00:00Z', 1_000],
      ['2026-10-31T10:00:00Z', 1_400],
      ['2026-11-30T10:00:00Z', 1_500],
    ]);
    await addReadings(t, partnerId, betaDevice, 'total', [['2026-11-15T10:00:00Z', 500]]);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.mailer.sent.length = 0;
    t.setNow(new Date('2026-12-05T09:00:00Z'));
  });

  /** Starts a run, waits for the background work, and downloads the file. */
  async function download(caller: Caller, key: string, body: Record<string, unknown>): Promise<{ run: Json; bytes: Uint8Array }> {
    const started = await caller.request('POST', `/reports/${key}/runs`, body);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await t.deps.background.idle();
    const run = (await caller.request('GET', `/report-runs/${started.body.id}`)).body;
    expect(run.status).toBe('done');
    const response = await t.app.request(`/api/report-runs/${run.id}/file`, { headers: { cookie: caller.cookie } });
    expect(response.status).toBe(200);
    return { run, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  it.each(PREDEFINED_REPORTS.map((report) => report.key))('%s downloads as CSV and as XLSX, and both read back with the header and every row', async (key) => {
    const csv = await download(admin, key, { format: 'csv', separator: ';', language: 'de' });
    const text = utf8.decode(csv.bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text, ';');
    const report = PREDEFINED_REPORTS.find((entry) => entry.key === key)!;
    expect(rows[0]!.cells).toHaveLength(report.body.columns.length);
    expect(rows.length - 1).toBe(csv.run.rowsWritten);
    expect(csv.run.rowsTotal).toBe(csv.run.rowsWritten);

    const xlsx = await download(admin, key, { format: 'xlsx', language: 'de' });
    const sheet = await workbookOf(xlsx.bytes);
    expect(sheet.rowCount - 1).toBe(xlsx.run.rowsWritten);
    expect(sheet.getRow(1).values).toEqual([undefined, ...rows[0]!.cells]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('writes volumes per device and month as numbers, months as dates, and the same figures in the CSV', async () => {
    const body = { name: 'Alpha volumes', source: 'volumes', body: { columns: ['month', 'customerNumber', 'deviceCode', 'monoPages', 'colourPages', 'totalPages'], filters: { customerIds: [alpha.id], period: { from: '2026-10-01', to: '2026-11-30' } }, groupBy: 'device' }, shared: false };
    const created = await admin.request('POST', '/reports', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sheet = await workbookOf((await download(admin, created.body.key, { format: 'xlsx', language: 'en' })).bytes);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Month', 'Customer number', 'Device ID', 'Black & white pages', 'Colour pages', 'Total pages']);
    const october = sheet.getRow(2).values as unknown[];
    expect(october[1]).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(october.slice(2)).toEqual(['A-100', alphaDevice.deviceCode, 1_100, 400, 1_500]);
    expect((sheet.getRow(3).values as unknown[]).slice(4)).toEqual([500, 100, 600]);
    expect(sheet.getColumn(4).numFmt).toBe('#,##0');

    const csv = parseCsv(utf8.decode((await download(admin, created.body.key, { format: 'csv', separator: ',', language: 'fr' })).bytes), ',');
    expect(csv.map((row) => row.cells)).toEqual([
      ['Mois', 'N° du client', 'ID appareil', 'Pages noir-blanc', 'Pages couleur', 'Pages au total'],
      ['2026-10', 'A-100', alphaDevice.deviceCode, '1100', '400', '1500'],
      ['2026-11', 'A-100', alphaDevice.deviceCode, '500', '100', '600'],
    ]);
  });

  it("filters rows by custom parameters: a device's own, or its customer's (and a customer's rows by its devices')", async () => {
    const room = (await admin.request('POST', '/parameters', { name: 'Room', kind: 'text', appliesTo: 'device' })).body;
    const contract = (await admin.request('POST', '/parameters', { name: 'Contract', kind: 'list', appliesTo: 'customer', options: ['Gold', 'Silver'] })).body;
    await admin.request('PUT', `/devices/${alphaDevice.id}/parameters`, { values: [{ parameterId: room.id, value: 'B-12' }] });
    await admin.request('PUT', `/customers/${beta.id}/parameters`, { values: [{ parameterId: contract.id, value: 'Gold' }] });
    const serials = async (source: string, columns: string[], parameters: { parameterId: string; value: string }[]) => {
      const created = await admin.request('POST', '/reports', { name: `By parameter ${source}`, source, body: { columns, filters: { parameters } }, shared: false });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const rows = parseCsv(utf8.decode((await download(admin, created.body.key, { format: 'csv', language: 'en' })).bytes), ';');
      return rows.slice(1).map((row) => row.cells[0]);
    };
    expect(await serials('devices', ['serial'], [{ parameterId: room.id, value: 'b-12' }])).toEqual(['ALPHA-1']);
    expect(await serials('devices', ['serial'], [{ parameterId: contract.id, value: 'gold' }])).toEqual(['BETA-1']);
    expect(await serials('devices', ['serial'], [{ parameterId: room.id, value: 'B-12' }, { parameterId: contract.id, value: 'Gold' }])).toEqual([]);
    expect(await serials('devices', ['serial'], [{ parameterId: room.id, value: 'B-1' }])).toEqual([]);
    expect((await admin.request('POST', '/reports', { name: 'Too many', source: 'devices', body: { columns: ['serial'], filters: { parameters: Array.from({ length: 6 }, () => ({ parameterId: room.id, value: 'x' })) } }, shared: false })).status).toBe(400);
  });

  it('keeps a text that looks like a formula inert in CSV and a plain text cell in XLSX', async () => {
    const created = await admin.request('POST', '/reports', { name: 'Models', source: 'devices', body: { columns: ['serial', 'model'], filters: {}, sort: { column: 'serial', direction: 'desc' } }, shared: false });
    const rows = parseCsv(utf8.decode((await download(admin, created.body.key, { format: 'csv', language: 'en' })).bytes), ';');
    expect(rows.slice(1).map((row) => row.cells)).toEqual([
      ['BETA-1', `'=HYPERLINK("x")`],
      ['ALPHA-1', 'C5535'],
    ]);
    const sheet = await workbookOf((await download(admin, created.body.key, { format: 'xlsx', language: 'en' })).bytes);
    expect(sheet.getCell('B2').value).toBe('=HYPERLINK("x")');
  });

  it('pages through many rows in batches, in order, without losing or repeating one', async () => {
    const user = (await actingUser(t.database.db, admin.userId))!;
    const report = { key: 'paged', name: 'Paged', source: 'readings' as const, body: { columns: ['takenAt', 'deviceCode', 'counter', 'value'], filters: {}, sort: { column: 'value', direction: 'asc' as const } } };
    const run = await queueRun(t.deps, { report, user, input: { format: 'csv', separator: ',', language: 'en' } });
    // Every reading in its own batch: each page must start right after the previous one.
    const { planRows } = await import('./rows.ts');
    const plan = planRows(t.database.db, { source: report.source, body: report.body, scope: user, timeZone: 'Europe/Zurich', now: t.deps.clock(), batchSize: 1 });
    const values: number[] = [];
    for await (const batch of plan.batches()) values.push(...batch.map((row) => Number(row.value)));
    expect(values).toEqual([500, 1_000, 1_400, 1_500, 10_000, 11_500, 12_100]);
    expect(await plan.count()).toBe(7);
    expect(await executeRun(t.deps, run.id, user)).toBe('done');
  });

  it('checks an own report against its source, keeps it private unless shared, and lets only its creator change it', async () => {
    const staff = await signedIn(t, partnerId, 'partner_staff');
    expect((await admin.request('POST', '/reports', { name: 'Bad', source: 'devices', body: { columns: ['colour'], filters: {} }, shared: false })).body).toMatchObject({ key: 'report.unknown_column', params: { column: 'colour' } });
    expect((await admin.request('POST', '/reports', { name: 'Bad', source: 'devices', body: { columns: ['serial'], filters: { period: { preset: 'last_month' } } }, shared: false })).body.key).toBe('report.no_period');
    expect((await admin.request('POST', '/reports', { name: 'Bad', source: 'readings', body: { columns: ['serial'], filters: { state: 'lost' } }, shared: false })).body.key).toBe('report.unknown_state');
    const mine = (await admin.request('POST', '/reports', { name: 'Mine', source: 'devices', body: { columns: ['serial'], filters: {} }, shared: false })).body;
    const ours = (await admin.request('POST', '/reports', { name: 'Ours', source: 'devices', body: { columns: ['serial'], filters: {} }, shared: true })).body;
    const seen = (await staff.request('GET', '/reports')).body.items.map((report: Json) => report.name);
    expect(seen).toContain('Ours');
    expect(seen).not.toContain('Mine');
    expect((await staff.request('POST', `/reports/${mine.key}/runs`, { format: 'csv' })).status).toBe(404);
    expect((await staff.request('PUT', `/reports/${ours.key}`, { name: 'Taken', source: 'devices', body: { columns: ['serial'], filters: {} }, shared: true })).body.key).toBe('report.not_owner');
    expect((await admin.request('PUT', '/reports/fleet', { name: 'Fleet', source: 'devices', body: { columns: ['serial'], filters: {} }, shared: true })).body.key).toBe('report.predefined');
    expect((await admin.request('DELETE', `/reports/${mine.key}`)).status).toBe(204);
  });

  it("shows a profile only the sources of the screens it grants, and another dealer none of this dealer's reports or files", async () => {
    const [profile] = await t.database.db
      .insert(profiles)
      .values({ partnerId, name: 'No billing', permissions: { dashboard: 'view', customers: 'view', devices: 'view', readings: 'view', maintenance: 'none', consumables: 'none', billing: 'none', reports: 'view', agents: 'none', users: 'none', settings: 'none' } })
      .returning();
    const clerk = await signedIn(t, partnerId, 'partner_staff');
    await t.database.db.insert(userProfiles).values({ userId: clerk.userId, profileId: profile!.id });
    const keys = (await clerk.request('GET', '/reports')).body.items.map((report: Json) => report.key);
    expect(keys).toContain('fleet');
    expect(keys).not.toContain('billing_lines');
    expect(keys).not.toContain('orders');
    expect((await clerk.request('POST', '/reports/billing_lines/runs', { format: 'csv' })).body.key).toBe('report.not_found');

    const { run } = await download(admin, 'fleet', { format: 'csv' });
    const stranger = await signedIn(t, (await t.createPartner('Other dealer')).id, 'partner_admin');
    expect((await stranger.request('GET', `/report-runs/${run.id}`)).status).toBe(404);
    expect((await stranger.request('GET', `/report-runs/${run.id}/file`)).status).toBe(404);
    expect((await clerk.request('GET', `/report-runs/${run.id}`)).status).toBe(404);
  });

  it('cancels a file being made and drops what it wrote; a finished file cannot be cancelled', async () => {
    const user = (await actingUser(t.database.db, admin.userId))!;
    const report = await resolveReport(t.database.db, user, 'readings', 'en');
    const run = await queueRun(t.deps, { report, user, input: { format: 'xlsx', separator: ';', language: 'en' } });
    expect((await admin.request('POST', `/report-runs/${run.id}/cancel`)).body.status).toBe('cancelled');
    expect(await executeRun(t.deps, run.id, user)).toBe('cancelled');
    expect(await t.database.db.select().from(reportRunChunks).where(eq(reportRunChunks.runId, run.id))).toEqual([]);
    expect((await admin.request('GET', `/report-runs/${run.id}/file`)).body.key).toBe('report_run.not_ready');

    const { run: done } = await download(admin, 'fleet', { format: 'csv' });
    expect((await admin.request('POST', `/report-runs/${done.id}/cancel`)).body.key).toBe('report_run.finished');
  });

  describe('scheduled', () => {
    it('sends a weekly report at 06:00 on its day, once: the whole file to an address, each main coordinator their own customer only', async () => {
      t.setNow(new Date('2026-12-05T09:00:00Z'));
      const created = await admin.request('POST', '/report-schedules', {
        reportKey: 'fleet',
        frequency: 'weekly',
        day: 1,
        format: 'csv',
        language: 'fr',
        recipients: { customerCoordinators: true, addresses: ['office@dealer.test'] },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      // Monday 7 December 2026, 06:00 in Zurich is 05:00 UTC.
      expect(created.body.nextDueAt).toBe('2026-12-07T05:00:00.000Z');

      t.setNow(new Date('2026-12-07T04:59:00Z'));
      expect(await sendDueReports(t.deps)).toEqual({ schedules: 0, emails: 0 });

      t.setNow(new Date('2026-12-07T05:10:00Z'));
      expect(await sendDueReports(t.deps)).toEqual({ schedules: 1, emails: 3 });
      const customersIn = (to: string) => {
        const mail = t.mailer.sent.find((sent) => sent.to === to)!;
        expect(mail.attachments).toHaveLength(1);
        const rows = parseCsv(utf8.decode(mail.attachments![0]!.content), ';');
        const column = rows[0]!.cells.indexOf('N° du client');
        return rows.slice(1).map((row) => row.cells[column]).sort();
      };
      expect(customersIn('office@dealer.test')).toEqual(['A-100', 'B-200']);
      expect(customersIn('anna@alpha.test')).toEqual(['A-100']);
      expect(customersIn('bruno@beta.test')).toEqual(['B-200']);

      // Another tick, or another instance, in the same week: nothing more.
      t.setNow(new Date('2026-12-07T06:10:00Z'));
      expect(await sendDueReports(t.deps)).toEqual({ schedules: 0, emails: 0 });
      const later = await signedIn(t, partnerId, 'partner_admin');
      const history = (await later.request('GET', '/report-schedules')).body.items[0];
      expect(history.deliveries).toEqual([expect.objectContaining({ dueAt: '2026-12-07T05:00:00.000Z', attached: true, recipients: expect.arrayContaining(['office@dealer.test', 'anna@alpha.test']) })]);
      expect(history.nextDueAt).toBe('2026-12-14T05:00:00.000Z');
      await later.request('DELETE', `/report-schedules/${created.body.id}`);
    });

    it('sends a file too large to attach as a link that downloads it until it expires', async () => {
      t.setNow(new Date('2026-12-05T09:00:00Z'));
      const created = await admin.request('POST', '/report-schedules', { reportKey: 'readings', frequency: 'daily', format: 'xlsx', language: 'de', recipients: { addresses: ['office@dealer.test'] }, customerSelection: 'all_except', customerIds: [beta.id] });
      t.setNow(new Date('2026-12-06T05:30:00Z'));
      expect(await sendDueReports(t.deps, { attachmentMaxBytes: 10 })).toEqual({ schedules: 1, emails: 1 });
      const mail = t.mailer.sent[0]!;
      expect(mail.attachments).toEqual([]);
      const link = /http:\/\/parc\.test(\/api\/report-files\/[\w-]+)/.exec(mail.text)![1]!;
      const response = await t.app.request(link);
      expect(response.status).toBe(200);
      const sheet = await workbookOf(new Uint8Array(await response.arrayBuffer()));
      const customerColumn = (sheet.getRow(1).values as string[]).indexOf('Kundennummer');
      const numbers = new Set(sheet.getColumn(customerColumn).values.slice(2));
      expect([...numbers]).toEqual(['A-100']);
      t.setNow(new Date('2026-12-07T05:31:00Z'));
      expect((await t.app.request(link)).status).toBe(404);
      expect((await t.app.request('/api/report-files/not-a-real-token-at-all-123')).status).toBe(404);
      t.setNow(new Date('2026-12-05T09:00:00Z'));
      await admin.request('DELETE', `/report-schedules/${created.body.id}`);
    });

    it('refuses a weekly schedule without its day and one without recipients', async () => {
      expect((await admin.request('POST', '/report-schedules', { reportKey: 'fleet', frequency: 'weekly', format: 'csv', language: 'fr', recipients: { addresses: ['a@b.test'] } })).body.key).toBe('report_schedule.day');
      expect((await admin.request('POST', '/report-schedules', { reportKey: 'fleet', frequency: 'daily', format: 'csv', language: 'fr', recipients: {} })).body.key).toBe('report_schedule.no_recipient');
      expect((await admin.request('POST', '/report-schedules', { reportKey: 'nope', frequency: 'daily', format: 'csv', language: 'fr', recipients: { addresses: ['a@b.test'] } })).body.key).toBe('report.not_found');
    });
  });
});
