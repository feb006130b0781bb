import type { Translations } from '@parc/shared';
import { defineTemplate, type CommonProps } from '../layout.ts';

/** What a maintenance-request email says about the request. */
export interface RequestNoticeProps extends CommonProps {
  deviceCode: string;
  deviceModel: string;
  customerName: string;
  subject: string;
  /** Translated by the template from the request's state. */
  state: 'unresolved' | 'in_progress' | 'done' | 'resolved' | 'rejected';
  /**
   * What was written with the change (a state change's comment, notes), oldest first: only what this
   * reader may read (a coordinator gets the shared ones), so it may be empty.
   */
  comments: readonly string[];
  requestUrl: string;
}

interface Copy {
  assignedSubject: (v: RequestNoticeProps) => string;
  assignedIntro: string;
  changedSubject: (v: RequestNoticeProps) => string;
  changedIntro: string;
  device: string;
  customer: string;
  request: string;
  state: string;
  comment: string;
  greeting: string;
  button: string;
  states: Record<RequestNoticeProps['state'], string>;
}

const COPY: Translations<Copy> = {
  fr: {
    assignedSubject: (v) => `Demande de maintenance ${v.deviceCode} : ${v.subject}`,
    assignedIntro: 'Une demande de maintenance vous a été affectée.',
    changedSubject: (v) => `Demande de maintenance ${v.deviceCode} mise à jour`,
    changedIntro: 'Une demande de maintenance a été créée ou modifiée.',
    device: 'Périphérique',
    customer: 'Client',
    request: 'Demande',
    state: 'État',
    comment: 'Commentaire',
    greeting: 'Bonjour,',
    button: 'Voir la demande',
    states: { unresolved: 'Non résolue', in_progress: 'En cours', done: 'Terminée', resolved: 'Résolue', rejected: 'Rejetée' },
  },
  de: {
    assignedSubject: (v) => `Wartungsauftrag ${v.deviceCode}: ${v.subject}`,
    assignedIntro: 'Ihnen wurde ein Wartungsauftrag zugewiesen.',
    changedSubject: (v) => `Wartungsauftrag ${v.deviceCode} aktualisiert`,
    changedIntro: 'Ein Wartungsauftrag wurde erstellt oder geändert.',
    device: 'Gerät',
    customer: 'Kunde',
    request: 'Auftrag',
    state: 'Status',
    comment: 'Kommentar',
    greeting: 'Guten Tag',
    button: 'Auftrag ansehen',
    states: { unresolved: 'Offen', in_progress: 'In Bearbeitung', done: 'Erledigt', resolved: 'Gelöst', rejected: 'Abgelehnt' },
  },
  it: {
    assignedSubject: (v) => `Richiesta di manutenzione ${v.deviceCode}: ${v.subject}`,
    assignedIntro: 'Le è stata assegnata una richiesta di manutenzione.',
    changedSubject: (v) => `Richiesta di manutenzione ${v.deviceCode} aggiornata`,
    changedIntro: 'Una richiesta di manutenzione è stata creata o modificata.',
    device: 'Periferica',
    customer: 'Cliente',
    request: 'Richiesta',
    state: 'Stato',
    comment: 'Commento',
    greeting: 'Buongiorno,',
    button: 'Vedere la richiesta',
    states: { unresolved: 'Non risolta', in_progress: 'In corso', done: 'Terminata', resolved: 'Risolta', rejected: 'Respinta' },
  },
  en: {
    assignedSubject: (v) => `Maintenance request ${v.deviceCode}: ${v.subject}`,
    assignedIntro: 'A maintenance request has been assigned to you.',
    changedSubject: (v) => `Maintenance request ${v.deviceCode} updated`,
    changedIntro: 'A maintenance request was created or changed.',
    device: 'Device',
    customer: 'Customer',
    request: 'Request',
    state: 'State',
    comment: 'Comment',
    greeting: 'Hello,',
    button: 'View the request',
    states: { unresolved: 'Unresolved', in_progress: 'In progress', done: 'Done', resolved: 'Resolved', rejected: 'Rejected' },
  },
};

function requestNotice(kind: 'assigned' | 'changed') {
  return defineTemplate<RequestNoticeProps>((props, language) => {
    const copy = COPY[language];
    const subject = kind === 'assigned' ? copy.assignedSubject(props) : copy.changedSubject(props);
    const intro = kind === 'assigned' ? copy.assignedIntro : copy.changedIntro;
    const rows: [string, string][] = [
      [copy.device, `${props.deviceCode} (${props.deviceModel})`],
      [copy.customer, props.customerName],
      [copy.request, props.subject],
      [copy.state, copy.states[props.state]],
      ...props.comments.map((comment): [string, string] => [copy.comment, comment]),
    ];
    return {
      subject,
      preheader: intro,
      greeting: copy.greeting,
      blocks: [
        { kind: 'paragraph', text: intro },
        { kind: 'facts', rows },
        { kind: 'button', label: copy.button, url: props.requestUrl },
      ],
    };
  });
}

/** To the technician a request is assigned to. */
export const requestAssigned = requestNotice('assigned');
/** To the customer's coordinators when a request on their devices is created or changes. */
export const requestChanged = requestNotice('changed');
