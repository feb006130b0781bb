import type { Translations } from '@parc/shared';
import { roundedForecast } from '@parc/shared/billing/forecast';
import type { BilledKind } from '@parc/shared/billing/pricing';
import { localDateKey } from '@parc/shared/meters/periods';
import { formatCount, formatDayMonth, formatDayRange } from '../format.ts';
import { defineTemplate, type CommonProps } from '../layout.ts';

/** A counter kind whose projected pages go beyond the included ones. */
export interface OverageKind {
  counter: BilledKind;
  pagesSoFar: number;
  projectedPages: number;
  included: number;
  projectedOverage: number;
  /** The local day (YYYY-MM-DD) the included pages run out at this pace. */
  crossingDay: string | null;
}

/**
 * To a customer's coordinator who opted in, once per billing period and kind: at the pace so far,
 * the period's pages will go beyond the included ones. Pages only: the amounts are the dealer's to tell.
 */
export interface OverageForecastProps extends CommonProps {
  customerNumber: string;
  periodStart: Date;
  /** Exclusive. */
  periodEnd: Date;
  /** The customer's zone: the period's days and the crossing days are its local days. */
  timeZone: string;
  kinds: readonly OverageKind[];
  /** The coordinator's view in Parc, for a coordinator who signs in; no button otherwise. */
  viewUrl?: string;
}

interface KindValues {
  label: string;
  soFar: string;
  included: string;
  projected: string;
  over: string;
  end: string;
  day: string;
}

interface Copy {
  subject: (customerNumber: string) => string;
  greeting: string;
  intro: (range: string) => string;
  listTitle: string;
  kinds: Record<BilledKind, string>;
  kind: (v: KindValues) => string;
  customerNumber: string;
  button: string;
  billing: string;
  why: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (n) => `Pages incluses : dépassement prévu (client ${n})`,
    greeting: 'Bonjour,',
    intro: (range) => `Au rythme des pages imprimées depuis le début de la période de facturation en cours (${range}), un dépassement des pages incluses dans votre contrat est prévu.`,
    listTitle: 'Dépassement prévu\u00a0:',
    kinds: { mono: 'Pages noir-blanc', colour: 'Pages couleur', scan: 'Numérisations' },
    kind: (v) => `${v.label}\u00a0: ${v.soFar} jusqu’ici sur ${v.included} incluses\u00a0; environ ${v.projected} d’ici au ${v.end}, soit environ ${v.over} au-delà, dès le ${v.day} environ.`,
    customerNumber: 'N° du client',
    button: 'Voir la prévision',
    billing: 'Les pages au-delà des pages incluses sont facturées aux prix de votre contrat. Il s’agit d’une projection d’après les relevés connus, pas d’une facture.',
    why: 'Vous recevez cette alerte, une fois par période et type de pages, parce que vous l’avez demandée\u00a0; votre fournisseur peut la désactiver.',
  },
  de: {
    subject: (n) => `Inbegriffene Seiten: Überschreitung erwartet (Kunde ${n})`,
    greeting: 'Guten Tag',
    intro: (range) => `Beim bisherigen Tempo der laufenden Abrechnungsperiode (${range}) werden mehr Seiten erwartet, als Ihr Vertrag einschliesst.`,
    listTitle: 'Erwartete Überschreitung:',
    kinds: { mono: 'Schwarzweiss-Seiten', colour: 'Farbseiten', scan: 'Scans' },
    kind: (v) => `${v.label}: bisher ${v.soFar} von ${v.included} inbegriffenen; bis zum ${v.end} etwa ${v.projected}, also etwa ${v.over} darüber, ungefähr ab dem ${v.day}.`,
    customerNumber: 'Kundennummer',
    button: 'Prognose ansehen',
    billing: 'Seiten über den inbegriffenen werden zu den Preisen Ihres Vertrags verrechnet. Dies ist eine Hochrechnung aus den bekannten Zählerständen, keine Rechnung.',
    why: 'Sie erhalten diese Warnung einmal pro Periode und Seitenart, weil Sie sie gewünscht haben; Ihr Händler kann sie abstellen.',
  },
  it: {
    subject: (n) => `Pagine incluse: superamento previsto (cliente ${n})`,
    greeting: 'Buongiorno,',
    intro: (range) => `Al ritmo delle pagine stampate finora nel periodo di fatturazione in corso (${range}), si prevedono più pagine di quelle incluse nel suo contratto.`,
    listTitle: 'Superamento previsto:',
    kinds: { mono: 'Pagine in bianco e nero', colour: 'Pagine a colori', scan: 'Scansioni' },
    kind: (v) => `${v.label}: finora ${v.soFar} su ${v.included} incluse; circa ${v.projected} entro il ${v.end}, cioè circa ${v.over} in più, a partire dal ${v.day} circa.`,
    customerNumber: 'N. cliente',
    button: 'Vedere la previsione',
    billing: 'Le pagine oltre quelle incluse sono fatturate ai prezzi del suo contratto. È una proiezione dai rilevamenti noti, non una fattura.',
    why: 'Riceve questo avviso una volta per periodo e tipo di pagine perché l’ha chiesto; il suo fornitore può disattivarlo.',
  },
  en: {
    subject: (n) => `Included pages: overage expected (customer ${n})`,
    greeting: 'Hello,',
    intro: (range) => `At the pace of the pages printed so far in the current billing period (${range}), more pages than your contract includes are expected.`,
    listTitle: 'Expected overage:',
    kinds: { mono: 'Black & white pages', colour: 'Colour pages', scan: 'Scans' },
    kind: (v) => `${v.label}: ${v.soFar} so far of ${v.included} included; about ${v.projected} by ${v.end}, that is about ${v.over} above, from around ${v.day}.`,
    customerNumber: 'Customer no.',
    button: 'See the forecast',
    billing: 'Pages beyond the included ones are billed at your contract’s prices. This is a projection from the readings known so far, not an invoice.',
    why: 'You get this alert once per period and kind of pages because you asked for it; your dealer can turn it off.',
  },
};

export const overageForecast = defineTemplate<OverageForecastProps>((props, language) => {
  const copy = COPY[language];
  const firstDay = localDateKey(props.periodStart, props.timeZone);
  const lastDay = localDateKey(new Date(props.periodEnd.getTime() - 1), props.timeZone);
  const end = formatDayMonth(lastDay, language);
  const kindLine = (kind: OverageKind) => {
    const shown = roundedForecast(kind.projectedPages, kind.projectedOverage);
    return copy.kind({
      label: copy.kinds[kind.counter],
      soFar: formatCount(kind.pagesSoFar, language),
      included: formatCount(kind.included, language),
      projected: formatCount(shown.projectedPages, language),
      over: formatCount(shown.projectedOverage, language),
      end,
      day: kind.crossingDay ? formatDayMonth(kind.crossingDay, language) : end,
    });
  };
  const intro = copy.intro(formatDayRange(firstDay, lastDay, language));
  return {
    subject: copy.subject(props.customerNumber),
    preheader: intro,
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: intro },
      { kind: 'list', title: copy.listTitle, items: props.kinds.map(kindLine) },
      ...(props.viewUrl ? [{ kind: 'button', label: copy.button, url: props.viewUrl } as const] : []),
      { kind: 'facts', rows: [[copy.customerNumber, props.customerNumber]] },
      { kind: 'note', text: copy.billing },
      { kind: 'note', text: copy.why },
    ],
  };
});
