import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  accountChangeSchema,
  accountSchema,
  emailChangeAnswerSchema,
  emailChangeSchema,
  emailConfirmAnswerSchema,
  emailConfirmSchema,
  passwordChangeSchema,
  sessionsEndedSchema,
} from '@parc/shared/contracts/account';
import type { AppEnv } from '../../http/router.ts';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, publicRoute, requireSession, type SessionUser } from '../auth/access.ts';
import { hashToken, SESSION_COOKIE } from '../auth/session-token.ts';
import { errorResponses, errorsFor, json, jsonBody } from '../../http/openapi.ts';
import { changeAccount, changePassword, confirmEmailChange, endOtherSessions, readAccount, requestEmailChange, type AccountCaller } from './account.service.ts';

const tags = ['account'];
/** Everyone who signs in with a password manages their own account; a key never does (a self route needs a person). */
const signedIn = requireSession(...ALL_ROLES);

/** The user and the session this request came with (the one kept when others end). */
const callerOf = (c: Context<AppEnv & { Variables: { user: SessionUser } }>): AccountCaller => ({ id: c.get('user').id, sessionHash: hashToken(getCookie(c, SESSION_COOKIE) ?? '') });

export const accountRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/account',
      tags,
      summary: 'Your name, email and language, and how many other sessions are open',
      middleware: [signedIn] as const,
      responses: { 200: json(accountSchema, 'Your account'), ...errorResponses },
    }),
    async (c) => c.json(await readAccount(c.get('deps'), callerOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/me/account',
      tags,
      summary: 'Change your name or language',
      middleware: [signedIn] as const,
      request: { body: jsonBody(accountChangeSchema) },
      responses: { 200: json(accountSchema, 'Changed'), ...errorResponses },
    }),
    async (c) => c.json(await changeAccount(c.get('deps'), callerOf(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/email',
      tags,
      summary: 'Ask to use another email address: a link goes to it, the old one is told',
      description: 'The address changes only once the link is opened (POST /me/email/confirm). 409 `account.email_taken` when another account of the dealer has it.',
      middleware: [signedIn] as const,
      request: { body: jsonBody(emailChangeSchema) },
      responses: { 202: json(emailChangeAnswerSchema, 'The link is on its way'), ...errorResponses, ...errorsFor(409, 429) },
    }),
    async (c) => c.json(await requestEmailChange(c.get('deps'), callerOf(c), c.req.valid('json')), 202),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/email/confirm',
      tags,
      summary: 'Confirm a new email address with the emailed link (no session needed)',
      middleware: [publicRoute] as const,
      request: { body: jsonBody(emailConfirmSchema) },
      responses: { 200: json(emailConfirmAnswerSchema, 'The account now has this address'), ...errorsFor(400, 409) },
    }),
    async (c) => c.json(await confirmEmailChange(c.get('deps'), c.req.valid('json').token), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/password',
      tags,
      summary: 'Change your password (the current one is required); your other sessions end',
      middleware: [signedIn] as const,
      request: { body: jsonBody(passwordChangeSchema) },
      responses: { 204: { description: 'Changed' }, ...errorResponses, ...errorsFor(429) },
    }),
    async (c) => {
      await changePassword(c.get('deps'), callerOf(c), c.req.valid('json'));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/me/sessions/others',
      tags,
      summary: 'Sign out everywhere else: every session but this one ends',
      middleware: [signedIn] as const,
      responses: { 200: json(sessionsEndedSchema, 'How many sessions ended'), ...errorResponses },
    }),
    async (c) => c.json(await endOtherSessions(c.get('deps'), callerOf(c)), 200),
  );
