import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@parc/shared/csv';
import { emptyPriceList } from '@parc/shared/billing/price-list';
import type { BillingLine, BillingRun, PriceListInput } from '@parc/shared/contracts/billing';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { billingRunXlsx } from './runs.export.ts';

/**
 * The accounting exports of runs computed through the API (November 2026, a draft: the test clock
 * stands on 20 November), downloaded, parsed back (CSV) and read back with exceljs (XLSX).
 */

const terms = (prices: { mono: string | null; colour: string | null; scan: string | null }, included = { mono: 0, colour: 0, scan: 0 }, fixedFee = '0') => ({ prices, included, fixedFee });
const BEFORE = '2026-10-30T10:00:00Z';
const DURING = '2026-11-19T10:00:00Z';

const FRENCH_HEADER = [
  'N° du client',
  'Période',
  'Type de ligne',
  'ID appareil',
  'Modèle',
  'Compteur',
  'Consommable ou groupe',
  'Valeur de début',
  'Valeur de fin',
  'Quantité',
  'Inclus',
  'Facturé',
  'Prix unitaire',
  'Montant',
  'Monnaie',
  'Estimé',
  'Période ajustée',
];
const AMOUNT = FRENCH_HEADER.indexOf('Montant');

describe('billing run exports', () => {
  let t: TestApp;
  let admin: Caller;
  let other: Caller;
  /** Per page with a subscription and a minimum: device lines and a customer-level minimum line. */
  let perPage: { run: Json; customer: Json; devices: Json[] };
  /** The manual's tiers: device lines carry volumes only, the tier lines the amounts. */
  let tiered: { run: Json; customer: Json; devices: Json[] };

  async function runFor(prices: PriceListInput, devices: { overrides: Record<string, unknown>; readings: Record<string, [number, number]> }[]) {
    const customer = (await admin.request('POST', '/customers', customerInput())).body;
    const created: Json[] = [];
    for (const { overrides } of devices) created.push((await admin.request('POST', '/devices', deviceInput(customer.id, { colourCapable: true, ...overrides }))).body);
    expect((await admin.request('PUT', `/customers/${customer.id}/prices`, prices)).status).toBe(200);
    for (const [index, { readings }] of devices.entries()) {
      const device = created[index]!;
      for (const [kind, [before, during]] of Object.entries(readings)) {
        const counterId = device.counters.find((counter: Json) => counter.kind === kind).id;
        for (const [value, takenAt] of [[before, BEFORE], [during, DURING]] as const) {
          const response = await admin.request('POST', `/devices/${device.id}/readings`, { counterId, value, takenAt });
          expect(response.status, JSON.stringify(response.body)).toBe(201);
        }
      }
    }
    const result = await admin.request('POST', '/billing-runs', { period: '2026-11', customerId: customer.id });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const run = (await admin.request('GET', `/billing-runs/${result.body.runs[0].id}`)).body;
    return { run, customer, devices: created };
  }

  async function download(caller: Caller, path: string) {
    const response = await t.app.request(`/api${path}`, { headers: { cookie: caller.cookie } });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  async function workbook(bytes: Uint8Array) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    return book.worksheets[0]!;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const partnerId = (await t.createPartner()).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
    other = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    perPage = await runFor(
      { ...emptyPriceList('CHF'), defaults: terms({ mono: '0.0085', colour: '0.065', scan: null }, { mono: 100, colour: 0, scan: 0 }, '12.50'), minimumPerPeriod: '60' },
      [
        // A model with a quote and a semicolon, and one a spreadsheet would take for a formula.
        { overrides: { model: 'imageRUNNER "Pro"; C5840i' }, readings: { mono: [1_000, 2_775], colour: [500, 655] } },
        { overrides: { model: '=HYPERLINK("http://evil.test")' }, readings: { mono: [2_000, 2_050], colour: [0, 10] } },
      ],
    );
    const band = (prices: string[]) => prices.map((price, index) => ({ from: [1, 101, 1_001, 10_001][index]!, price }));
    tiered = await runFor({ ...emptyPriceList('CHF'), model: 'tiered', tiers: { mono: band(['0.10', '0.08', '0.06', '0.04']), colour: band(['0.12', '0.105', '0.0775', '0.052']), scan: [] } }, [
      { overrides: {}, readings: { mono: [1_000, 2_500], colour: [500, 655] } },
    ]);
  });
  afterAll(() => t.close());

  it('writes the CSV in the user’s language, one record per line of the run, adding up to its total', async () => {
    const { run, customer, devices } = perPage;
    const { response, bytes } = await download(admin, `/billing-runs/${run.id}/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="billing-${customer.customerNumber}-2026-11.csv"`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\r\n');
    const [header, ...rows] = parseCsv(text, ';').map((row) => row.cells);
    expect(header).toEqual(FRENCH_HEADER);
    const number = customer.customerNumber;
    const [first, second] = devices.map((device: Json) => device.deviceCode);
    // Hand-computed: 1,675 mono pages beyond the 100 included × 0.0085 = 14.2375 → 14.24; 155 colour × 0.065 = 10.075 → 10.08;
    // the second device stays within its mono pages, 10 colour → 0.65; two fees of 12.50; 49.97 tops up to the minimum of 60 with 10.03.
    const model = 'imageRUNNER "Pro"; C5840i';
    const formula = `'=HYPERLINK("http://evil.test")`;
    expect(rows).toEqual([
      [number, '2026-11', 'Pages', first, model, 'Compteur noir-blanc', '', '1000', '2775', '1775', '100', '1675', '0.0085', '14.24', 'CHF', 'non', ''],
      [number, '2026-11', 'Pages', first, model, 'Compteur couleur', '', '500', '655', '155', '0', '155', '0.065', '10.08', 'CHF', 'non', ''],
      [number, '2026-11', 'Forfait', first, model, '', '', '', '', '1', '0', '1', '12.50', '12.50', 'CHF', 'non', ''],
      [number, '2026-11', 'Pages', second, formula, 'Compteur noir-blanc', '', '2000', '2050', '50', '100', '0', '0.0085', '0.00', 'CHF', 'non', ''],
      [number, '2026-11', 'Pages', second, formula, 'Compteur couleur', '', '0', '10', '10', '0', '10', '0.065', '0.65', 'CHF', 'non', ''],
      [number, '2026-11', 'Forfait', second, formula, '', '', '', '', '1', '0', '1', '12.50', '12.50', 'CHF', 'non', ''],
      [number, '2026-11', 'Complément au minimum', '', '', '', '', '', '', '1', '0', '1', '60', '10.03', 'CHF', 'non', ''],
    ]);
    expect(run.total).toBe('60.00');
    expect(rows.reduce((sum, row) => sum.plus(row[AMOUNT] || 0), new Decimal(0)).toFixed(2)).toBe(run.total);
  });

  it('heads the CSV in the language asked for', async () => {
    const { bytes } = await download(admin, `/billing-runs/${perPage.run.id}/export.csv?lang=de`);
    const [header, firstRow] = parseCsv(new TextDecoder().decode(bytes), ';').map((row) => row.cells);
    expect(header!.slice(0, 4)).toEqual(['Kundennummer', 'Periode', 'Zeilenart', 'Geräte-ID']);
    expect(header![AMOUNT]).toBe('Betrag');
    expect(firstRow!.slice(2, 3)).toEqual(['Seiten']);
    expect(firstRow!.at(-2)).toBe('nein');
  });

  it('writes the XLSX with numeric cells, the currency’s format, a total row and the header frozen, in German with lang=de', async () => {
    const { run, customer } = perPage;
    const { response, bytes } = await download(admin, `/billing-runs/${run.id}/export.xlsx?lang=de`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="billing-${customer.customerNumber}-2026-11.xlsx"`);
    const sheet = await workbook(bytes);
    expect(sheet.name).toBe('Abrechnung 2026-11');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const values = (rowNumber: number) => (sheet.getRow(rowNumber).values as ExcelJS.CellValue[]).slice(1);
    expect(values(1)).toEqual([
      'Kundennummer',
      'Periode',
      'Zeilenart',
      'Geräte-ID',
      'Modell',
      'Zähler',
      'Verbrauchsmaterial oder Gruppe',
      'Anfangsstand',
      'Endstand',
      'Menge',
      'Inklusive',
      'Verrechnet',
      'Einzelpreis',
      'Betrag',
      'Währung',
      'Geschätzt',
      'Angepasste Periode',
    ]);
    // Seven lines, then the total.
    expect(sheet.rowCount).toBe(9);
    const first = sheet.getRow(2);
    expect(values(2)).toEqual([
      customer.customerNumber,
      '2026-11',
      'Seiten',
      perPage.devices[0].deviceCode,
      'imageRUNNER "Pro"; C5840i',
      'Zähler Schwarzweiss',
      undefined,
      1_000,
      2_775,
      1_775,
      100,
      1_675,
      0.0085,
      14.24,
      'CHF',
      'nein',
    ]);
    // The formula-looking model is plain text in a workbook: nothing to neutralise.
    expect(sheet.getRow(5).getCell(5).value).toBe('=HYPERLINK("http://evil.test")');
    // exceljs counts columns from 1: the amount is column AMOUNT + 1, the unit price just before it.
    expect(first.getCell(AMOUNT + 1).numFmt).toBe('#,##0.00 "CHF"');
    expect(first.getCell(AMOUNT).numFmt).toBe('#,##0.00####');
    expect(first.getCell(8).numFmt).toBe('#,##0');
    const amounts = Array.from({ length: 7 }, (_, index) => sheet.getRow(index + 2).getCell(AMOUNT + 1).value);
    expect(amounts.every((value) => typeof value === 'number')).toBe(true);
    expect(amounts.reduce((sum: Decimal, value) => sum.plus(value as number), new Decimal(0)).toFixed(2)).toBe(run.total);
    const total = sheet.getRow(9);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(AMOUNT + 1).value).toEqual({ formula: 'SUM(N2:N8)', result: 60 });
    expect(total.getCell(AMOUNT + 1).numFmt).toBe('#,##0.00 "CHF"');
    expect(total.getCell(AMOUNT + 2).value).toBe('CHF');
  });

  it('exports tiered runs with the volumes on the device lines and the amounts on the tier lines', async () => {
    const { run } = tiered;
    // 1,500 mono pages: 100 × 0.10 + 900 × 0.08 + 500 × 0.06 = 112.00; 155 colour: 100 × 0.12 + 55 × 0.105 = 17.775 → 17.78.
    expect(run.total).toBe('129.78');
    const { bytes: csv } = await download(admin, `/billing-runs/${run.id}/export.csv?lang=en`);
    const rows = parseCsv(new TextDecoder().decode(csv), ';')
      .slice(1)
      .map((row) => row.cells);
    expect(rows.map((row) => [row[2], row[5], row[9], row[AMOUNT]])).toEqual([
      ['Pages', 'Black & white counter', '1500', ''],
      ['Pages', 'Colour counter', '155', ''],
      ['Volume tiers', 'Black & white counter', '1500', '112.00'],
      ['Volume tiers', 'Colour counter', '155', '17.78'],
    ]);
    const sheet = await workbook((await download(admin, `/billing-runs/${run.id}/export.xlsx?lang=en`)).bytes);
    const amounts = [2, 3, 4, 5].map((row) => sheet.getRow(row).getCell(AMOUNT + 1).value);
    expect(amounts).toEqual([null, null, 112, 17.78]);
    expect(sheet.getRow(6).getCell(AMOUNT + 1).value).toEqual({ formula: 'SUM(N2:N5)', result: 129.78 });
  });

  it("answers 404 for another partner's run and 400 for a language Parc does not speak", async () => {
    for (const format of ['csv', 'xlsx']) {
      const { response, bytes } = await download(other, `/billing-runs/${perPage.run.id}/export.${format}`);
      expect(response.status).toBe(404);
      expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ key: 'billing_run.not_found' });
    }
    expect((await download(admin, `/billing-runs/${perPage.run.id}/export.csv?lang=es`)).response.status).toBe(400);
  });
});

describe('billingRunXlsx', () => {
  const line = (amount: string): BillingLine => ({
    kind: 'adjustment',
    deviceId: null,
    deviceCode: null,
    deviceModel: null,
    counter: null,
    poolId: null,
    supplyModel: null,
    startValue: null,
    endValue: null,
    estimated: false,
    quantity: 0,
    included: 0,
    billed: 0,
    unitPrice: null,
    amount,
    adjustsPeriod: '2026-09',
  });
  const run = (currency: string, lines: BillingLine[], total: string) =>
    ({ customerNumber: '7', period: '2026-10', currency, total, lines, computedAt: '2026-11-02T08:00:00.000Z' }) as BillingRun;

  it('keeps as text an amount a double cannot hold to the unit, and formats amounts in the currency’s minor digits', async () => {
    const load = async (bytes: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(bytes).buffer as ArrayBuffer);
      return book.worksheets[0]!;
    };
    // 16 significant digits: the nearest double is 99999999999999.98.
    const huge = await load(await billingRunXlsx(run('CHF', [line('99999999999999.99')], '99999999999999.99'), 'en'));
    expect(huge.getRow(2).getCell(AMOUNT + 1).value).toBe('99999999999999.99');
    expect(huge.getRow(3).getCell(AMOUNT + 1).value).toBe('99999999999999.99');
    expect(huge.getRow(2).getCell(17).value).toBe('2026-09');
    const yen = await load(await billingRunXlsx(run('JPY', [line('-1200')], '-1200'), 'en'));
    expect(yen.getRow(2).getCell(AMOUNT + 1)).toMatchObject({ value: -1200, numFmt: '#,##0 "JPY"' });
    expect(yen.getRow(2).getCell(3).value).toBe('Adjustment');
  });
});
