import ExcelJS from 'exceljs';
import { COUNTER_LABELS, type Language, type Translations } from '@parc/shared';
import { csvRecord } from '@parc/shared/csv';
import { minorDigits } from '@parc/shared/billing/money';
import { exactNumber, inertText } from '@parc/shared/reports/cells';
import { codeLabel } from '@parc/shared/reports/labels';
import type { BillingLine, BillingRun } from '@parc/shared/contracts/billing';

/**
 * A billing run for the dealer's accounting: one row per line of the run (device lines per counter,
 * fixed fees and consumables, then the customer-level lines: tiers, pool overage, minimum, true-up,
 * adjustments), so the amounts add up to the run's total. The same run always gives the same rows.
 *
 * - CSV: UTF-8 with a byte-order mark (Excel otherwise reads it as the ANSI code page), RFC 4180
 *   quoting, `;` between fields and `.` in decimals. Excel in the Swiss, French, German and Italian
 *   locales splits on `;` (their list separator) when the file is opened by double-click, and `.`
 *   keeps amounts machine-readable whatever the reader's locale; no total row, every record is a line.
 * - XLSX: numbers and amounts as numeric cells (amounts written as numbers only when the double
 *   holds the decimal exactly, which any amount of at most 15 significant digits does), amounts in
 *   the currency's minor digits, a total row summing the amounts, the header row frozen.
 */

type ColumnType = 'text' | 'count' | 'price' | 'amount' | 'flag';
type Cell = string | number | boolean | null;

interface Column {
  header: Translations;
  type: ColumnType;
  width: number;
  value: (line: BillingLine, run: BillingRun, language: Language) => Cell;
}

interface Copy {
  sheet: string;
  total: string;
  yes: string;
  no: string;
}

const COPY: Translations<Copy> = {
  fr: {
    sheet: 'Facturation',
    total: 'Total',
    yes: 'oui',
    no: 'non',
  },
  de: {
    sheet: 'Abrechnung',
    total: 'Total',
    yes: 'ja',
    no: 'nein',
  },
  it: {
    sheet: 'Fatturazione',
    total: 'Totale',
    yes: 'sì',
    no: 'no',
  },
  en: {
    sheet: 'Billing',
    total: 'Total',
    yes: 'yes',
    no: 'no',
  },
};

const COLUMNS: readonly Column[] = [
  { header: { fr: 'N° du client', de: 'Kundennummer', it: 'N. cliente', en: 'Customer number' }, type: 'text', width: 14, value: (_, run) => run.customerNumber },
  { header: { fr: 'Période', de: 'Periode', it: 'Periodo', en: 'Period' }, type: 'text', width: 10, value: (_, run) => run.period },
  { header: { fr: 'Type de ligne', de: 'Zeilenart', it: 'Tipo di riga', en: 'Line type' }, type: 'text', width: 24, value: (line, _, language) => codeLabel('lineKind', line.kind, language) },
  { header: { fr: 'ID appareil', de: 'Geräte-ID', it: 'ID apparecchio', en: 'Device ID' }, type: 'text', width: 12, value: (line) => line.deviceCode },
  { header: { fr: 'Modèle', de: 'Modell', it: 'Modello', en: 'Model' }, type: 'text', width: 34, value: (line) => line.deviceModel },
  { header: { fr: 'Compteur', de: 'Zähler', it: 'Contatore', en: 'Counter' }, type: 'text', width: 24, value: (line, _, language) => line.counter && COUNTER_LABELS[line.counter][language] },
  {
    header: { fr: 'Consommable ou groupe', de: 'Verbrauchsmaterial oder Gruppe', it: 'Consumabile o gruppo', en: 'Supply or pool' },
    type: 'text',
    width: 22,
    value: (line) => line.supplyModel ?? line.poolId,
  },
  { header: { fr: 'Valeur de début', de: 'Anfangsstand', it: 'Valore iniziale', en: 'Start value' }, type: 'count', width: 14, value: (line) => line.startValue },
  { header: { fr: 'Valeur de fin', de: 'Endstand', it: 'Valore finale', en: 'End value' }, type: 'count', width: 14, value: (line) => line.endValue },
  { header: { fr: 'Quantité', de: 'Menge', it: 'Quantità', en: 'Quantity' }, type: 'count', width: 11, value: (line) => line.quantity },
  { header: { fr: 'Inclus', de: 'Inklusive', it: 'Incluse', en: 'Included' }, type: 'count', width: 11, value: (line) => line.included },
  { header: { fr: 'Facturé', de: 'Verrechnet', it: 'Fatturate', en: 'Billed' }, type: 'count', width: 11, value: (line) => line.billed },
  { header: { fr: 'Prix unitaire', de: 'Einzelpreis', it: 'Prezzo unitario', en: 'Unit price' }, type: 'price', width: 13, value: (line) => line.unitPrice },
  { header: { fr: 'Montant', de: 'Betrag', it: 'Importo', en: 'Amount' }, type: 'amount', width: 16, value: (line) => line.amount },
  { header: { fr: 'Monnaie', de: 'Währung', it: 'Valuta', en: 'Currency' }, type: 'text', width: 9, value: (_, run) => run.currency },
  { header: { fr: 'Estimé', de: 'Geschätzt', it: 'Stimato', en: 'Estimated' }, type: 'flag', width: 10, value: (line) => line.estimated },
  { header: { fr: 'Période ajustée', de: 'Angepasste Periode', it: 'Periodo rettificato', en: 'Adjusted period' }, type: 'text', width: 16, value: (line) => line.adjustsPeriod },
];

/** 1-based, as exceljs counts columns. */
const AMOUNT_COLUMN = COLUMNS.findIndex((column) => column.type === 'amount') + 1;
const CURRENCY_COLUMN = COLUMNS.findIndex((column) => column.header.en === 'Currency') + 1;

/** `billing-<customer number>-<period>.csv`, with only letters, digits, `-` and `_` from the customer number. */
export function exportFileName(run: Pick<BillingRun, 'customerNumber' | 'period'>, extension: 'csv' | 'xlsx'): string {
  return `billing-${run.customerNumber.replace(/[^\w-]/g, '')}-${run.period}.${extension}`;
}

function csvText(column: Column, cell: Cell, language: Language): string {
  if (cell === null) return '';
  if (column.type === 'flag') return cell ? COPY[language].yes : COPY[language].no;
  return column.type === 'text' ? inertText(String(cell)) : String(cell);
}

export function billingRunCsv(run: BillingRun, language: Language): string {
  const header = csvRecord(COLUMNS.map((column) => column.header[language]), ';');
  const lines = run.lines.map((line) => csvRecord(COLUMNS.map((column) => csvText(column, column.value(line, run, language), language)), ';'));
  return `\uFEFF${header}${lines.join('')}`;
}

/** "#,##0.00 "CHF"": the currency's minor digits (none for JPY, three for BHD), its code after the number. */
function amountFormat(currency: string): string {
  const digits = minorDigits(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
}

/** Two decimals at least, six at most: 0.0085 and 10.50 as written in the price list. */
const PRICE_FORMAT = '#,##0.00####';
const COUNT_FORMAT = '#,##0';

export async function billingRunXlsx(run: BillingRun, language: Language): Promise<Buffer> {
  const copy = COPY[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Parc';
  // The document's dates say when the figures were computed, not when they were downloaded.
  workbook.created = workbook.modified = new Date(run.computedAt);
  const sheet = workbook.addWorksheet(`${copy.sheet} ${run.period}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  const numberFormats: Record<ColumnType, string | undefined> = { text: undefined, flag: undefined, count: COUNT_FORMAT, price: PRICE_FORMAT, amount: amountFormat(run.currency) };
  sheet.columns = COLUMNS.map((column) => ({ header: column.header[language], width: column.width, style: { numFmt: numberFormats[column.type] } }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

  for (const line of run.lines) {
    sheet.addRow(
      COLUMNS.map((column) => {
        const cell = column.value(line, run, language);
        if (cell === null) return null;
        if (column.type === 'flag') return cell ? copy.yes : copy.no;
        return column.type === 'price' || column.type === 'amount' ? exactNumber(String(cell)) : cell;
      }),
    );
  }
  const totalRow = sheet.addRow([copy.total]);
  const amounts = sheet.getColumn(AMOUNT_COLUMN).letter;
  const total = exactNumber(run.total);
  totalRow.getCell(AMOUNT_COLUMN).value =
    typeof total === 'number' && run.lines.length > 0 ? { formula: `SUM(${amounts}2:${amounts}${totalRow.number - 1})`, result: total } : total;
  totalRow.getCell(CURRENCY_COLUMN).value = run.currency;
  totalRow.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
