import { entry } from './entry.ts';

/** Errors about notification rules and their email templates. */

export const NOTIFICATION_ERRORS = {
  'notice_template.unknown_placeholder': entry<{ placeholder: string }>('bad_request', {
    fr: (p) => `« {${p.placeholder}} » n’est pas un champ de cette notification : choisissez-en un dans la liste.`,
    de: (p) => `«{${p.placeholder}}» ist kein Feld dieser Benachrichtigung: Wählen Sie eines aus der Liste.`,
    it: (p) => `«{${p.placeholder}}» non è un campo di questa notifica: sceglietene uno dall’elenco.`,
    en: (p) => `"{${p.placeholder}}" is not a field of this notification: pick one from the list.`,
  }),
  'notice_template.unclosed_brace': entry('bad_request', {
    fr: () => 'Une accolade n’est pas fermée : un champ s’écrit {nom.du.champ}.',
    de: () => 'Eine geschweifte Klammer ist nicht geschlossen: Ein Feld schreibt sich {name.des.feldes}.',
    it: () => 'Una parentesi graffa non è chiusa: un campo si scrive {nome.del.campo}.',
    en: () => 'A brace is not closed: a field is written {field.name}.',
  }),
  'notice_template.empty': entry('bad_request', {
    fr: () => 'L’objet et le message ne peuvent pas être vides.',
    de: () => 'Betreff und Nachricht dürfen nicht leer sein.',
    it: () => 'L’oggetto e il messaggio non possono essere vuoti.',
    en: () => 'The subject and the message cannot be empty.',
  }),
  'notice_rule.threshold': entry<{ min: number; max: number }>('bad_request', {
    fr: (p, f) => `Le seuil doit être compris entre ${f.number(p.min)} et ${f.number(p.max)}.`,
    de: (p, f) => `Der Schwellenwert muss zwischen ${f.number(p.min)} und ${f.number(p.max)} liegen.`,
    it: (p, f) => `La soglia deve essere compresa tra ${f.number(p.min)} e ${f.number(p.max)}.`,
    en: (p, f) => `The threshold must be between ${f.number(p.min)} and ${f.number(p.max)}.`,
  }),
  'notice_rule.no_recipient': entry('bad_request', {
    fr: () => 'Une notification active a besoin d’au moins un destinataire.',
    de: () => 'Eine aktive Benachrichtigung braucht mindestens einen Empfänger.',
    it: () => 'Una notifica attiva ha bisogno di almeno un destinatario.',
    en: () => 'A notification that is on needs at least one recipient.',
  }),
  'notice_rule.no_complexity': entry('bad_request', {
    fr: () => 'Choisissez au moins un degré de complexité pour les alertes.',
    de: () => 'Wählen Sie für die Meldungen mindestens einen Schwierigkeitsgrad.',
    it: () => 'Scegliete almeno un grado di complessità per gli avvisi.',
    en: () => 'Pick at least one complexity for the alerts.',
  }),
};
