import type { Translations } from '@parc/shared';
import { defineTemplate, type CommonProps } from '../layout.ts';

/** Confirms an address signed up to receive a customer's monthly meter requests (double opt-in). */
export interface ContactConfirmProps extends CommonProps {
  customerNumber: string;
  confirmUrl: string;
  unsubscribeUrl: string;
}

interface Copy {
  subject: string;
  preheader: string;
  greeting: string;
  intro: (customerNumber: string) => string;
  button: string;
  notYou: string;
  unsubscribe: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: 'Confirmez votre adresse pour le relevé des compteurs',
    preheader: 'Un clic pour recevoir chaque mois le lien de saisie de vos compteurs.',
    greeting: 'Bonjour,',
    intro: (n) => `Cette adresse a été inscrite pour recevoir chaque mois le lien de saisie des compteurs du client n° ${n}. Merci de confirmer que vous souhaitez recevoir ces messages.`,
    button: 'Confirmer mon adresse',
    notYou: "Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : vous ne recevrez rien de plus.",
    unsubscribe: 'Ne plus recevoir ces messages',
  },
  de: {
    subject: 'Bestätigen Sie Ihre Adresse für die Zählerablesung',
    preheader: 'Ein Klick, und Sie erhalten jeden Monat den Link zur Erfassung Ihrer Zählerstände.',
    greeting: 'Guten Tag',
    intro: (n) => `Diese Adresse wurde angemeldet, um jeden Monat den Erfassungslink für die Zählerstände von Kunde Nr. ${n} zu erhalten. Bitte bestätigen Sie, dass Sie diese Nachrichten erhalten möchten.`,
    button: 'Adresse bestätigen',
    notYou: 'Falls Sie sich nicht angemeldet haben, ignorieren Sie diese Nachricht: Sie erhalten nichts weiter.',
    unsubscribe: 'Diese Nachrichten abbestellen',
  },
  it: {
    subject: 'Confermi il suo indirizzo per la lettura dei contatori',
    preheader: 'Un clic per ricevere ogni mese il link per inserire i contatori.',
    greeting: 'Buongiorno,',
    intro: (n) => `Questo indirizzo è stato registrato per ricevere ogni mese il link per inserire i contatori del cliente n. ${n}. La preghiamo di confermare che desidera ricevere questi messaggi.`,
    button: 'Confermare il mio indirizzo',
    notYou: 'Se non ha richiesto questa iscrizione, ignori questo messaggio: non riceverà altro.',
    unsubscribe: 'Non ricevere più questi messaggi',
  },
  en: {
    subject: 'Confirm your address for meter readings',
    preheader: 'One click to receive your monthly meter-reading link.',
    greeting: 'Hello,',
    intro: (n) => `This address was signed up to receive, every month, the meter-reading link for customer no. ${n}. Please confirm that you want to receive these messages.`,
    button: 'Confirm my address',
    notYou: 'If you did not sign up, ignore this message: you will not receive anything else.',
    unsubscribe: 'Stop receiving these messages',
  },
};

export const contactConfirm = defineTemplate<ContactConfirmProps>((props, language) => {
  const copy = COPY[language];
  return {
    subject: copy.subject,
    preheader: copy.preheader,
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: copy.intro(props.customerNumber) },
      { kind: 'button', label: copy.button, url: props.confirmUrl },
      { kind: 'note', text: copy.notYou },
    ],
    unsubscribe: { label: copy.unsubscribe, url: props.unsubscribeUrl },
  };
});
