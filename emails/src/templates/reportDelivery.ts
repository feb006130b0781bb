import type { Translations } from '@parc/shared';
import { formatCount } from '../format.ts';
import { defineTemplate, type CommonProps } from '../layout.ts';

/**
 * A scheduled report: the file attached, or, when it is too large to attach, a link that downloads
 * it until `expiresOn`. `scope` says whose data it holds (a customer's coordinator gets their own).
 */
export interface ReportDeliveryProps extends CommonProps {
  reportName: string;
  fileName: string;
  rows: number;
  /** A customer number or a site, when the file holds only theirs. */
  scope: string | null;
  downloadUrl: string | null;
  /** The link's last day, as the reader's language writes it. */
  expiresOn: string | null;
}

interface Copy {
  subject: (report: string) => string;
  greeting: string;
  intro: (report: string, rows: string, scope: string | null) => string;
  attached: (file: string) => string;
  linked: (date: string) => string;
  button: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (report) => `Rapport : ${report}`,
    greeting: 'Bonjour,',
    intro: (report, rows, scope) => `Voici le rapport « ${report} »${scope ? ` pour ${scope}` : ''} : ${rows} ligne(s).`,
    attached: (file) => `Le fichier ${file} est joint à ce message.`,
    linked: (date) => `Le fichier est trop volumineux pour être joint : téléchargez-le avec le bouton ci-dessous, jusqu’au ${date}.`,
    button: 'Télécharger le rapport',
  },
  de: {
    subject: (report) => `Bericht: ${report}`,
    greeting: 'Guten Tag',
    intro: (report, rows, scope) => `Hier ist der Bericht «${report}»${scope ? ` für ${scope}` : ''}: ${rows} Zeile(n).`,
    attached: (file) => `Die Datei ${file} ist dieser Nachricht angehängt.`,
    linked: (date) => `Die Datei ist zu gross für einen Anhang: Laden Sie sie bis am ${date} mit der Schaltfläche unten herunter.`,
    button: 'Bericht herunterladen',
  },
  it: {
    subject: (report) => `Report pianificato: ${report}`,
    greeting: 'Buongiorno,',
    intro: (report, rows, scope) => `Ecco il report «${report}»${scope ? ` per ${scope}` : ''}: ${rows} riga/e.`,
    attached: (file) => `Il file ${file} è allegato a questo messaggio.`,
    linked: (date) => `Il file è troppo grande per essere allegato: scaricatelo con il pulsante qui sotto entro il ${date}.`,
    button: 'Scaricare il report',
  },
  en: {
    subject: (report) => `Report: ${report}`,
    greeting: 'Hello,',
    intro: (report, rows, scope) => `Here is the report “${report}”${scope ? ` for ${scope}` : ''}: ${rows} row(s).`,
    attached: (file) => `The file ${file} is attached to this message.`,
    linked: (date) => `The file is too large to attach: download it with the button below until ${date}.`,
    button: 'Download the report',
  },
};

export const reportDelivery = defineTemplate<ReportDeliveryProps>((props, language) => {
  const copy = COPY[language];
  const intro = copy.intro(props.reportName, formatCount(props.rows, language), props.scope);
  return {
    subject: copy.subject(props.reportName),
    preheader: intro,
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: intro },
      ...(props.downloadUrl && props.expiresOn
        ? [{ kind: 'paragraph', text: copy.linked(props.expiresOn) } as const, { kind: 'button', label: copy.button, url: props.downloadUrl } as const]
        : [{ kind: 'paragraph', text: copy.attached(props.fileName) } as const]),
    ],
  };
});
