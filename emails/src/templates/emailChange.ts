import type { Translations } from '@parc/shared';
import { formatDuration } from '../format.ts';
import { defineTemplate, type CommonProps } from '../layout.ts';

/** To the new address: the link that makes it the account's address. */
export interface EmailChangeConfirmProps extends CommonProps {
  newEmail: string;
  confirmUrl: string;
  validForMinutes: number;
}

/** To the old address: a change was asked for, nothing to do if it was them. */
export interface EmailChangeNoticeProps extends CommonProps {
  newEmail: string;
}

interface Copy {
  confirmSubject: string;
  confirmPreheader: string;
  greeting: string;
  confirmIntro: (email: string) => string;
  button: string;
  validity: (duration: string) => string;
  confirmNotYou: string;
  noticeSubject: string;
  noticeIntro: (email: string) => string;
  noticeNotYou: string;
}

const COPY: Translations<Copy> = {
  fr: {
    confirmSubject: 'Confirmez votre nouvelle adresse e-mail',
    confirmPreheader: 'Un clic pour utiliser cette adresse.',
    greeting: 'Bonjour,',
    confirmIntro: (email) => `Vous avez demandé que votre compte utilise désormais l’adresse ${email}.`,
    button: 'Confirmer cette adresse',
    validity: (d) => `Ce lien est valable ${d} et ne peut servir qu'une seule fois. L’adresse ne change qu’une fois le lien ouvert.`,
    confirmNotYou: "Si vous n'avez rien demandé, ignorez ce message : rien ne change.",
    noticeSubject: 'Changement d’adresse e-mail demandé',
    noticeIntro: (email) => `Quelqu’un connecté à votre compte a demandé de remplacer cette adresse par ${email}. Elle ne changera que lorsque le lien envoyé à la nouvelle adresse sera ouvert.`,
    noticeNotYou: 'Si ce n’était pas vous, changez votre mot de passe et prévenez votre administrateur.',
  },
  de: {
    confirmSubject: 'Bestätigen Sie Ihre neue E-Mail-Adresse',
    confirmPreheader: 'Ein Klick, um diese Adresse zu verwenden.',
    greeting: 'Guten Tag',
    confirmIntro: (email) => `Sie haben verlangt, dass Ihr Konto künftig die Adresse ${email} verwendet.`,
    button: 'Diese Adresse bestätigen',
    validity: (d) => `Dieser Link ist ${d} gültig und kann nur einmal verwendet werden. Die Adresse ändert sich erst, wenn der Link geöffnet wird.`,
    confirmNotYou: 'Falls Sie nichts angefordert haben, ignorieren Sie diese Nachricht: Es ändert sich nichts.',
    noticeSubject: 'Änderung der E-Mail-Adresse angefordert',
    noticeIntro: (email) => `Jemand, der in Ihrem Konto angemeldet ist, hat verlangt, diese Adresse durch ${email} zu ersetzen. Sie ändert sich erst, wenn der an die neue Adresse gesendete Link geöffnet wird.`,
    noticeNotYou: 'Falls Sie das nicht waren, ändern Sie Ihr Passwort und informieren Sie Ihren Administrator.',
  },
  it: {
    confirmSubject: 'Confermi il suo nuovo indirizzo e-mail',
    confirmPreheader: 'Un clic per usare questo indirizzo.',
    greeting: 'Buongiorno,',
    confirmIntro: (email) => `Ha chiesto che il suo account usi d’ora in poi l’indirizzo ${email}.`,
    button: 'Confermare questo indirizzo',
    validity: (d) => `Questo link è valido per ${d} e può essere usato una sola volta. L’indirizzo cambia solo quando il link viene aperto.`,
    confirmNotYou: 'Se non ha richiesto nulla, ignori questo messaggio: non cambia niente.',
    noticeSubject: 'Richiesta di modifica dell’indirizzo e-mail',
    noticeIntro: (email) => `Qualcuno collegato al suo account ha chiesto di sostituire questo indirizzo con ${email}. Cambierà solo quando il link inviato al nuovo indirizzo verrà aperto.`,
    noticeNotYou: 'Se non è stato lei, cambi la password e avvisi il suo amministratore.',
  },
  en: {
    confirmSubject: 'Confirm your new email address',
    confirmPreheader: 'One click to use this address.',
    greeting: 'Hello,',
    confirmIntro: (email) => `You asked for your account to use the address ${email} from now on.`,
    button: 'Confirm this address',
    validity: (d) => `This link is valid for ${d} and can be used only once. The address changes only once the link is opened.`,
    confirmNotYou: 'If you did not ask for this, ignore this message: nothing changes.',
    noticeSubject: 'Email address change requested',
    noticeIntro: (email) => `Someone signed in to your account asked to replace this address with ${email}. It changes only once the link sent to the new address is opened.`,
    noticeNotYou: 'If this was not you, change your password and tell your administrator.',
  },
};

export const emailChangeConfirm = defineTemplate<EmailChangeConfirmProps>((props, language) => {
  const copy = COPY[language];
  return {
    subject: copy.confirmSubject,
    preheader: copy.confirmPreheader,
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: copy.confirmIntro(props.newEmail) },
      { kind: 'button', label: copy.button, url: props.confirmUrl },
      { kind: 'paragraph', text: copy.validity(formatDuration(props.validForMinutes, language)) },
      { kind: 'note', text: copy.confirmNotYou },
    ],
  };
});

export const emailChangeNotice = defineTemplate<EmailChangeNoticeProps>((props, language) => {
  const copy = COPY[language];
  return {
    subject: copy.noticeSubject,
    preheader: copy.noticeIntro(props.newEmail),
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: copy.noticeIntro(props.newEmail) },
      { kind: 'note', text: copy.noticeNotYou },
    ],
  };
});
