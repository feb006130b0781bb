/** The API keys section's texts; French is the reference, the other languages must have the same keys. */
export const apiKeysFr = {
  'apiKeys.title': 'Clés d’API',
  'apiKeys.intro':
    'Pour les outils de votre entreprise (ERP, scripts). Une clé agit au nom de la personne qui l’a créée, avec ses droits du moment, jamais au-delà de sa portée. Envoyez-la dans l’en-tête « Authorization: Bearer … » ; la description de l’API est à /api/openapi.json.',
  'apiKeys.empty': 'Aucune clé d’API.',
  'apiKeys.create': 'Créer une clé',
  'apiKeys.name': 'Nom',
  'apiKeys.scope': 'Portée',
  'apiKeys.scope.read': 'Lecture seule',
  'apiKeys.scope.write': 'Lecture et écriture',
  'apiKeys.prefix': 'Début de la clé',
  'apiKeys.createdBy': 'Créée par',
  'apiKeys.createdAt': 'Créée le',
  'apiKeys.lastUsed': 'Dernière utilisation',
  'apiKeys.never': 'Jamais',
  'apiKeys.actions': 'Actions',
  'apiKeys.revoke': 'Révoquer',
  'apiKeys.confirmRevoke': 'Révoquer la clé « {name} » ?',
  'apiKeys.confirmRevoke.body': 'Les outils qui l’utilisent seront refusés aussitôt. Une clé révoquée ne peut pas être rétablie.',
  'apiKeys.revoked': 'La clé « {name} » est révoquée.',
  'apiKeys.submit': 'Créer la clé',
  'apiKeys.created.title': 'La clé « {name} »',
  'apiKeys.created.warning': 'Copiez-la maintenant : elle ne sera plus jamais affichée. Gardez-la comme un mot de passe.',
  'apiKeys.secret': 'Clé d’API',
  'apiKeys.copy': 'Copier',
  'apiKeys.copied': 'Clé copiée.',
  'apiKeys.copyFailed': 'La copie a échoué : sélectionnez la clé et copiez-la.',
  'apiKeys.done': 'Terminé',
};
export type ApiKeysKey = keyof typeof apiKeysFr;
export type ApiKeysCatalogue = { readonly [Key in ApiKeysKey]: string };
