import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError } from '@parc/shared';
import { SESSION_COOKIE } from '../modules/auth/session-token.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: SameSite=Lax alone lets a page on another port of the same host (same
 * site) post with the session cookie, and body-less or text/plain posts need no preflight. Every
 * write that rides on the session cookie must come from Parc's own origin, as browsers say through
 * `Sec-Fetch-Site` and `Origin`. Writes without the cookie (API keys, agents' signed tokens, meter links,
 * sign-in) are not concerned; a script without either header (no browser) is not a forgery.
 */
export function sameOriginWrites(publicUrl: string): MiddlewareHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !getCookie(c, SESSION_COOKIE)) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const ownOrigin = new URL(c.req.url).origin;
    const foreignSite = fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
    const foreignOrigin = origin !== undefined && origin !== publicOrigin && origin !== ownOrigin;
    if (foreignSite || foreignOrigin) throw new DomainError('request.foreign_origin');
    return next();
  };
}
