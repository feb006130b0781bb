import type { Translations } from '@parc/shared';
import { defineTemplate, type CommonProps } from '../layout.ts';

/** Sent by the dealer to a customer's contact: how to install the Parc agent on a computer of their network. */
export interface AgentInstructionsProps extends CommonProps {
  customerName: string;
  contactName: string | null;
  /** The one-time enrollment key, e.g. WTCD-GSAL-RGHJ-QJYS. */
  agentKey: string;
  /** The dealer's Parc address the agent reports to. */
  serverUrl: string;
  downloadUrl: string;
}

interface Values {
  customer: string;
  dealer: string;
}

interface Copy {
  subject: (v: Values) => string;
  preheader: (v: Values) => string;
  greeting: (name: string | null) => string;
  intro: (v: Values) => string;
  download: string;
  stepsTitle: string;
  steps: readonly string[];
  keyLabel: string;
  serverLabel: string;
  command: string;
  note: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (v) => `Installation de l'agent Parc pour ${v.customer}`,
    preheader: (v) => `${v.dealer} vous envoie la clé d'installation de l'agent.`,
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    intro: (v) => `${v.dealer} suit les imprimantes de ${v.customer} avec Parc. L'agent lit leurs compteurs et consommables sur votre réseau : installez-le sur un ordinateur allumé pendant les heures de bureau.`,
    download: "Télécharger l'agent",
    stepsTitle: 'Étapes',
    steps: ["Téléchargez et installez l'agent (Windows, macOS ou Linux).", "Lancez l'enregistrement avec la clé et l'adresse ci-dessous.", "L'agent recherche ensuite les imprimantes du réseau ; nous vous informons de leur arrivée."],
    keyLabel: "Clé d'installation",
    serverLabel: 'Adresse du serveur',
    command: 'Commande',
    note: "La clé ne sert qu'une fois. Si elle a déjà été utilisée, demandez-en une nouvelle à votre revendeur.",
  },
  de: {
    subject: (v) => `Installation des Parc-Agenten für ${v.customer}`,
    preheader: (v) => `${v.dealer} sendet Ihnen den Installationsschlüssel des Agenten.`,
    greeting: (name) => (name ? `Guten Tag ${name}` : 'Guten Tag'),
    intro: (v) => `${v.dealer} betreut die Drucker von ${v.customer} mit Parc. Der Agent liest Zähler und Verbrauchsmaterial in Ihrem Netzwerk: Installieren Sie ihn auf einem Computer, der während der Bürozeiten eingeschaltet ist.`,
    download: 'Agent herunterladen',
    stepsTitle: 'Schritte',
    steps: ['Laden Sie den Agenten herunter und installieren Sie ihn (Windows, macOS oder Linux).', 'Starten Sie die Registrierung mit dem Schlüssel und der Adresse unten.', 'Der Agent sucht dann die Drucker im Netzwerk; wir melden uns, sobald sie erscheinen.'],
    keyLabel: 'Installationsschlüssel',
    serverLabel: 'Serveradresse',
    command: 'Befehl',
    note: 'Der Schlüssel gilt nur einmal. Wurde er schon verwendet, verlangen Sie bei Ihrem Händler einen neuen.',
  },
  it: {
    subject: (v) => `Installazione dell'agente Parc per ${v.customer}`,
    preheader: (v) => `${v.dealer} le invia la chiave di installazione dell'agente.`,
    greeting: (name) => (name ? `Buongiorno ${name},` : 'Buongiorno,'),
    intro: (v) => `${v.dealer} segue le stampanti di ${v.customer} con Parc. L'agente legge contatori e materiali di consumo nella sua rete: lo installi su un computer acceso durante l'orario d'ufficio.`,
    download: "Scaricare l'agente",
    stepsTitle: 'Passi',
    steps: ["Scarichi e installi l'agente (Windows, macOS o Linux).", "Avvii la registrazione con la chiave e l'indirizzo qui sotto.", "L'agente cerca poi le stampanti della rete; la informeremo quando compaiono."],
    keyLabel: 'Chiave di installazione',
    serverLabel: 'Indirizzo del server',
    command: 'Comando',
    note: 'La chiave vale una sola volta. Se è già stata usata, ne chieda una nuova al suo rivenditore.',
  },
  en: {
    subject: (v) => `Installing the Parc agent for ${v.customer}`,
    preheader: (v) => `${v.dealer} sends you the agent's installation key.`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    intro: (v) => `${v.dealer} looks after ${v.customer}'s printers with Parc. The agent reads their counters and supplies on your network: install it on a computer that is on during office hours.`,
    download: 'Download the agent',
    stepsTitle: 'Steps',
    steps: ['Download and install the agent (Windows, macOS or Linux).', 'Start the enrollment with the key and address below.', 'The agent then looks for the printers on the network; we will tell you when they appear.'],
    keyLabel: 'Installation key',
    serverLabel: 'Server address',
    command: 'Command',
    note: 'The key works once. If it was already used, ask your dealer for a new one.',
  },
};

export const agentInstructions = defineTemplate<AgentInstructionsProps>((props, language) => {
  const copy = COPY[language];
  const values: Values = { customer: props.customerName, dealer: props.branding.name };
  return {
    subject: copy.subject(values),
    preheader: copy.preheader(values),
    greeting: copy.greeting(props.contactName),
    blocks: [
      { kind: 'paragraph', text: copy.intro(values) },
      { kind: 'button', label: copy.download, url: props.downloadUrl },
      { kind: 'list', title: copy.stepsTitle, items: copy.steps },
      {
        kind: 'facts',
        rows: [
          [copy.keyLabel, props.agentKey],
          [copy.serverLabel, props.serverUrl],
          [copy.command, `parc-agent enroll --server ${props.serverUrl} --key ${props.agentKey}`],
        ],
      },
      { kind: 'note', text: copy.note },
    ],
  };
});
