import type { CoordinatorCatalogue } from './fr.ts';

export const coordinatorIt: CoordinatorCatalogue = {
  'coordinator.devices': 'Le sue macchine',
  'coordinator.devices.none': 'Nessuna macchina.',
  'coordinator.openRequests': 'Richieste in corso',
  'coordinator.openRequests.none': 'Nessuna richiesta in corso.',
  'coordinator.openRequestCount': '{count} richiesta/e in corso',
  'coordinator.fromCache': 'Offline: dati dell’ultima connessione.',
  'coordinator.unavailable': 'Nessuna connessione e nulla è ancora stato salvato su questo dispositivo.',
  'coordinator.report.title': 'Segnalare un problema',
  'coordinator.report.device': 'Macchina',
  'coordinator.report.subject': 'Problema',
  'coordinator.report.description': 'Descrizione (facoltativa)',
  'coordinator.report.send': 'Inviare',
  'coordinator.report.sent': 'Grazie: la sua richiesta è stata trasmessa al suo rivenditore.',
  'coordinator.report.offline': 'La segnalazione richiede una connessione: sarà possibile appena tornerà online.',
  'coordinator.report.failed': 'Non è stato possibile inviare la segnalazione: {message}',
};
