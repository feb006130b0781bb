import type { Translations } from '@parc/shared';
import { defineTemplate, type CommonProps } from '../layout.ts';

/** A dealer forwards one of a device's errors to someone (a technician, the customer's IT) with a word of their own. */
export interface AlertForwardedProps extends CommonProps {
  senderName: string;
  customerNumber: string;
  deviceCode: string;
  model: string;
  serial: string;
  location: string | null;
  /** The error as the reader's language words it. */
  alert: string;
  /** When the printer first reported it, as the reader's language writes it. */
  since: string;
  message: string;
  /** The device in the dealer's console (for recipients who sign in to Parc). */
  deviceUrl: string;
}

interface Copy {
  subject: (device: string, alert: string) => string;
  greeting: string;
  intro: (sender: string) => string;
  title: string;
  device: (code: string, model: string, serial: string) => string;
  customer: (number: string) => string;
  location: (where: string) => string;
  since: (when: string) => string;
  note: string;
  button: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (device, alert) => `Erreur sur ${device} : ${alert}`,
    greeting: 'Bonjour,',
    intro: (sender) => `${sender} vous transmet une erreur signalée par une imprimante.`,
    title: 'L’erreur',
    device: (code, model, serial) => `Appareil ${code} · ${model} · n° de série ${serial}`,
    customer: (number) => `Client ${number}`,
    location: (where) => `Emplacement : ${where}`,
    since: (when) => `Signalée depuis le ${when}`,
    note: 'Son message :',
    button: 'Ouvrir l’appareil dans Parc',
  },
  de: {
    subject: (device, alert) => `Fehler an ${device}: ${alert}`,
    greeting: 'Guten Tag',
    intro: (sender) => `${sender} leitet Ihnen einen Fehler weiter, den ein Drucker meldet.`,
    title: 'Der Fehler',
    device: (code, model, serial) => `Gerät ${code} · ${model} · Seriennummer ${serial}`,
    customer: (number) => `Kunde ${number}`,
    location: (where) => `Aufstellort: ${where}`,
    since: (when) => `Gemeldet seit ${when}`,
    note: 'Die Nachricht dazu:',
    button: 'Gerät in Parc öffnen',
  },
  it: {
    subject: (device, alert) => `Errore su ${device}: ${alert}`,
    greeting: 'Buongiorno,',
    intro: (sender) => `${sender} vi inoltra un errore segnalato da una stampante.`,
    title: 'L’errore',
    device: (code, model, serial) => `Apparecchio ${code} · ${model} · n. di serie ${serial}`,
    customer: (number) => `Cliente ${number}`,
    location: (where) => `Ubicazione: ${where}`,
    since: (when) => `Segnalato dal ${when}`,
    note: 'Il messaggio:',
    button: 'Aprire l’apparecchio in Parc',
  },
  en: {
    subject: (device, alert) => `Error on ${device}: ${alert}`,
    greeting: 'Hello,',
    intro: (sender) => `${sender} forwards you an error a printer reports.`,
    title: 'The error',
    device: (code, model, serial) => `Device ${code} · ${model} · serial number ${serial}`,
    customer: (number) => `Customer ${number}`,
    location: (where) => `Location: ${where}`,
    since: (when) => `Reported since ${when}`,
    note: 'Their message:',
    button: 'Open the device in Parc',
  },
};

export const alertForwarded = defineTemplate<AlertForwardedProps>((props, language) => {
  const copy = COPY[language];
  const intro = copy.intro(props.senderName);
  return {
    subject: copy.subject(props.deviceCode, props.alert),
    preheader: intro,
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: intro },
      {
        kind: 'list',
        title: copy.title,
        items: [props.alert, copy.device(props.deviceCode, props.model, props.serial), copy.customer(props.customerNumber), ...(props.location ? [copy.location(props.location)] : []), copy.since(props.since)],
      },
      ...(props.message ? [{ kind: 'paragraph', text: `${copy.note} ${props.message}` } as const] : []),
      { kind: 'button', label: copy.button, url: props.deviceUrl },
    ],
  };
});
