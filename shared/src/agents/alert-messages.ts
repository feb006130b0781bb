import type { Language, Translations } from '../languages.ts';

/**
 * What an SNMP alert means, in the user's language. Printers describe their alerts in their own
 * language (often English, sometimes Japanese); the agent also reports the standard group and code
 * (RFC 3805 prtAlertGroup / prtAlertCode, and the hrPrinterDetectedErrorState bits as group
 * `status`), so known codes are worded here and the printer's own text is only the fallback.
 */

const t = (fr: string, de: string, it: string, en: string): Translations => ({ fr, de, it, en });

const CODES: Record<string, Translations> = {
  // hrPrinterDetectedErrorState (group "status")
  lowPaper: t('Papier bientôt épuisé', 'Papier fast leer', 'Carta quasi esaurita', 'Paper low'),
  noPaper: t('Plus de papier', 'Kein Papier', 'Carta esaurita', 'Out of paper'),
  lowToner: t('Toner bientôt épuisé', 'Toner fast leer', 'Toner quasi esaurito', 'Toner low'),
  noToner: t('Plus de toner', 'Kein Toner', 'Toner esaurito', 'Out of toner'),
  doorOpen: t('Porte ouverte', 'Tür offen', 'Sportello aperto', 'Door open'),
  jammed: t('Bourrage papier', 'Papierstau', 'Inceppamento carta', 'Paper jam'),
  offline: t('Hors ligne', 'Offline', 'Non in linea', 'Offline'),
  serviceRequested: t('Intervention technique demandée', 'Service erforderlich', 'Richiesto intervento tecnico', 'Service requested'),
  inputTrayMissing: t('Bac papier absent', 'Papierfach fehlt', 'Cassetto carta mancante', 'Paper tray missing'),
  outputTrayMissing: t('Bac de sortie absent', 'Ausgabefach fehlt', 'Vassoio di uscita mancante', 'Output tray missing'),
  markerSupplyMissing: t('Consommable absent', 'Verbrauchsmaterial fehlt', 'Materiale di consumo mancante', 'Supply missing'),
  outputNearFull: t('Bac de sortie presque plein', 'Ausgabefach fast voll', 'Vassoio di uscita quasi pieno', 'Output tray nearly full'),
  outputFull: t('Bac de sortie plein', 'Ausgabefach voll', 'Vassoio di uscita pieno', 'Output tray full'),
  inputTrayEmpty: t('Bac papier vide', 'Papierfach leer', 'Cassetto carta vuoto', 'Paper tray empty'),
  overduePreventMaint: t('Maintenance préventive en retard', 'Vorbeugende Wartung überfällig', 'Manutenzione preventiva scaduta', 'Preventive maintenance overdue'),
  // prtAlertCode
  coverOpen: t('Capot ouvert', 'Abdeckung offen', 'Coperchio aperto', 'Cover open'),
  interlockOpen: t('Verrouillage ouvert', 'Verriegelung offen', 'Blocco di sicurezza aperto', 'Interlock open'),
  jam: t('Bourrage', 'Stau', 'Inceppamento', 'Jam'),
  subunitMissing: t('Élément absent', 'Baugruppe fehlt', 'Componente mancante', 'Part missing'),
  subunitLifeAlmostOver: t('Élément bientôt en fin de vie', 'Baugruppe bald verbraucht', 'Componente quasi a fine vita', 'Part nearly worn out'),
  subunitLifeOver: t('Élément en fin de vie', 'Baugruppe verbraucht', 'Componente a fine vita', 'Part worn out'),
  subunitAlmostEmpty: t('Presque vide', 'Fast leer', 'Quasi vuoto', 'Almost empty'),
  subunitEmpty: t('Vide', 'Leer', 'Vuoto', 'Empty'),
  subunitAlmostFull: t('Presque plein', 'Fast voll', 'Quasi pieno', 'Almost full'),
  subunitFull: t('Plein', 'Voll', 'Pieno', 'Full'),
  subunitOffline: t('Élément hors ligne', 'Baugruppe offline', 'Componente non in linea', 'Part offline'),
  subunitPowerSaver: t('Mode économie d’énergie', 'Energiesparmodus', 'Modalità risparmio energetico', 'Power saver'),
  subunitWarmingUp: t('Préchauffage', 'Aufwärmen', 'Riscaldamento', 'Warming up'),
  subunitUnrecoverableFailure: t('Panne irrécupérable', 'Nicht behebbarer Fehler', 'Guasto irreparabile', 'Unrecoverable failure'),
  printerReadyToPrint: t('Prête à imprimer', 'Druckbereit', 'Pronta per la stampa', 'Ready to print'),
  inputMediaTrayMissing: t('Bac papier absent', 'Papierfach fehlt', 'Cassetto carta mancante', 'Paper tray missing'),
  inputMediaSupplyLow: t('Papier bientôt épuisé', 'Papier fast leer', 'Carta quasi esaurita', 'Paper low'),
  inputMediaSupplyEmpty: t('Plus de papier', 'Kein Papier', 'Carta esaurita', 'Out of paper'),
  outputMediaTrayMissing: t('Bac de sortie absent', 'Ausgabefach fehlt', 'Vassoio di uscita mancante', 'Output tray missing'),
  outputMediaTrayAlmostFull: t('Bac de sortie presque plein', 'Ausgabefach fast voll', 'Vassoio di uscita quasi pieno', 'Output tray nearly full'),
  outputMediaTrayFull: t('Bac de sortie plein', 'Ausgabefach voll', 'Vassoio di uscita pieno', 'Output tray full'),
  markerTonerEmpty: t('Toner vide', 'Toner leer', 'Toner esaurito', 'Toner empty'),
  markerInkEmpty: t('Encre vide', 'Tinte leer', 'Inchiostro esaurito', 'Ink empty'),
  markerTonerAlmostEmpty: t('Toner presque vide', 'Toner fast leer', 'Toner quasi esaurito', 'Toner almost empty'),
  markerInkAlmostEmpty: t('Encre presque vide', 'Tinte fast leer', 'Inchiostro quasi esaurito', 'Ink almost empty'),
  markerWasteTonerReceptacleAlmostFull: t('Récupérateur de toner presque plein', 'Resttonerbehälter fast voll', 'Contenitore toner di scarto quasi pieno', 'Waste toner box almost full'),
  markerWasteInkReceptacleAlmostFull: t('Récupérateur d’encre presque plein', 'Resttintenbehälter fast voll', 'Contenitore inchiostro di scarto quasi pieno', 'Waste ink box almost full'),
  markerWasteTonerReceptacleFull: t('Récupérateur de toner plein', 'Resttonerbehälter voll', 'Contenitore toner di scarto pieno', 'Waste toner box full'),
  markerWasteInkReceptacleFull: t('Récupérateur d’encre plein', 'Resttintenbehälter voll', 'Contenitore inchiostro di scarto pieno', 'Waste ink box full'),
  markerOpcLifeAlmostOver: t('Tambour bientôt en fin de vie', 'Trommel bald verbraucht', 'Tamburo quasi a fine vita', 'Drum nearly worn out'),
  markerOpcLifeOver: t('Tambour en fin de vie', 'Trommel verbraucht', 'Tamburo a fine vita', 'Drum worn out'),
  markerDeveloperAlmostEmpty: t('Développeur presque vide', 'Entwickler fast leer', 'Sviluppatore quasi esaurito', 'Developer almost empty'),
  markerDeveloperEmpty: t('Développeur vide', 'Entwickler leer', 'Sviluppatore esaurito', 'Developer empty'),
  markerTonerCartridgeMissing: t('Cartouche de toner absente', 'Tonerkartusche fehlt', 'Cartuccia toner mancante', 'Toner cartridge missing'),
  mediaPathMediaTrayMissing: t('Bac du circuit papier absent', 'Fach im Papierweg fehlt', 'Cassetto del percorso carta mancante', 'Paper path tray missing'),
};

/** Where on the machine, for codes that only say "empty", "missing", "jam"… */
const GROUPS: Record<string, Translations> = {
  cover: t('Capot', 'Abdeckung', 'Coperchio', 'Cover'),
  input: t('Bac papier', 'Papierfach', 'Cassetto carta', 'Paper tray'),
  output: t('Bac de sortie', 'Ausgabefach', 'Vassoio di uscita', 'Output tray'),
  marker: t('Unité d’impression', 'Druckwerk', 'Unità di stampa', 'Print unit'),
  markerSupplies: t('Consommables', 'Verbrauchsmaterial', 'Materiali di consumo', 'Supplies'),
  markerColorant: t('Toner / encre', 'Toner / Tinte', 'Toner / inchiostro', 'Toner / ink'),
  mediaPath: t('Circuit papier', 'Papierweg', 'Percorso carta', 'Paper path'),
  finDevice: t('Finisseur', 'Finisher', 'Finitore', 'Finisher'),
  finSupply: t('Consommable du finisseur', 'Finisher-Verbrauchsmaterial', 'Materiale del finitore', 'Finisher supply'),
};

/** Codes that need their group to make sense ("Paper tray: Empty"). */
const NEEDS_GROUP = /^(subunit|jam$)/;

/** `printerText` is the printer's own description: the fallback for codes Parc does not know. */
export function alertText(alert: { group: string; code: string }, printerText: string | null | undefined, language: Language): string {
  const known = CODES[alert.code];
  if (known) {
    const where = NEEDS_GROUP.test(alert.code) ? GROUPS[alert.group]?.[language] : undefined;
    // French puts a space before the colon; the other languages do not.
    const separator = language === 'fr' ? ' : ' : ': ';
    return where ? `${where}${separator}${known[language]}` : known[language];
  }
  return printerText?.trim() || `${alert.group} ${alert.code}`;
}
