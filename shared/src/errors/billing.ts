import { entry } from './entry.ts';

/** Errors about money: price lists, billing runs, invoices and payments. Amounts arrive formatted with their currency. */

export const BILLING_ERRORS = {
  'prices.not_set': entry('bad_request', {
    fr: () => 'Aucun prix n’est défini pour ce client : renseignez d’abord l’onglet Prix.',
    de: () => 'Für diesen Kunden sind keine Preise festgelegt: füllen Sie zuerst den Reiter Preise aus.',
    it: () => 'Per questo cliente non sono definiti prezzi: compili prima la scheda Prezzi.',
    en: () => 'No prices are set for this customer: fill in the Prices tab first.',
  }),
  'prices.unknown_device': entry<{ deviceId: string }>('bad_request', {
    fr: () => 'Un prix par appareil vise un appareil qui n’appartient pas à ce client.',
    de: () => 'Ein Gerätepreis betrifft ein Gerät, das nicht zu diesem Kunden gehört.',
    it: () => 'Un prezzo per apparecchio riguarda un apparecchio che non appartiene a questo cliente.',
    en: () => 'A per-device price names a device that does not belong to this customer.',
  }),
  'prices.duplicate_pool': entry<{ poolId: string }>('bad_request', {
    fr: (p, f) => `Deux groupes portent l’identifiant ${f.quote(p.poolId)}, ou un appareil est dans deux groupes.`,
    de: (p, f) => `Zwei Gruppen tragen die Kennung ${f.quote(p.poolId)}, oder ein Gerät ist in zwei Gruppen.`,
    it: (p, f) => `Due gruppi hanno l’identificativo ${f.quote(p.poolId)}, o un apparecchio è in due gruppi.`,
    en: (p, f) => `Two pools share the id ${f.quote(p.poolId)}, or a device is in two pools.`,
  }),
  'billing_run.not_found': entry('not_found', {
    fr: () => 'Facturation introuvable.',
    de: () => 'Abrechnung nicht gefunden.',
    it: () => 'Fatturazione non trovata.',
    en: () => 'No such billing run.',
  }),
  'billing_run.approved': entry<{ period: string }>('conflict', {
    fr: (p) => `La facturation de ${p.period} est approuvée et figée ; une correction apparaîtra comme ajustement sur la suivante.`,
    de: (p) => `Die Abrechnung ${p.period} ist freigegeben und eingefroren; eine Korrektur erscheint als Anpassung in der nächsten.`,
    it: (p) => `La fatturazione di ${p.period} è approvata e congelata; una correzione apparirà come rettifica nella successiva.`,
    en: (p) => `The ${p.period} billing run is approved and frozen; a correction will show as an adjustment on the next one.`,
  }),
  'billing_run.period_open': entry<{ period: string; end: string }>('conflict', {
    fr: (p, f) => `La période ${p.period} n’est pas terminée (fin ${f.instant(p.end)}) : elle ne peut pas encore être approuvée.`,
    de: (p, f) => `Die Periode ${p.period} ist nicht abgeschlossen (Ende ${f.instant(p.end)}) und kann noch nicht freigegeben werden.`,
    it: (p, f) => `Il periodo ${p.period} non è terminato (fine ${f.instant(p.end)}): non può ancora essere approvato.`,
    en: (p, f) => `The period ${p.period} has not ended (ends ${f.instant(p.end)}): it cannot be approved yet.`,
  }),
  'billing_run.stale': entry('conflict', {
    fr: () => 'Des relevés ou des prix ont changé depuis ce calcul : relancez la facturation avant de l’approuver.',
    de: () => 'Seit dieser Berechnung haben sich Zählerstände oder Preise geändert: rechnen Sie neu, bevor Sie freigeben.',
    it: () => 'Da questo calcolo sono cambiati rilevamenti o prezzi: ricalcoli prima di approvare.',
    en: () => 'Readings or prices changed since this run was computed: run it again before approving.',
  }),
  'invoice.not_found': entry('not_found', {
    fr: () => 'Facture introuvable.',
    de: () => 'Rechnung nicht gefunden.',
    it: () => 'Fattura non trovata.',
    en: () => 'No such invoice.',
  }),
  'invoice.number_taken': entry<{ number: string }>('conflict', {
    fr: (p, f) => `Le numéro de facture ${f.quote(p.number)} existe déjà.`,
    de: (p, f) => `Die Rechnungsnummer ${f.quote(p.number)} existiert bereits.`,
    it: (p, f) => `Il numero di fattura ${f.quote(p.number)} esiste già.`,
    en: (p, f) => `The invoice number ${f.quote(p.number)} already exists.`,
  }),
  'invoice.amount_digits': entry<{ currency: string; digits: number }>('bad_request', {
    fr: (p) => `Un montant en ${p.currency} a au plus ${p.digits} décimales.`,
    de: (p) => `Ein Betrag in ${p.currency} hat höchstens ${p.digits} Dezimalstellen.`,
    it: (p) => `Un importo in ${p.currency} ha al massimo ${p.digits} decimali.`,
    en: (p) => `An amount in ${p.currency} has at most ${p.digits} decimals.`,
  }),
  'invoice.run_mismatch': entry('bad_request', {
    fr: () => 'Cette facturation concerne un autre client ou une autre devise.',
    de: () => 'Diese Abrechnung betrifft einen anderen Kunden oder eine andere Währung.',
    it: () => 'Questa fatturazione riguarda un altro cliente o un’altra valuta.',
    en: () => 'That billing run is for another customer or another currency.',
  }),
  'invoice.below_paid': entry<{ paid: string }>('conflict', {
    fr: (p) => `Le montant ne peut pas être inférieur à ce qui est déjà payé (${p.paid}).`,
    de: (p) => `Der Betrag kann nicht kleiner sein als das bereits Bezahlte (${p.paid}).`,
    it: (p) => `L’importo non può essere inferiore a quanto già pagato (${p.paid}).`,
    en: (p) => `The amount cannot be below what has already been paid (${p.paid}).`,
  }),
  'invoice.currency_paid': entry<{ currency: string }>('conflict', {
    fr: (p) => `Des paiements sont enregistrés en ${p.currency} : supprimez-les avant de changer la devise.`,
    de: (p) => `Es sind Zahlungen in ${p.currency} erfasst: löschen Sie diese, bevor Sie die Währung ändern.`,
    it: (p) => `Sono registrati pagamenti in ${p.currency}: li elimini prima di cambiare la valuta.`,
    en: (p) => `Payments are recorded in ${p.currency}: remove them before changing the currency.`,
  }),
  'invoice.document_type': entry('bad_request', {
    fr: () => 'Joignez la facture en PDF ou en image (JPEG, PNG, WebP).',
    de: () => 'Hängen Sie die Rechnung als PDF oder Bild (JPEG, PNG, WebP) an.',
    it: () => 'Alleghi la fattura in PDF o come immagine (JPEG, PNG, WebP).',
    en: () => 'Attach the invoice as a PDF or an image (JPEG, PNG, WebP).',
  }),
  'invoice.document_too_large': entry<{ maximum: number }>('bad_request', {
    fr: (p, f) => `Le document fait au plus ${f.size(p.maximum)}.`,
    de: (p, f) => `Das Dokument ist höchstens ${f.size(p.maximum)} gross.`,
    it: (p, f) => `Il documento pesa al massimo ${f.size(p.maximum)}.`,
    en: (p, f) => `The document has at most ${f.size(p.maximum)}.`,
  }),
  'invoice.no_document': entry('not_found', {
    fr: () => 'Cette facture n’a pas de document.',
    de: () => 'Diese Rechnung hat kein Dokument.',
    it: () => 'Questa fattura non ha documento.',
    en: () => 'This invoice has no document.',
  }),
  'payment.not_found': entry('not_found', {
    fr: () => 'Paiement introuvable.',
    de: () => 'Zahlung nicht gefunden.',
    it: () => 'Pagamento non trovato.',
    en: () => 'No such payment.',
  }),
  'payment.above_remaining': entry<{ remaining: string }>('conflict', {
    fr: (p) => `Le paiement dépasse le solde restant (${p.remaining}).`,
    de: (p) => `Die Zahlung übersteigt den offenen Betrag (${p.remaining}).`,
    it: (p) => `Il pagamento supera il saldo residuo (${p.remaining}).`,
    en: (p) => `The payment is more than what remains due (${p.remaining}).`,
  }),
  'reading.locked_note_required': entry('bad_request', {
    fr: () => 'Ce relevé est déjà transmis ou facturé : expliquez la correction dans la note ; elle apparaîtra comme ajustement.',
    de: () => 'Dieser Zählerstand ist bereits übermittelt oder verrechnet: begründen Sie die Korrektur in der Notiz; sie erscheint als Anpassung.',
    it: () => 'Questo rilevamento è già trasmesso o fatturato: spieghi la correzione nella nota; apparirà come rettifica.',
    en: () => 'This reading was already sent or billed: explain the correction in the note; it will show as an adjustment.',
  }),
};
