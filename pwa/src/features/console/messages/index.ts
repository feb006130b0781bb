import type { Translations } from '@parc/shared/languages';

/** The console frame's own texts (menu, loading and failure states every console screen shares). */
const fr = {
  'console.menu': 'Menu',
  'console.closeMenu': 'Fermer le menu',
  'console.loading': 'Chargement…',
  'console.failed': 'Les données n’ont pas pu être chargées : {message}',
  'console.retry': 'Réessayer',
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
  },
  it: {
    'console.menu': 'Menu',
    'console.closeMenu': 'Chiudere il menu',
    'console.loading': 'Caricamento…',
    'console.failed': 'Non è stato possibile caricare i dati: {message}',
    'console.retry': 'Riprovare',
  },
  en: {
    'console.menu': 'Menu',
    'console.closeMenu': 'Close the menu',
    'console.loading': 'Loading…',
    'console.failed': 'The data could not be loaded: {message}',
    'console.retry': 'Try again',
  },
};
