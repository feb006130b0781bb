import type { ConsoleCatalogue } from './fr.ts';

export const consoleDe: ConsoleCatalogue = {
  'console.menu': 'Menü',
  'console.closeMenu': 'Menü schliessen',
  'console.loading': 'Wird geladen…',
  'console.failed': 'Die Daten konnten nicht geladen werden: {message}',
  'console.retry': 'Erneut versuchen',
  'console.cancel': 'Abbrechen',
  'console.notFound.title': 'Seite nicht gefunden',
  'console.notFound.body': 'Diese Adresse entspricht keiner Ansicht der Konsole.',
  'console.notFound.dashboard': 'Zurück zum Dashboard',
  'console.forbidden.title': 'Kein Zugriff',
  'console.forbidden.body': 'Ihr Profil gibt keinen Zugriff auf diese Ansicht. Fragen Sie eine Administratorin oder einen Administrator Ihrer Firma, wenn Sie sie brauchen.',
  'console.keptAnswers': 'Daten vom {since}, nur zum Lesen: Änderungen brauchen eine Verbindung.',
};
