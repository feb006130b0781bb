import type { CoordinatorCatalogue } from './fr.ts';

export const coordinatorEn: CoordinatorCatalogue = {
  'coordinator.devices': 'Your devices',
  'coordinator.devices.none': 'No device.',
  'coordinator.openRequests': 'Open requests',
  'coordinator.openRequests.none': 'No open request.',
  'coordinator.openRequestCount': '{count} open request(s)',
  'coordinator.fromCache': 'Offline: showing the data of the last connection.',
  'coordinator.unavailable': 'No connection, and nothing has been saved on this device yet.',
  'coordinator.report.title': 'Report a problem',
  'coordinator.report.device': 'Device',
  'coordinator.report.subject': 'Problem',
  'coordinator.report.description': 'Description (optional)',
  'coordinator.report.send': 'Send',
  'coordinator.report.sent': 'Thank you: your request was passed on to your dealer.',
  'coordinator.report.offline': 'Reporting needs a connection: you can do it as soon as you are back online.',
  'coordinator.report.failed': 'The report could not be sent: {message}',
};
