import { entry } from './entry.ts';

/** Errors of the one-time setup link that creates a dealer and its first administrator. */

/** What to do about a link that does not work: only the installation's operator can make another. */
const ASK_OPERATOR = {
  fr: 'Demandez un nouveau lien à la personne qui a installé Parc.',
  de: 'Bitten Sie die Person, die Parc installiert hat, um einen neuen Link.',
  it: 'Chieda un nuovo link alla persona che ha installato Parc.',
  en: 'Ask the person who installed Parc for a new link.',
};

export const SETUP_ERRORS = {
  'setup.link_invalid': entry('link_invalid', {
    fr: () => `Ce lien de mise en service n’est pas valable. ${ASK_OPERATOR.fr}`,
    de: () => `Dieser Einrichtungslink ist ungültig. ${ASK_OPERATOR.de}`,
    it: () => `Questo link di configurazione non è valido. ${ASK_OPERATOR.it}`,
    en: () => `This setup link is not valid. ${ASK_OPERATOR.en}`,
  }),
  'setup.link_expired': entry('link_invalid', {
    fr: () => `Ce lien de mise en service a expiré. ${ASK_OPERATOR.fr}`,
    de: () => `Dieser Einrichtungslink ist abgelaufen. ${ASK_OPERATOR.de}`,
    it: () => `Questo link di configurazione è scaduto. ${ASK_OPERATOR.it}`,
    en: () => `This setup link has expired. ${ASK_OPERATOR.en}`,
  }),
  'setup.link_used': entry('link_invalid', {
    fr: () => 'Ce lien de mise en service a déjà été utilisé : le partenaire existe. Connectez-vous avec le compte administrateur créé.',
    de: () => 'Dieser Einrichtungslink wurde bereits verwendet: Der Partner existiert. Melden Sie sich mit dem angelegten Administratorkonto an.',
    it: () => 'Questo link di configurazione è già stato usato: il partner esiste. Acceda con l’account amministratore creato.',
    en: () => 'This setup link has already been used: the dealer exists. Sign in with the administrator account it created.',
  }),
  /** A first-run link (or `npm run job -- setup-link`) once a dealer exists: more dealers come from `add-partner` only. */
  'setup.partner_exists': entry('conflict', {
    fr: () => 'Parc est déjà mis en service : un partenaire existe. Pour en ajouter un autre, lancez npm run job -- add-partner sur le serveur.',
    de: () => 'Parc ist bereits eingerichtet: Ein Partner existiert. Um einen weiteren hinzuzufügen, führen Sie auf dem Server npm run job -- add-partner aus.',
    it: () => 'Parc è già configurato: esiste un partner. Per aggiungerne un altro, esegua npm run job -- add-partner sul server.',
    en: () => 'Parc is already set up: a dealer exists. To add another one, run npm run job -- add-partner on the server.',
  }),
};
