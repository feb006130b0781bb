import type { Translations } from '@parc/shared';
import { defineTemplate, type CommonProps } from '../layout.ts';

/** To the dealer's administrators when a customer asks, from the meter page, to change where a machine stands. */
export interface LocationRequestedProps extends CommonProps {
  customerNumber: string;
  customerName: string;
  deviceCode: string;
  deviceModel: string;
  currentLocation: string | null;
  requestedLocation: string;
  message: string;
  /** The console's list of location change requests of the customer. */
  consoleUrl: string;
}

interface Copy {
  subject: (v: LocationRequestedProps) => string;
  intro: string;
  customer: string;
  device: string;
  current: string;
  requested: string;
  message: string;
  none: string;
  greeting: string;
  button: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (v) => `Changement d’emplacement demandé pour ${v.deviceCode}`,
    intro: 'Un client demande, depuis la page de relevé, de changer l’emplacement d’une machine. Appliquez ou écartez la demande dans la console.',
    customer: 'Client',
    device: 'Machine',
    current: 'Emplacement actuel',
    requested: 'Emplacement demandé',
    message: 'Message',
    none: '(aucun)',
    greeting: 'Bonjour,',
    button: 'Voir la demande',
  },
  de: {
    subject: (v) => `Standortänderung für ${v.deviceCode} angefragt`,
    intro: 'Ein Kunde bittet auf der Ablesungsseite, den Standort eines Geräts zu ändern. Übernehmen oder verwerfen Sie die Anfrage in der Konsole.',
    customer: 'Kunde',
    device: 'Gerät',
    current: 'Aktueller Standort',
    requested: 'Gewünschter Standort',
    message: 'Nachricht',
    none: '(keiner)',
    greeting: 'Guten Tag',
    button: 'Anfrage ansehen',
  },
  it: {
    subject: (v) => `Richiesta di cambio di ubicazione per ${v.deviceCode}`,
    intro: 'Un cliente chiede, dalla pagina di rilevamento, di cambiare l’ubicazione di una macchina. Applichi o scarti la richiesta nella console.',
    customer: 'Cliente',
    device: 'Macchina',
    current: 'Ubicazione attuale',
    requested: 'Ubicazione richiesta',
    message: 'Messaggio',
    none: '(nessuna)',
    greeting: 'Buongiorno,',
    button: 'Vedere la richiesta',
  },
  en: {
    subject: (v) => `Location change requested for ${v.deviceCode}`,
    intro: 'A customer asks, from the meter page, to change where a machine stands. Apply or dismiss the request in the console.',
    customer: 'Customer',
    device: 'Machine',
    current: 'Current location',
    requested: 'Requested location',
    message: 'Message',
    none: '(none)',
    greeting: 'Hello,',
    button: 'View the request',
  },
};

export const locationRequested = defineTemplate<LocationRequestedProps>((props, language) => {
  const copy = COPY[language];
  const rows: [string, string][] = [
    [copy.customer, `${props.customerNumber} · ${props.customerName}`],
    [copy.device, `${props.deviceCode} (${props.deviceModel})`],
    [copy.current, props.currentLocation ?? copy.none],
    [copy.requested, props.requestedLocation],
    ...(props.message ? ([[copy.message, props.message]] as [string, string][]) : []),
  ];
  return {
    subject: copy.subject(props),
    preheader: copy.intro,
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: copy.intro },
      { kind: 'facts', rows },
      { kind: 'button', label: copy.button, url: props.consoleUrl },
    ],
  };
});
