import { entry } from './entry.ts';

/** Errors about reports: own reports' definitions, generated files and schedules. */

export const REPORT_ERRORS = {
  'report.not_found': entry('not_found', {
    fr: () => 'Rapport introuvable.',
    de: () => 'Bericht nicht gefunden.',
    it: () => 'Report non trovato.',
    en: () => 'No such report.',
  }),
  'report.predefined': entry('forbidden', {
    fr: () => 'Un rapport prédéfini ne peut être ni modifié ni supprimé : copiez-le pour l’adapter.',
    de: () => 'Ein vordefinierter Bericht kann weder geändert noch gelöscht werden: Kopieren Sie ihn, um ihn anzupassen.',
    it: () => 'Un report predefinito non può essere modificato né eliminato: copiatelo per adattarlo.',
    en: () => 'A predefined report can be neither changed nor deleted: copy it to adapt it.',
  }),
  'report.not_owner': entry('forbidden', {
    fr: () => 'Seule la personne qui a créé ce rapport peut le modifier.',
    de: () => 'Nur wer diesen Bericht erstellt hat, kann ihn ändern.',
    it: () => 'Solo chi ha creato questo report può modificarlo.',
    en: () => 'Only the person who created this report can change it.',
  }),
  'report.unknown_column': entry<{ column: string }>('bad_request', {
    fr: (p) => `La colonne « ${p.column} » n’existe pas pour cette source.`,
    de: (p) => `Die Spalte «${p.column}» gibt es für diese Quelle nicht.`,
    it: (p) => `La colonna «${p.column}» non esiste per questa fonte.`,
    en: (p) => `This source has no column "${p.column}".`,
  }),
  'report.duplicate_column': entry<{ column: string }>('bad_request', {
    fr: (p) => `La colonne « ${p.column} » est choisie deux fois.`,
    de: (p) => `Die Spalte «${p.column}» ist zweimal gewählt.`,
    it: (p) => `La colonna «${p.column}» è scelta due volte.`,
    en: (p) => `Column "${p.column}" is chosen twice.`,
  }),
  'report.unknown_state': entry<{ state: string }>('bad_request', {
    fr: (p) => `L’état « ${p.state} » n’existe pas pour cette source.`,
    de: (p) => `Den Status «${p.state}» gibt es für diese Quelle nicht.`,
    it: (p) => `Lo stato «${p.state}» non esiste per questa fonte.`,
    en: (p) => `This source has no state "${p.state}".`,
  }),
  'report.no_period': entry('bad_request', {
    fr: () => 'Cette source montre l’état actuel : elle ne se filtre pas par période.',
    de: () => 'Diese Quelle zeigt den aktuellen Stand: Sie lässt sich nicht nach Periode filtern.',
    it: () => 'Questa fonte mostra lo stato attuale: non si filtra per periodo.',
    en: () => 'This source shows the current state: it has no period filter.',
  }),
  'report.bad_period': entry<{ from: string; to: string }>('bad_request', {
    fr: () => 'La période doit commencer avant sa fin et couvrir au plus 400 jours.',
    de: () => 'Die Periode muss vor ihrem Ende beginnen und darf höchstens 400 Tage umfassen.',
    it: () => 'Il periodo deve iniziare prima della fine e coprire al massimo 400 giorni.',
    en: () => 'The period must start before it ends and cover at most 400 days.',
  }),
  'report.sort_column': entry<{ column: string }>('bad_request', {
    fr: () => 'Le tri doit porter sur une colonne du rapport (les volumes suivent toujours l’ordre client, site, appareil, mois).',
    de: () => 'Sortiert werden kann nur nach einer Spalte des Berichts (Volumen folgen immer Kunde, Standort, Gerät, Monat).',
    it: () => 'Si può ordinare solo per una colonna del report (i volumi seguono sempre cliente, sede, apparecchio, mese).',
    en: () => 'Sort by one of the report’s columns (volumes always follow customer, site, device, month).',
  }),
  'report.grouping': entry('bad_request', {
    fr: () => 'Les volumes se regroupent par appareil, site ou client ; les autres sources ne se regroupent pas.',
    de: () => 'Volumen werden nach Gerät, Standort oder Kunde gruppiert; andere Quellen nicht.',
    it: () => 'I volumi si raggruppano per apparecchio, sede o cliente; le altre fonti no.',
    en: () => 'Volumes are grouped by device, site or customer; other sources are not grouped.',
  }),
  'report_run.not_found': entry('not_found', {
    fr: () => 'Ce fichier n’existe plus : les fichiers sont gardés un jour. Générez le rapport à nouveau.',
    de: () => 'Diese Datei gibt es nicht mehr: Dateien werden einen Tag lang aufbewahrt. Erstellen Sie den Bericht erneut.',
    it: () => 'Questo file non esiste più: i file sono conservati un giorno. Generate di nuovo il report.',
    en: () => 'This file is gone: files are kept for a day. Run the report again.',
  }),
  'report_run.not_ready': entry('conflict', {
    fr: () => 'Le fichier n’est pas encore prêt.',
    de: () => 'Die Datei ist noch nicht bereit.',
    it: () => 'Il file non è ancora pronto.',
    en: () => 'The file is not ready yet.',
  }),
  'report_run.finished': entry('conflict', {
    fr: () => 'Ce rapport est déjà terminé.',
    de: () => 'Dieser Bericht ist bereits fertig.',
    it: () => 'Questo report è già terminato.',
    en: () => 'This report has already finished.',
  }),
  'report_run.too_many': entry<{ limit: number }>('rate_limited', {
    fr: (p) => `Vous avez déjà ${p.limit} rapports en cours : attendez qu’un d’eux se termine.`,
    de: (p) => `Sie haben bereits ${p.limit} Berichte in Arbeit: Warten Sie, bis einer fertig ist.`,
    it: (p) => `Avete già ${p.limit} report in corso: attendete che uno termini.`,
    en: (p) => `You already have ${p.limit} reports running: wait for one to finish.`,
  }),
  'report_schedule.not_found': entry('not_found', {
    fr: () => 'Planification introuvable.',
    de: () => 'Zeitplan nicht gefunden.',
    it: () => 'Pianificazione non trovata.',
    en: () => 'No such schedule.',
  }),
  'report_schedule.day': entry('bad_request', {
    fr: () => 'Choisissez le jour : de lundi à dimanche pour un envoi hebdomadaire, du 1er au 28 pour un envoi mensuel.',
    de: () => 'Wählen Sie den Tag: Montag bis Sonntag für wöchentlich, 1. bis 28. für monatlich.',
    it: () => 'Scegliete il giorno: da lunedì a domenica per l’invio settimanale, dal 1° al 28 per quello mensile.',
    en: () => 'Choose the day: Monday to Sunday for a weekly report, the 1st to the 28th for a monthly one.',
  }),
  'report_schedule.no_recipient': entry('bad_request', {
    fr: () => 'Choisissez au moins un destinataire.',
    de: () => 'Wählen Sie mindestens einen Empfänger.',
    it: () => 'Scegliete almeno un destinatario.',
    en: () => 'Choose at least one recipient.',
  }),
};
