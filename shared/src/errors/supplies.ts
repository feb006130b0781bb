import { entry } from './entry.ts';

/** Errors about consumables: the catalogue, suppliers and carriers, orders and their routing. */

export const SUPPLY_ERRORS = {
  'supply_order.not_found': entry('not_found', {
    fr: () => 'Commande introuvable.',
    de: () => 'Bestellung nicht gefunden.',
    it: () => 'Ordine non trovato.',
    en: () => 'No such order.',
  }),
  'supply_order.in_flight': entry<{ code: string }>('conflict', {
    fr: (p) => `La commande ${p.code} est déjà en cours pour ce consommable.`,
    de: (p) => `Für dieses Verbrauchsmaterial läuft bereits die Bestellung ${p.code}.`,
    it: (p) => `Per questo materiale è già in corso l’ordine ${p.code}.`,
    en: (p) => `Order ${p.code} is already on its way for this supply.`,
  }),
  'supply_order.transition': entry<{ status: string; action: string }>('conflict', {
    fr: () => 'Cette commande a changé d’état entre-temps : rechargez-la avant de continuer.',
    de: () => 'Diese Bestellung hat inzwischen ihren Status geändert: Laden Sie sie neu, bevor Sie fortfahren.',
    it: () => 'Nel frattempo questo ordine ha cambiato stato: ricaricatelo prima di continuare.',
    en: () => 'This order’s status changed meanwhile: reload it before going on.',
  }),
  'supply_order.no_supply': entry('bad_request', {
    fr: () => 'Cet appareil ne signale pas ce consommable.',
    de: () => 'Dieses Gerät meldet dieses Verbrauchsmaterial nicht.',
    it: () => 'Questo apparecchio non segnala questo materiale.',
    en: () => 'This device does not report this supply.',
  }),
  'supply_order.not_orderable': entry('bad_request', {
    fr: () => 'Parc ne sait pas de quel type de consommable il s’agit : précisez-le dans le catalogue avant de le commander.',
    de: () => 'Parc kennt die Art dieses Verbrauchsmaterials nicht: Geben Sie sie im Katalog an, bevor Sie bestellen.',
    it: () => 'Parc non conosce il tipo di questo materiale: indicatelo nel catalogo prima di ordinarlo.',
    en: () => 'Parc does not know what kind of supply this is: set it in the catalogue before ordering it.',
  }),
  'supply_alarm.not_found': entry('not_found', {
    fr: () => 'Cette alarme n’est plus ouverte.',
    de: () => 'Dieser Alarm ist nicht mehr offen.',
    it: () => 'Questo allarme non è più aperto.',
    en: () => 'This alarm is no longer open.',
  }),
  'supply_model.not_found': entry('not_found', {
    fr: () => 'Consommable introuvable dans le catalogue.',
    de: () => 'Verbrauchsmaterial nicht im Katalog gefunden.',
    it: () => 'Materiale non trovato nel catalogo.',
    en: () => 'No such supply in the catalogue.',
  }),
  'supplier.not_found': entry('not_found', {
    fr: () => 'Fournisseur introuvable.',
    de: () => 'Lieferant nicht gefunden.',
    it: () => 'Fornitore non trovato.',
    en: () => 'No such supplier.',
  }),
  'supplier.name_taken': entry<{ name: string }>('conflict', {
    fr: (p) => `Un fournisseur s’appelle déjà « ${p.name} ».`,
    de: (p) => `Es gibt bereits einen Lieferanten namens «${p.name}».`,
    it: (p) => `Esiste già un fornitore chiamato «${p.name}».`,
    en: (p) => `A supplier is already called “${p.name}”.`,
  }),
  'carrier.not_found': entry('not_found', {
    fr: () => 'Transporteur introuvable.',
    de: () => 'Transporteur nicht gefunden.',
    it: () => 'Corriere non trovato.',
    en: () => 'No such carrier.',
  }),
  'carrier.name_taken': entry<{ name: string }>('conflict', {
    fr: (p) => `Un transporteur s’appelle déjà « ${p.name} ».`,
    de: (p) => `Es gibt bereits einen Transporteur namens «${p.name}».`,
    it: (p) => `Esiste già un corriere chiamato «${p.name}».`,
    en: (p) => `A carrier is already called “${p.name}”.`,
  }),
  'order_route.not_found': entry('not_found', {
    fr: () => 'Règle d’envoi introuvable.',
    de: () => 'Verteilregel nicht gefunden.',
    it: () => 'Regola di invio non trovata.',
    en: () => 'No such routing rule.',
  }),
  'order_route.order_mismatch': entry('conflict', {
    fr: () => 'Les règles ont changé entre-temps : rechargez la liste avant de les réordonner.',
    de: () => 'Die Regeln haben sich inzwischen geändert: Laden Sie die Liste neu, bevor Sie sie umordnen.',
    it: () => 'Nel frattempo le regole sono cambiate: ricaricate l’elenco prima di riordinarle.',
    en: () => 'The rules changed meanwhile: reload the list before reordering them.',
  }),
};
