/** The console frame's own texts (menu, loading and failure states every console screen shares). */
export const consoleFr = {
  'console.menu': 'Menu',
  'console.closeMenu': 'Fermer le menu',
  'console.loading': 'Chargement…',
  'console.failed': 'Les données n’ont pas pu être chargées : {message}',
  'console.retry': 'Réessayer',
  'console.cancel': 'Annuler',
  'console.notFound.title': 'Page introuvable',
  'console.notFound.body': 'Cette adresse ne correspond à aucun écran de la console.',
  'console.notFound.dashboard': 'Retour au tableau de bord',
  'console.forbidden.title': 'Accès non autorisé',
  'console.forbidden.body': 'Votre profil ne donne pas accès à cet écran. Demandez à un administrateur de votre entreprise si vous en avez besoin.',
  'console.keptAnswers': 'Données du {since}, en lecture seule : les modifications attendent la connexion.',
};
export type ConsoleKey = keyof typeof consoleFr;
export type ConsoleCatalogue = { readonly [Key in ConsoleKey]: string };
