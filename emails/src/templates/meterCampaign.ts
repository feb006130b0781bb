import type { PeriodKey, Translations } from '@parc/shared';
import { formatLastValidDay, formatPeriod } from '../format.ts';
import { defineTemplate, type CommonProps } from '../layout.ts';

/** The monthly request (seed: "Exemple d'email"): anonymous, only the customer number appears. */
export interface MeterCampaignProps extends CommonProps {
  customerNumber: string;
  period: PeriodKey;
  linkUrl: string;
  /** When the link stops working (exclusive), e.g. expiryInstant() of the period. */
  expiresAt: Date;
  /** The customer's IANA time zone. */
  timeZone: string;
  machineCount: number;
}

interface Values {
  customerNumber: string;
  period: string;
  lastValidDay: string;
  machineCount: number;
}

interface Copy {
  subject: (v: Values) => string;
  preheader: (v: Values) => string;
  greeting: string;
  intro: (v: Values) => string;
  button: string;
  validity: (v: Values) => string;
  timing: string;
  customerNumber: string;
  anonymity: string;
  locations: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (v) => `Relevé de vos compteurs – ${v.period} (client ${v.customerNumber})`,
    preheader: (v) => `Saisissez vos compteurs en ligne jusqu'au ${v.lastValidDay}.`,
    greeting: 'Chère cliente, cher client,',
    intro: (v) =>
      `Vous trouverez ci-dessous le lien qui vous permet, par un simple clic, de saisir en ligne les compteurs de ${v.machineCount === 1 ? 'votre machine' : `vos ${v.machineCount} machines`} pour ${v.period}.`,
    button: 'Saisir mes compteurs',
    validity: (v) => `Ce lien est valable jusqu'au ${v.lastValidDay} inclus. Vous recevrez un nouveau message pour la période suivante.`,
    timing: "Vous pouvez faire la saisie dès à présent mais, pour des raisons d'efficacité, nous vous conseillons de la faire de préférence en fin de mois.",
    customerNumber: 'N° du client',
    anonymity: 'Afin de garantir votre confidentialité, ce système est anonyme : seul votre numéro de client est indiqué.',
    locations: "N'hésitez pas à nous transmettre toute demande de modification de l'emplacement de vos machines, par simple retour de mail.",
  },
  de: {
    subject: (v) => `Ablesung Ihrer Zählerstände – ${v.period} (Kunde ${v.customerNumber})`,
    preheader: (v) => `Erfassen Sie Ihre Zählerstände online bis ${v.lastValidDay}.`,
    greeting: 'Sehr geehrte Kundin, sehr geehrter Kunde',
    intro: (v) =>
      `Über den folgenden Link erfassen Sie mit einem Klick die Zählerstände ${v.machineCount === 1 ? 'Ihres Geräts' : `Ihrer ${v.machineCount} Geräte`} für ${v.period}.`,
    button: 'Zählerstände erfassen',
    validity: (v) => `Dieser Link ist bis und mit ${v.lastValidDay} gültig. Für die nächste Periode erhalten Sie eine neue Nachricht.`,
    timing: 'Sie können die Zählerstände ab sofort erfassen; am besten tun Sie es jedoch gegen Ende des Monats.',
    customerNumber: 'Kundennummer',
    anonymity: 'Zum Schutz Ihrer Vertraulichkeit ist dieses System anonym: Es wird nur Ihre Kundennummer angezeigt.',
    locations: 'Änderungen am Standort Ihrer Geräte teilen Sie uns einfach per Antwort auf diese E-Mail mit.',
  },
  it: {
    subject: (v) => `Lettura dei suoi contatori – ${v.period} (cliente ${v.customerNumber})`,
    preheader: (v) => `Inserisca i suoi contatori online entro ${v.lastValidDay}.`,
    greeting: 'Gentile cliente,',
    intro: (v) =>
      `Qui sotto trova il link che le permette, con un semplice clic, di inserire online i contatori ${v.machineCount === 1 ? 'della sua macchina' : `delle sue ${v.machineCount} macchine`} per ${v.period}.`,
    button: 'Inserire i contatori',
    validity: (v) => `Questo link è valido fino a ${v.lastValidDay} compreso. Per il periodo successivo riceverà un nuovo messaggio.`,
    timing: "Può inserire i contatori fin d'ora ma, per efficienza, le consigliamo di farlo preferibilmente a fine mese.",
    customerNumber: 'N. cliente',
    anonymity: 'Per garantire la sua riservatezza questo sistema è anonimo: è indicato solo il suo numero di cliente.',
    locations: "Per modificare l'ubicazione delle sue macchine ci basta una risposta a questa e-mail.",
  },
  en: {
    subject: (v) => `Your meter readings – ${v.period} (customer ${v.customerNumber})`,
    preheader: (v) => `Enter your meter readings online until ${v.lastValidDay}.`,
    greeting: 'Dear customer,',
    intro: (v) =>
      `Below is the link that lets you enter, in one click, the meter readings of ${v.machineCount === 1 ? 'your machine' : `your ${v.machineCount} machines`} for ${v.period}.`,
    button: 'Enter my meter readings',
    validity: (v) => `This link is valid until ${v.lastValidDay} inclusive. You will receive a new message for the next period.`,
    timing: 'You can enter the readings right away, but we recommend doing it towards the end of the month.',
    customerNumber: 'Customer no.',
    anonymity: 'To protect your confidentiality this system is anonymous: only your customer number is shown.',
    locations: 'To change the location text of your machines, simply reply to this email.',
  },
};

export const meterCampaign = defineTemplate<MeterCampaignProps>((props, language) => {
  const copy = COPY[language];
  const values: Values = {
    customerNumber: props.customerNumber,
    period: formatPeriod(props.period, language),
    lastValidDay: formatLastValidDay(props.expiresAt, language, props.timeZone),
    machineCount: props.machineCount,
  };
  return {
    subject: copy.subject(values),
    preheader: copy.preheader(values),
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: copy.intro(values) },
      { kind: 'button', label: copy.button, url: props.linkUrl },
      { kind: 'paragraph', text: copy.validity(values) },
      { kind: 'paragraph', text: copy.timing },
      { kind: 'facts', rows: [[copy.customerNumber, props.customerNumber]] },
      { kind: 'note', text: copy.anonymity },
      { kind: 'paragraph', text: copy.locations },
    ],
  };
});
