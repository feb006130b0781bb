import type { PeriodKey, Translations } from '@parc/shared';
import { formatLastValidDay, formatPeriod } from '../format.ts';
import { defineTemplate, type CommonProps } from '../layout.ts';

export interface MachineToRead {
  model: string;
  internalNumber: string | null;
  location: string | null;
}

/** Sent a few days before the last valid day when some machines still have no reading. */
export interface MeterReminderProps extends CommonProps {
  customerNumber: string;
  period: PeriodKey;
  linkUrl: string;
  /** When the link stops working (exclusive). */
  expiresAt: Date;
  timeZone: string;
  machinesToRead: readonly MachineToRead[];
}

interface Values {
  customerNumber: string;
  period: string;
  lastValidDay: string;
  remaining: number;
}

interface Copy {
  subject: (v: Values) => string;
  preheader: (v: Values) => string;
  greeting: string;
  intro: (v: Values) => string;
  listTitle: (v: Values) => string;
  button: string;
  alreadyDone: string;
  customerNumber: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (v) => `Rappel : relevé de vos compteurs – ${v.period} (client ${v.customerNumber})`,
    preheader: (v) => `Plus que quelques jours : le lien est valable jusqu'au ${v.lastValidDay}.`,
    greeting: 'Chère cliente, cher client,',
    intro: (v) => `Il nous manque encore des compteurs pour ${v.period}. Le lien de saisie est valable jusqu'au ${v.lastValidDay} inclus.`,
    listTitle: (v) => (v.remaining === 1 ? 'Machine encore à relever :' : `Machines encore à relever (${v.remaining}) :`),
    button: 'Saisir mes compteurs',
    alreadyDone: 'Si vous avez fait la saisie entre-temps, merci et ne tenez pas compte de ce message.',
    customerNumber: 'N° du client',
  },
  de: {
    subject: (v) => `Erinnerung: Ablesung Ihrer Zählerstände – ${v.period} (Kunde ${v.customerNumber})`,
    preheader: (v) => `Nur noch wenige Tage: Der Link ist bis ${v.lastValidDay} gültig.`,
    greeting: 'Sehr geehrte Kundin, sehr geehrter Kunde',
    intro: (v) => `Für ${v.period} fehlen uns noch Zählerstände. Der Erfassungslink ist bis und mit ${v.lastValidDay} gültig.`,
    listTitle: (v) => (v.remaining === 1 ? 'Noch abzulesendes Gerät:' : `Noch abzulesende Geräte (${v.remaining}):`),
    button: 'Zählerstände erfassen',
    alreadyDone: 'Falls Sie die Zählerstände inzwischen erfasst haben, danken wir Ihnen; betrachten Sie diese Nachricht als gegenstandslos.',
    customerNumber: 'Kundennummer',
  },
  it: {
    subject: (v) => `Promemoria: lettura dei suoi contatori – ${v.period} (cliente ${v.customerNumber})`,
    preheader: (v) => `Mancano pochi giorni: il link è valido fino a ${v.lastValidDay}.`,
    greeting: 'Gentile cliente,',
    intro: (v) => `Ci mancano ancora dei contatori per ${v.period}. Il link è valido fino a ${v.lastValidDay} compreso.`,
    listTitle: (v) => (v.remaining === 1 ? 'Macchina ancora da rilevare:' : `Macchine ancora da rilevare (${v.remaining}):`),
    button: 'Inserire i contatori',
    alreadyDone: 'Se nel frattempo ha già inserito i contatori, la ringraziamo: non tenga conto di questo messaggio.',
    customerNumber: 'N. cliente',
  },
  en: {
    subject: (v) => `Reminder: your meter readings – ${v.period} (customer ${v.customerNumber})`,
    preheader: (v) => `Only a few days left: the link is valid until ${v.lastValidDay}.`,
    greeting: 'Dear customer,',
    intro: (v) => `Some meter readings for ${v.period} are still missing. The link is valid until ${v.lastValidDay} inclusive.`,
    listTitle: (v) => (v.remaining === 1 ? 'Machine still to read:' : `Machines still to read (${v.remaining}):`),
    button: 'Enter my meter readings',
    alreadyDone: 'If you have entered them in the meantime, thank you, and please ignore this message.',
    customerNumber: 'Customer no.',
  },
};

function machineLine({ model, internalNumber, location }: MachineToRead): string {
  return [model, internalNumber, location].filter((part) => part && part.trim().length > 0).join(' – ');
}

export const meterReminder = defineTemplate<MeterReminderProps>((props, language) => {
  const copy = COPY[language];
  const values: Values = {
    customerNumber: props.customerNumber,
    period: formatPeriod(props.period, language),
    lastValidDay: formatLastValidDay(props.expiresAt, language, props.timeZone),
    remaining: props.machinesToRead.length,
  };
  return {
    subject: copy.subject(values),
    preheader: copy.preheader(values),
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: copy.intro(values) },
      { kind: 'list', title: copy.listTitle(values), items: props.machinesToRead.map(machineLine) },
      { kind: 'button', label: copy.button, url: props.linkUrl },
      { kind: 'facts', rows: [[copy.customerNumber, props.customerNumber]] },
      { kind: 'note', text: copy.alreadyDone },
    ],
  };
});
