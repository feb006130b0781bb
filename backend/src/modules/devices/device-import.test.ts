import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/app.ts';
import { newCustomer, partnerAdminApp } from '../../test/partner-admin.ts';
import { deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';

describe('devices import', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => ({ t, admin, partnerId } = await partnerAdminApp()));
  afterAll(() => t.close());

  const importCsv = (caller: Caller, customerId: string, mode: string, csv: string) =>
    caller.request('POST', `/customers/${customerId}/devices/import?mode=${mode}`, csv, { 'content-type': 'text/csv' });
  const devicesOf = async (customerId: string) => (await admin.request('GET', `/devices?customerId=${customerId}&pageSize=100`)).body.items as Json[];

  async function customerWithSite() {
    const customer = await newCustomer(admin);
    const site = (await admin.request('POST', `/customers/${customer.id}/sites`, { name: 'Siège' })).body;
    const coordinator = (await admin.request('POST', `/customers/${customer.id}/coordinators`, { name: 'Anna', email: 'anna@client.ch' })).body;
    return { customer, site, coordinator };
  }

  it('previews each line with its errors as codes and parameters, and writes nothing', async () => {
    const { customer } = await customerWithSite();
    const taken = (await admin.request('POST', '/devices', deviceInput(customer.id, { serial: 'TAKEN-1' }))).body;
    const csv = [
      'Numéro de série;Fabricant;Modèle;Site;Coordinateur;Date d’installation;Total;Couleur',
      'IMP-1;Ricoh;IM C3000;Siège;anna@client.ch;01.03.2026;12000;4000',
      'TAKEN-1;HP;LaserJet M611dn;;;;;',
      'IMP-1;HP;LaserJet M611dn;Annexe;;31.02.2026;12,5;',
    ].join('\n');
    const preview = await importCsv(admin, customer.id, 'preview', csv);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ mode: 'preview', created: 0 });
    expect(preview.body.lines.map((line: Json) => [line.line, line.status])).toEqual([
      [2, 'ok'],
      [3, 'error'],
      [4, 'error'],
    ]);
    expect(preview.body.lines[1].errors).toEqual([{ field: 'serial', key: 'device_import.serial_taken', params: { serial: 'TAKEN-1', deviceCode: taken.deviceCode } }]);
    expect(preview.body.lines[2].errors.map((error: Json) => error.key)).toEqual(['device_import.serial_repeated', 'device_import.unknown_site', 'device_import.bad_date', 'device_import.bad_counter']);
    expect(await devicesOf(customer.id)).toHaveLength(1);
  });

  it('refuses a commit with any wrong line and creates nothing', async () => {
    const { customer } = await customerWithSite();
    const refused = await importCsv(admin, customer.id, 'commit', 'serial,manufacturer,model\nA-1,HP,M611\nA-1,HP,M611');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ key: 'device_import.lines_wrong', params: { lines: 1 } });
    expect(refused.body.lines[1].errors[0]).toMatchObject({ key: 'device_import.serial_repeated', params: { line: 2 } });
    expect(await devicesOf(customer.id)).toEqual([]);
  });

  it('commits: devices get their PREFIX-n, site, coordinator, counters, and starting values as readings', async () => {
    const { customer, site, coordinator } = await customerWithSite();
    const csv = [
      'serial,manufacturer,model,site,coordinator,install date,total,mono,colour,scan,large',
      'C-1,Ricoh,IM C3000,siège,ANNA@client.ch,2026-03-01,12000,8000,4000,500,',
      'C-2,HP,LaserJet M611dn,,,,3000,,,,',
    ].join('\n');
    const committed = await importCsv(admin, customer.id, 'commit', csv);
    expect(committed.status).toBe(200);
    expect(committed.body.created).toBe(2);
    const devices = await devicesOf(customer.id);
    expect(devices.map((device) => [device.deviceCode, device.serial])).toEqual([
      [`${customer.prefix}-1`, 'C-1'],
      [`${customer.prefix}-2`, 'C-2'],
    ]);
    expect(devices[0]).toMatchObject({ siteId: site.id, coordinatorId: coordinator.id, colourCapable: true, installedAt: '2026-03-01T00:00:00.000Z' });
    const detail = (await admin.request('GET', `/devices/${devices[0].id}`)).body;
    expect(detail.counters.map((counter: Json) => counter.kind).sort()).toEqual(['colour', 'mono', 'scan', 'total']);
    const readings = (await admin.request('GET', `/devices/${devices[0].id}/readings`)).body.items as Json[];
    expect(readings.map((reading) => [reading.counterKind, reading.value, reading.source, reading.takenAt]).sort()).toEqual(
      [
        ['colour', 4000, 'partner', '2026-03-01T00:00:00.000Z'],
        ['mono', 8000, 'partner', '2026-03-01T00:00:00.000Z'],
        ['scan', 500, 'partner', '2026-03-01T00:00:00.000Z'],
        ['total', 12000, 'partner', '2026-03-01T00:00:00.000Z'],
      ].sort(),
    );
    // The same file again: every serial now belongs to an active device.
    const again = await importCsv(admin, customer.id, 'preview', csv);
    expect(again.body.lines.map((line: Json) => line.errors[0]?.key)).toEqual(['device_import.serial_taken', 'device_import.serial_taken']);
  });

  it('reads an Excel workbook, date cells included', async () => {
    const { customer } = await customerWithSite();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Geräte');
    sheet.addRow(['Seriennummer', 'Hersteller', 'Modell', 'Installationsdatum', 'Gesamt']);
    sheet.addRow(['X-1', 'Kyocera', 'TASKalfa 3554ci', new Date(Date.UTC(2026, 1, 15)), 1234]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const response = await t.app.request(`/api/customers/${customer.id}/devices/import?mode=commit`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: bytes,
    });
    expect(response.status).toBe(200);
    const [device] = await devicesOf(customer.id);
    expect(device).toMatchObject({ serial: 'X-1', manufacturer: 'Kyocera', installedAt: '2026-02-15T00:00:00.000Z' });
  });

  it('refuses a file without its required columns, too large, or not a table', async () => {
    const { customer } = await customerWithSite();
    expect((await importCsv(admin, customer.id, 'preview', 'serial,model\nA,B')).body).toMatchObject({ key: 'device_import.missing_column', params: { column: 'manufacturer' } });
    expect((await importCsv(admin, customer.id, 'preview', `serial,manufacturer,model\n${'x,y,z\n'.repeat(170_000)}`)).body.key).toBe('device_import.too_large');
    const broken = await t.app.request(`/api/customers/${customer.id}/devices/import`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'text/csv' }, body: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(((await broken.json()) as Json).key).toBe('device_import.unreadable');
  });

  it("keeps another dealer out of a customer's import", async () => {
    const { customer } = await customerWithSite();
    const other = await t.createPartner();
    const otherAdmin = await signedIn(t, other.id, 'partner_admin');
    expect((await importCsv(otherAdmin, customer.id, 'commit', 'serial,manufacturer,model\nI-1,HP,M')).status).toBe(404);
    expect(partnerId).not.toBe(other.id);
  });
});
