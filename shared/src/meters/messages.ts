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
      `La valeur saisie est considérablement supérieure à votre consommation habituelle : ${f.decimal(p.pagesPerWorkingDay)} pages par jour ouvré depuis le ${f.date(p.lastDate)}` +
      (p.ratio === null ? ', alors que l’appareil n’imprime presque rien d’habitude' : `, soit ${f.decimal(p.ratio)} × l’habituel (${f.decimal(p.usualPagesPerWorkingDay)})`) +
      '. Merci de vérifier.' + mixUp(p, f),
    de: (p, f) =>
      `Der eingegebene Wert liegt deutlich über Ihrem üblichen Verbrauch: ${f.decimal(p.pagesPerWorkingDay)} Seiten pro Arbeitstag seit dem ${f.date(p.lastDate)}` +
      (p.ratio === null ? ', obwohl das Gerät sonst fast nichts druckt' : `, das ${f.decimal(p.ratio)}-fache des Üblichen (${f.decimal(p.usualPagesPerWorkingDay)})`) +
      '. Bitte prüfen Sie ihn.' + mixUp(p, f),
    it: (p, f) =>
      `Il valore inserito è molto superiore al suo consumo abituale: ${f.decimal(p.pagesPerWorkingDay)} pagine per giorno lavorativo dal ${f.date(p.lastDate)}` +
      (p.ratio === null ? ', mentre di solito l’apparecchio non stampa quasi nulla' : `, cioè ${f.decimal(p.ratio)} × il consueto (${f.decimal(p.usualPagesPerWorkingDay)})`) +
      '. La preghiamo di verificare.' + mixUp(p, f),
    en: (p, f) =>
      `The value entered is well above your usual consumption: ${f.decimal(p.pagesPerWorkingDay)} pages per working day since ${f.date(p.lastDate)}` +
      (p.ratio === null ? ', while the device usually prints almost nothing' : `, ${f.decimal(p.ratio)} × the usual (${f.decimal(p.usualPagesPerWorkingDay)})`) +
      '. Please check it.' + mixUp(p, f),
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
};

export function reasonMessage(reason: ReadingReason, language: Language): string {
  const render = REASON_MESSAGES[reason.code][language] as Render<typeof reason.code>;
  return render(reason.params as never, messageFormat(language));
}
