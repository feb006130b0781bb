import { LANGUAGE_LOCALES, type Language, type Translations } from '../languages.ts';
import type { CounterKind } from './counters.ts';
import type { ReadingReason, ReasonCode, ReasonParams } from './reasons.ts';

/**
 * Human texts for counters and plausibility reasons, in every language. The catalogue's type
 * requires every reason code in every language, so a missing translation fails type-check.
 */

export const COUNTER_LABELS: Record<CounterKind, Translations> = {
  total: { fr: 'Compteur total', de: 'Gesamtzähler', it: 'Contatore totale', en: 'Total counter' },
  mono: { fr: 'Compteur noir-blanc', de: 'Zähler Schwarzweiss', it: 'Contatore bianco e nero', en: 'Black & white counter' },
  colour: { fr: 'Compteur couleur', de: 'Zähler Farbe', it: 'Contatore colore', en: 'Colour counter' },
  scan: { fr: 'Compteur scanner', de: 'Scanzähler', it: 'Contatore scansioni', en: 'Scan counter' },
  large: { fr: 'Compteur grand format', de: 'Zähler Grossformat', it: 'Contatore grande formato', en: 'Large-format counter' },
};

export interface MessageFormat {
  language: Language;
  /** A counter value, ungrouped, as printed on the device display. */
  count(value: number): string;
  /** A rate or ratio, at most one decimal. */
  decimal(value: number): string;
  /** A local date 'YYYY-MM-DD' as the language writes it (31.08.2026). */
  date(localDate: string): string;
  counter(kind: CounterKind): string;
}

export function messageFormat(language: Language): MessageFormat {
  const locale = LANGUAGE_LOCALES[language];
  const count = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  return {
    language,
    count: (value) => count.format(value),
    decimal: (value) => decimal.format(value),
    date: (localDate) => date.format(new Date(`${localDate}T00:00:00Z`)),
    counter: (kind) => COUNTER_LABELS[kind][language],
  };
}

type Render<C extends ReasonCode> = (params: ReasonParams<C>, format: MessageFormat) => string;
type ReasonCatalogue = { [C in ReasonCode]: Translations<Render<C>> };

const MIX_UP: Translations<(counterLabel: string) => string> = {
  fr: (label) => ` Elle correspondrait au « ${label} » : avez-vous confondu les compteurs ?`,
  de: (label) => ` Er würde zum «${label}» passen: Haben Sie die Zähler verwechselt?`,
  it: (label) => ` Corrisponderebbe al «${label}»: ha forse scambiato i contatori?`,
  en: (label) => ` It would fit the "${label}": did you mix up the counters?`,
};

/** The mix-up hint, or nothing when the value fits no other counter. */
function mixUp(params: { otherCounter: CounterKind | null }, format: MessageFormat): string {
  return params.otherCounter ? MIX_UP[format.language](format.counter(params.otherCounter)) : '';
}

const correct: Translations<() => string> = {
  fr: () => 'Compteur correct.',
  de: () => 'Zählerstand plausibel.',
  it: () => 'Contatore corretto.',
  en: () => 'Reading looks right.',
};

export const REASON_MESSAGES: ReasonCatalogue = {
  not_integer: {
    fr: () => 'Le compteur doit être un nombre entier, sans décimales ni lettres.',
    de: () => 'Der Zählerstand muss eine ganze Zahl sein, ohne Dezimalstellen oder Buchstaben.',
    it: () => 'Il contatore deve essere un numero intero, senza decimali né lettere.',
    en: () => 'The reading must be a whole number, without decimals or letters.',
  },
  negative: {
    fr: () => 'Le compteur ne peut pas être négatif.',
    de: () => 'Der Zählerstand kann nicht negativ sein.',
    it: () => 'Il contatore non può essere negativo.',
    en: () => 'The reading cannot be negative.',
  },
  too_large: {
    fr: (p, f) => `Cette valeur est trop grande pour un compteur (maximum ${f.count(p.max)}).`,
    de: (p, f) => `Dieser Wert ist zu gross für einen Zähler (höchstens ${f.count(p.max)}).`,
    it: (p, f) => `Questo valore è troppo grande per un contatore (massimo ${f.count(p.max)}).`,
    en: (p, f) => `This value is too large for a counter (at most ${f.count(p.max)}).`,
  },
  below_last: {
    fr: (p, f) => `La valeur doit être supérieure ou égale à celle du dernier compteur (${f.count(p.lastValue)}, relevé le ${f.date(p.lastDate)}).` + mixUp(p, f),
    de: (p, f) => `Der Wert muss grösser oder gleich dem letzten Zählerstand sein (${f.count(p.lastValue)}, abgelesen am ${f.date(p.lastDate)}).` + mixUp(p, f),
    it: (p, f) => `Il valore deve essere maggiore o uguale all'ultimo contatore (${f.count(p.lastValue)}, rilevato il ${f.date(p.lastDate)}).` + mixUp(p, f),
    en: (p, f) => `The value must be greater than or equal to the last reading (${f.count(p.lastValue)}, taken on ${f.date(p.lastDate)}).` + mixUp(p, f),
  },
  above_usual: {
    fr: (p, f) =>
      `Cette valeur fait ${f.count(p.pages)} pages depuis le dernier relevé (${f.count(p.lastValue)} le ${f.date(p.lastDate)}), ` +
      (p.ratio === null
        ? 'alors que cet appareil n’imprime presque rien d’habitude'
        : `soit ${f.decimal(p.ratio)} fois ce qu’il imprime d’habitude ${p.shortInterval ? 'en un mois' : 'sur cette durée'} (environ ${f.count(p.usualPages)} pages)`) +
      '. Merci de vérifier le compteur.' + mixUp(p, f),
    de: (p, f) =>
      `Dieser Wert ergibt ${f.count(p.pages)} Seiten seit der letzten Ablesung (${f.count(p.lastValue)} am ${f.date(p.lastDate)}), ` +
      (p.ratio === null
        ? 'obwohl das Gerät sonst fast nichts druckt'
        : `das ${f.decimal(p.ratio)}-fache dessen, was es ${p.shortInterval ? 'in einem Monat' : 'in dieser Zeit'} üblicherweise druckt (etwa ${f.count(p.usualPages)} Seiten)`) +
      '. Bitte prüfen Sie den Zähler.' + mixUp(p, f),
    it: (p, f) =>
      `Questo valore corrisponde a ${f.count(p.pages)} pagine dall’ultimo rilevamento (${f.count(p.lastValue)} il ${f.date(p.lastDate)}), ` +
      (p.ratio === null
        ? 'mentre di solito l’apparecchio non stampa quasi nulla'
        : `cioè ${f.decimal(p.ratio)} volte quanto stampa di solito ${p.shortInterval ? 'in un mese' : 'in questo periodo'} (circa ${f.count(p.usualPages)} pagine)`) +
      '. La preghiamo di verificare il contatore.' + mixUp(p, f),
    en: (p, f) =>
      `This value means ${f.count(p.pages)} pages since the last reading (${f.count(p.lastValue)} on ${f.date(p.lastDate)}), ` +
      (p.ratio === null
        ? 'while this device usually prints almost nothing'
        : `${f.decimal(p.ratio)} times what it usually prints ${p.shortInterval ? 'in a month' : 'over that time'} (about ${f.count(p.usualPages)} pages)`) +
      '. Please check the counter.' + mixUp(p, f),
  },
  above_class_cap: {
    fr: (p, f) =>
      `La valeur saisie est très élevée pour cet appareil : ${f.decimal(p.pagesPerWorkingDay)} pages par jour ouvré depuis le ${f.date(p.lastDate)} (plus de ${f.decimal(p.capPagesPerWorkingDay)}). Merci de vérifier ; c’est normal dans les premiers mois ou après des travaux exceptionnels.` + mixUp(p, f),
    de: (p, f) =>
      `Der eingegebene Wert ist für dieses Gerät sehr hoch: ${f.decimal(p.pagesPerWorkingDay)} Seiten pro Arbeitstag seit dem ${f.date(p.lastDate)} (mehr als ${f.decimal(p.capPagesPerWorkingDay)}). Bitte prüfen Sie ihn; in den ersten Monaten oder nach aussergewöhnlichen Druckaufträgen ist das normal.` + mixUp(p, f),
    it: (p, f) =>
      `Il valore inserito è molto alto per questo apparecchio: ${f.decimal(p.pagesPerWorkingDay)} pagine per giorno lavorativo dal ${f.date(p.lastDate)} (più di ${f.decimal(p.capPagesPerWorkingDay)}). La preghiamo di verificare; è normale nei primi mesi o dopo lavori eccezionali.` + mixUp(p, f),
    en: (p, f) =>
      `The value entered is very high for this device: ${f.decimal(p.pagesPerWorkingDay)} pages per working day since ${f.date(p.lastDate)} (more than ${f.decimal(p.capPagesPerWorkingDay)}). Please check it; this is normal in the first months or after exceptional print jobs.` + mixUp(p, f),
  },
  first_reading: {
    fr: () => 'Premier relevé enregistré pour ce compteur.',
    de: () => 'Erster Zählerstand für diesen Zähler erfasst.',
    it: () => 'Primo rilevamento registrato per questo contatore.',
    en: () => 'First reading recorded for this counter.',
  },
  unchanged: {
    fr: (p, f) => `Compteur inchangé depuis le dernier relevé du ${f.date(p.lastDate)}.`,
    de: (p, f) => `Zählerstand unverändert seit der letzten Ablesung vom ${f.date(p.lastDate)}.`,
    it: (p, f) => `Contatore invariato dall'ultimo rilevamento del ${f.date(p.lastDate)}.`,
    en: (p, f) => `Counter unchanged since the last reading on ${f.date(p.lastDate)}.`,
  },
  within_usual: correct,
  within_class_cap: correct,
  in_future: {
    fr: () => 'La date du relevé est dans le futur.',
    de: () => 'Das Datum der Ablesung liegt in der Zukunft.',
    it: () => 'La data del rilevamento è nel futuro.',
    en: () => 'The date of the reading is in the future.',
  },
  before_install: {
    fr: (p, f) => `La date du relevé est antérieure à l’installation de l’appareil (${f.date(p.installDate)}).`,
    de: (p, f) => `Das Datum der Ablesung liegt vor der Installation des Geräts (${f.date(p.installDate)}).`,
    it: (p, f) => `La data del rilevamento è precedente all’installazione dell’apparecchio (${f.date(p.installDate)}).`,
    en: (p, f) => `The reading is dated before the device was installed (${f.date(p.installDate)}).`,
  },
  above_next: {
    fr: (p, f) => `Un relevé plus récent indique ${f.count(p.nextValue)} (le ${f.date(p.nextDate)}) : à cette date, le compteur ne pouvait pas être plus élevé.`,
    de: (p, f) => `Eine spätere Ablesung zeigt ${f.count(p.nextValue)} (am ${f.date(p.nextDate)}): Zu diesem Datum kann der Zähler nicht höher gewesen sein.`,
    it: (p, f) => `Un rilevamento successivo indica ${f.count(p.nextValue)} (il ${f.date(p.nextDate)}): a questa data il contatore non poteva essere più alto.`,
    en: (p, f) => `A later reading shows ${f.count(p.nextValue)} (on ${f.date(p.nextDate)}): the counter cannot have been higher at this date.`,
  },
  settled: {
    fr: (p, f) => `Votre fournisseur a validé la valeur ${f.count(p.value)} pour ce compteur ; contactez-le pour la faire modifier.`,
    de: (p, f) => `Ihr Händler hat den Wert ${f.count(p.value)} für diesen Zähler bestätigt; wenden Sie sich für eine Änderung an ihn.`,
    it: (p, f) => `Il suo fornitore ha convalidato il valore ${f.count(p.value)} per questo contatore; lo contatti per modificarlo.`,
    en: (p, f) => `Your dealer has confirmed ${f.count(p.value)} for this counter; contact them to have it changed.`,
  },
  suspected_reset: {
    fr: (p, f) => `Valeur très inférieure au dernier relevé (${f.count(p.lastValue)} le ${f.date(p.lastDate)}) : remise à zéro ou changement de carte probable, à déclarer.`,
    de: (p, f) => `Wert weit unter der letzten Ablesung (${f.count(p.lastValue)} am ${f.date(p.lastDate)}): vermutlich ein Zählerreset oder Platinentausch, bitte erfassen.`,
    it: (p, f) => `Valore molto inferiore all’ultimo rilevamento (${f.count(p.lastValue)} il ${f.date(p.lastDate)}): probabile azzeramento o sostituzione della scheda, da dichiarare.`,
    en: (p, f) => `Far below the last reading (${f.count(p.lastValue)} on ${f.date(p.lastDate)}): probably a counter reset or board replacement, to be declared.`,
  },
  estimate: {
    fr: () => 'Estimation faite faute de relevé.',
    de: () => 'Schätzung mangels Ablesung.',
    it: () => 'Stima in mancanza di rilevamento.',
    en: () => 'Estimated for want of a reading.',
  },
};

export function reasonMessage(reason: ReadingReason, language: Language): string {
  const render = REASON_MESSAGES[reason.code][language] as Render<typeof reason.code>;
  return render(reason.params as never, messageFormat(language));
}
