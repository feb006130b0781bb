import type { CoordinatorCatalogue } from './fr.ts';

export const coordinatorDe: CoordinatorCatalogue = {
  'coordinator.devices': 'Ihre Geräte',
  'coordinator.devices.none': 'Kein Gerät.',
  'coordinator.openRequests': 'Offene Anfragen',
  'coordinator.openRequests.none': 'Keine offene Anfrage.',
  'coordinator.openRequestCount': '{count} offene Anfrage(n)',
  'coordinator.fromCache': 'Offline: Daten der letzten Verbindung.',
  'coordinator.unavailable': 'Keine Verbindung, und auf diesem Gerät ist noch nichts gespeichert.',
  'coordinator.report.title': 'Problem melden',
  'coordinator.report.device': 'Gerät',
  'coordinator.report.subject': 'Problem',
  'coordinator.report.description': 'Beschreibung (optional)',
  'coordinator.report.send': 'Senden',
  'coordinator.report.sent': 'Danke: Ihre Anfrage wurde an Ihren Händler weitergeleitet.',
  'coordinator.report.offline': 'Für eine Meldung braucht es eine Verbindung: sobald Sie wieder online sind, ist sie möglich.',
  'coordinator.report.failed': 'Die Meldung konnte nicht gesendet werden: {message}',
};
