import type { Language, Translations } from '@parc/shared';
import type { NoticeCategory } from '@parc/shared/notifications/categories';
import { fillSubject, fillTemplate, paragraphsOf } from '@parc/shared/notifications/templates';
import { defineTemplate, type Block, type CommonProps } from '../layout.ts';

/**
 * The dealer's notices (a device found, an agent silent, a supply low…): one template per category
 * and language, with named placeholders, which the dealer may rewrite in the console. These are the
 * built-in texts, used until then and restored by "reset".
 */
export interface NoticeText {
  subject: string;
  body: string;
}

const t = (fr: NoticeText, de: NoticeText, it: NoticeText, en: NoticeText): Translations<NoticeText> => ({ fr, de, it, en });

export const NOTICE_TEXTS: Readonly<Record<NoticeCategory, Translations<NoticeText>>> = {
  device_found: t(
    { subject: 'Nouveau périphérique chez {customer.number} : {device.model}', body: 'L’agent {agent.name} a trouvé {device.model} (n° de série {device.serial}, adresse {device.ip}) chez le client {customer.number}.\n\nAjoutez-le au parc ou ignorez-le.' },
    { subject: 'Neues Gerät bei {customer.number}: {device.model}', body: 'Der Agent {agent.name} hat {device.model} (Seriennummer {device.serial}, Adresse {device.ip}) beim Kunden {customer.number} gefunden.\n\nFügen Sie es dem Park hinzu oder ignorieren Sie es.' },
    { subject: 'Nuovo dispositivo presso {customer.number}: {device.model}', body: 'L’agente {agent.name} ha trovato {device.model} (n. di serie {device.serial}, indirizzo {device.ip}) presso il cliente {customer.number}.\n\nAggiungetelo al parco o ignoratelo.' },
    { subject: 'New device at {customer.number}: {device.model}', body: 'Agent {agent.name} found {device.model} (serial {device.serial}, address {device.ip}) at customer {customer.number}.\n\nAdd it to the fleet or ignore it.' },
  ),
  device_alert: t(
    { subject: 'Alerte sur {device.id} ({customer.number}) : {alert.description}', body: '{device.model} ({device.id}, site {site.name}) signale « {alert.description} » depuis le {alert.openedAt}.\n\nGravité : {alert.severity}. À traiter par : {alert.complexity}.' },
    { subject: 'Meldung bei {device.id} ({customer.number}): {alert.description}', body: '{device.model} ({device.id}, Standort {site.name}) meldet «{alert.description}» seit {alert.openedAt}.\n\nSchweregrad: {alert.severity}. Zu beheben durch: {alert.complexity}.' },
    { subject: 'Avviso su {device.id} ({customer.number}): {alert.description}', body: '{device.model} ({device.id}, sede {site.name}) segnala «{alert.description}» dal {alert.openedAt}.\n\nGravità: {alert.severity}. Da risolvere a cura di: {alert.complexity}.' },
    { subject: 'Alert on {device.id} ({customer.number}): {alert.description}', body: '{device.model} ({device.id}, site {site.name}) reports “{alert.description}” since {alert.openedAt}.\n\nSeverity: {alert.severity}. To be fixed by: {alert.complexity}.' },
  ),
  supply_low: t(
    { subject: '{supply.name} bas sur {device.id} ({customer.number})', body: 'Il reste {supply.percent} de {supply.name} sur {device.model} ({device.id}, site {site.name}).' },
    { subject: '{supply.name} fast leer bei {device.id} ({customer.number})', body: 'Bei {device.model} ({device.id}, Standort {site.name}) sind noch {supply.percent} {supply.name} übrig.' },
    { subject: '{supply.name} in esaurimento su {device.id} ({customer.number})', body: 'Resta il {supply.percent} di {supply.name} su {device.model} ({device.id}, sede {site.name}).' },
    { subject: '{supply.name} low on {device.id} ({customer.number})', body: '{supply.percent} of {supply.name} is left on {device.model} ({device.id}, site {site.name}).' },
  ),
  order_created: t(
    { subject: 'Commande {order.number} : {supply.name} pour {device.id}', body: 'La commande {order.number} de {supply.name} a été créée pour {device.model} ({device.id}, client {customer.number}, site {site.name}).' },
    { subject: 'Bestellung {order.number}: {supply.name} für {device.id}', body: 'Die Bestellung {order.number} für {supply.name} wurde für {device.model} ({device.id}, Kunde {customer.number}, Standort {site.name}) angelegt.' },
    { subject: 'Ordine {order.number}: {supply.name} per {device.id}', body: 'L’ordine {order.number} di {supply.name} è stato creato per {device.model} ({device.id}, cliente {customer.number}, sede {site.name}).' },
    { subject: 'Order {order.number}: {supply.name} for {device.id}', body: 'Order {order.number} for {supply.name} was created for {device.model} ({device.id}, customer {customer.number}, site {site.name}).' },
  ),
  order_shipped: t(
    { subject: 'Commande {order.number} expédiée : {supply.name}', body: 'La commande {order.number} de {supply.name} pour {device.id} (client {customer.number}) est partie. Suivi : {order.tracking}' },
    { subject: 'Bestellung {order.number} versandt: {supply.name}', body: 'Die Bestellung {order.number} für {supply.name} für {device.id} (Kunde {customer.number}) ist unterwegs. Sendungsnummer: {order.tracking}' },
    { subject: 'Ordine {order.number} spedito: {supply.name}', body: 'L’ordine {order.number} di {supply.name} per {device.id} (cliente {customer.number}) è partito. Tracciamento: {order.tracking}' },
    { subject: 'Order {order.number} shipped: {supply.name}', body: 'Order {order.number} for {supply.name} for {device.id} (customer {customer.number}) is on its way. Tracking: {order.tracking}' },
  ),
  agent_offline: t(
    { subject: 'Agent {agent.name} ({customer.number}) sans contact depuis {agent.hours} h', body: 'L’agent {agent.name} du client {customer.number} ne s’est plus manifesté depuis le {agent.lastContact}.\n\nVérifiez que l’ordinateur qui l’héberge est allumé et connecté.' },
    { subject: 'Agent {agent.name} ({customer.number}) seit {agent.hours} h ohne Kontakt', body: 'Der Agent {agent.name} des Kunden {customer.number} hat sich seit {agent.lastContact} nicht mehr gemeldet.\n\nPrüfen Sie, ob der Computer, auf dem er läuft, eingeschaltet und verbunden ist.' },
    { subject: 'Agente {agent.name} ({customer.number}) senza contatto da {agent.hours} h', body: 'L’agente {agent.name} del cliente {customer.number} non si fa sentire dal {agent.lastContact}.\n\nVerificate che il computer che lo ospita sia acceso e connesso.' },
    { subject: 'Agent {agent.name} ({customer.number}) silent for {agent.hours} h', body: 'Agent {agent.name} at customer {customer.number} has not been in touch since {agent.lastContact}.\n\nCheck that the computer it runs on is on and connected.' },
  ),
  reading_to_check: t(
    { subject: 'Relevé à vérifier sur {device.id} ({customer.number})', body: 'Le compteur {reading.counter} de {device.model} ({device.id}, site {site.name}) a été relevé à {reading.value} ({reading.source}), une valeur inhabituelle.\n\nAcceptez-la ou corrigez-la.' },
    { subject: 'Zählerstand zu prüfen bei {device.id} ({customer.number})', body: 'Der Zähler {reading.counter} von {device.model} ({device.id}, Standort {site.name}) wurde mit {reading.value} erfasst ({reading.source}), ein ungewöhnlicher Wert.\n\nBestätigen oder korrigieren Sie ihn.' },
    { subject: 'Lettura da verificare su {device.id} ({customer.number})', body: 'Il contatore {reading.counter} di {device.model} ({device.id}, sede {site.name}) è stato letto a {reading.value} ({reading.source}), un valore insolito.\n\nAccettatelo o correggetelo.' },
    { subject: 'Reading to check on {device.id} ({customer.number})', body: 'Counter {reading.counter} of {device.model} ({device.id}, site {site.name}) was read at {reading.value} ({reading.source}), an unusual value.\n\nAccept or correct it.' },
  ),
  campaign_response: t(
    { subject: '{customer.number} a transmis ses compteurs de {campaign.period}', body: 'Le client {customer.number} a saisi tous ses compteurs de {campaign.period}.' },
    { subject: '{customer.number} hat die Zählerstände für {campaign.period} übermittelt', body: 'Der Kunde {customer.number} hat alle Zählerstände für {campaign.period} erfasst.' },
    { subject: '{customer.number} ha trasmesso i contatori di {campaign.period}', body: 'Il cliente {customer.number} ha inserito tutti i contatori di {campaign.period}.' },
    { subject: '{customer.number} sent its meter readings for {campaign.period}', body: 'Customer {customer.number} entered all its meter readings for {campaign.period}.' },
  ),
  campaign_missed: t(
    { subject: '{customer.number} n’a pas transmis ses compteurs de {campaign.period}', body: 'Le lien de relevé de {campaign.period} du client {customer.number} a expiré le {campaign.expiredAt} sans aucune saisie.\n\nContactez le client ou estimez ses compteurs.' },
    { subject: '{customer.number} hat die Zählerstände für {campaign.period} nicht übermittelt', body: 'Der Link für die Zählerstände {campaign.period} des Kunden {customer.number} ist am {campaign.expiredAt} ohne Eingabe abgelaufen.\n\nKontaktieren Sie den Kunden oder schätzen Sie seine Zähler.' },
    { subject: '{customer.number} non ha trasmesso i contatori di {campaign.period}', body: 'Il link di lettura di {campaign.period} del cliente {customer.number} è scaduto il {campaign.expiredAt} senza alcun inserimento.\n\nContattate il cliente o stimate i suoi contatori.' },
    { subject: '{customer.number} did not send its meter readings for {campaign.period}', body: 'The {campaign.period} meter link of customer {customer.number} expired on {campaign.expiredAt} with nothing entered.\n\nContact the customer or estimate its counters.' },
  ),
  request_changed: t(
    { subject: 'Demande « {request.subject} » sur {device.id} : {request.state}', body: 'La demande d’intervention « {request.subject} » sur {device.model} ({device.id}, client {customer.number}) est maintenant : {request.state}.' },
    { subject: 'Auftrag «{request.subject}» bei {device.id}: {request.state}', body: 'Der Serviceauftrag «{request.subject}» für {device.model} ({device.id}, Kunde {customer.number}) ist jetzt: {request.state}.' },
    { subject: 'Richiesta «{request.subject}» su {device.id}: {request.state}', body: 'La richiesta d’intervento «{request.subject}» su {device.model} ({device.id}, cliente {customer.number}) è ora: {request.state}.' },
    { subject: 'Request “{request.subject}” on {device.id}: {request.state}', body: 'The maintenance request “{request.subject}” on {device.model} ({device.id}, customer {customer.number}) is now: {request.state}.' },
  ),
  overage_forecast: t(
    { subject: '{customer.number} dépassera son volume {overage.counter} en {overage.period}', body: 'Au rythme actuel, le client {customer.number} imprimera {overage.projected} pages {overage.counter} en {overage.period}, pour {overage.included} incluses.' },
    { subject: '{customer.number} überschreitet das Volumen {overage.counter} im {overage.period}', body: 'Beim jetzigen Tempo druckt der Kunde {customer.number} im {overage.period} {overage.projected} Seiten {overage.counter}, bei {overage.included} inklusive.' },
    { subject: '{customer.number} supererà il volume {overage.counter} a {overage.period}', body: 'Al ritmo attuale il cliente {customer.number} stamperà {overage.projected} pagine {overage.counter} a {overage.period}, a fronte di {overage.included} incluse.' },
    { subject: '{customer.number} will exceed its {overage.counter} volume in {overage.period}', body: 'At the current pace customer {customer.number} will print {overage.projected} {overage.counter} pages in {overage.period}, against {overage.included} included.' },
  ),
  location_requested: t(
    { subject: 'Changement d’emplacement demandé pour {device.id} ({customer.number})', body: 'Le client {customer.number} indique que {device.model} ({device.id}) se trouve désormais à « {location.requested} » (avant : {location.current}).\n\n{location.message}' },
    { subject: 'Neuer Aufstellort gemeldet für {device.id} ({customer.number})', body: 'Der Kunde {customer.number} meldet, dass {device.model} ({device.id}) jetzt in «{location.requested}» steht (vorher: {location.current}).\n\n{location.message}' },
    { subject: 'Cambio di ubicazione richiesto per {device.id} ({customer.number})', body: 'Il cliente {customer.number} indica che {device.model} ({device.id}) si trova ora in «{location.requested}» (prima: {location.current}).\n\n{location.message}' },
    { subject: 'Location change requested for {device.id} ({customer.number})', body: 'Customer {customer.number} says {device.model} ({device.id}) is now at “{location.requested}” (before: {location.current}).\n\n{location.message}' },
  ),
};

interface Copy {
  greeting: string;
  button: string;
  digestSubject: (count: number) => string;
  digestIntro: Record<'daily' | 'weekly', string>;
  digestButton: string;
  noCustomer: string;
}

const plural = (language: Language, count: number, one: string, other: string) =>
  new Intl.PluralRules(language).select(count) === 'one' ? one : other;

const COPY: Translations<Copy> = {
  fr: {
    greeting: 'Bonjour,',
    button: 'Voir dans Parc',
    digestSubject: (count) => `${new Intl.NumberFormat('fr').format(count)} ${plural('fr', count, 'notification', 'notifications')} de votre parc`,
    digestIntro: { daily: 'Voici ce qui s’est passé depuis le dernier résumé quotidien, client par client.', weekly: 'Voici ce qui s’est passé cette semaine, client par client.' },
    digestButton: 'Ouvrir la console',
    noCustomer: 'Général',
  },
  de: {
    greeting: 'Guten Tag',
    button: 'In Parc ansehen',
    digestSubject: (count) => `${new Intl.NumberFormat('de').format(count)} ${plural('de', count, 'Benachrichtigung', 'Benachrichtigungen')} aus Ihrem Park`,
    digestIntro: { daily: 'Das ist seit der letzten täglichen Zusammenfassung geschehen, nach Kunden geordnet.', weekly: 'Das ist diese Woche geschehen, nach Kunden geordnet.' },
    digestButton: 'Konsole öffnen',
    noCustomer: 'Allgemein',
  },
  it: {
    greeting: 'Buongiorno,',
    button: 'Vedere in Parc',
    digestSubject: (count) => `${new Intl.NumberFormat('it').format(count)} ${plural('it', count, 'notifica', 'notifiche')} dal vostro parco`,
    digestIntro: { daily: 'Ecco cosa è successo dall’ultimo riepilogo giornaliero, cliente per cliente.', weekly: 'Ecco cosa è successo questa settimana, cliente per cliente.' },
    digestButton: 'Aprire la console',
    noCustomer: 'Generale',
  },
  en: {
    greeting: 'Hello,',
    button: 'See it in Parc',
    digestSubject: (count) => `${new Intl.NumberFormat('en').format(count)} ${plural('en', count, 'notification', 'notifications')} from your fleet`,
    digestIntro: { daily: 'Here is what happened since the last daily digest, customer by customer.', weekly: 'Here is what happened this week, customer by customer.' },
    digestButton: 'Open the console',
    noCustomer: 'General',
  },
};

export interface NoticeProps extends CommonProps {
  /** The template's subject and body (the dealer's or the built-in one), not yet filled. */
  text: NoticeText;
  /** The event's facts, written in the reader's language. */
  values: Readonly<Record<string, string>>;
  /** The dealer's header and footer for this language (empty for none). */
  header: string;
  footer: string;
  link: string;
}

/** One notice, sent immediately. */
export const notice = defineTemplate<NoticeProps>((props, language) => {
  const values = { ...props.values, link: props.link };
  const body = paragraphsOf(fillTemplate(props.text.body, values));
  const blocks: Block[] = [
    ...paragraphsOf(props.header).map((text): Block => ({ kind: 'note', text })),
    ...body.map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'button', label: COPY[language].button, url: props.link },
    ...paragraphsOf(props.footer).map((text): Block => ({ kind: 'note', text })),
  ];
  return { subject: fillSubject(props.text.subject, values), preheader: body[0] ?? '', greeting: COPY[language].greeting, blocks };
});

export interface NoticeDigestProps extends CommonProps {
  frequency: 'daily' | 'weekly';
  /** By customer (null: notices about no customer), each notice as its filled subject. */
  groups: readonly { customer: string | null; subjects: readonly string[] }[];
  header: string;
  footer: string;
  consoleUrl: string;
}

/** Several notices in one email: a daily or weekly digest, grouped by customer. */
export const noticeDigest = defineTemplate<NoticeDigestProps>((props, language) => {
  const copy = COPY[language];
  const count = props.groups.reduce((sum, group) => sum + group.subjects.length, 0);
  const blocks: Block[] = [
    ...paragraphsOf(props.header).map((text): Block => ({ kind: 'note', text })),
    { kind: 'paragraph', text: copy.digestIntro[props.frequency] },
    ...props.groups.map((group): Block => ({ kind: 'list', title: group.customer ?? copy.noCustomer, items: group.subjects })),
    { kind: 'button', label: copy.digestButton, url: props.consoleUrl },
    ...paragraphsOf(props.footer).map((text): Block => ({ kind: 'note', text })),
  ];
  return { subject: copy.digestSubject(count), preheader: copy.digestIntro[props.frequency], greeting: copy.greeting, blocks };
});
