import { entry } from './entry.ts';

/** Errors about meter links and maintenance requests (technicians, coordinators, attachments, sync). */

export const MAINTENANCE_ERRORS = {
  'link.not_found': entry('not_found', {
    fr: () => 'Lien introuvable.',
    de: () => 'Link nicht gefunden.',
    it: () => 'Link non trovato.',
    en: () => 'No such link.',
  }),
  'link.customer_inactive': entry('conflict', {
    fr: () => 'Ce client est désactivé et ne reçoit aucun lien.',
    de: () => 'Dieser Kunde ist deaktiviert und erhält keine Links.',
    it: () => 'Questo cliente è disattivato e non riceve link.',
    en: () => 'This customer is deactivated and gets no links.',
  }),
  'link.period_closed': entry<{ period: string }>('conflict', {
    fr: (p) => `La période ${p.period} est close : son lien serait déjà expiré.`,
    de: (p) => `Die Periode ${p.period} ist abgeschlossen: Ihr Link wäre bereits abgelaufen.`,
    it: (p) => `Il periodo ${p.period} è chiuso: il suo link sarebbe già scaduto.`,
    en: (p) => `The period ${p.period} is closed: its link would already be expired.`,
  }),
  'link.machine_not_on_page': entry('bad_request', {
    fr: () => 'Cette machine ne figure pas sur la page.',
    de: () => 'Diese Maschine steht nicht auf der Seite.',
    it: () => 'Questa macchina non è nella pagina.',
    en: () => 'This machine is not on the page.',
  }),
  'request.not_found': entry('not_found', {
    fr: () => 'Demande de maintenance introuvable.',
    de: () => 'Wartungsauftrag nicht gefunden.',
    it: () => 'Richiesta di manutenzione non trovata.',
    en: () => 'No such maintenance request.',
  }),
  'request.technician_not_found': entry('bad_request', {
    fr: () => 'Technicien introuvable.',
    de: () => 'Techniker nicht gefunden.',
    it: () => 'Tecnico non trovato.',
    en: () => 'No such technician.',
  }),
  'request.alert_not_found': entry('not_found', {
    fr: () => 'Cette alerte n’existe pas sur cet appareil.',
    de: () => 'Diese Meldung gibt es auf diesem Gerät nicht.',
    it: () => 'Questo avviso non esiste su questo apparecchio.',
    en: () => 'No such alert on this device.',
  }),
  'request.subject_required': entry('bad_request', {
    fr: () => 'Indiquez l’objet de la demande.',
    de: () => 'Geben Sie den Betreff des Auftrags an.',
    it: () => 'Indichi l’oggetto della richiesta.',
    en: () => 'Give the request a subject.',
  }),
  'request.attachment_id_taken': entry('conflict', {
    fr: () => 'Cet identifiant de pièce jointe est déjà utilisé.',
    de: () => 'Diese Anhangskennung wird bereits verwendet.',
    it: () => 'Questo identificativo di allegato è già usato.',
    en: () => 'This attachment id is already used.',
  }),
  'request.coordinator_cannot_change': entry('forbidden', {
    fr: () => 'Les coordinateurs signalent des problèmes ; ils ne modifient pas les demandes.',
    de: () => 'Koordinatoren melden Probleme; sie ändern keine Aufträge.',
    it: () => 'I coordinatori segnalano problemi; non modificano le richieste.',
    en: () => 'Coordinators report problems; they do not change requests.',
  }),
  'request.technician_cannot_change': entry<{ fields: string[] }>('forbidden', {
    fr: (p, f) => `Un technicien ne peut pas modifier : ${f.list(p.fields)}.`,
    de: (p, f) => `Ein Techniker kann Folgendes nicht ändern: ${f.list(p.fields)}.`,
    it: (p, f) => `Un tecnico non può modificare: ${f.list(p.fields)}.`,
    en: (p, f) => `A technician cannot change ${f.list(p.fields)}.`,
  }),
  'request.change_refused': entry<{ reason: string }>('bad_request', {
    fr: (p) => `Modification refusée (${p.reason}).`,
    de: (p) => `Änderung abgelehnt (${p.reason}).`,
    it: (p) => `Modifica rifiutata (${p.reason}).`,
    en: (p) => `Change refused (${p.reason}).`,
  }),
  'request.op_id_taken': entry('conflict', {
    fr: () => 'Cet identifiant d’opération a déjà servi.',
    de: () => 'Diese Vorgangskennung wurde bereits verwendet.',
    it: () => 'Questo identificativo di operazione è già stato usato.',
    en: () => 'This op id was already used.',
  }),
  'request.device_not_yours': entry('not_found', {
    fr: () => 'Cet appareil ne fait pas partie de vos demandes.',
    de: () => 'Dieses Gerät gehört zu keinem Ihrer Aufträge.',
    it: () => 'Questo apparecchio non fa parte delle sue richieste.',
    en: () => 'No such device among your requests.',
  }),
  'attachment.not_found': entry('not_found', {
    fr: () => 'Pièce jointe introuvable.',
    de: () => 'Anhang nicht gefunden.',
    it: () => 'Allegato non trovato.',
    en: () => 'No such attachment.',
  }),
  'attachment.empty': entry('bad_request', {
    fr: () => 'Le fichier est vide.',
    de: () => 'Die Datei ist leer.',
    it: () => 'Il file è vuoto.',
    en: () => 'The file is empty.',
  }),
  'attachment.too_large': entry('bad_request', {
    fr: () => 'Un fichier fait au plus 5 Mo.',
    de: () => 'Eine Datei ist höchstens 5 MB gross.',
    it: () => 'Un file pesa al massimo 5 MB.',
    en: () => 'A file has at most 5 MB.',
  }),
  'attachment.not_a_photo': entry('bad_request', {
    fr: () => 'Joignez une photo JPEG, PNG ou WebP.',
    de: () => 'Hängen Sie ein JPEG-, PNG- oder WebP-Foto an.',
    it: () => 'Alleghi una foto JPEG, PNG o WebP.',
    en: () => 'Attach a JPEG, PNG or WebP photo.',
  }),
  'attachment.type_mismatch': entry<{ actual: string; declared: string }>('bad_request', {
    fr: (p) => `Le fichier est un ${p.actual}, pas un ${p.declared}.`,
    de: (p) => `Die Datei ist ${p.actual}, nicht ${p.declared}.`,
    it: (p) => `Il file è un ${p.actual}, non un ${p.declared}.`,
    en: (p) => `The file is a ${p.actual}, not a ${p.declared}.`,
  }),
};
