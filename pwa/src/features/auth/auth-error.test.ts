import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/client.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { authErrorMessage } from './auth-error.ts';

describe('authErrorMessage', () => {
  const { t } = createI18n('fr');
  it.each<[ApiError, string]>([
    [{ code: 'unauthenticated', message: 'Invalid credentials' }, 'Adresse e-mail ou mot de passe incorrect.'],
    [{ code: 'locked', message: 'Locked' }, 'Compte temporairement verrouillé après plusieurs essais. Réessayez plus tard.'],
    [{ code: 'offline', message: 'Failed to fetch' }, 'Pas de connexion au serveur. Vérifiez votre réseau.'],
    [{ code: 'bad_request', message: 'Le mot de passe doit compter 12 caractères', field: 'password' }, 'Le mot de passe doit compter 12 caractères'],
    [{ code: 'internal', message: 'stack trace' }, 'Une erreur est survenue. Réessayez.'],
  ])('%j reads %s', (error, expected) => {
    expect(authErrorMessage(t, error)).toBe(expected);
  });
});
