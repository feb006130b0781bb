import type { Translations } from '@parc/shared';
import { formatDuration } from '../format.ts';
import { defineTemplate, type CommonProps } from '../layout.ts';

export interface PasswordResetProps extends CommonProps {
  resetUrl: string;
  validForMinutes: number;
}

interface Copy {
  subject: string;
  preheader: string;
  greeting: string;
  intro: string;
  button: string;
  validity: (duration: string) => string;
  notYou: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: 'Réinitialisation de votre mot de passe',
    preheader: 'Choisissez un nouveau mot de passe.',
    greeting: 'Bonjour,',
    intro: 'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte.',
    button: 'Choisir un nouveau mot de passe',
    validity: (d) => `Ce lien est valable ${d} et ne peut servir qu'une seule fois.`,
    notYou: "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
  },
  de: {
    subject: 'Zurücksetzen Ihres Passworts',
    preheader: 'Wählen Sie ein neues Passwort.',
    greeting: 'Guten Tag',
    intro: 'Wir haben eine Anfrage zum Zurücksetzen des Passworts Ihres Kontos erhalten.',
    button: 'Neues Passwort wählen',
    validity: (d) => `Dieser Link ist ${d} gültig und kann nur einmal verwendet werden.`,
    notYou: 'Falls Sie nichts angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.',
  },
  it: {
    subject: 'Reimpostazione della password',
    preheader: 'Scelga una nuova password.',
    greeting: 'Buongiorno,',
    intro: 'Abbiamo ricevuto una richiesta di reimpostazione della password del suo account.',
    button: 'Scegliere una nuova password',
    validity: (d) => `Questo link è valido per ${d} e può essere usato una sola volta.`,
    notYou: 'Se non ha richiesto nulla, ignori questo messaggio: la sua password resta invariata.',
  },
  en: {
    subject: 'Reset your password',
    preheader: 'Choose a new password.',
    greeting: 'Hello,',
    intro: 'We received a request to reset the password of your account.',
    button: 'Choose a new password',
    validity: (d) => `This link is valid for ${d} and can be used only once.`,
    notYou: 'If you did not ask for this, ignore this message: your password stays unchanged.',
  },
};

export const passwordReset = defineTemplate<PasswordResetProps>((props, language) => {
  const copy = COPY[language];
  return {
    subject: copy.subject,
    preheader: copy.preheader,
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: copy.intro },
      { kind: 'button', label: copy.button, url: props.resetUrl },
      { kind: 'paragraph', text: copy.validity(formatDuration(props.validForMinutes, language)) },
      { kind: 'note', text: copy.notYou },
    ],
  };
});
