import type { Translations } from '@parc/shared';
import { formatLastValidDay } from '../format.ts';
import { defineTemplate, type CommonProps } from '../layout.ts';

/** Invites a person to a dealer's console or a customer's space. */
export interface UserInviteProps extends CommonProps {
  inviterName: string;
  /** The dealer or customer whose space the person joins. */
  organisationName: string;
  acceptUrl: string;
  /** When the invitation stops working (exclusive). */
  expiresAt: Date;
  timeZone: string;
}

interface Values {
  inviter: string;
  organisation: string;
  lastValidDay: string;
}

interface Copy {
  subject: (v: Values) => string;
  preheader: (v: Values) => string;
  greeting: string;
  intro: (v: Values) => string;
  button: string;
  validity: (v: Values) => string;
  notExpected: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (v) => `${v.inviter} vous invite sur l'espace ${v.organisation}`,
    preheader: (v) => `Rejoignez l'espace ${v.organisation}.`,
    greeting: 'Bonjour,',
    intro: (v) => `${v.inviter} vous invite à rejoindre l'espace ${v.organisation}. Cliquez sur le bouton pour créer votre accès.`,
    button: "Accepter l'invitation",
    validity: (v) => `Cette invitation est valable jusqu'au ${v.lastValidDay} inclus.`,
    notExpected: 'Si vous ne vous attendiez pas à cette invitation, ignorez ce message.',
  },
  de: {
    subject: (v) => `${v.inviter} lädt Sie in den Bereich ${v.organisation} ein`,
    preheader: (v) => `Treten Sie dem Bereich ${v.organisation} bei.`,
    greeting: 'Guten Tag',
    intro: (v) => `${v.inviter} lädt Sie ein, dem Bereich ${v.organisation} beizutreten. Klicken Sie auf die Schaltfläche, um Ihren Zugang einzurichten.`,
    button: 'Einladung annehmen',
    validity: (v) => `Diese Einladung ist bis und mit ${v.lastValidDay} gültig.`,
    notExpected: 'Falls Sie diese Einladung nicht erwartet haben, ignorieren Sie diese Nachricht.',
  },
  it: {
    subject: (v) => `${v.inviter} la invita nello spazio ${v.organisation}`,
    preheader: (v) => `Entri nello spazio ${v.organisation}.`,
    greeting: 'Buongiorno,',
    intro: (v) => `${v.inviter} la invita a entrare nello spazio ${v.organisation}. Clicchi sul pulsante per creare il suo accesso.`,
    button: "Accettare l'invito",
    validity: (v) => `Questo invito è valido fino a ${v.lastValidDay} compreso.`,
    notExpected: 'Se non si aspettava questo invito, ignori questo messaggio.',
  },
  en: {
    subject: (v) => `${v.inviter} invites you to the ${v.organisation} space`,
    preheader: (v) => `Join the ${v.organisation} space.`,
    greeting: 'Hello,',
    intro: (v) => `${v.inviter} invites you to join the ${v.organisation} space. Click the button to set up your access.`,
    button: 'Accept the invitation',
    validity: (v) => `This invitation is valid until ${v.lastValidDay} inclusive.`,
    notExpected: 'If you did not expect this invitation, ignore this message.',
  },
};

export const userInvite = defineTemplate<UserInviteProps>((props, language) => {
  const copy = COPY[language];
  const values: Values = {
    inviter: props.inviterName,
    organisation: props.organisationName,
    lastValidDay: formatLastValidDay(props.expiresAt, language, props.timeZone),
  };
  return {
    subject: copy.subject(values),
    preheader: copy.preheader(values),
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: copy.intro(values) },
      { kind: 'button', label: copy.button, url: props.acceptUrl },
      { kind: 'paragraph', text: copy.validity(values) },
      { kind: 'note', text: copy.notExpected },
    ],
  };
});
