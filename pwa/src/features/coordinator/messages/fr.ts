/** The coordinator view's texts; French is the reference, the other languages must have the same keys. */
export const coordinatorFr = {
  'coordinator.devices': 'Vos machines',
  'coordinator.devices.none': 'Aucune machine.',
  'coordinator.openRequests': 'Demandes en cours',
  'coordinator.openRequests.none': 'Aucune demande en cours.',
  'coordinator.openRequestCount': '{count} demande(s) en cours',
  'coordinator.fromCache': 'Hors ligne : affichage des données de la dernière connexion.',
  'coordinator.unavailable': 'Pas de connexion, et rien n’a encore été enregistré sur cet appareil.',
  'coordinator.report.title': 'Signaler un problème',
  'coordinator.report.device': 'Machine',
  'coordinator.report.subject': 'Problème',
  'coordinator.report.description': 'Description (facultatif)',
  'coordinator.report.send': 'Envoyer',
  'coordinator.report.sent': 'Merci : votre demande a été transmise à votre revendeur.',
  'coordinator.report.offline': 'Le signalement demande une connexion : il sera possible dès votre retour en ligne.',
  'coordinator.report.failed': 'Le signalement n’a pas pu être envoyé : {message}',
} as const;

export type CoordinatorCatalogue = { readonly [Key in keyof typeof coordinatorFr]: string };
