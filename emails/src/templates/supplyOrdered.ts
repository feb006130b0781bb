import type { Translations } from '@parc/shared';
import type { SupplyColour, SupplyKind } from '@parc/shared/supplies/kinds';
import { formatCount, formatPercent } from '../format.ts';
import { defineTemplate, type CommonProps } from '../layout.ts';

/**
 * A supply order, to whoever the dealer's routing names (a supplier's order desk, a coordinator, the
 * dealer's own address): what to send where, and why Parc ordered it.
 */
export interface SupplyOrderedProps extends CommonProps {
  orderCode: string;
  customerName: string;
  customerNumber: string;
  deviceCode: string;
  deviceModel: string;
  serial: string;
  siteName: string | null;
  siteAddress: string | null;
  location: string | null;
  /** As the printer names it. */
  supplyName: string;
  kind: SupplyKind;
  colour: SupplyColour;
  partNumber: string | null;
  dealerReference: string | null;
  /** The level when ordered. */
  percent: number | null;
  /** Days to empty when ordered: median and early. */
  p50Days: number | null;
  p90Days: number | null;
  trigger: 'level' | 'proactive' | 'manual';
  note: string | null;
  orderUrl: string;
}

interface Copy {
  subject: (code: string, supply: string, device: string) => string;
  greeting: string;
  why: { level: (percent: string) => string; levelUnknown: string; proactive: (range: string) => string; manual: string };
  days: (from: string, to: string) => string;
  kinds: Record<SupplyKind, string>;
  colours: Record<Exclude<SupplyColour, 'none'>, string>;
  facts: { customer: string; device: string; serial: string; site: string; location: string; supply: string; partNumber: string; reference: string; level: string };
  note: (text: string) => string;
  button: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (code, supply, device) => `Commande ${code}\u00a0: ${supply} pour ${device}`,
    greeting: 'Bonjour,',
    why: {
      level: (p) => `Le niveau de ce consommable est descendu à ${p}\u00a0: il est temps d’en livrer un neuf.`,
      levelUnknown: 'Le niveau de ce consommable a atteint le seuil de commande\u00a0: il est temps d’en livrer un neuf.',
      proactive: (range) => `D’après sa consommation, ce consommable sera vide dans ${range}\u00a0: il est temps d’en livrer un neuf.`,
      manual: 'Cette commande a été passée à la main.',
    },
    days: (from, to) => (from === to ? `${from} jours` : `${from} à ${to} jours`),
    kinds: { toner: 'Toner', drum: 'Tambour', developer: 'Développeur', ink: 'Encre', waste_toner: 'Récupérateur de toner', maintenance_kit: 'Kit de maintenance', fuser: 'Unité de fusion', transfer_belt: 'Courroie de transfert', staples: 'Agrafes' },
    colours: { black: 'noir', cyan: 'cyan', magenta: 'magenta', yellow: 'jaune' },
    facts: { customer: 'Client', device: 'Appareil', serial: 'N° de série', site: 'Site', location: 'Emplacement', supply: 'Consommable', partNumber: 'Référence', reference: 'Notre référence', level: 'Niveau' },
    note: (text) => `Remarque\u00a0: ${text}`,
    button: 'Ouvrir la commande',
  },
  de: {
    subject: (code, supply, device) => `Bestellung ${code}: ${supply} für ${device}`,
    greeting: 'Guten Tag',
    why: {
      level: (p) => `Der Füllstand dieses Verbrauchsmaterials ist auf ${p} gesunken: Es ist Zeit, ein neues zu liefern.`,
      levelUnknown: 'Dieses Verbrauchsmaterial hat die Bestellschwelle erreicht: Es ist Zeit, ein neues zu liefern.',
      proactive: (range) => `Nach seinem Verbrauch ist dieses Verbrauchsmaterial in ${range} leer: Es ist Zeit, ein neues zu liefern.`,
      manual: 'Diese Bestellung wurde von Hand aufgegeben.',
    },
    days: (from, to) => (from === to ? `${from} Tagen` : `${from} bis ${to} Tagen`),
    kinds: { toner: 'Toner', drum: 'Trommel', developer: 'Entwickler', ink: 'Tinte', waste_toner: 'Resttonerbehälter', maintenance_kit: 'Wartungskit', fuser: 'Fixiereinheit', transfer_belt: 'Transferband', staples: 'Heftklammern' },
    colours: { black: 'schwarz', cyan: 'cyan', magenta: 'magenta', yellow: 'gelb' },
    facts: { customer: 'Kunde', device: 'Gerät', serial: 'Seriennummer', site: 'Standort', location: 'Aufstellort', supply: 'Verbrauchsmaterial', partNumber: 'Artikelnummer', reference: 'Unsere Referenz', level: 'Füllstand' },
    note: (text) => `Bemerkung: ${text}`,
    button: 'Bestellung öffnen',
  },
  it: {
    subject: (code, supply, device) => `Ordine ${code}: ${supply} per ${device}`,
    greeting: 'Buongiorno,',
    why: {
      level: (p) => `Il livello di questo materiale è sceso a ${p}: è ora di consegnarne uno nuovo.`,
      levelUnknown: 'Questo materiale ha raggiunto la soglia d’ordine: è ora di consegnarne uno nuovo.',
      proactive: (range) => `In base al consumo, questo materiale sarà vuoto tra ${range}: è ora di consegnarne uno nuovo.`,
      manual: 'Questo ordine è stato inserito a mano.',
    },
    days: (from, to) => (from === to ? `${from} giorni` : `${from}–${to} giorni`),
    kinds: { toner: 'Toner', drum: 'Tamburo', developer: 'Sviluppatore', ink: 'Inchiostro', waste_toner: 'Contenitore toner di scarto', maintenance_kit: 'Kit di manutenzione', fuser: 'Unità di fusione', transfer_belt: 'Cinghia di trasferimento', staples: 'Punti metallici' },
    colours: { black: 'nero', cyan: 'ciano', magenta: 'magenta', yellow: 'giallo' },
    facts: { customer: 'Cliente', device: 'Apparecchio', serial: 'N. di serie', site: 'Sede', location: 'Ubicazione', supply: 'Materiale', partNumber: 'Codice articolo', reference: 'Nostro riferimento', level: 'Livello' },
    note: (text) => `Nota: ${text}`,
    button: 'Aprire l’ordine',
  },
  en: {
    subject: (code, supply, device) => `Order ${code}: ${supply} for ${device}`,
    greeting: 'Hello,',
    why: {
      level: (p) => `This supply is down to ${p}: time to deliver a new one.`,
      levelUnknown: 'This supply reached its ordering threshold: time to deliver a new one.',
      proactive: (range) => `At its rate of use this supply runs out in ${range}: time to deliver a new one.`,
      manual: 'This order was placed by hand.',
    },
    days: (from, to) => (from === to ? `${from} days` : `${from} to ${to} days`),
    kinds: { toner: 'Toner', drum: 'Drum', developer: 'Developer', ink: 'Ink', waste_toner: 'Waste toner box', maintenance_kit: 'Maintenance kit', fuser: 'Fuser', transfer_belt: 'Transfer belt', staples: 'Staples' },
    colours: { black: 'black', cyan: 'cyan', magenta: 'magenta', yellow: 'yellow' },
    facts: { customer: 'Customer', device: 'Device', serial: 'Serial no.', site: 'Site', location: 'Location', supply: 'Supply', partNumber: 'Part number', reference: 'Our reference', level: 'Level' },
    note: (text) => `Note: ${text}`,
    button: 'Open the order',
  },
};

export const supplyOrdered = defineTemplate<SupplyOrderedProps>((props, language) => {
  const copy = COPY[language];
  const supply = props.colour === 'none' ? copy.kinds[props.kind] : `${copy.kinds[props.kind]} ${copy.colours[props.colour]}`;
  const days = (value: number) => formatCount(Math.round(value), language);
  let why: string;
  if (props.trigger === 'manual') why = copy.why.manual;
  else if (props.trigger === 'proactive' && props.p90Days !== null && props.p50Days !== null) why = copy.why.proactive(copy.days(days(props.p90Days), days(props.p50Days)));
  else why = props.percent === null ? copy.why.levelUnknown : copy.why.level(formatPercent(props.percent, language));
  const site = [props.siteName, props.siteAddress].filter(Boolean).join(', ');
  const rows: [string, string | null][] = [
    [copy.facts.customer, `${props.customerNumber} · ${props.customerName}`],
    [copy.facts.device, `${props.deviceCode} · ${props.deviceModel}`],
    [copy.facts.serial, props.serial],
    [copy.facts.site, site || null],
    [copy.facts.location, props.location],
    [copy.facts.supply, `${supply} · ${props.supplyName}`],
    [copy.facts.partNumber, props.partNumber],
    [copy.facts.reference, props.dealerReference],
    [copy.facts.level, props.percent === null ? null : formatPercent(props.percent, language)],
  ];
  return {
    subject: copy.subject(props.orderCode, supply, props.deviceCode),
    preheader: why,
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: why },
      { kind: 'facts', rows: rows.filter((row): row is [string, string] => row[1] !== null) },
      ...(props.note ? [{ kind: 'note', text: copy.note(props.note) } as const] : []),
      { kind: 'button', label: copy.button, url: props.orderUrl },
    ],
  };
});
