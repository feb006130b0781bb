/** The setup page's texts; French is the reference, the other languages must have the same keys. */
export const setupFr = {
  'setup.title.first': 'Mise en service de Parc',
  'setup.title.additional': 'Nouveau partenaire',
  'setup.intro.first': 'Bienvenue. Décrivez votre entreprise et créez le compte de son premier administrateur : vous pourrez ensuite inviter vos collègues.',
  'setup.intro.additional': 'Ce lien ajoute une entreprise à cette installation de Parc, avec le compte de son premier administrateur.',
  'setup.validUntil': 'Ce lien ne sert qu’une fois, jusqu’au {until}.',
  'setup.dealer': 'Votre entreprise',
  'setup.dealer.name': 'Raison sociale',
  'setup.dealer.country': 'Pays',
  'setup.dealer.currency': 'Monnaie',
  'setup.dealer.currencyHint': 'Celle de vos prix et de vos factures ; vos nouveaux clients la reprennent.',
  'setup.dealer.language': 'Langue',
  'setup.dealer.languageHint': 'Celle des e-mails de l’entreprise et de ses nouveaux clients.',
  'setup.dealer.timeZone': 'Fuseau horaire',
  'setup.admin': 'Compte administrateur',
  'setup.admin.name': 'Nom et prénom',
  'setup.admin.email': 'Adresse e-mail',
  'setup.admin.emailHint': 'Vous vous connecterez avec elle ; elle sert aussi d’adresse de contact de l’entreprise jusqu’à ce que vous la changiez dans les paramètres.',
  'setup.admin.password': 'Mot de passe',
  'setup.admin.passwordHint': 'Au moins 10 caractères, pas une suite ni un mot de passe courant.',
  'setup.admin.confirm': 'Répétez le mot de passe',
  'setup.mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'setup.submit': 'Créer l’entreprise et se connecter',
  'setup.submitting': 'Création…',
  'setup.created': 'L’entreprise est créée. Connectez-vous avec votre adresse e-mail et votre mot de passe.',
  'setup.gone.title': 'Ce lien ne fonctionne plus',
  'setup.gone.login': 'Aller à la connexion',
};

export type SetupKey = keyof typeof setupFr;
export type SetupCatalogue = Readonly<Record<SetupKey, string>>;
