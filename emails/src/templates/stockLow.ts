import type { Translations } from '@parc/shared';
import { formatCount } from '../format.ts';
import { defineTemplate, type CommonProps } from '../layout.ts';

/**
 * A local stock ran low: to its manager (a coordinator or an address) and to the dealer, who sends
 * the replenishment. Only the dealer's copy carries the console link (`stockUrl`).
 */
export interface StockLowProps extends CommonProps {
  stockName: string;
  siteName: string;
  customerNumber: string;
  /** The supplies at or under their minimum, as the catalogue names them. */
  items: readonly { name: string; partNumber: string | null; quantity: number; minimum: number }[];
  stockUrl: string | null;
}

interface Copy {
  subject: (stock: string) => string;
  greeting: string;
  intro: (stock: string, site: string, customer: string) => string;
  title: string;
  item: (name: string, left: string, minimum: string) => string;
  empty: (name: string) => string;
  dealer: string;
  button: string;
}

const COPY: Translations<Copy> = {
  fr: {
    subject: (stock) => `Stock ${stock}\u00a0: consommables à réapprovisionner`,
    greeting: 'Bonjour,',
    intro: (stock, site, customer) => `Le stock local « ${stock} » (site ${site}, client ${customer}) arrive à son minimum pour ces consommables.`,
    title: 'À réapprovisionner',
    item: (name, left, minimum) => `${name}\u00a0: ${left} restant(s), minimum ${minimum}`,
    empty: (name) => `${name}\u00a0: épuisé`,
    dealer: 'Préparez un réassort depuis le stock central.',
    button: 'Ouvrir le stock',
  },
  de: {
    subject: (stock) => `Lager ${stock}: Verbrauchsmaterial nachfüllen`,
    greeting: 'Guten Tag',
    intro: (stock, site, customer) => `Das lokale Lager «${stock}» (Standort ${site}, Kunde ${customer}) erreicht bei diesem Verbrauchsmaterial seinen Mindestbestand.`,
    title: 'Nachzufüllen',
    item: (name, left, minimum) => `${name}: noch ${left}, Mindestbestand ${minimum}`,
    empty: (name) => `${name}: aufgebraucht`,
    dealer: 'Bereiten Sie einen Nachschub aus dem Zentrallager vor.',
    button: 'Lager öffnen',
  },
  it: {
    subject: (stock) => `Magazzino ${stock}: materiali da rifornire`,
    greeting: 'Buongiorno,',
    intro: (stock, site, customer) => `Il magazzino locale «${stock}» (sede ${site}, cliente ${customer}) raggiunge la scorta minima per questi materiali.`,
    title: 'Da rifornire',
    item: (name, left, minimum) => `${name}: ne restano ${left}, minimo ${minimum}`,
    empty: (name) => `${name}: esaurito`,
    dealer: 'Preparate un rifornimento dal magazzino centrale.',
    button: 'Aprire il magazzino',
  },
  en: {
    subject: (stock) => `Stock ${stock}: supplies to replenish`,
    greeting: 'Hello,',
    intro: (stock, site, customer) => `The local stock “${stock}” (site ${site}, customer ${customer}) is down to its minimum for these supplies.`,
    title: 'To replenish',
    item: (name, left, minimum) => `${name}: ${left} left, minimum ${minimum}`,
    empty: (name) => `${name}: none left`,
    dealer: 'Prepare a replenishment from the central stock.',
    button: 'Open the stock',
  },
};

export const stockLow = defineTemplate<StockLowProps>((props, language) => {
  const copy = COPY[language];
  const intro = copy.intro(props.stockName, props.siteName, props.customerNumber);
  const items = props.items.map((item) => {
    const name = item.partNumber ? `${item.name} (${item.partNumber})` : item.name;
    return item.quantity <= 0 ? copy.empty(name) : copy.item(name, formatCount(item.quantity, language), formatCount(item.minimum, language));
  });
  return {
    subject: copy.subject(props.stockName),
    preheader: intro,
    greeting: copy.greeting,
    blocks: [
      { kind: 'paragraph', text: intro },
      { kind: 'list', title: copy.title, items },
      ...(props.stockUrl ? [{ kind: 'paragraph', text: copy.dealer } as const, { kind: 'button', label: copy.button, url: props.stockUrl } as const] : []),
    ],
  };
});
