import pdfmake, { type Content, type FontFiles } from 'pdfmake';
import robotoFiles from 'pdfmake/build/vfs_fonts.js';
import {
  COUNTER_LABELS,
  LANGUAGE_LOCALES,
  localDateKey,
  messageFormat,
  type CounterEntryState,
  type Language,
  type MeterEntryPage,
  type Translations,
} from '@parc/shared';

/**
 * "Print for your records" (seed: "Exemple d'impression"): the page's machines and counters, server
 * side, in the language the customer reads the page in (the page sends it), with that language's
 * punctuation and a period written out ("Dezember 2026", not "2026-12").
 */

/**
 * Roboto comes in with the code (pdfmake's font container, base64 in a JS module) and is put in
 * pdfmake's virtual file system: nothing is read from disk, so the receipt renders the same under
 * Node and in the Worker (which has no node_modules folder, and where pdfmake resolves to its
 * browser build).
 */
const ROBOTO: FontFiles = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
for (const file of Object.values(ROBOTO)) {
  const base64 = robotoFiles[file];
  if (!base64) throw new Error(`pdfmake's font container has no ${file}`);
  // Decoded by pdfmake itself, into the Buffer its build works with (Node's, or its browser polyfill).
  pdfmake.virtualfs.writeFileSync(file, base64, 'base64');
}
pdfmake.setFonts({ Roboto: ROBOTO });
// The receipt holds only text: nothing is fetched, and nothing is read from the disk (Node build only).
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy?.(() => false);

interface Copy {
  title: string;
  customerNumber: string;
  period: string;
  deviceCode: string;
  serial: string;
  states: Record<CounterEntryState['state'], string>;
}

/** "Label: value" as each language writes it: French puts a no-break space before the colon, the others none. */
const LABELLED: Translations<(label: string, value: string) => string> = {
  fr: (label, value) => `${label}\u00a0: ${value}`,
  de: (label, value) => `${label}: ${value}`,
  it: (label, value) => `${label}: ${value}`,
  en: (label, value) => `${label}: ${value}`,
};

export function labelled(language: Language, label: string, value: string): string {
  return LABELLED[language](label, value);
}

/** A period '2026-11' as the language names it: 'novembre 2026', 'November 2026', 'novembre 2026', 'November 2026'. */
export function periodName(period: string, language: Language): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
}

const COPY: Translations<Copy> = {
  fr: {
    title: 'Relevé des compteurs',
    customerNumber: 'N° du client',
    period: 'Période',
    deviceCode: 'ID',
    serial: 'NS',
    states: { to_enter: 'À saisir', entered: 'Saisie effectuée', to_check: 'À vérifier', refused: 'Refusé', sent: 'Transmis', settled: 'Validé par le fournisseur' },
  },
  de: {
    title: 'Zählerstände',
    customerNumber: 'Kundennummer',
    period: 'Periode',
    deviceCode: 'ID',
    serial: 'SN',
    states: { to_enter: 'Zu erfassen', entered: 'Erfasst', to_check: 'Zu prüfen', refused: 'Abgelehnt', sent: 'Übermittelt', settled: 'Vom Händler bestätigt' },
  },
  it: {
    title: 'Rilevamento dei contatori',
    customerNumber: 'N. cliente',
    period: 'Periodo',
    deviceCode: 'ID',
    serial: 'NS',
    states: { to_enter: 'Da inserire', entered: 'Inserito', to_check: 'Da verificare', refused: 'Rifiutato', sent: 'Trasmesso', settled: 'Convalidato dal fornitore' },
  },
  en: {
    title: 'Meter readings',
    customerNumber: 'Customer no.',
    period: 'Period',
    deviceCode: 'ID',
    serial: 'S/N',
    states: { to_enter: 'To enter', entered: 'Entered', to_check: 'To check', refused: 'Refused', sent: 'Sent', settled: 'Confirmed by your dealer' },
  },
};

export interface ReceiptInput {
  dealerName: string;
  page: MeterEntryPage;
  language: Language;
}

function counterRow(counter: MeterEntryPage['machines'][number]['counters'][number], input: ReceiptInput): Content[] {
  const copy = COPY[input.language];
  const format = messageFormat(input.language);
  const entry = counter.entry;
  const value = 'value' in entry ? format.count(entry.value) : '';
  const date = 'enteredAt' in entry ? format.date(localDateKey(new Date(entry.enteredAt), input.page.timeZone)) : '';
  return [COUNTER_LABELS[counter.counter][input.language], { text: value, alignment: 'right' }, copy.states[entry.state], date];
}

function machineBlock(machine: MeterEntryPage['machines'][number], input: ReceiptInput): Content {
  const copy = COPY[input.language];
  const place = [machine.internalNumber, machine.location].filter(Boolean).join(' - ');
  return {
    stack: [
      { text: `${machine.manufacturer} ${machine.model}`.trim(), style: 'machine' },
      ...(place ? [place] : []),
      `${labelled(input.language, copy.deviceCode, machine.deviceCode)}    ${labelled(input.language, copy.serial, machine.serial)}`,
      {
        table: { widths: ['*', 70, 130, 65], body: machine.counters.map((counter) => counterRow(counter, input)) },
        layout: 'lightHorizontalLines',
        margin: [0, 4, 0, 0],
      },
    ],
    margin: [0, 0, 0, 14],
    unbreakable: true,
  };
}

export function renderReceipt(input: ReceiptInput): Promise<Buffer> {
  const copy = COPY[input.language];
  const { page, language } = input;
  const period = periodName(page.period, language);
  return pdfmake
    .createPdf({
      info: { title: `${copy.title} ${period} – ${page.customerNumber}`, author: input.dealerName },
      language: input.language,
      pageSize: 'A4',
      pageMargins: [40, 40, 40, 40],
      defaultStyle: { font: 'Roboto', fontSize: 10 },
      styles: { dealer: { fontSize: 9, color: '#555555' }, title: { fontSize: 16, bold: true }, machine: { bold: true, fontSize: 11 } },
      content: [
        { text: input.dealerName, style: 'dealer' },
        { text: copy.title, style: 'title', margin: [0, 4, 0, 4] },
        { text: labelled(language, copy.customerNumber, page.customerNumber), bold: true },
        { text: labelled(language, copy.period, period), margin: [0, 0, 0, 14] },
        ...page.machines.map((machine) => machineBlock(machine, input)),
      ],
    })
    .getBuffer();
}
