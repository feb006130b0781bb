import type { ConsoleCatalogue } from './fr.ts';

export const consoleIt: ConsoleCatalogue = {
  'console.menu': 'Menu',
  'console.closeMenu': 'Chiudere il menu',
  'console.loading': 'Caricamento…',
  'console.failed': 'Non è stato possibile caricare i dati: {message}',
  'console.retry': 'Riprovare',
  'console.cancel': 'Annulla',
  'console.notFound.title': 'Pagina non trovata',
  'console.notFound.body': 'Questo indirizzo non corrisponde a nessuna schermata della console.',
  'console.notFound.dashboard': 'Torna al cruscotto',
  'console.forbidden.title': 'Accesso non consentito',
  'console.forbidden.body': 'Il vostro profilo non dà accesso a questa schermata. Chiedete a un amministratore della vostra azienda se ne avete bisogno.',
  'console.keptAnswers': 'Dati del {since}, in sola lettura: le modifiche richiedono la connessione.',
};
