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
  'local_stock.not_found': entry('not_found', {
    fr: () => 'Stock local introuvable.',
    de: () => 'Lokales Lager nicht gefunden.',
    it: () => 'Magazzino locale non trovato.',
    en: () => 'No such local stock.',
  }),
  'local_stock.name_taken': entry<{ name: string }>('conflict', {
    fr: (p) => `Ce site a déjà un stock « ${p.name} ».`,
    de: (p) => `Dieser Standort hat bereits ein Lager «${p.name}».`,
    it: (p) => `Questa sede ha già un magazzino «${p.name}».`,
    en: (p) => `This site already has a stock called “${p.name}”.`,
  }),
  'local_stock.site_not_of_customer': entry('bad_request', {
    fr: () => 'Ce site n’appartient pas à ce client.',
    de: () => 'Dieser Standort gehört nicht zu diesem Kunden.',
    it: () => 'Questa sede non appartiene a questo cliente.',
    en: () => 'This site is not one of this customer’s.',
  }),
  'local_stock.device_not_at_site': entry<{ deviceCode: string }>('bad_request', {
    fr: (p) => `L’appareil ${p.deviceCode} n’est pas sur le site de ce stock.`,
    de: (p) => `Das Gerät ${p.deviceCode} steht nicht am Standort dieses Lagers.`,
    it: (p) => `L’apparecchio ${p.deviceCode} non si trova nella sede di questo magazzino.`,
    en: (p) => `Device ${p.deviceCode} is not at this stock’s site.`,
  }),
  'local_stock.manager_not_coordinator': entry('bad_request', {
    fr: () => 'Le responsable doit être un coordinateur actif de ce client.',
    de: () => 'Verantwortlich muss ein aktiver Koordinator dieses Kunden sein.',
    it: () => 'Il responsabile deve essere un coordinatore attivo di questo cliente.',
    en: () => 'The manager must be an active coordinator of this customer.',
  }),
  'stock_item.not_found': entry('not_found', {
    fr: () => 'Ce stock ne contient pas ce consommable.',
    de: () => 'Dieses Lager führt dieses Verbrauchsmaterial nicht.',
    it: () => 'Questo magazzino non contiene questo materiale.',
    en: () => 'This stock does not hold this supply.',
  }),
  'stock_item.target_below_minimum': entry('bad_request', {
    fr: () => 'Le niveau visé doit être au-dessus du minimum.',
    de: () => 'Der Zielbestand muss über dem Mindestbestand liegen.',
    it: () => 'La scorta obiettivo deve superare la scorta minima.',
    en: () => 'The target must be above the minimum.',
  }),
  'replenishment.not_found': entry('not_found', {
    fr: () => 'Réassort introuvable.',
    de: () => 'Nachschub nicht gefunden.',
    it: () => 'Rifornimento non trovato.',
    en: () => 'No such replenishment.',
  }),
  'replenishment.transition': entry<{ status: string; action: string }>('conflict', {
    fr: () => 'Ce réassort a changé d’état entre-temps : rechargez-le avant de continuer.',
    de: () => 'Dieser Nachschub hat inzwischen seinen Status geändert: Laden Sie ihn neu, bevor Sie fortfahren.',
    it: () => 'Nel frattempo questo rifornimento ha cambiato stato: ricaricatelo prima di continuare.',
    en: () => 'This replenishment’s status changed meanwhile: reload it before going on.',
  }),
};
