import type { ConsoleCatalogue } from './fr.ts';

export const consoleEn: ConsoleCatalogue = {
  'console.menu': 'Menu',
  'console.closeMenu': 'Close the menu',
  'console.loading': 'Loading…',
  'console.failed': 'The data could not be loaded: {message}',
  'console.retry': 'Try again',
  'console.cancel': 'Cancel',
  'console.notFound.title': 'Page not found',
  'console.notFound.body': 'This address matches no screen of the console.',
  'console.notFound.dashboard': 'Back to the dashboard',
  'console.forbidden.title': 'Not allowed',
  'console.forbidden.body': 'Your profile does not open this screen. Ask an administrator of your company if you need it.',
  'console.keptAnswers': 'Data from {since}, read only: changes need a connection.',
};
