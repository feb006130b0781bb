import { errorMessage, isErrorKey } from '@parc/shared/errors';
import type { Language } from '@parc/shared/languages';
import type { ApiError } from '../api/client.ts';
import { fromCatalogue } from './pseudo.ts';
import { catalogues, translate } from './translate.ts';

/**
 * An API error as a sentence in the person's language: the shared error catalogue's text for the
 * server's key; the app's own for a lost connection, and the catalogue's for a failure on the
 * server's side it did not word (a proxy's 502); the server's message only for a key this client
 * does not know or cannot word (an older or newer server).
 */
export function apiErrorText(error: ApiError, language: Language): string {
  if (isErrorKey(error.key)) {
    try {
      return fromCatalogue(errorMessage(error.key, (error.params ?? {}) as never, language));
    } catch {
      // Parameters this version cannot read: the server's own words follow.
    }
  }
  if (error.code === 'offline') return translate(catalogues[language], 'error.offline');
  if (error.code === 'internal') return fromCatalogue(errorMessage('server.internal', {}, language));
  return error.message;
}
