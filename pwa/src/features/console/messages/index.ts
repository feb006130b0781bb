import type { Translations } from '@parc/shared/languages';

/** The console frame's own texts (menu, loading and failure states every console screen shares). */
const fr = {
  'console.menu': 'Menu',
  'console.closeMenu': 'Fermer le menu',
  'console.loading': 'Chargement…',
  'console.failed': 'Les données n’ont pas pu être chargées : {message}',
  'console.retry': 'Réessayer',
  'console.cancel': 'Annuler',
  'console.notFound.title': 'Page introuvable',
  'console.notFound.body': 'Cette adresse ne correspond à aucun écran de la console.',
  'console.notFound.dashboard': 'Retour au tableau de bord',
};
export type ConsoleKey = keyof typeof fr;
type ConsoleCatalogue = { readonly [Key in ConsoleKey]: string };

export const consoleText: Translations<ConsoleCatalogue> = {
  fr,
  de: {
    'console.menu': 'Menü',
    'console.closeMenu': 'Menü schliessen',
    'console.loading': 'Wird geladen…',
    'console.failed': 'Die Daten konnten nicht geladen werden: {message}',
    'console.retry': 'Erneut versuchen',
    'console.cancel': 'Abbrechen',
    'console.notFound.title': 'Seite nicht gefunden',
    'console.notFound.body': 'Diese Adresse entspricht keiner Ansicht der Konsole.',
    'console.notFound.dashboard': 'Zurück zum Dashboard',
  },
  it: {
    'console.menu': 'Menu',
    'console.closeMenu': 'Chiudere il menu',
    'console.loading': 'Caricamento…',
    'console.failed': 'Non è stato possibile caricare i dati: {message}',
    'console.retry': 'Riprovare',
    'console.cancel': 'Annulla',
    'console.notFound.title': 'Pagina non trovata',
    'console.notFound.body': 'Questo indirizzo non corrisponde a nessuna schermata della console.',
    'console.notFound.dashboard': 'Torna al cruscotto',
  },
  en: {
    'console.menu': 'Menu',
    'console.closeMenu': 'Close the menu',
    'console.loading': 'Loading…',
    'console.failed': 'The data could not be loaded: {message}',
    'console.retry': 'Try again',
    'console.cancel': 'Cancel',
    'console.notFound.title': 'Page not found',
    'console.notFound.body': 'This address matches no screen of the console.',
    'console.notFound.dashboard': 'Back to the dashboard',
  },
};
