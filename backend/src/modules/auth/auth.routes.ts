import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DomainError } from '@parc/shared';
import { clientAddress, consumeAttempt, createRateLimiter, throwIfLimited } from '../../http/rate-limit.ts';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, publicRoute, requireSession } from './access.ts';
import { errorsFor, jsonBody } from '../../http/openapi.ts';
import { AuthUserSchema, LoginBodySchema, ResetConfirmBodySchema, ResetRequestBodySchema } from './auth.schemas.ts';
import { confirmPasswordReset, login, logout, requestPasswordReset } from './auth.service.ts';
import { SESSION_COOKIE, SESSION_DAYS } from './session-token.ts';

/**
 * Refused sign-ins, counted two ways: per address (one address spraying many emails) and per
 * account (many addresses on one email). The account count is kept for unknown emails too, so the
 * answer never tells which exist; the real owner waits or resets the password, which clears it.
 */
export const LOGIN_ADDRESS_LIMIT = { limit: 30, windowMs: 15 * 60_000 };
export const LOGIN_ACCOUNT_LIMIT = { limit: 10, windowMs: 15 * 60_000 };
/** Reset emails per address and email: keeps the form from being used to flood an inbox. */
export const RESET_REQUEST_LIMIT = { limit: 5, windowMs: 60 * 60_000 };

const userResponse = { description: 'The signed-in user', content: { 'application/json': { schema: z.object({ user: AuthUserSchema }) } } };

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in with email and password; sets the parc_session cookie',
  middleware: [publicRoute] as const,
  request: { body: jsonBody(LoginBodySchema) },
  responses: { 200: userResponse, ...errorsFor(400, 401, 403, 429) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  middleware: [requireSession(...ALL_ROLES)] as const,
  responses: { 200: userResponse, ...errorsFor(401) },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Ends the session and clears the cookie (also when already signed out)',
  description: 'Refused (403 `api_key.session_only`) with an `Authorization` header: an API key is revoked, not signed out.',
  middleware: [publicRoute] as const,
  responses: { 204: { description: 'Signed out' }, ...errorsFor(403) },
});

const resetRequestRoute = createRoute({
  method: 'post',
  path: '/password-reset',
  tags: ['auth'],
  summary: 'Emails a single-use link to choose a new password, valid one hour',
  middleware: [publicRoute] as const,
  description: 'Always 202, whether or not the email belongs to an account.',
  request: { body: jsonBody(ResetRequestBodySchema) },
  responses: { 202: { description: 'If the account exists, the email is on its way' }, ...errorsFor(400, 429) },
});

const resetConfirmRoute = createRoute({
  method: 'post',
  path: '/password-reset/confirm',
  tags: ['auth'],
  summary: 'Sets a new password from an emailed link (reset or invitation); signs out every session',
  middleware: [publicRoute] as const,
  request: { body: jsonBody(ResetConfirmBodySchema) },
  responses: { 204: { description: 'Password set; sign in with it' }, ...errorsFor(400) },
});

/** The counters live in the database (see rate-limit.ts): every instance on it counts the same attempts. */
export function createAuthRoutes() {
  const addressLimiter = createRateLimiter('login.address', LOGIN_ADDRESS_LIMIT);
  const accountLimiter = createRateLimiter('login.account', LOGIN_ACCOUNT_LIMIT);
  const resetLimiter = createRateLimiter('password-reset.request', RESET_REQUEST_LIMIT);

  return createRouter()
    .openapi(loginRoute, async (c) => {
      const deps = c.get('deps');
      const { email, password } = c.req.valid('json');
      const address = clientAddress(c);
      const account = email.toLowerCase();
      const now = deps.clock();
      await throwIfLimited(addressLimiter, deps.db, address, now);
      const held = await accountLimiter.blockedFor(deps.db, account, now);
      if (held !== null) throw new DomainError('auth.account_held', { minutes: Math.ceil(held / 60), retryAfterSeconds: held });
      try {
        const { user, token } = await login(deps, email, password);
        await accountLimiter.clear(deps.db, account);
        setCookie(c, SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'Lax',
          path: '/',
          secure: deps.secureCookies,
          maxAge: SESSION_DAYS * 86_400,
        });
        return c.json({ user }, 200);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'unauthenticated') {
          await addressLimiter.record(deps.db, address, now);
          await accountLimiter.record(deps.db, account, now);
        }
        throw error;
      }
    })
    .openapi(meRoute, (c) => {
      const { id, email, name, role, partnerId, language } = c.get('user');
      return c.json({ user: { id, email, name, role, partnerId, language } }, 200);
    })
    .openapi(logoutRoute, async (c) => {
      const deps = c.get('deps');
      // Signing out ends a session; a key ends by being revoked, never by a call made with it.
      if (c.req.header('authorization') !== undefined) throw new DomainError('api_key.session_only');
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await logout(deps, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: deps.secureCookies });
      return c.body(null, 204);
    })
    .openapi(resetRequestRoute, async (c) => {
      const deps = c.get('deps');
      const { email } = c.req.valid('json');
      const key = `${clientAddress(c)} ${email}`;
      await consumeAttempt(resetLimiter, deps.db, key, deps.clock());
      requestPasswordReset(deps, email);
      return c.body(null, 202);
    })
    .openapi(resetConfirmRoute, async (c) => {
      const { token, password } = c.req.valid('json');
      const deps = c.get('deps');
      const email = await confirmPasswordReset(deps, token, password);
      // The owner proved who they are: their account is no longer held back.
      await accountLimiter.clear(deps.db, email.toLowerCase());
      return c.body(null, 204);
    });
}
