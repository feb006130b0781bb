import type { Screen } from '../contracts/profiles.ts';
import type { Translations } from '../languages.ts';
import { entry } from './entry.ts';
import type { ErrorFormat } from './format.ts';

/**
 * Errors of any request: sessions and access, unreadable or invalid input (zod issues), database
 * constraints, the server's own failure, signing in and passwords.
 */

/** The field at fault ('customerIds', 'snmp.community'), absent when the whole request is. */
interface Field {
  field?: string;
}

/** '“email”: text' when a field is named, 'Text' otherwise. */
function about(field: string | undefined, text: string, format: ErrorFormat): string {
  if (!field) return text.charAt(0).toUpperCase() + text.slice(1);
  return `${format.quote(field)}${format.language === 'fr' ? ' : ' : ': '}${text}`;
}

const TYPE_NAMES: Record<string, Translations> = {
  string: { fr: 'un texte', de: 'ein Text', it: 'un testo', en: 'a text' },
  number: { fr: 'un nombre', de: 'eine Zahl', it: 'un numero', en: 'a number' },
  int: { fr: 'un nombre entier', de: 'eine ganze Zahl', it: 'un numero intero', en: 'a whole number' },
  boolean: { fr: 'oui ou non (true/false)', de: 'Ja oder Nein (true/false)', it: 'sì o no (true/false)', en: 'yes or no (true/false)' },
  array: { fr: 'une liste', de: 'eine Liste', it: 'un elenco', en: 'a list' },
  object: { fr: 'un objet', de: 'ein Objekt', it: 'un oggetto', en: 'an object' },
  date: { fr: 'une date', de: 'ein Datum', it: 'una data', en: 'a date' },
};

const typeName = (expected: string, format: ErrorFormat) => TYPE_NAMES[expected]?.[format.language] ?? format.quote(expected);

/** What a zod size check measured: characters of a text, entries of a list, or a number. */
type Origin = 'string' | 'array' | 'set' | 'number' | 'int' | 'bigint' | 'file' | 'date' | (string & {});
interface Bound extends Field {
  origin: Origin;
  inclusive: boolean;
  exact: boolean;
}

const UNITS: Record<'string' | 'array', Translations<{ one: string; other: string }>> = {
  string: {
    fr: { one: '# caractère', other: '# caractères' },
    de: { one: '# Zeichen', other: '# Zeichen' },
    it: { one: '# carattere', other: '# caratteri' },
    en: { one: '# character', other: '# characters' },
  },
  array: {
    fr: { one: '# élément', other: '# éléments' },
    de: { one: '# Eintrag', other: '# Einträge' },
    it: { one: '# elemento', other: '# elementi' },
    en: { one: '# entry', other: '# entries' },
  },
};

/** '3 characters', '2 entries', '5 MB' or '10', as the origin counts. */
function amount(origin: Origin, value: number, format: ErrorFormat): string {
  if (origin === 'string') return format.plural(value, UNITS.string[format.language]);
  if (origin === 'array' || origin === 'set') return format.plural(value, UNITS.array[format.language]);
  if (origin === 'file') return format.size(value);
  return format.number(value);
}

const FORMAT_NAMES: Record<string, Translations> = {
  email: { fr: 'une adresse e-mail valable', de: 'eine gültige E-Mail-Adresse', it: 'un indirizzo e-mail valido', en: 'a valid email address' },
  url: { fr: 'une adresse web valable', de: 'eine gültige Webadresse', it: 'un indirizzo web valido', en: 'a valid web address' },
  uuid: { fr: 'un identifiant (UUID)', de: 'eine Kennung (UUID)', it: 'un identificativo (UUID)', en: 'an identifier (UUID)' },
  date: { fr: 'une date AAAA-MM-JJ', de: 'ein Datum JJJJ-MM-TT', it: 'una data AAAA-MM-GG', en: 'a date YYYY-MM-DD' },
  datetime: { fr: 'une date et heure ISO 8601', de: 'ein Zeitpunkt nach ISO 8601', it: 'una data e ora ISO 8601', en: 'an ISO 8601 date and time' },
  time: { fr: 'une heure HH:MM', de: 'eine Uhrzeit HH:MM', it: 'un orario HH:MM', en: 'a time HH:MM' },
};

const formatName = (format: string, f: ErrorFormat) => FORMAT_NAMES[format === 'guid' ? 'uuid' : format]?.[f.language];

const SCREEN_NAMES: Record<Screen, Translations> = {
  dashboard: { fr: 'Tableau de bord', de: 'Dashboard', it: 'Cruscotto', en: 'Dashboard' },
  customers: { fr: 'Clients', de: 'Kunden', it: 'Clienti', en: 'Customers' },
  devices: { fr: 'Appareils', de: 'Geräte', it: 'Apparecchi', en: 'Devices' },
  readings: { fr: 'Relevés', de: 'Zählerstände', it: 'Rilevamenti', en: 'Readings' },
  maintenance: { fr: 'Maintenance', de: 'Wartung', it: 'Manutenzione', en: 'Maintenance' },
  consumables: { fr: 'Consommables', de: 'Verbrauchsmaterial', it: 'Materiali di consumo', en: 'Consumables' },
  billing: { fr: 'Facturation', de: 'Abrechnung', it: 'Fatturazione', en: 'Billing' },
  reports: { fr: 'Rapports', de: 'Berichte', it: 'Rapporti', en: 'Reports' },
  agents: { fr: 'Agents', de: 'Agenten', it: 'Agenti', en: 'Agents' },
  users: { fr: 'Utilisateurs', de: 'Benutzer', it: 'Utenti', en: 'Users' },
  settings: { fr: 'Paramètres', de: 'Einstellungen', it: 'Impostazioni', en: 'Settings' },
};

const screen = (name: Screen, format: ErrorFormat) => format.quote(SCREEN_NAMES[name][format.language]);

const ASK_NEW_LINK: Translations = {
  fr: 'Demandez-en un nouveau depuis la page de connexion.',
  de: 'Fordern Sie auf der Anmeldeseite einen neuen an.',
  it: 'Ne richieda uno nuovo dalla pagina di accesso.',
  en: 'Ask for a new one from the sign-in page.',
};

const HARDER: Translations = {
  fr: 'choisissez quelque chose de plus difficile à deviner.',
  de: 'Wählen Sie etwas, das schwerer zu erraten ist.',
  it: 'scelga qualcosa di più difficile da indovinare.',
  en: 'choose something harder to guess.',
};

export const REQUEST_ERRORS = {
  'session.required': entry('unauthenticated', {
    fr: () => 'Veuillez vous connecter.',
    de: () => 'Bitte melden Sie sich an.',
    it: () => 'La preghiamo di accedere.',
    en: () => 'Please sign in.',
  }),
  'session.ended': entry('unauthenticated', {
    fr: () => 'Votre session a pris fin ; veuillez vous reconnecter.',
    de: () => 'Ihre Sitzung ist abgelaufen; bitte melden Sie sich erneut an.',
    it: () => 'La sessione è terminata; la preghiamo di accedere di nuovo.',
    en: () => 'Your session has ended; please sign in again.',
  }),
  'access.role': entry('forbidden', {
    fr: () => 'Votre rôle ne donne pas accès à ceci.',
    de: () => 'Ihre Rolle gibt keinen Zugang dazu.',
    it: () => 'Il suo ruolo non dà accesso a questo.',
    en: () => 'Your role does not give access to this.',
  }),
  'access.profile': entry<{ screen: Screen; level: 'view' | 'edit' }>('forbidden', {
    fr: (p, f) => `Votre profil ne permet pas ${p.level === 'edit' ? 'de modifier' : 'd’accéder à'} ${screen(p.screen, f)}.`,
    de: (p, f) => `Ihr Profil erlaubt ${p.level === 'edit' ? 'keine Änderungen in' : 'keinen Zugang zu'} ${screen(p.screen, f)}.`,
    it: (p, f) => `Il suo profilo non consente ${p.level === 'edit' ? 'modifiche in' : 'l’accesso a'} ${screen(p.screen, f)}.`,
    en: (p, f) => `Your profile does not allow ${p.level === 'edit' ? 'changes' : 'access'} to ${screen(p.screen, f)}.`,
  }),
  /** An `Authorization` header that is not `Bearer parc_…`, or a key no dealer holds. */
  'api_key.invalid': entry('unauthenticated', {
    fr: () => 'Cette clé d’API n’est pas valable ; envoyez-la sous la forme « Authorization: Bearer parc_… ».',
    de: () => 'Dieser API-Schlüssel ist ungültig; senden Sie ihn als «Authorization: Bearer parc_…».',
    it: () => 'Questa chiave API non è valida; la invii come «Authorization: Bearer parc_…».',
    en: () => 'This API key is not valid; send it as “Authorization: Bearer parc_…”.',
  }),
  'api_key.revoked': entry('unauthenticated', {
    fr: () => 'Cette clé d’API a été révoquée.',
    de: () => 'Dieser API-Schlüssel wurde widerrufen.',
    it: () => 'Questa chiave API è stata revocata.',
    en: () => 'This API key has been revoked.',
  }),
  'api_key.creator_inactive': entry('unauthenticated', {
    fr: () => 'La personne qui a créé cette clé d’API n’est plus active : la clé ne fonctionne plus.',
    de: () => 'Die Person, die diesen API-Schlüssel erstellt hat, ist nicht mehr aktiv: Der Schlüssel funktioniert nicht mehr.',
    it: () => 'La persona che ha creato questa chiave API non è più attiva: la chiave non funziona più.',
    en: () => 'The person who created this API key is no longer active: the key no longer works.',
  }),
  'api_key.read_only': entry('forbidden', {
    fr: () => 'Cette clé d’API ne permet que la lecture.',
    de: () => 'Dieser API-Schlüssel erlaubt nur das Lesen.',
    it: () => 'Questa chiave API consente solo la lettura.',
    en: () => 'This API key may only read.',
  }),
  /** Signing out, one's own account and API keys themselves are for a person signed in, never for a key. */
  'api_key.session_only': entry('forbidden', {
    fr: () => 'Ceci n’est possible qu’en étant connecté, pas avec une clé d’API.',
    de: () => 'Dies ist nur angemeldet möglich, nicht mit einem API-Schlüssel.',
    it: () => 'Questo è possibile solo dopo aver effettuato l’accesso, non con una chiave API.',
    en: () => 'This needs a signed-in person, not an API key.',
  }),
  'request.foreign_origin': entry('forbidden', {
    fr: () => 'Cette modification ne venait pas d’une page de Parc et a été refusée.',
    de: () => 'Diese Änderung kam nicht von einer Seite von Parc und wurde abgelehnt.',
    it: () => 'Questa modifica non proveniva da una pagina di Parc ed è stata rifiutata.',
    en: () => 'This change did not come from a Parc page and was refused.',
  }),
  /** A body over the route's limit, refused before it is read in full. */
  'request.too_large': entry<{ maximum: number }>('too_large', {
    fr: (p, f) => `La requête dépasse ${f.size(p.maximum)} et a été refusée.`,
    de: (p, f) => `Die Anfrage ist grösser als ${f.size(p.maximum)} und wurde abgelehnt.`,
    it: (p, f) => `La richiesta supera ${f.size(p.maximum)} ed è stata rifiutata.`,
    en: (p, f) => `The request is larger than ${f.size(p.maximum)} and was refused.`,
  }),
  /** A body the framework could not read (not JSON, wrong content type); `detail` is its English words. */
  'request.unreadable': entry<{ detail: string }>('bad_request', {
    fr: () => 'La requête n’a pas pu être lue.',
    de: () => 'Die Anfrage konnte nicht gelesen werden.',
    it: () => 'Non è stato possibile leggere la richiesta.',
    en: (p) => `The request could not be read: ${p.detail}.`,
  }),
  'route.not_found': entry('not_found', {
    fr: () => 'Cette adresse n’existe pas.',
    de: () => 'Diese Adresse gibt es nicht.',
    it: () => 'Questo indirizzo non esiste.',
    en: () => 'No such route.',
  }),
  'server.internal': entry('internal', {
    fr: () => 'Une erreur est survenue de notre côté ; rien n’a été enregistré. Veuillez réessayer.',
    de: () => 'Auf unserer Seite ist ein Fehler aufgetreten; nichts wurde gespeichert. Bitte versuchen Sie es erneut.',
    it: () => 'Si è verificato un errore da parte nostra; nulla è stato salvato. La preghiamo di riprovare.',
    en: () => 'Something went wrong on our side; nothing was saved. Please try again.',
  }),
  'mail.not_sent': entry<{ to: string; detail: string }>('internal', {
    fr: (p) => `L’e-mail à ${p.to} n’a pas pu être envoyé (${p.detail}).`,
    de: (p) => `Die E-Mail an ${p.to} konnte nicht gesendet werden (${p.detail}).`,
    it: (p) => `Non è stato possibile inviare l’e-mail a ${p.to} (${p.detail}).`,
    en: (p) => `The email to ${p.to} could not be sent (${p.detail}).`,
  }),

  // Input refused by a route's schema: one key per zod issue code.
  'validation.invalid_type': entry<Field & { expected: string }>('bad_request', {
    fr: (p, f) => about(p.field, `il faut ${typeName(p.expected, f)}.`, f),
    de: (p, f) => about(p.field, `Erwartet wird ${typeName(p.expected, f)}.`, f),
    it: (p, f) => about(p.field, `serve ${typeName(p.expected, f)}.`, f),
    en: (p, f) => about(p.field, `${typeName(p.expected, f)} is expected.`, f),
  }),
  'validation.too_small': entry<Bound & { minimum: number }>('bad_request', {
    fr: (p, f) =>
      about(p.field, p.origin === 'string' && p.minimum === 1 ? 'ne doit pas être vide.' : p.exact ? `exactement ${amount(p.origin, p.minimum, f)} attendus.` : `${p.inclusive ? 'au moins' : 'plus de'} ${amount(p.origin, p.minimum, f)}.`, f),
    de: (p, f) =>
      about(p.field, p.origin === 'string' && p.minimum === 1 ? 'Darf nicht leer sein.' : p.exact ? `Genau ${amount(p.origin, p.minimum, f)} erwartet.` : `${p.inclusive ? 'Mindestens' : 'Mehr als'} ${amount(p.origin, p.minimum, f)}.`, f),
    it: (p, f) =>
      about(p.field, p.origin === 'string' && p.minimum === 1 ? 'non può essere vuoto.' : p.exact ? `attesi esattamente ${amount(p.origin, p.minimum, f)}.` : `${p.inclusive ? 'almeno' : 'più di'} ${amount(p.origin, p.minimum, f)}.`, f),
    en: (p, f) =>
      about(p.field, p.origin === 'string' && p.minimum === 1 ? 'must not be empty.' : p.exact ? `exactly ${amount(p.origin, p.minimum, f)} expected.` : `${p.inclusive ? 'at least' : 'more than'} ${amount(p.origin, p.minimum, f)} expected.`, f),
  }),
  'validation.too_big': entry<Bound & { maximum: number }>('bad_request', {
    fr: (p, f) => about(p.field, p.exact ? `exactement ${amount(p.origin, p.maximum, f)} attendus.` : `${p.inclusive ? 'au plus' : 'moins de'} ${amount(p.origin, p.maximum, f)}.`, f),
    de: (p, f) => about(p.field, p.exact ? `Genau ${amount(p.origin, p.maximum, f)} erwartet.` : `${p.inclusive ? 'Höchstens' : 'Weniger als'} ${amount(p.origin, p.maximum, f)}.`, f),
    it: (p, f) => about(p.field, p.exact ? `attesi esattamente ${amount(p.origin, p.maximum, f)}.` : `${p.inclusive ? 'al massimo' : 'meno di'} ${amount(p.origin, p.maximum, f)}.`, f),
    en: (p, f) => about(p.field, p.exact ? `exactly ${amount(p.origin, p.maximum, f)} expected.` : `${p.inclusive ? 'at most' : 'less than'} ${amount(p.origin, p.maximum, f)} expected.`, f),
  }),
  'validation.invalid_format': entry<Field & { format: string }>('bad_request', {
    fr: (p, f) => about(p.field, formatName(p.format, f) ? `il faut ${formatName(p.format, f)}.` : 'le format n’est pas celui attendu.', f),
    de: (p, f) => about(p.field, formatName(p.format, f) ? `Erwartet wird ${formatName(p.format, f)}.` : 'Das Format stimmt nicht.', f),
    it: (p, f) => about(p.field, formatName(p.format, f) ? `serve ${formatName(p.format, f)}.` : 'il formato non è quello atteso.', f),
    en: (p, f) => about(p.field, formatName(p.format, f) ? `${formatName(p.format, f)} is expected.` : `the format is not the expected one (${p.format}).`, f),
  }),
  'validation.invalid_value': entry<Field & { values: string[] }>('bad_request', {
    fr: (p, f) => about(p.field, `doit valoir ${f.list(p.values.map(f.quote), 'or')}.`, f),
    de: (p, f) => about(p.field, `Muss ${f.list(p.values.map(f.quote), 'or')} sein.`, f),
    it: (p, f) => about(p.field, `deve essere ${f.list(p.values.map(f.quote), 'or')}.`, f),
    en: (p, f) => about(p.field, `must be ${f.list(p.values.map(f.quote), 'or')}.`, f),
  }),
  'validation.unrecognized_keys': entry<Field & { keys: string[] }>('bad_request', {
    fr: (p, f) => about(p.field, `${f.plural(p.keys.length, { one: 'champ inconnu', other: 'champs inconnus' })} : ${f.list(p.keys.map(f.quote))}.`, f),
    de: (p, f) => about(p.field, `${f.plural(p.keys.length, { one: 'Unbekanntes Feld', other: 'Unbekannte Felder' })}: ${f.list(p.keys.map(f.quote))}.`, f),
    it: (p, f) => about(p.field, `${f.plural(p.keys.length, { one: 'campo sconosciuto', other: 'campi sconosciuti' })}: ${f.list(p.keys.map(f.quote))}.`, f),
    en: (p, f) => about(p.field, `unknown ${f.plural(p.keys.length, { one: 'field', other: 'fields' })}: ${f.list(p.keys.map(f.quote))}.`, f),
  }),
  'validation.not_multiple_of': entry<Field & { divisor: number }>('bad_request', {
    fr: (p, f) => about(p.field, `il faut un multiple de ${f.number(p.divisor)}.`, f),
    de: (p, f) => about(p.field, `Erwartet wird ein Vielfaches von ${f.number(p.divisor)}.`, f),
    it: (p, f) => about(p.field, `serve un multiplo di ${f.number(p.divisor)}.`, f),
    en: (p, f) => about(p.field, `a multiple of ${f.number(p.divisor)} is expected.`, f),
  }),
  /** A rule of the schema itself (a refinement); `detail` is the English rule as the schema words it. */
  'validation.custom': entry<Field & { detail: string }>('bad_request', {
    fr: (p, f) => about(p.field, 'cette valeur n’est pas acceptée.', f),
    de: (p, f) => about(p.field, 'Dieser Wert wird nicht akzeptiert.', f),
    it: (p, f) => about(p.field, 'questo valore non è accettato.', f),
    en: (p, f) => about(p.field, p.detail.replace(/\.?$/, '.'), f),
  }),
  /** Any other issue (no union member matched, a bad key or element). */
  'validation.invalid': entry<Field>('bad_request', {
    fr: (p, f) => about(p.field, 'cette valeur n’est pas valable.', f),
    de: (p, f) => about(p.field, 'Dieser Wert ist ungültig.', f),
    it: (p, f) => about(p.field, 'questo valore non è valido.', f),
    en: (p, f) => about(p.field, 'this value is not valid.', f),
  }),

  /** Text no field may hold: a NUL character or half of a UTF-16 surrogate pair (what a broken client or a fuzzer sends). */
  'validation.bad_text': entry<Field>('bad_request', {
    fr: (p, f) => about(p.field, 'contient un caractère invalide.', f),
    de: (p, f) => about(p.field, 'Enthält ein ungültiges Zeichen.', f),
    it: (p, f) => about(p.field, 'contiene un carattere non valido.', f),
    en: (p, f) => about(p.field, 'contains an invalid character.', f),
  }),

  // PostgreSQL constraints that reach the edge; `constraint` names the one at fault, when known.
  'database.duplicate': entry<{ constraint: string | null }>('conflict', {
    fr: (p) => `Cela ferait doublon avec un enregistrement existant (${p.constraint ?? 'valeur unique'}).`,
    de: (p) => `Das würde einen bestehenden Eintrag doppeln (${p.constraint ?? 'eindeutiger Wert'}).`,
    it: (p) => `Questo duplicherebbe un record esistente (${p.constraint ?? 'valore univoco'}).`,
    en: (p) => `This would duplicate an existing record (${p.constraint ?? 'unique value'}).`,
  }),
  'database.missing_reference': entry<{ constraint: string | null }>('bad_request', {
    fr: (p) => `Un enregistrement référencé n’existe pas (${p.constraint ?? 'clé étrangère'}).`,
    de: (p) => `Ein referenzierter Eintrag existiert nicht (${p.constraint ?? 'Fremdschlüssel'}).`,
    it: (p) => `Un record referenziato non esiste (${p.constraint ?? 'chiave esterna'}).`,
    en: (p) => `A referenced record does not exist (${p.constraint ?? 'foreign key'}).`,
  }),
  'database.out_of_range': entry<{ constraint: string | null }>('bad_request', {
    fr: (p) => `Une valeur sort de la plage admise (${p.constraint ?? 'contrôle'}).`,
    de: (p) => `Ein Wert liegt ausserhalb des zulässigen Bereichs (${p.constraint ?? 'Prüfung'}).`,
    it: (p) => `Un valore è fuori dall’intervallo ammesso (${p.constraint ?? 'controllo'}).`,
    en: (p) => `A value is out of the allowed range (${p.constraint ?? 'check'}).`,
  }),
  'database.bad_value': entry('bad_request', {
    fr: () => 'Une valeur n’a pas la forme attendue ou est trop grande pour être enregistrée.',
    de: () => 'Ein Wert hat nicht die erwartete Form oder ist zu gross, um gespeichert zu werden.',
    it: () => 'Un valore non ha la forma attesa o è troppo grande per essere salvato.',
    en: () => 'A value does not have the expected form or is too large to be stored.',
  }),
  'database.number_too_large': entry('bad_request', {
    fr: () => 'Un nombre est trop grand.',
    de: () => 'Eine Zahl ist zu gross.',
    it: () => 'Un numero è troppo grande.',
    en: () => 'A number is too large.',
  }),

  'auth.wrong_credentials': entry('unauthenticated', {
    fr: () => 'Adresse e-mail ou mot de passe incorrect.',
    de: () => 'E-Mail-Adresse oder Passwort ist falsch.',
    it: () => 'Indirizzo e-mail o password errati.',
    en: () => 'The email or password is incorrect.',
  }),
  /** Too many wrong passwords for one account (known or not, the same answer): it waits, or its owner resets the password. */
  'auth.account_held': entry<{ minutes: number; retryAfterSeconds: number }>('rate_limited', {
    fr: (p, f) => `Trop de mots de passe erronés pour ce compte. Réessayez dans ${f.plural(p.minutes, { one: '# minute', other: '# minutes' })} ou réinitialisez votre mot de passe.`,
    de: (p, f) => `Zu viele falsche Passwörter für dieses Konto. Versuchen Sie es in ${f.plural(p.minutes, { one: '# Minute', other: '# Minuten' })} erneut oder setzen Sie Ihr Passwort zurück.`,
    it: (p, f) => `Troppe password errate per questo account. Riprovi tra ${f.plural(p.minutes, { one: '# minuto', other: '# minuti' })} o reimposti la password.`,
    en: (p, f) => `Too many wrong passwords for this account. Try again in ${f.plural(p.minutes, { one: '# minute', other: '# minutes' })}, or reset your password.`,
  }),
  /** `minutes` to wait, rounded up; `retryAfterSeconds` the exact wait. */
  'auth.too_many_attempts': entry<{ minutes: number; retryAfterSeconds: number }>('rate_limited', {
    fr: (p, f) => `Trop de tentatives. Veuillez attendre ${f.plural(p.minutes, { one: '# minute', other: '# minutes' })} et réessayer.`,
    de: (p, f) => `Zu viele Versuche. Bitte warten Sie ${f.plural(p.minutes, { one: '# Minute', other: '# Minuten' })} und versuchen Sie es erneut.`,
    it: (p, f) => `Troppi tentativi. La preghiamo di attendere ${f.plural(p.minutes, { one: '# minuto', other: '# minuti' })} e riprovare.`,
    en: (p, f) => `Too many attempts. Please wait ${f.plural(p.minutes, { one: '# minute', other: '# minutes' })} and try again.`,
  }),
  'auth.deactivated': entry('forbidden', {
    fr: () => 'Ce compte a été désactivé ; demandez à votre administrateur de le réactiver.',
    de: () => 'Dieses Konto wurde deaktiviert; bitten Sie Ihre Administratorin oder Ihren Administrator, es wieder zu aktivieren.',
    it: () => 'Questo account è stato disattivato; chieda al suo amministratore di riattivarlo.',
    en: () => 'This account has been deactivated; ask your administrator to reactivate it.',
  }),
  'auth.reset_link_invalid': entry('bad_request', {
    fr: () => `Ce lien de mot de passe n’est pas valable. ${ASK_NEW_LINK.fr}`,
    de: () => `Dieser Passwort-Link ist ungültig. ${ASK_NEW_LINK.de}`,
    it: () => `Questo link per la password non è valido. ${ASK_NEW_LINK.it}`,
    en: () => `This password link is not valid. ${ASK_NEW_LINK.en}`,
  }),
  'auth.reset_link_used': entry('bad_request', {
    fr: () => `Ce lien de mot de passe a déjà été utilisé. ${ASK_NEW_LINK.fr}`,
    de: () => `Dieser Passwort-Link wurde bereits verwendet. ${ASK_NEW_LINK.de}`,
    it: () => `Questo link per la password è già stato usato. ${ASK_NEW_LINK.it}`,
    en: () => `This password link has already been used. ${ASK_NEW_LINK.en}`,
  }),
  'auth.password_opens_other_account': entry('bad_request', {
    fr: () => 'Cette adresse a déjà un compte Parc chez un autre revendeur avec ce mot de passe. Choisissez-en un autre : chaque mot de passe ouvre son propre compte.',
    de: () => 'Diese Adresse hat bei einem anderen Händler bereits ein Parc-Konto mit diesem Passwort. Wählen Sie ein anderes: Jedes Passwort öffnet sein eigenes Konto.',
    it: () => 'Questo indirizzo ha già un account Parc presso un altro rivenditore con questa password. Ne scelga un’altra: ogni password apre il proprio account.',
    en: () => 'This address already has a Parc account at another dealer with this password. Choose another one: each password opens its own account.',
  }),
  'auth.reset_link_expired': entry('bad_request', {
    fr: () => `Ce lien de mot de passe a expiré. ${ASK_NEW_LINK.fr}`,
    de: () => `Dieser Passwort-Link ist abgelaufen. ${ASK_NEW_LINK.de}`,
    it: () => `Questo link per la password è scaduto. ${ASK_NEW_LINK.it}`,
    en: () => `This password link has expired. ${ASK_NEW_LINK.en}`,
  }),

  'password.too_short': entry<{ minimum: number }>('bad_request', {
    fr: (p, f) => `Le mot de passe doit compter au moins ${f.number(p.minimum)} caractères.`,
    de: (p, f) => `Das Passwort braucht mindestens ${f.number(p.minimum)} Zeichen.`,
    it: (p, f) => `La password deve avere almeno ${f.number(p.minimum)} caratteri.`,
    en: (p, f) => `The password needs at least ${f.number(p.minimum)} characters.`,
  }),
  'password.too_long': entry<{ maximum: number }>('bad_request', {
    fr: (p, f) => `Le mot de passe peut compter au plus ${f.number(p.maximum)} caractères.`,
    de: (p, f) => `Das Passwort darf höchstens ${f.number(p.maximum)} Zeichen haben.`,
    it: (p, f) => `La password può avere al massimo ${f.number(p.maximum)} caratteri.`,
    en: (p, f) => `The password may have at most ${f.number(p.maximum)} characters.`,
  }),
  'password.too_few_characters': entry('bad_request', {
    fr: () => `Le mot de passe répète trop peu de caractères ; ${HARDER.fr}`,
    de: () => `Das Passwort besteht aus zu wenigen verschiedenen Zeichen. ${HARDER.de}`,
    it: () => `La password ripete troppo pochi caratteri; ${HARDER.it}`,
    en: () => `The password repeats too few characters; ${HARDER.en}`,
  }),
  'password.sequence': entry('bad_request', {
    fr: () => `Le mot de passe est une suite du clavier ou de l’alphabet ; ${HARDER.fr}`,
    de: () => `Das Passwort ist eine Tastatur- oder Alphabetfolge. ${HARDER.de}`,
    it: () => `La password è una sequenza della tastiera o dell’alfabeto; ${HARDER.it}`,
    en: () => `The password is a keyboard or alphabet sequence; ${HARDER.en}`,
  }),
  'password.common': entry('bad_request', {
    fr: () => `Le mot de passe est l’un des plus courants ; ${HARDER.fr}`,
    de: () => `Das Passwort gehört zu den häufigsten. ${HARDER.de}`,
    it: () => `La password è tra le più comuni; ${HARDER.it}`,
    en: () => `The password is one of the most common ones; ${HARDER.en}`,
  }),
  'password.contains_email': entry('bad_request', {
    fr: () => 'Le mot de passe ne doit pas contenir votre adresse e-mail.',
    de: () => 'Das Passwort darf Ihre E-Mail-Adresse nicht enthalten.',
    it: () => 'La password non deve contenere il suo indirizzo e-mail.',
    en: () => 'The password must not contain your email address.',
  }),
};
