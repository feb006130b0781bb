import { entry } from './entry.ts';

/** Errors about the partner's people and customers: users, profiles, customers, coordinators, sites, settings. */

/** The header the site import understands, as the texts suggest it (French and English spellings are accepted). */
const SITE_HEADER = {
  fr: 'nom, adresse, npa, ville, pays, coordinateur',
  en: 'name, address, postcode, city, country, coordinator email',
};

export const PEOPLE_ERRORS = {
  'user.not_found': entry('not_found', {
    fr: () => 'Utilisateur introuvable.',
    de: () => 'Benutzer nicht gefunden.',
    it: () => 'Utente non trovato.',
    en: () => 'No such user.',
  }),
  'user.email_taken': entry('conflict', {
    fr: () => 'Un de vos utilisateurs a déjà cette adresse e-mail.',
    de: () => 'Einer Ihrer Benutzer hat bereits diese E-Mail-Adresse.',
    it: () => 'Uno dei suoi utenti ha già questo indirizzo e-mail.',
    en: () => 'One of your users already has this email address.',
  }),
  /** Changing one's own address: another account of the dealer has it. */
  'account.email_taken': entry('conflict', {
    fr: () => 'Un autre compte utilise déjà cette adresse e-mail.',
    de: () => 'Ein anderes Konto verwendet diese E-Mail-Adresse bereits.',
    it: () => 'Un altro account usa già questo indirizzo e-mail.',
    en: () => 'Another account already uses this email address.',
  }),
  'account.email_unchanged': entry('bad_request', {
    fr: () => 'C’est déjà votre adresse e-mail.',
    de: () => 'Das ist bereits Ihre E-Mail-Adresse.',
    it: () => 'È già il suo indirizzo e-mail.',
    en: () => 'This is already your email address.',
  }),
  'account.wrong_password': entry('bad_request', {
    fr: () => 'Le mot de passe actuel est incorrect.',
    de: () => 'Das aktuelle Passwort ist falsch.',
    it: () => 'La password attuale non è corretta.',
    en: () => 'The current password is incorrect.',
  }),
  'account.email_link_invalid': entry('bad_request', {
    fr: () => 'Ce lien de confirmation n’est pas valable. Demandez un nouveau changement d’adresse depuis votre compte.',
    de: () => 'Dieser Bestätigungslink ist ungültig. Fordern Sie in Ihrem Konto eine neue Adressänderung an.',
    it: () => 'Questo link di conferma non è valido. Richieda una nuova modifica dell’indirizzo dal suo account.',
    en: () => 'This confirmation link is not valid. Ask for the change again from your account.',
  }),
  'account.email_link_expired': entry('bad_request', {
    fr: () => 'Ce lien de confirmation a expiré. Demandez un nouveau changement d’adresse depuis votre compte.',
    de: () => 'Dieser Bestätigungslink ist abgelaufen. Fordern Sie in Ihrem Konto eine neue Adressänderung an.',
    it: () => 'Questo link di conferma è scaduto. Richieda una nuova modifica dell’indirizzo dal suo account.',
    en: () => 'This confirmation link has expired. Ask for the change again from your account.',
  }),
  'account.email_link_used': entry('bad_request', {
    fr: () => 'Ce lien de confirmation a déjà été utilisé : votre adresse est déjà changée.',
    de: () => 'Dieser Bestätigungslink wurde bereits verwendet: Ihre Adresse ist schon geändert.',
    it: () => 'Questo link di conferma è già stato usato: il suo indirizzo è già stato modificato.',
    en: () => 'This confirmation link has already been used: your address has already changed.',
  }),
  'user.customers_only_for_coordinators': entry('bad_request', {
    fr: () => 'Seuls les coordinateurs sont limités à des clients ; ne choisissez aucun client pour ce rôle.',
    de: () => 'Nur Koordinatoren sind auf Kunden beschränkt; wählen Sie für diese Rolle keine Kunden.',
    it: () => 'Solo i coordinatori sono limitati a dei clienti; per questo ruolo non scelga alcun cliente.',
    en: () => 'Only coordinators are limited to customers; leave customerIds empty for this role.',
  }),
  'user.coordinator_needs_customer': entry('bad_request', {
    fr: () => 'Un coordinateur a besoin d’au moins un client.',
    de: () => 'Ein Koordinator braucht mindestens einen Kunden.',
    it: () => 'Un coordinatore ha bisogno di almeno un cliente.',
    en: () => 'A coordinator needs at least one customer.',
  }),
  'user.unknown_customer': entry<{ customerId: string }>('bad_request', {
    fr: (p) => `Client introuvable : ${p.customerId}.`,
    de: (p) => `Kunde nicht gefunden: ${p.customerId}.`,
    it: (p) => `Cliente non trovato: ${p.customerId}.`,
    en: (p) => `No such customer: ${p.customerId}.`,
  }),
  'user.self_deactivation': entry('bad_request', {
    fr: () => 'Vous ne pouvez pas désactiver votre propre compte.',
    de: () => 'Sie können Ihr eigenes Konto nicht deaktivieren.',
    it: () => 'Non può disattivare il suo account.',
    en: () => 'You cannot deactivate your own account.',
  }),
  'user.self_role_change': entry('bad_request', {
    fr: () => 'Vous ne pouvez pas changer votre propre rôle.',
    de: () => 'Sie können Ihre eigene Rolle nicht ändern.',
    it: () => 'Non può cambiare il suo ruolo.',
    en: () => 'You cannot change your own role.',
  }),
  'user.self_deletion': entry('bad_request', {
    fr: () => 'Vous ne pouvez pas supprimer votre propre compte.',
    de: () => 'Sie können Ihr eigenes Konto nicht löschen.',
    it: () => 'Non può eliminare il suo account.',
    en: () => 'You cannot delete your own account.',
  }),
  'user.inactive': entry('bad_request', {
    fr: () => 'Cet utilisateur est désactivé ; activez-le d’abord.',
    de: () => 'Dieser Benutzer ist deaktiviert; aktivieren Sie ihn zuerst.',
    it: () => 'Questo utente è disattivato; lo attivi prima.',
    en: () => 'This user is deactivated; activate them first.',
  }),
  'user.profile_only_for_staff': entry('bad_request', {
    fr: () => 'Seuls les collaborateurs du partenaire reçoivent un profil.',
    de: () => 'Nur Mitarbeitende des Partners erhalten ein Profil.',
    it: () => 'Solo i collaboratori del partner ricevono un profilo.',
    en: () => 'Only partner staff users take a profile.',
  }),

  'api_key.not_found': entry('not_found', {
    fr: () => 'Clé d’API introuvable.',
    de: () => 'API-Schlüssel nicht gefunden.',
    it: () => 'Chiave API non trovata.',
    en: () => 'No such API key.',
  }),
  'profile.not_found': entry('not_found', {
    fr: () => 'Profil introuvable.',
    de: () => 'Profil nicht gefunden.',
    it: () => 'Profilo non trovato.',
    en: () => 'No such profile.',
  }),
  /** The profile named in a request body does not exist: the body is wrong, not the address. */
  'profile.unknown': entry('bad_request', {
    fr: () => 'Ce profil n’existe pas.',
    de: () => 'Dieses Profil gibt es nicht.',
    it: () => 'Questo profilo non esiste.',
    en: () => 'No such profile.',
  }),
  'profile.in_use': entry<{ users: number }>('conflict', {
    fr: (p, f) =>
      f.plural(p.users, {
        one: 'Ce profil est attribué à # utilisateur ; donnez-lui d’abord un autre profil.',
        other: 'Ce profil est attribué à # utilisateurs ; donnez-leur d’abord un autre profil.',
      }),
    de: (p, f) =>
      f.plural(p.users, {
        one: 'Dieses Profil ist # Benutzer zugewiesen; geben Sie ihm zuerst ein anderes Profil.',
        other: 'Dieses Profil ist # Benutzern zugewiesen; geben Sie ihnen zuerst ein anderes Profil.',
      }),
    it: (p, f) =>
      f.plural(p.users, {
        one: 'Questo profilo è assegnato a # utente; gli assegni prima un altro profilo.',
        other: 'Questo profilo è assegnato a # utenti; assegni loro prima un altro profilo.',
      }),
    en: (p, f) => f.plural(p.users, { one: 'This profile is given to # user; give them another profile first.', other: 'This profile is given to # users; give them another profile first.' }),
  }),

  'customer.not_found': entry('not_found', {
    fr: () => 'Client introuvable.',
    de: () => 'Kunde nicht gefunden.',
    it: () => 'Cliente non trovato.',
    en: () => 'No such customer.',
  }),
  'customer.inactive': entry('bad_request', {
    fr: () => 'Ce client est désactivé ; réactivez-le avant d’ajouter des appareils.',
    de: () => 'Dieser Kunde ist deaktiviert; aktivieren Sie ihn wieder, bevor Sie Geräte hinzufügen.',
    it: () => 'Questo cliente è disattivato; lo riattivi prima di aggiungere apparecchi.',
    en: () => 'This customer is deactivated; reactivate it before adding devices.',
  }),
  'customer.prefix_taken': entry<{ prefix: string }>('conflict', {
    fr: (p) => `Un autre client utilise déjà le préfixe ${p.prefix}.`,
    de: (p) => `Ein anderer Kunde verwendet bereits das Präfix ${p.prefix}.`,
    it: (p) => `Un altro cliente usa già il prefisso ${p.prefix}.`,
    en: (p) => `Another customer already uses the prefix ${p.prefix}.`,
  }),
  'customer.number_taken': entry<{ customerNumber: string }>('conflict', {
    fr: (p) => `Un autre client a déjà le numéro ${p.customerNumber}.`,
    de: (p) => `Ein anderer Kunde hat bereits die Nummer ${p.customerNumber}.`,
    it: (p) => `Un altro cliente ha già il numero ${p.customerNumber}.`,
    en: (p) => `Another customer already has the number ${p.customerNumber}.`,
  }),
  'customer.prefix_fixed': entry<{ prefix: string }>('conflict', {
    fr: (p) => `Le préfixe reste ${p.prefix} : des appareils portent déjà des numéros comme ${p.prefix}-1.`,
    de: (p) => `Das Präfix bleibt ${p.prefix}: Geräte tragen bereits Nummern wie ${p.prefix}-1.`,
    it: (p) => `Il prefisso resta ${p.prefix}: degli apparecchi hanno già numeri come ${p.prefix}-1.`,
    en: (p) => `The prefix stays ${p.prefix}: devices already carry IDs like ${p.prefix}-1.`,
  }),

  'coordinator.not_found': entry('not_found', {
    fr: () => 'Coordinateur introuvable.',
    de: () => 'Koordinator nicht gefunden.',
    it: () => 'Coordinatore non trovato.',
    en: () => 'No such coordinator.',
  }),
  'coordinator.not_active': entry('bad_request', {
    fr: () => 'Ce coordinateur n’est pas un coordinateur actif du client.',
    de: () => 'Dieser Koordinator ist kein aktiver Koordinator des Kunden.',
    it: () => 'Questo coordinatore non è un coordinatore attivo del cliente.',
    en: () => 'This coordinator is not an active coordinator of the customer.',
  }),
  'coordinator.main_inactive': entry('bad_request', {
    fr: () => 'Un coordinateur désactivé ne peut pas être le principal.',
    de: () => 'Ein deaktivierter Koordinator kann nicht der Hauptkoordinator sein.',
    it: () => 'Un coordinatore disattivato non può essere quello principale.',
    en: () => 'A deactivated coordinator cannot be the main one.',
  }),
  'coordinator.no_main_email': entry('bad_request', {
    fr: () => 'Le client n’a pas de coordinateur principal avec une adresse e-mail ; indiquez-en une.',
    de: () => 'Der Kunde hat keinen Hauptkoordinator mit E-Mail-Adresse; geben Sie eine an.',
    it: () => 'Il cliente non ha un coordinatore principale con un indirizzo e-mail; ne indichi uno.',
    en: () => 'The customer has no main coordinator with an email address; give one.',
  }),
  'coordinator.alerts_need_email': entry('bad_request', {
    fr: () => 'Les alertes de dépassement partent par e-mail : indiquez d’abord l’adresse e-mail du coordinateur.',
    de: () => 'Überschreitungswarnungen gehen per E-Mail: Geben Sie zuerst die E-Mail-Adresse des Koordinators an.',
    it: () => 'Gli avvisi di superamento partono per e-mail: indichi prima l’indirizzo e-mail del coordinatore.',
    en: () => 'Overage alerts go by email: give the coordinator’s email address first.',
  }),

  'site.not_found': entry('not_found', {
    fr: () => 'Site introuvable.',
    de: () => 'Standort nicht gefunden.',
    it: () => 'Sede non trovata.',
    en: () => 'No such site.',
  }),
  'site.name_taken': entry<{ name: string }>('conflict', {
    fr: (p, f) => `Le client a déjà un site nommé ${f.quote(p.name)}.`,
    de: (p, f) => `Der Kunde hat bereits einen Standort namens ${f.quote(p.name)}.`,
    it: (p, f) => `Il cliente ha già una sede chiamata ${f.quote(p.name)}.`,
    en: (p) => `The customer already has a site named ${p.name}.`,
  }),
  'site.not_active': entry('bad_request', {
    fr: () => 'Ce site n’est pas un site actif du client.',
    de: () => 'Dieser Standort ist kein aktiver Standort des Kunden.',
    it: () => 'Questa sede non è una sede attiva del cliente.',
    en: () => 'This site is not an active site of the customer.',
  }),
  /** What still refers to the site; each count may be 0 but not all of them. */
  'site.in_use': entry<{ devices: number; plans: number; stocks: number }>('conflict', {
    fr: (p, f) =>
      `Ce site ne peut pas être supprimé : il a encore ${f.list([
        ...(p.devices ? [f.plural(p.devices, { one: '# appareil', other: '# appareils' })] : []),
        ...(p.plans ? [f.plural(p.plans, { one: '# plan', other: '# plans' })] : []),
        ...(p.stocks ? [f.plural(p.stocks, { one: '# stock local', other: '# stocks locaux' })] : []),
      ])}. Désactivez-le plutôt ; l’historique reste.`,
    de: (p, f) =>
      `Dieser Standort kann nicht gelöscht werden: Er hat noch ${f.list([
        ...(p.devices ? [f.plural(p.devices, { one: '# Gerät', other: '# Geräte' })] : []),
        ...(p.plans ? [f.plural(p.plans, { one: '# Plan', other: '# Pläne' })] : []),
        ...(p.stocks ? [f.plural(p.stocks, { one: '# lokales Lager', other: '# lokale Lager' })] : []),
      ])}. Deaktivieren Sie ihn stattdessen; der Verlauf bleibt erhalten.`,
    it: (p, f) =>
      `Questa sede non può essere eliminata: ha ancora ${f.list([
        ...(p.devices ? [f.plural(p.devices, { one: '# apparecchio', other: '# apparecchi' })] : []),
        ...(p.plans ? [f.plural(p.plans, { one: '# planimetria', other: '# planimetrie' })] : []),
        ...(p.stocks ? [f.plural(p.stocks, { one: '# scorta locale', other: '# scorte locali' })] : []),
      ])}. La disattivi invece; la cronologia resta.`,
    en: (p, f) =>
      `This site cannot be deleted: it still has ${f.list([
        ...(p.devices ? [f.plural(p.devices, { one: '# device', other: '# devices' })] : []),
        ...(p.plans ? [f.plural(p.plans, { one: '# floor plan', other: '# floor plans' })] : []),
        ...(p.stocks ? [f.plural(p.stocks, { one: '# local stock', other: '# local stocks' })] : []),
      ])}. Deactivate it instead; its history stays.`,
  }),
  'site_import.too_large': entry<{ maximum: number }>('bad_request', {
    fr: (p, f) => `Le fichier dépasse ${f.size(p.maximum)}.`,
    de: (p, f) => `Die Datei ist grösser als ${f.size(p.maximum)}.`,
    it: (p, f) => `Il file supera ${f.size(p.maximum)}.`,
    en: (p, f) => `The file is larger than ${f.size(p.maximum)}.`,
  }),
  'site_import.empty': entry('bad_request', {
    fr: () => `Le fichier est vide : il lui faut une ligne d’en-tête comme ${SITE_HEADER.fr}.`,
    de: () => `Die Datei ist leer: Sie braucht eine Kopfzeile wie ${SITE_HEADER.en}.`,
    it: () => `Il file è vuoto: serve una riga d’intestazione come ${SITE_HEADER.en}.`,
    en: () => `The file is empty: it needs a header row such as ${SITE_HEADER.en}.`,
  }),
  'site_import.too_many_lines': entry<{ lines: number; maximum: number }>('bad_request', {
    fr: (p, f) => `Le fichier compte ${f.number(p.lines)} lignes ; importez-en au plus ${f.number(p.maximum)} à la fois.`,
    de: (p, f) => `Die Datei hat ${f.number(p.lines)} Zeilen; importieren Sie höchstens ${f.number(p.maximum)} auf einmal.`,
    it: (p, f) => `Il file ha ${f.number(p.lines)} righe; ne importi al massimo ${f.number(p.maximum)} alla volta.`,
    en: (p, f) => `The file has ${f.number(p.lines)} lines; import at most ${f.number(p.maximum)} at a time.`,
  }),
  'site_import.unknown_column': entry<{ column: string }>('bad_request', {
    fr: (p, f) => `Colonne inconnue ${f.quote(p.column)} dans l’en-tête. Utilisez ${SITE_HEADER.fr}.`,
    de: (p, f) => `Unbekannte Spalte ${f.quote(p.column)} in der Kopfzeile. Verwenden Sie ${SITE_HEADER.en}.`,
    it: (p, f) => `Colonna sconosciuta ${f.quote(p.column)} nell’intestazione. Usi ${SITE_HEADER.en}.`,
    en: (p) => `Unknown column "${p.column}" in the header. Use ${SITE_HEADER.en}.`,
  }),
  'site_import.repeated_column': entry<{ column: string }>('bad_request', {
    fr: (p, f) => `La colonne ${f.quote(p.column)} apparaît deux fois dans l’en-tête.`,
    de: (p, f) => `Die Spalte ${f.quote(p.column)} kommt in der Kopfzeile zweimal vor.`,
    it: (p, f) => `La colonna ${f.quote(p.column)} compare due volte nell’intestazione.`,
    en: (p) => `The column ${p.column} appears twice in the header.`,
  }),
  'site_import.no_name_column': entry('bad_request', {
    fr: () => 'L’en-tête n’a pas de colonne nom.',
    de: () => 'Die Kopfzeile hat keine Spalte name.',
    it: () => 'L’intestazione non ha una colonna name.',
    en: () => 'The header has no name column.',
  }),

  'partner.not_found': entry('not_found', {
    fr: () => 'Partenaire introuvable.',
    de: () => 'Partner nicht gefunden.',
    it: () => 'Partner non trovato.',
    en: () => 'No such partner.',
  }),
  'logo.not_found': entry('not_found', {
    fr: () => 'Aucun logo.',
    de: () => 'Kein Logo.',
    it: () => 'Nessun logo.',
    en: () => 'No logo.',
  }),
  'logo.empty': entry('bad_request', {
    fr: () => 'Le fichier du logo est vide.',
    de: () => 'Die Logodatei ist leer.',
    it: () => 'Il file del logo è vuoto.',
    en: () => 'The logo file is empty.',
  }),
  'logo.too_large': entry<{ maximum: number }>('bad_request', {
    fr: (p, f) => `Le logo doit peser ${f.size(p.maximum)} au plus.`,
    de: (p, f) => `Das Logo darf höchstens ${f.size(p.maximum)} gross sein.`,
    it: (p, f) => `Il logo deve pesare al massimo ${f.size(p.maximum)}.`,
    en: (p, f) => `The logo must be ${f.size(p.maximum)} or smaller.`,
  }),
  'logo.wrong_type': entry<{ contentType: string }>('bad_request', {
    fr: (p) => `Ce fichier n’est pas une image ${p.contentType}.`,
    de: (p) => `Diese Datei ist kein ${p.contentType}-Bild.`,
    it: (p) => `Questo file non è un’immagine ${p.contentType}.`,
    en: (p) => `This file is not a ${p.contentType} image.`,
  }),

  'parameter.not_found': entry('not_found', {
    fr: () => 'Paramètre introuvable.',
    de: () => 'Parameter nicht gefunden.',
    it: () => 'Parametro non trovato.',
    en: () => 'No such parameter.',
  }),
  'parameter.options_only_for_list': entry('bad_request', {
    fr: () => 'Seule une liste a des choix.',
    de: () => 'Nur eine Liste hat Auswahlwerte.',
    it: () => 'Solo un elenco ha delle scelte.',
    en: () => 'Only a list has choices.',
  }),
  'parameter.list_needs_options': entry('bad_request', {
    fr: () => 'Une liste a besoin d’au moins un choix.',
    de: () => 'Eine Liste braucht mindestens einen Auswahlwert.',
    it: () => 'Un elenco ha bisogno di almeno una scelta.',
    en: () => 'A list needs at least one choice.',
  }),
  'parameter.oid_only_for_oid': entry('bad_request', {
    fr: () => 'Seul un paramètre OID a un OID.',
    de: () => 'Nur ein OID-Parameter hat eine OID.',
    it: () => 'Solo un parametro OID ha un OID.',
    en: () => 'Only an OID parameter has an OID.',
  }),
  'parameter.read_by_agent': entry<{ name: string }>('bad_request', {
    fr: (p, f) => `${f.quote(p.name)} est lu sur l’appareil par l’agent.`,
    de: (p, f) => `${f.quote(p.name)} wird vom Agenten am Gerät ausgelesen.`,
    it: (p, f) => `${f.quote(p.name)} viene letto dall’agente sull’apparecchio.`,
    en: (p) => `${p.name} is read from the device by the agent.`,
  }),
  'parameter.not_an_option': entry<{ name: string; options: string[] }>('bad_request', {
    fr: (p, f) => `${f.quote(p.name)} doit valoir ${f.list(p.options.map(f.quote), 'or')}.`,
    de: (p, f) => `${f.quote(p.name)} muss ${f.list(p.options.map(f.quote), 'or')} sein.`,
    it: (p, f) => `${f.quote(p.name)} deve essere ${f.list(p.options.map(f.quote), 'or')}.`,
    en: (p) => `${p.name} must be one of: ${p.options.join(', ')}.`,
  }),
  'parameter.unknown': entry<{ target: 'customer' | 'device'; parameterId: string }>('bad_request', {
    fr: (p) => `Aucun paramètre ${p.target === 'customer' ? 'de client' : 'd’appareil'} ${p.parameterId}.`,
    de: (p) => `Kein ${p.target === 'customer' ? 'Kunden' : 'Geräte'}parameter ${p.parameterId}.`,
    it: (p) => `Nessun parametro ${p.target === 'customer' ? 'cliente' : 'apparecchio'} ${p.parameterId}.`,
    en: (p) => `No ${p.target} parameter ${p.parameterId}.`,
  }),
};
