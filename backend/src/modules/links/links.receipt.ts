import { createRequire } from 'node:module';
import pdfmake, { type Content, type FontFiles } from 'pdfmake';
import {
  COUNTER_LABELS,
  localDateKey,
  messageFormat,
  type CounterEntryState,
  type Language,
  type MeterEntryPage,
  type Translations,
} from '@parc/shared';

/** "Print for your records" (seed: "Exemple d'impression"): the page's machines and counters, server side. */

const require = createRequire(import.meta.url);
const roboto = (require('pdfmake/fonts/Roboto.js') as { Roboto: FontFiles }).Roboto;
const fontFiles = new Set(Object.values(roboto));
pdfmake.setFonts({ Roboto: roboto });
// The receipt holds only text: nothing is fetched, and only the bundled fonts are read from disk.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));

interface Copy {
  title: string;
  customerNumber: string;
  period: string;
  serial: string;
  states: Record<CounterEntryState['state'], string>;
}

const COPY: Translations<Copy> = {
  fr: {
    title: 'Relevé des compteurs',
    customerNumber: 'N° du client',
    period: 'Période',
    serial: 'NS',
    states: { to_enter: 'À saisir', entered: 'Saisie effectuée', to_check: 'À vérifier', refused: 'Refusé', sent: 'Transmis', settled: 'Validé par le fournisseur' },
  },
  de: {
    title: 'Zählerstände',
    customerNumber: 'Kundennummer',
    period: 'Periode',
    serial: 'SN',
    states: { to_enter: 'Zu erfassen', entered: 'Erfasst', to_check: 'Zu prüfen', refused: 'Abgelehnt', sent: 'Übermittelt', settled: 'Vom Händler bestätigt' },
  },
  it: {
    title: 'Rilevamento dei contatori',
    customerNumber: 'N. cliente',
    period: 'Periodo',
    serial: 'NS',
    states: { to_enter: 'Da inserire', entered: 'Inserito', to_check: 'Da verificare', refused: 'Rifiutato', sent: 'Trasmesso', settled: 'Convalidato dal fornitore' },
  },
  en: {
    title: 'Meter readings',
    customerNumber: 'Customer no.',
    period: 'Period',
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
      `ID : ${machine.deviceCode}    ${copy.serial} : ${machine.serial}`,
      {
        table: { widths: ['*', 80, 100, 70], body: machine.counters.map((counter) => counterRow(counter, input)) },
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
  const { page } = input;
  return pdfmake
    .createPdf({
      info: { title: `${copy.title} ${page.period} – ${page.customerNumber}`, author: input.dealerName },
      language: input.language,
      pageSize: 'A4',
      pageMargins: [40, 40, 40, 40],
      defaultStyle: { font: 'Roboto', fontSize: 10 },
      styles: { dealer: { fontSize: 9, color: '#555555' }, title: { fontSize: 16, bold: true }, machine: { bold: true, fontSize: 11 } },
      content: [
        { text: input.dealerName, style: 'dealer' },
        { text: copy.title, style: 'title', margin: [0, 4, 0, 4] },
        { text: `${copy.customerNumber} : ${page.customerNumber}`, bold: true },
        { text: `${copy.period} : ${page.period}`, margin: [0, 0, 0, 14] },
        ...page.machines.map((machine) => machineBlock(machine, input)),
      ],
    })
    .getBuffer();
}
