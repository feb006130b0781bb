import type { Language, Translations } from '../languages.ts';
import { COUNTER_LABELS } from '../meters/messages.ts';
import type { PeriodPreset } from './period.ts';

/**
 * The words of report files and of the reports screen: column headers, the values of `code`
 * columns, report and preset names. Files are written on the server in the reader's language, so
 * these live here rather than in the console's catalogues.
 */

const t = (fr: string, de: string, it: string, en: string): Translations => ({ fr, de, it, en });

export const COLUMN_LABELS: Record<string, Translations> = {
  customerNumber: t('N° du client', 'Kundennummer', 'N. cliente', 'Customer number'),
  customerName: t('Client', 'Kunde', 'Cliente', 'Customer'),
  siteName: t('Site', 'Standort', 'Sede', 'Site'),
  deviceCode: t('ID appareil', 'Geräte-ID', 'ID apparecchio', 'Device ID'),
  manufacturer: t('Fabricant', 'Hersteller', 'Produttore', 'Manufacturer'),
  model: t('Modèle', 'Modell', 'Modello', 'Model'),
  serial: t('N° de série', 'Seriennummer', 'N. di serie', 'Serial number'),
  internalNumber: t('N° interne', 'Interne Nummer', 'N. interno', 'Internal number'),
  location: t('Emplacement', 'Aufstellort', 'Ubicazione', 'Location'),
  ip: t('Adresse IP', 'IP-Adresse', 'Indirizzo IP', 'IP address'),
  colourCapable: t('Couleur', 'Farbe', 'Colore', 'Colour'),
  deviceState: t('État', 'Status', 'Stato', 'State'),
  installedAt: t('Installé le', 'Installiert am', 'Installato il', 'Installed on'),
  lastReadingAt: t('Dernier relevé', 'Letzte Ablesung', 'Ultima lettura', 'Last reading'),
  lastTotal: t('Dernier compteur total', 'Letzter Gesamtzähler', 'Ultimo contatore totale', 'Last total counter'),
  month: t('Mois', 'Monat', 'Mese', 'Month'),
  monoPages: t('Pages noir-blanc', 'Seiten Schwarzweiss', 'Pagine bianco e nero', 'Black & white pages'),
  colourPages: t('Pages couleur', 'Seiten Farbe', 'Pagine a colori', 'Colour pages'),
  totalPages: t('Pages au total', 'Seiten total', 'Pagine totali', 'Total pages'),
  takenAt: t('Relevé le', 'Abgelesen am', 'Letto il', 'Read on'),
  counter: t('Compteur', 'Zähler', 'Contatore', 'Counter'),
  value: t('Valeur', 'Wert', 'Valore', 'Value'),
  readingSource: t('Source', 'Quelle', 'Fonte', 'Source'),
  readingStatus: t('Statut du relevé', 'Status der Ablesung', 'Stato della lettura', 'Reading status'),
  enteredBy: t('Saisi par', 'Erfasst von', 'Inserito da', 'Entered by'),
  supplyName: t('Consommable', 'Verbrauchsmaterial', 'Consumabile', 'Supply'),
  supplyKind: t('Type', 'Art', 'Tipo', 'Kind'),
  supplyColour: t('Couleur du consommable', 'Farbe des Materials', 'Colore del consumabile', 'Supply colour'),
  partNumber: t('Référence', 'Artikelnummer', 'Codice articolo', 'Part number'),
  levelPercent: t('Niveau (%)', 'Füllstand (%)', 'Livello (%)', 'Level (%)'),
  levelState: t('État du niveau', 'Füllstandsstatus', 'Stato del livello', 'Level state'),
  readAt: t('Lu le', 'Gelesen am', 'Letto il', 'Read at'),
  orderCode: t('Commande', 'Bestellung', 'Ordine', 'Order'),
  orderStatus: t('Statut de la commande', 'Bestellstatus', "Stato dell'ordine", 'Order status'),
  orderTrigger: t('Déclencheur', 'Auslöser', 'Origine', 'Trigger'),
  createdAt: t('Créé le', 'Erstellt am', 'Creato il', 'Created on'),
  shippedAt: t('Expédié le', 'Versandt am', 'Spedito il', 'Shipped on'),
  deliveredAt: t('Livré le', 'Geliefert am', 'Consegnato il', 'Delivered on'),
  carrier: t('Transporteur', 'Transporteur', 'Corriere', 'Carrier'),
  trackingNumber: t('N° de suivi', 'Sendungsnummer', 'N. di tracciamento', 'Tracking number'),
  subject: t('Sujet', 'Betreff', 'Oggetto', 'Subject'),
  requestState: t('État de la demande', 'Status der Anfrage', 'Stato della richiesta', 'Request state'),
  technician: t('Technicien', 'Techniker', 'Tecnico', 'Technician'),
  updatedAt: t('Modifié le', 'Geändert am', 'Modificato il', 'Updated on'),
  agentName: t('Agent', 'Agent', 'Agente', 'Agent'),
  agentState: t("État de l'agent", 'Status des Agenten', "Stato dell'agente", 'Agent state'),
  lastContactAt: t('Dernier contact', 'Letzter Kontakt', 'Ultimo contatto', 'Last contact'),
  agentVersion: t('Version', 'Version', 'Versione', 'Version'),
  hostname: t("Nom d'hôte", 'Hostname', 'Nome host', 'Host name'),
  deviceCount: t('Appareils', 'Geräte', 'Apparecchi', 'Devices'),
  period: t('Période', 'Periode', 'Periodo', 'Period'),
  billingState: t('État de la facturation', 'Status der Abrechnung', 'Stato della fatturazione', 'Billing state'),
  lineKind: t('Type de ligne', 'Zeilenart', 'Tipo di riga', 'Line type'),
  quantity: t('Quantité', 'Menge', 'Quantità', 'Quantity'),
  included: t('Inclus', 'Inklusive', 'Incluse', 'Included'),
  billed: t('Facturé', 'Verrechnet', 'Fatturate', 'Billed'),
  unitPrice: t('Prix unitaire', 'Einzelpreis', 'Prezzo unitario', 'Unit price'),
  amount: t('Montant', 'Betrag', 'Importo', 'Amount'),
  currency: t('Monnaie', 'Währung', 'Valuta', 'Currency'),
};

/** The words a `code` column's values are written as, by column. */
export const CODE_LABELS: Record<string, Record<string, Translations>> = {
  colourCapable: { yes: t('oui', 'ja', 'sì', 'yes'), no: t('non', 'nein', 'no', 'no') },
  deviceState: { active: t('actif', 'aktiv', 'attivo', 'active'), inactive: t('inactif', 'inaktiv', 'inattivo', 'inactive') },
  counter: COUNTER_LABELS,
  readingSource: {
    link: t('lien client', 'Kundenlink', 'link cliente', 'customer link'),
    partner: t('partenaire', 'Partner', 'partner', 'partner'),
    agent: t('agent', 'Agent', 'agente', 'agent'),
    technician: t('technicien', 'Techniker', 'tecnico', 'technician'),
    estimate: t('estimation', 'Schätzung', 'stima', 'estimate'),
    correction: t('correction', 'Korrektur', 'correzione', 'correction'),
  },
  readingStatus: {
    entered: t('saisi', 'erfasst', 'inserito', 'entered'),
    to_check: t('à vérifier', 'zu prüfen', 'da verificare', 'to check'),
    accepted: t('accepté', 'akzeptiert', 'accettato', 'accepted'),
    corrected: t('corrigé', 'korrigiert', 'corretto', 'corrected'),
    refused: t('refusé', 'abgelehnt', 'rifiutato', 'refused'),
    deleted: t('supprimé', 'gelöscht', 'eliminato', 'deleted'),
  },
  supplyKind: {
    toner: t('toner', 'Toner', 'toner', 'toner'),
    drum: t('tambour', 'Trommel', 'tamburo', 'drum'),
    developer: t('développeur', 'Entwickler', 'sviluppatore', 'developer'),
    ink: t('encre', 'Tinte', 'inchiostro', 'ink'),
    waste_toner: t('récupérateur de toner', 'Resttonerbehälter', 'contenitore toner di scarto', 'waste toner'),
    maintenance_kit: t('kit de maintenance', 'Wartungskit', 'kit di manutenzione', 'maintenance kit'),
    fuser: t('unité de fusion', 'Fixiereinheit', 'fusore', 'fuser'),
    transfer_belt: t('courroie de transfert', 'Transferband', 'cinghia di trasferimento', 'transfer belt'),
    staples: t('agrafes', 'Heftklammern', 'punti metallici', 'staples'),
  },
  supplyColour: {
    black: t('noir', 'Schwarz', 'nero', 'black'),
    cyan: t('cyan', 'Cyan', 'ciano', 'cyan'),
    magenta: t('magenta', 'Magenta', 'magenta', 'magenta'),
    yellow: t('jaune', 'Gelb', 'giallo', 'yellow'),
    none: t('—', '—', '—', '—'),
  },
  levelState: {
    empty: t('vide', 'leer', 'vuoto', 'empty'),
    low: t('bas', 'niedrig', 'basso', 'low'),
    ok: t('suffisant', 'ausreichend', 'sufficiente', 'sufficient'),
    unknown: t('inconnu', 'unbekannt', 'sconosciuto', 'unknown'),
  },
  orderStatus: {
    new: t('nouvelle', 'neu', 'nuovo', 'new'),
    shipped: t('expédiée', 'versandt', 'spedito', 'shipped'),
    to_replace: t('à remplacer', 'zu ersetzen', 'da sostituire', 'to replace'),
    replaced: t('remplacée', 'ersetzt', 'sostituito', 'replaced'),
    cancelled: t('annulée', 'storniert', 'annullato', 'cancelled'),
  },
  orderTrigger: {
    level: t('niveau', 'Füllstand', 'livello', 'level'),
    proactive: t('prévision', 'Prognose', 'previsione', 'forecast'),
    manual: t('manuelle', 'manuell', 'manuale', 'manual'),
  },
  requestState: {
    unresolved: t('non résolue', 'offen', 'non risolta', 'unresolved'),
    in_progress: t('en cours', 'in Bearbeitung', 'in corso', 'in progress'),
    done: t('réparée', 'repariert', 'riparata', 'repaired'),
    resolved: t('résolue', 'erledigt', 'risolta', 'resolved'),
    rejected: t('refusée', 'abgelehnt', 'rifiutata', 'rejected'),
  },
  agentState: {
    new: t('à installer', 'zu installieren', 'da installare', 'to install'),
    connected: t('connecté', 'verbunden', 'connesso', 'connected'),
    disconnected: t('déconnecté', 'getrennt', 'disconnesso', 'disconnected'),
  },
  // Not report columns: the words notices write (device alerts).
  complexity: { user: t('utilisateur', 'Benutzer', 'utente', 'user'), technician: t('technicien', 'Techniker', 'tecnico', 'technician'), engineer: t('ingénieur', 'Ingenieur', 'ingegnere', 'engineer') },
  alertSeverity: { critical: t('critique', 'kritisch', 'critico', 'critical'), warning: t('avertissement', 'Warnung', 'avviso', 'warning'), other: t('autre', 'andere', 'altro', 'other') },
  billingState: { draft: t('brouillon', 'Entwurf', 'bozza', 'draft'), approved: t('approuvée', 'genehmigt', 'approvata', 'approved') },
  lineKind: {
    pages: t('Pages', 'Seiten', 'Pagine', 'Pages'),
    fixed_fee: t('Forfait', 'Grundgebühr', 'Canone fisso', 'Fixed fee'),
    consumable: t('Consommable', 'Verbrauchsmaterial', 'Consumabile', 'Consumable'),
    tiered: t('Paliers de volume', 'Volumenstaffel', 'Scaglioni di volume', 'Volume tiers'),
    pool_overage: t('Dépassement du groupe', 'Überschreitung der Gruppe', 'Eccedenza del gruppo', 'Pool overage'),
    minimum: t('Complément au minimum', 'Ergänzung zum Mindestbetrag', 'Integrazione al minimo', 'Minimum top-up'),
    true_up: t('Régularisation', 'Ausgleich', 'Conguaglio', 'True-up'),
    adjustment: t('Ajustement', 'Anpassung', 'Rettifica', 'Adjustment'),
  },
};

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, Translations> = {
  this_month: t('Ce mois', 'Dieser Monat', 'Questo mese', 'This month'),
  last_month: t('Le mois dernier', 'Letzter Monat', 'Il mese scorso', 'Last month'),
  last_3_months: t('Les 3 derniers mois', 'Letzte 3 Monate', 'Ultimi 3 mesi', 'Last 3 months'),
  last_12_months: t('Les 12 derniers mois', 'Letzte 12 Monate', 'Ultimi 12 mesi', 'Last 12 months'),
  this_year: t('Cette année', 'Dieses Jahr', "Quest'anno", 'This year'),
  last_year: t("L'année dernière", 'Letztes Jahr', "L'anno scorso", 'Last year'),
};

export function columnLabel(key: string, language: Language): string {
  return COLUMN_LABELS[key]?.[language] ?? key;
}

export function codeLabel(column: string, code: string, language: Language): string {
  return CODE_LABELS[column]?.[code]?.[language] ?? code;
}
