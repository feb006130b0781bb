import type { CounterKind } from '../meters/counters.ts';
import { reasonMessage } from '../meters/messages.ts';
import type { ReadingReason } from '../meters/reasons.ts';
import type { Translations } from '../languages.ts';
import { entry } from './entry.ts';

/** Errors about the fleet: devices and their counters, readings and resets, agents, floor plans, campaigns. */

/** The import's columns as each language names them in its texts. */
const IMPORT_COLUMNS: Translations<Record<string, string>> = {
  fr: { serial: 'numéro de série', manufacturer: 'fabricant', model: 'modèle', site: 'site', coordinator: 'coordinateur', installDate: 'date d’installation', total: 'total', mono: 'noir et blanc', colour: 'couleur', scan: 'scan', large: 'A3' },
  de: { serial: 'Seriennummer', manufacturer: 'Hersteller', model: 'Modell', site: 'Standort', coordinator: 'Koordinator', installDate: 'Installationsdatum', total: 'Total', mono: 'Schwarzweiss', colour: 'Farbe', scan: 'Scan', large: 'A3' },
  it: { serial: 'numero di serie', manufacturer: 'produttore', model: 'modello', site: 'sede', coordinator: 'coordinatore', installDate: 'data di installazione', total: 'totale', mono: 'bianco e nero', colour: 'colore', scan: 'scansione', large: 'A3' },
  en: { serial: 'serial number', manufacturer: 'manufacturer', model: 'model', site: 'site', coordinator: 'coordinator', installDate: 'install date', total: 'total', mono: 'mono', colour: 'colour', scan: 'scan', large: 'A3' },
};
/** The header names every language's file may use (translated aliases are accepted too). */
const IMPORT_COLUMN_LIST = 'serial, manufacturer, model, site, coordinator, install date, total, mono, colour, scan, large';
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const FLEET_ERRORS = {
  'device.not_found': entry('not_found', {
    fr: () => 'Appareil introuvable.',
    de: () => 'Gerät nicht gefunden.',
    it: () => 'Apparecchio non trovato.',
    en: () => 'No such device.',
  }),
  /** `deviceCode` of the active device holding the serial, null when it is not visible to the user. */
  'device.serial_taken': entry<{ serial: string; deviceCode: string | null }>('conflict', {
    fr: (p) =>
      `Le numéro de série ${p.serial} est déjà utilisé ${p.deviceCode ? `par l’appareil actif ${p.deviceCode}` : 'par un autre appareil actif'} ; désactivez d’abord cet appareil si la machine a déménagé.`,
    de: (p) =>
      `Die Seriennummer ${p.serial} wird bereits ${p.deviceCode ? `vom aktiven Gerät ${p.deviceCode}` : 'von einem anderen aktiven Gerät'} verwendet; deaktivieren Sie zuerst jenes Gerät, falls die Maschine umgezogen ist.`,
    it: (p) =>
      `Il numero di serie ${p.serial} è già usato ${p.deviceCode ? `dall’apparecchio attivo ${p.deviceCode}` : 'da un altro apparecchio attivo'}; disattivi prima quell’apparecchio se la macchina è stata spostata.`,
    en: (p) =>
      `The serial number ${p.serial} is already used ${p.deviceCode ? `by the active device ${p.deviceCode}` : 'by another active device'}; deactivate that device first if the machine moved.`,
  }),
  'device.serial_in_use': entry<{ serial: string; deviceCode: string }>('conflict', {
    fr: (p) => `Le numéro de série ${p.serial} est utilisé par l’appareil actif ${p.deviceCode}.`,
    de: (p) => `Die Seriennummer ${p.serial} wird vom aktiven Gerät ${p.deviceCode} verwendet.`,
    it: (p) => `Il numero di serie ${p.serial} è usato dall’apparecchio attivo ${p.deviceCode}.`,
    en: (p) => `The serial number ${p.serial} is used by the active device ${p.deviceCode}.`,
  }),
  'device.inactive_no_swap': entry('bad_request', {
    fr: () => 'Cet appareil est désactivé ; seul un appareil actif peut être remplacé.',
    de: () => 'Dieses Gerät ist deaktiviert; nur ein aktives Gerät kann ausgetauscht werden.',
    it: () => 'Questo apparecchio è disattivato; solo un apparecchio attivo può essere sostituito.',
    en: () => 'This device is deactivated; only an active device can be swapped.',
  }),
  'device.inactive_no_readings': entry('bad_request', {
    fr: () => 'Cet appareil est désactivé et ne prend aucun relevé.',
    de: () => 'Dieses Gerät ist deaktiviert und nimmt keine Zählerstände an.',
    it: () => 'Questo apparecchio è disattivato e non accetta rilevamenti.',
    en: () => 'This device is deactivated and takes no readings.',
  }),
  'device.no_counter': entry<{ counter: CounterKind }>('bad_request', {
    fr: (p, f) => `Cet appareil n’a pas de ${f.quote(f.counter(p.counter))}.`,
    de: (p, f) => `Dieses Gerät hat keinen ${f.quote(f.counter(p.counter))}.`,
    it: (p, f) => `Questo apparecchio non ha un ${f.quote(f.counter(p.counter))}.`,
    en: (p, f) => `This device has no ${f.quote(f.counter(p.counter))}.`,
  }),
  'device.snmp_community_missing': entry('bad_request', {
    fr: () => 'SNMP v1/v2c a besoin d’une communauté.',
    de: () => 'SNMP v1/v2c braucht einen Community-String.',
    it: () => 'SNMP v1/v2c ha bisogno di una community.',
    en: () => 'SNMP v1/v2c needs a community string.',
  }),
  'device.snmp_auth_missing': entry('bad_request', {
    fr: () => 'Ce niveau de sécurité a besoin d’un protocole et d’une clé d’authentification.',
    de: () => 'Diese Sicherheitsstufe braucht ein Authentifizierungsprotokoll und einen Schlüssel.',
    it: () => 'Questo livello di sicurezza ha bisogno di un protocollo e di una chiave di autenticazione.',
    en: () => 'This security level needs an authentication protocol and key.',
  }),
  'device.snmp_priv_missing': entry('bad_request', {
    fr: () => 'authPriv a besoin d’un protocole et d’une clé de confidentialité.',
    de: () => 'authPriv braucht ein Verschlüsselungsprotokoll und einen Schlüssel.',
    it: () => 'authPriv ha bisogno di un protocollo e di una chiave di cifratura.',
    en: () => 'authPriv needs a privacy protocol and key.',
  }),

  'counter.not_found': entry('not_found', {
    fr: () => 'Compteur introuvable.',
    de: () => 'Zähler nicht gefunden.',
    it: () => 'Contatore non trovato.',
    en: () => 'No such counter.',
  }),
  'counter.exists': entry<{ counter: CounterKind }>('conflict', {
    fr: (p, f) => `L’appareil a déjà un ${f.quote(f.counter(p.counter))}.`,
    de: (p, f) => `Das Gerät hat bereits einen ${f.quote(f.counter(p.counter))}.`,
    it: (p, f) => `L’apparecchio ha già un ${f.quote(f.counter(p.counter))}.`,
    en: (p, f) => `The device already has a ${f.quote(f.counter(p.counter))}.`,
  }),
  'counter.not_of_device': entry('bad_request', {
    fr: () => 'Ce compteur n’est pas un compteur de l’appareil.',
    de: () => 'Dieser Zähler gehört nicht zum Gerät.',
    it: () => 'Questo contatore non è un contatore dell’apparecchio.',
    en: () => 'This counter is not one of the device.',
  }),
  'counter.inactive_no_readings': entry('bad_request', {
    fr: () => 'Ce compteur est désactivé et ne prend aucun relevé.',
    de: () => 'Dieser Zähler ist deaktiviert und nimmt keine Zählerstände an.',
    it: () => 'Questo contatore è disattivato e non accetta rilevamenti.',
    en: () => 'This counter is deactivated and takes no readings.',
  }),

  'reading.not_found': entry('not_found', {
    fr: () => 'Relevé introuvable.',
    de: () => 'Zählerstand nicht gefunden.',
    it: () => 'Rilevamento non trovato.',
    en: () => 'No such reading.',
  }),
  /** Refused by the acceptance policy: the reason's own text (meters/messages.ts). */
  'reading.refused': entry<{ reason: ReadingReason }>('reading_refused', {
    fr: (p) => reasonMessage(p.reason, 'fr'),
    de: (p) => reasonMessage(p.reason, 'de'),
    it: (p) => reasonMessage(p.reason, 'it'),
    en: (p) => reasonMessage(p.reason, 'en'),
  }),
  'reading.client_id_reused': entry('conflict', {
    fr: () => 'Cette clé a déjà servi pour un autre relevé ; créez-en une nouvelle par relevé.',
    de: () => 'Dieser Schlüssel wurde bereits für einen anderen Zählerstand verwendet; erzeugen Sie pro Zählerstand einen neuen.',
    it: () => 'Questa chiave è già stata usata per un altro rilevamento; ne crei una nuova per ogni rilevamento.',
    en: () => 'This key was already used for another reading; make a new one per reading.',
  }),
  'reading.sent': entry('locked', {
    fr: () => 'Ce relevé a déjà été transmis et ne peut plus être modifié.',
    de: () => 'Dieser Zählerstand wurde bereits übermittelt und kann nicht mehr geändert werden.',
    it: () => 'Questo rilevamento è già stato trasmesso e non può più essere modificato.',
    en: () => 'This reading has already been sent and can no longer be changed.',
  }),
  'reading.locked': entry('locked', {
    fr: () => 'Ce relevé est verrouillé (déjà transmis ou facturé) et ne peut plus être modifié.',
    de: () => 'Dieser Zählerstand ist gesperrt (bereits übermittelt oder verrechnet) und kann nicht mehr geändert werden.',
    it: () => 'Questo rilevamento è bloccato (già trasmesso o fatturato) e non può più essere modificato.',
    en: () => 'This reading is locked (already sent or billed) and can no longer be changed.',
  }),
  'reading.deleted': entry('conflict', {
    fr: () => 'Ce relevé a été supprimé.',
    de: () => 'Dieser Zählerstand wurde gelöscht.',
    it: () => 'Questo rilevamento è stato eliminato.',
    en: () => 'This reading was deleted.',
  }),
  'reading.not_to_check': entry('conflict', {
    fr: () => 'Ce relevé n’attend pas de vérification.',
    de: () => 'Dieser Zählerstand wartet nicht auf eine Prüfung.',
    it: () => 'Questo rilevamento non è in attesa di verifica.',
    en: () => 'This reading is not waiting for review.',
  }),
  'reset.no_counters': entry('bad_request', {
    fr: () => 'Indiquez au moins un compteur.',
    de: () => 'Geben Sie mindestens einen Zähler an.',
    it: () => 'Indichi almeno un contatore.',
    en: () => 'Name at least one counter.',
  }),
  /** `takenAt`: the ISO instant of the latest reading at or after the declared moment. */
  'reset.before_later_reading': entry<{ takenAt: string }>('conflict', {
    fr: (p, f) => `Un relevé de ce compteur a été pris à ce moment ou après (${f.instant(p.takenAt)}) ; déclarez la remise à zéro après celui-ci.`,
    de: (p, f) => `Ein Zählerstand dieses Zählers wurde zu oder nach diesem Zeitpunkt erfasst (${f.instant(p.takenAt)}); erfassen Sie den Reset danach.`,
    it: (p, f) => `Un rilevamento di questo contatore è stato preso in questo momento o dopo (${f.instant(p.takenAt)}); dichiari l’azzeramento dopo di esso.`,
    en: (p, f) => `A reading of this counter was taken at or after this moment (${f.instant(p.takenAt)}); declare the reset after it.`,
  }),

  'agent.not_found': entry('not_found', {
    fr: () => 'Agent introuvable.',
    de: () => 'Agent nicht gefunden.',
    it: () => 'Agente non trovato.',
    en: () => 'No such agent.',
  }),
  'agent.key_unknown': entry('not_found', {
    fr: () => 'Aucun agent n’a cette clé ; copiez-la à nouveau depuis la console (Client > Agent).',
    de: () => 'Kein Agent hat diesen Schlüssel; kopieren Sie ihn erneut aus der Konsole (Kunde > Agent).',
    it: () => 'Nessun agente ha questa chiave; la copi di nuovo dalla console (Cliente > Agente).',
    en: () => 'No agent has this key; copy it again from the console (Customer > Agent).',
  }),
  'agent.key_in_use': entry('conflict', {
    fr: () => 'Cette clé est déjà utilisée par un agent inscrit ; révoquez son certificat dans la console pour l’inscrire à nouveau.',
    de: () => 'Dieser Schlüssel wird bereits von einem registrierten Agenten verwendet; widerrufen Sie dessen Zertifikat in der Konsole, um ihn neu zu registrieren.',
    it: () => 'Questa chiave è già usata da un agente registrato; revochi il suo certificato nella console per registrarlo di nuovo.',
    en: () => 'This key is already used by an enrolled agent; revoke its certificate in the console to enroll again.',
  }),
  'pending_device.not_found': entry('not_found', {
    fr: () => 'Appareil à ajouter introuvable.',
    de: () => 'Hinzuzufügendes Gerät nicht gefunden.',
    it: () => 'Apparecchio da aggiungere non trovato.',
    en: () => 'No such device to add.',
  }),
  'pending_device.assigned': entry('conflict', {
    fr: () => 'Cet appareil a été attribué entre-temps.',
    de: () => 'Dieses Gerät wurde inzwischen zugeordnet.',
    it: () => 'Questo apparecchio è stato assegnato nel frattempo.',
    en: () => 'This device was assigned meanwhile.',
  }),
  'pending_device.not_reported': entry('conflict', {
    fr: () => 'Cette imprimante n’est plus un appareil actif d’un autre client : ajoutez-la ou ignorez-la.',
    de: () => 'Dieser Drucker ist kein aktives Gerät eines anderen Kunden mehr: Fügen Sie ihn hinzu oder ignorieren Sie ihn.',
    it: () => 'Questa stampante non è più un apparecchio attivo di un altro cliente: la aggiunga o la ignori.',
    en: () => 'This printer is no longer an active device of another customer: add it or ignore it.',
  }),

  'plan.not_found': entry('not_found', {
    fr: () => 'Plan introuvable.',
    de: () => 'Plan nicht gefunden.',
    it: () => 'Planimetria non trovata.',
    en: () => 'No such floor plan.',
  }),
  'plan.empty': entry('bad_request', {
    fr: () => 'Le fichier du plan est vide.',
    de: () => 'Die Plandatei ist leer.',
    it: () => 'Il file della planimetria è vuoto.',
    en: () => 'The plan file is empty.',
  }),
  'plan.too_large': entry<{ maximum: number }>('bad_request', {
    fr: (p, f) => `Le fichier du plan dépasse ${f.size(p.maximum)}.`,
    de: (p, f) => `Die Plandatei ist grösser als ${f.size(p.maximum)}.`,
    it: (p, f) => `Il file della planimetria supera ${f.size(p.maximum)}.`,
    en: (p, f) => `The plan file is larger than ${f.size(p.maximum)}.`,
  }),
  'plan.wrong_type': entry('bad_request', {
    fr: () => 'Un plan doit être une image PNG, JPEG ou SVG.',
    de: () => 'Ein Plan muss ein PNG-, JPEG- oder SVG-Bild sein.',
    it: () => 'Una planimetria deve essere un’immagine PNG, JPEG o SVG.',
    en: () => 'A plan must be a PNG, JPEG or SVG image.',
  }),
  'plan.foreign_site': entry('bad_request', {
    fr: () => 'Ce site n’est pas un site de ce client.',
    de: () => 'Dieser Standort gehört nicht zu diesem Kunden.',
    it: () => 'Questa sede non è una sede di questo cliente.',
    en: () => 'The site is not one of this customer.',
  }),
  'plan.device_twice': entry('bad_request', {
    fr: () => 'Un appareil est placé deux fois.',
    de: () => 'Ein Gerät ist zweimal platziert.',
    it: () => 'Un apparecchio è posizionato due volte.',
    en: () => 'A device is placed twice.',
  }),
  'plan.foreign_device': entry('bad_request', {
    fr: () => 'Seuls les appareils de ce client peuvent être placés sur ses plans.',
    de: () => 'Nur Geräte dieses Kunden können auf seinen Plänen platziert werden.',
    it: () => 'Solo gli apparecchi di questo cliente possono essere posizionati sulle sue planimetrie.',
    en: () => 'Only devices of this customer can be placed on its plans.',
  }),

  'location_request.not_found': entry('not_found', {
    fr: () => 'Demande de changement d’emplacement introuvable.',
    de: () => 'Anfrage zur Standortänderung nicht gefunden.',
    it: () => 'Richiesta di cambio di ubicazione non trovata.',
    en: () => 'No such location change request.',
  }),
  'location_request.handled': entry('conflict', {
    fr: () => 'Cette demande a déjà été traitée.',
    de: () => 'Diese Anfrage wurde bereits bearbeitet.',
    it: () => 'Questa richiesta è già stata gestita.',
    en: () => 'This request was already handled.',
  }),
  'statistics.scope_not_found': entry('not_found', {
    fr: () => 'Client, site ou appareil introuvable.',
    de: () => 'Kunde, Standort oder Gerät nicht gefunden.',
    it: () => 'Cliente, sede o apparecchio non trovato.',
    en: () => 'No such customer, site or device.',
  }),
  'device.has_history': entry<{ readings: number }>('conflict', {
    fr: (p, f) => `Cet appareil ne peut pas être supprimé : il a un historique (${f.plural(p.readings, { one: '# relevé', other: '# relevés' })}, remplacement, tickets ou lien). Désactivez-le plutôt ; l’historique reste.`,
    de: (p, f) => `Dieses Gerät kann nicht gelöscht werden: Es hat einen Verlauf (${f.plural(p.readings, { one: '# Zählerstand', other: '# Zählerstände' })}, Austausch, Tickets oder Link). Deaktivieren Sie es stattdessen; der Verlauf bleibt erhalten.`,
    it: (p, f) => `Questo apparecchio non può essere eliminato: ha una cronologia (${f.plural(p.readings, { one: '# lettura', other: '# letture' })}, sostituzione, ticket o link). Lo disattivi invece; la cronologia resta.`,
    en: (p, f) => `This device cannot be deleted: it has history (${f.plural(p.readings, { one: '# reading', other: '# readings' })}, a swap, tickets or a link). Deactivate it instead; its history stays.`,
  }),
  'device_import.too_large': entry<{ maximum: number }>('bad_request', {
    fr: (p, f) => `Le fichier dépasse ${f.size(p.maximum)} ; importez les appareils en plusieurs fois.`,
    de: (p, f) => `Die Datei ist grösser als ${f.size(p.maximum)}; importieren Sie die Geräte in mehreren Teilen.`,
    it: (p, f) => `Il file supera ${f.size(p.maximum)}; importi gli apparecchi in più volte.`,
    en: (p, f) => `The file is larger than ${f.size(p.maximum)}; import the devices in several parts.`,
  }),
  'device_import.unreadable': entry('bad_request', {
    fr: () => 'Ce fichier n’est ni un CSV ni un classeur Excel (.xlsx) lisible.',
    de: () => 'Diese Datei ist weder eine CSV-Datei noch eine lesbare Excel-Arbeitsmappe (.xlsx).',
    it: () => 'Questo file non è né un CSV né una cartella Excel (.xlsx) leggibile.',
    en: () => 'This file is neither a CSV file nor a readable Excel workbook (.xlsx).',
  }),
  'device_import.empty': entry('bad_request', {
    fr: () => 'Le fichier est vide : la première ligne doit nommer les colonnes.',
    de: () => 'Die Datei ist leer: Die erste Zeile muss die Spalten benennen.',
    it: () => 'Il file è vuoto: la prima riga deve nominare le colonne.',
    en: () => 'The file is empty: its first line must name the columns.',
  }),
  'device_import.too_many_lines': entry<{ lines: number; maximum: number }>('bad_request', {
    fr: (p, f) => `Le fichier a ${f.number(p.lines)} lignes ; importez-en au plus ${f.number(p.maximum)} à la fois.`,
    de: (p, f) => `Die Datei hat ${f.number(p.lines)} Zeilen; importieren Sie höchstens ${f.number(p.maximum)} auf einmal.`,
    it: (p, f) => `Il file ha ${f.number(p.lines)} righe; ne importi al massimo ${f.number(p.maximum)} alla volta.`,
    en: (p, f) => `The file has ${f.number(p.lines)} lines; import at most ${f.number(p.maximum)} at a time.`,
  }),
  'device_import.unknown_column': entry<{ column: string }>('bad_request', {
    fr: (p, f) => `La colonne ${f.quote(p.column)} est inconnue. Colonnes possibles : ${IMPORT_COLUMN_LIST}.`,
    de: (p, f) => `Die Spalte ${f.quote(p.column)} ist unbekannt. Mögliche Spalten: ${IMPORT_COLUMN_LIST}.`,
    it: (p, f) => `La colonna ${f.quote(p.column)} è sconosciuta. Colonne possibili: ${IMPORT_COLUMN_LIST}.`,
    en: (p, f) => `The column ${f.quote(p.column)} is unknown. Possible columns: ${IMPORT_COLUMN_LIST}.`,
  }),
  'device_import.repeated_column': entry<{ column: string }>('bad_request', {
    fr: (p) => `La colonne ${IMPORT_COLUMNS.fr[p.column] ?? p.column} apparaît deux fois.`,
    de: (p) => `Die Spalte ${IMPORT_COLUMNS.de[p.column] ?? p.column} kommt zweimal vor.`,
    it: (p) => `La colonna ${IMPORT_COLUMNS.it[p.column] ?? p.column} compare due volte.`,
    en: (p) => `The column ${IMPORT_COLUMNS.en[p.column] ?? p.column} appears twice.`,
  }),
  'device_import.missing_column': entry<{ column: string }>('bad_request', {
    fr: (p) => `Il manque la colonne ${IMPORT_COLUMNS.fr[p.column] ?? p.column}.`,
    de: (p) => `Die Spalte ${IMPORT_COLUMNS.de[p.column] ?? p.column} fehlt.`,
    it: (p) => `Manca la colonna ${IMPORT_COLUMNS.it[p.column] ?? p.column}.`,
    en: (p) => `The column ${IMPORT_COLUMNS.en[p.column] ?? p.column} is missing.`,
  }),
  'device_import.lines_wrong': entry<{ lines: number }>('bad_request', {
    fr: (p, f) => `${f.plural(p.lines, { one: '# ligne a une erreur', other: '# lignes ont des erreurs' })} ; aucun appareil n’a été créé.`,
    de: (p, f) => `${f.plural(p.lines, { one: '# Zeile hat einen Fehler', other: '# Zeilen haben Fehler' })}; es wurde kein Gerät angelegt.`,
    it: (p, f) => `${f.plural(p.lines, { one: '# riga ha un errore', other: '# righe hanno errori' })}; nessun apparecchio è stato creato.`,
    en: (p, f) => `${f.plural(p.lines, { one: '# line has an error', other: '# lines have errors' })}; no device was created.`,
  }),
  'device_import.extra_cells': entry<{ count: number }>('bad_request', {
    fr: (p, f) => `${f.plural(p.count, { one: '# valeur', other: '# valeurs' })} de plus que l’en-tête n’a de colonnes ; une valeur contenant le séparateur a-t-elle perdu ses guillemets ?`,
    de: (p, f) => `${f.plural(p.count, { one: '# Wert', other: '# Werte' })} mehr, als die Kopfzeile Spalten hat; fehlen bei einem Wert mit Trennzeichen die Anführungszeichen?`,
    it: (p, f) => `${f.plural(p.count, { one: '# valore', other: '# valori' })} in più delle colonne dell’intestazione; a un valore con il separatore mancano le virgolette?`,
    en: (p, f) => `${f.plural(p.count, { one: '# value', other: '# values' })} more than the header has columns; is a value with a separator missing its quotes?`,
  }),
  'device_import.required': entry<{ column: string }>('bad_request', {
    fr: (p) => `${capitalised(IMPORT_COLUMNS.fr[p.column] ?? p.column)} manquant.`,
    de: (p) => `${capitalised(IMPORT_COLUMNS.de[p.column] ?? p.column)} fehlt.`,
    it: (p) => `${capitalised(IMPORT_COLUMNS.it[p.column] ?? p.column)} mancante.`,
    en: (p) => `${capitalised(IMPORT_COLUMNS.en[p.column] ?? p.column)} missing.`,
  }),
  'device_import.too_long': entry<{ column: string; maximum: number }>('bad_request', {
    fr: (p) => `${capitalised(IMPORT_COLUMNS.fr[p.column] ?? p.column)} : ${p.maximum} caractères au plus.`,
    de: (p) => `${capitalised(IMPORT_COLUMNS.de[p.column] ?? p.column)}: höchstens ${p.maximum} Zeichen.`,
    it: (p) => `${capitalised(IMPORT_COLUMNS.it[p.column] ?? p.column)}: al massimo ${p.maximum} caratteri.`,
    en: (p) => `${capitalised(IMPORT_COLUMNS.en[p.column] ?? p.column)}: at most ${p.maximum} characters.`,
  }),
  'device_import.serial_repeated': entry<{ serial: string; line: number }>('bad_request', {
    fr: (p) => `Le numéro de série ${p.serial} figure déjà à la ligne ${p.line}.`,
    de: (p) => `Die Seriennummer ${p.serial} steht schon in Zeile ${p.line}.`,
    it: (p) => `Il numero di serie ${p.serial} è già alla riga ${p.line}.`,
    en: (p) => `The serial number ${p.serial} is already on line ${p.line}.`,
  }),
  'device_import.serial_taken': entry<{ serial: string; deviceCode: string }>('bad_request', {
    fr: (p) => `Le numéro de série ${p.serial} est celui de l’appareil actif ${p.deviceCode}.`,
    de: (p) => `Die Seriennummer ${p.serial} gehört dem aktiven Gerät ${p.deviceCode}.`,
    it: (p) => `Il numero di serie ${p.serial} è dell’apparecchio attivo ${p.deviceCode}.`,
    en: (p) => `The serial number ${p.serial} belongs to the active device ${p.deviceCode}.`,
  }),
  'device_import.unknown_site': entry<{ site: string }>('bad_request', {
    fr: (p, f) => `Ce client n’a pas de site actif nommé ${f.quote(p.site)}.`,
    de: (p, f) => `Dieser Kunde hat keinen aktiven Standort namens ${f.quote(p.site)}.`,
    it: (p, f) => `Questo cliente non ha una sede attiva chiamata ${f.quote(p.site)}.`,
    en: (p, f) => `This customer has no active site named ${f.quote(p.site)}.`,
  }),
  'device_import.unknown_coordinator': entry<{ email: string }>('bad_request', {
    fr: (p) => `Aucun coordinateur actif de ce client n’a l’e-mail ${p.email}.`,
    de: (p) => `Kein aktiver Koordinator dieses Kunden hat die E-Mail ${p.email}.`,
    it: (p) => `Nessun coordinatore attivo di questo cliente ha l’e-mail ${p.email}.`,
    en: (p) => `No active coordinator of this customer has the email ${p.email}.`,
  }),
  'device_import.bad_date': entry<{ value: string }>('bad_request', {
    fr: (p, f) => `${f.quote(p.value)} n’est pas une date ; écrivez 31.01.2025 ou 2025-01-31.`,
    de: (p, f) => `${f.quote(p.value)} ist kein Datum; schreiben Sie 31.01.2025 oder 2025-01-31.`,
    it: (p, f) => `${f.quote(p.value)} non è una data; scriva 31.01.2025 o 2025-01-31.`,
    en: (p, f) => `${f.quote(p.value)} is not a date; write 31.01.2025 or 2025-01-31.`,
  }),
  'device_import.future_date': entry<{ value: string }>('bad_request', {
    fr: (p) => `La date d’installation ${p.value} est dans le futur.`,
    de: (p) => `Das Installationsdatum ${p.value} liegt in der Zukunft.`,
    it: (p) => `La data di installazione ${p.value} è nel futuro.`,
    en: (p) => `The install date ${p.value} is in the future.`,
  }),
  'device_import.bad_counter': entry<{ column: string; value: string }>('bad_request', {
    fr: (p, f) => `Compteur ${IMPORT_COLUMNS.fr[p.column] ?? p.column} : ${f.quote(p.value)} n’est pas un nombre entier positif.`,
    de: (p, f) => `Zähler ${IMPORT_COLUMNS.de[p.column] ?? p.column}: ${f.quote(p.value)} ist keine positive ganze Zahl.`,
    it: (p, f) => `Contatore ${IMPORT_COLUMNS.it[p.column] ?? p.column}: ${f.quote(p.value)} non è un numero intero positivo.`,
    en: (p, f) => `Counter ${IMPORT_COLUMNS.en[p.column] ?? p.column}: ${f.quote(p.value)} is not a whole positive number.`,
  }),
  'contact_link.invalid': entry('link_invalid', {
    fr: () => 'Ce lien n’est pas (ou plus) valable. Inscrivez-vous à nouveau pour en recevoir un nouveau.',
    de: () => 'Dieser Link ist (nicht mehr) gültig. Melden Sie sich erneut an, um einen neuen zu erhalten.',
    it: () => 'Questo link non è (più) valido. Si iscriva di nuovo per riceverne uno nuovo.',
    en: () => 'This link is not valid (any more). Sign up again to get a new one.',
  }),
};
