import { DomainError } from '@parc/shared';

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase; the bound keeps one request from costing seconds of hashing. */
export const PASSWORD_MAX_LENGTH = 200;

/** Rows of keyboards and runs of letters or digits that people type as "passwords". */
const SEQUENCES = ['0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'qwertzuiop', 'azertyuiop', 'asdfghjkl', 'yxcvbnm'];

/** Passwords that lead breach lists (and their French and German favourites), lower-cased. */
const COMMON = new Set([
  'password', 'password1', 'password12', 'password123', 'passw0rd', 'motdepasse', 'passwort', 'iloveyou',
  'letmein', 'welcome', 'bienvenue', 'willkommen', 'admin', 'administrator', 'changeme', 'secret', 'sunshine',
  'monkey', 'dragon', 'football', 'baseball', 'soleil', 'parc', 'printer', 'imprimante', 'drucker',
]);

/** Strip digits and symbols from the ends, so "Password2024!" is seen as "password". */
const core = (lowered: string) => lowered.replace(/^[^a-z]+|[^a-z]+$/g, '');

/** Whether `text` is a piece of one of SEQUENCES, repeated ("12341234…" counts too). */
function isSequence(text: string): boolean {
  return SEQUENCES.some((sequence) => {
    const cycle = sequence.repeat(Math.ceil(text.length / sequence.length) + 1);
    return cycle.includes(text);
  });
}

/**
 * Why a new password is refused (an error on the field `password`), or null when it is acceptable.
 * Length first, then the obvious guesses: few distinct characters, sequences, breach-list
 * favourites, the user's own email.
 */
export function passwordProblem(password: string, owner: { email: string }): DomainError | null {
  const field = 'password';
  if (password.length < PASSWORD_MIN_LENGTH) return new DomainError('password.too_short', { minimum: PASSWORD_MIN_LENGTH, field });
  if (password.length > PASSWORD_MAX_LENGTH) return new DomainError('password.too_long', { maximum: PASSWORD_MAX_LENGTH, field });
  const lowered = password.toLowerCase();
  if (new Set(lowered).size < 4) return new DomainError('password.too_few_characters', { field });
  if (isSequence(lowered)) return new DomainError('password.sequence', { field });
  if (COMMON.has(core(lowered))) return new DomainError('password.common', { field });
  const localPart = owner.email.toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= 4 && lowered.includes(localPart)) return new DomainError('password.contains_email', { field });
  return null;
}
