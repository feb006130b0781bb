import type { ApiError } from '../../api/client.ts';
import type { I18n } from '../../i18n/i18n.ts';

/** Known failures read in the person's language; a validation error keeps the server's precise message. */
export function authErrorMessage(t: I18n['t'], error: ApiError): string {
  switch (error.code) {
    case 'unauthenticated':
      return t('auth.error.unauthenticated');
    case 'locked':
      return t('auth.error.locked');
    case 'offline':
      return t('auth.error.offline');
    case 'bad_request':
    case 'link_invalid':
      return error.message;
    default:
      return t('auth.error.generic');
  }
}
