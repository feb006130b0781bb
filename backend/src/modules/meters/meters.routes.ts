import { timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { DomainError, type Translations } from '@parc/shared';
import { clientAddress, consumeAttempt, createRateLimiter } from '../../http/rate-limit.ts';
import { createRouter, type AppEnv } from '../../http/router.ts';
import { contactLanguage } from '../../mail/dealer.ts';
import { declareAccess, publicRoute, requirePermission } from '../auth/access.ts';
import { errorResponses, json, jsonBody } from '../../http/openapi.ts';
import { confirmContact, inviteContact, listContacts, signUp, unsubscribeContact } from './contacts.service.ts';
import { runJob } from './jobs.ts';
import {
  campaignStatsSchema,
  contactInviteSchema,
  contactSchema,
  customerCampaignOverridesSchema,
  customerCampaignSettingsSchema,
  customerIdParams,
  jobParams,
  jobRunBodySchema,
  parseAsOf,
  partnerCampaignSettingsSchema,
  partnerCampaignSettingsUpdateSchema,
  signupSchema,
  statsQuerySchema,
  tokenParams,
  type Contact,
} from './meters.schemas.ts';
import { getCustomerSettings, getPartnerSettings, putCustomerSettings, putPartnerSettings } from './settings.service.ts';
import { campaignStats } from './stats.service.ts';

/** Sign-ups per caller address: enough for a customer's staff, too few to probe customer numbers. */
export const SIGNUP_LIMIT = { limit: 10, windowMs: 60 * 60_000 };
/** Confirm and unsubscribe clicks per caller address: tokens are unguessable, this stops brute force anyway. */
export const TOKEN_LIMIT = { limit: 30, windowMs: 10 * 60_000 };

const tags = ['campaign'];

const PAGE_COPY: Translations<{ confirmed: string; unsubscribed: string }> = {
  fr: { confirmed: 'Merci : votre adresse est confirmée. Vous recevrez le lien de saisie de vos compteurs.', unsubscribed: 'Vous ne recevrez plus ces messages.' },
  de: { confirmed: 'Danke: Ihre Adresse ist bestätigt. Sie erhalten den Link zur Erfassung Ihrer Zählerstände.', unsubscribed: 'Sie erhalten diese Nachrichten nicht mehr.' },
  it: { confirmed: 'Grazie: il suo indirizzo è confermato. Riceverà il link per inserire i contatori.', unsubscribed: 'Non riceverà più questi messaggi.' },
  en: { confirmed: 'Thank you: your address is confirmed. You will receive the meter-reading link.', unsubscribed: 'You will no longer receive these messages.' },
};

/** A person clicking in a mail client gets a sentence in their language; API clients get JSON. */
function contactAnswer(c: Context, contact: Contact) {
  if (!c.req.header('accept')?.includes('text/html')) return c.json(contact, 200);
  const message = PAGE_COPY[contactLanguage(contact.language)][contact.state === 'unsubscribed' ? 'unsubscribed' : 'confirmed'];
  return c.html(html`<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Parc</title><p style="font-family:sans-serif;margin:2rem">${message}</p>`, 200);
}

const contactResponse = {
  200: { description: 'The contact; a short page in its language for a browser', content: { 'application/json': { schema: contactSchema }, 'text/html': { schema: z.string() } } },   410: json(z.object({ code: z.string(), message: z.string() }), 'Unknown or expired link'),
  429: errorResponses[400],
};

export function createMeterRoutes() {
  const signupLimiter = createRateLimiter('campaign.signup', SIGNUP_LIMIT);
  const tokenLimiter = createRateLimiter('campaign.token', TOKEN_LIMIT);

  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaign/settings',
        tags,
        summary: "The partner's campaign defaults and nightly transmission",
        middleware: [requirePermission('settings', 'view')] as const,
        responses: { 200: json(partnerCampaignSettingsSchema, 'The settings'), ...errorResponses },
      }),
      async (c) => c.json(await getPartnerSettings(c.get('deps').db, c.get('user')), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/campaign/settings',
        tags,
        summary: "Replace the partner's campaign defaults (webhookSecret omitted: kept)",
        middleware: [requirePermission('settings', 'edit')] as const,
        request: { body: jsonBody(partnerCampaignSettingsUpdateSchema) },
        responses: { 200: json(partnerCampaignSettingsSchema, 'The settings'), ...errorResponses },
      }),
      async (c) => {
        const { db, clock } = c.get('deps');
        return c.json(await putPartnerSettings(db, c.get('user'), c.req.valid('json'), clock()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/customers/{id}/campaign',
        tags,
        summary: "A customer's campaign overrides and the settings in effect",
        middleware: [requirePermission('customers', 'view')] as const,
        request: { params: customerIdParams },
        responses: { 200: json(customerCampaignSettingsSchema, 'Overrides and effective settings'), ...errorResponses },
      }),
      async (c) => c.json(await getCustomerSettings(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/customers/{id}/campaign',
        tags,
        summary: "Replace a customer's overrides (null inherits the partner's default)",
        middleware: [requirePermission('customers', 'edit')] as const,
        request: { params: customerIdParams, body: jsonBody(customerCampaignOverridesSchema) },
        responses: { 200: json(customerCampaignSettingsSchema, 'Overrides and effective settings'), ...errorResponses },
      }),
      async (c) => {
        const { db, clock } = c.get('deps');
        return c.json(await putCustomerSettings(db, c.get('user'), c.req.valid('param').id, c.req.valid('json'), clock()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/customers/{id}/campaign/contacts',
        tags,
        summary: "The customer's campaign contacts",
        middleware: [requirePermission('customers', 'view')] as const,
        request: { params: customerIdParams },
        responses: { 200: json(z.object({ items: z.array(contactSchema) }), 'Contacts'), ...errorResponses },
      }),
      async (c) => c.json({ items: await listContacts(c.get('deps').db, c.get('user'), c.req.valid('param').id) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/customers/{id}/campaign/contacts',
        tags,
        summary: 'Invite an address: it receives the campaign once it confirms the emailed link',
        middleware: [requirePermission('customers', 'edit')] as const,
        request: { params: customerIdParams, body: jsonBody(contactInviteSchema) },
        responses: { 201: json(contactSchema, 'The contact (pending until confirmed)'), ...errorResponses },
      }),
      async (c) => c.json(await inviteContact(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaign/signup',
        tags,
        summary: 'Public self sign-up by customer number; a confirmation email follows if the number exists',
        description: 'Always 202, whether or not the customer number exists.',
        middleware: [publicRoute] as const,
        request: { body: jsonBody(signupSchema) },
        responses: { 202: { description: 'If the customer exists, a confirmation email is on its way' }, 400: errorResponses[400], 429: errorResponses[400] },
      }),
      async (c) => {
        const deps = c.get('deps');
        await consumeAttempt(signupLimiter, deps.db, clientAddress(c), deps.clock());
        signUp(deps, c.req.valid('json'));
        return c.body(null, 202);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/campaign/confirm/{token}', tags, summary: 'Confirm a contact address', middleware: [publicRoute] as const, request: { params: tokenParams }, responses: contactResponse }),
      async (c) => {
        const deps = c.get('deps');
        await consumeAttempt(tokenLimiter, deps.db, clientAddress(c), deps.clock());
        return contactAnswer(c, await confirmContact(deps, c.req.valid('param').token));
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/campaign/unsubscribe/{token}', tags, summary: 'Stop campaign emails to an address', middleware: [publicRoute] as const, request: { params: tokenParams }, responses: contactResponse }),
      async (c) => {
        const deps = c.get('deps');
        await consumeAttempt(tokenLimiter, deps.db, clientAddress(c), deps.clock());
        return contactAnswer(c, await unsubscribeContact(deps, c.req.valid('param').token));
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaign/stats',
        tags,
        summary: 'Per customer: sent → opened → first entry → complete for a period, and response rate',
        middleware: [requirePermission('readings', 'view')] as const,
        request: { query: statsQuerySchema },
        responses: { 200: json(campaignStatsSchema, 'The period'), ...errorResponses },
      }),
      async (c) => c.json(await campaignStats(c.get('deps'), c.get('user'), c.req.valid('query').period), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/internal/jobs/{name}',
        tags: ['internal'],
        summary: 'Run a job inside this server (used by `npm run job` when this server holds the data folder)',
        description: 'Authorization: Bearer <the secret in DATA_DIR/parc.job-secret>.',
        // The secret first: a caller without it learns nothing, not even what a valid body looks like.
        middleware: [jobCallerOnly] as const,
        request: { params: jobParams, body: jsonBody(jobRunBodySchema) },
        responses: { 200: json(z.object({ job: z.string(), summary: z.unknown() }), 'The job summary'), 404: errorResponses[404] },
      }),
      async (c) => {
        const deps = c.get('deps');
        const asOf = parseAsOf(c.req.valid('json').asOf, deps.clock());
        return c.json(await runJob(deps, c.req.valid('param').name, asOf), 200);
      },
    );
}

const jobCallerOnly: MiddlewareHandler<AppEnv> = declareAccess({ kind: 'job' }, async (c, next) => {
  if (!isJobCaller(c.get('deps').jobSecret, c.req.header('authorization'))) throw new DomainError('route.not_found');
  await next();
});

/** Constant-time comparison; without a secret the endpoint does not exist. */
function isJobCaller(secret: string | null, authorization: string | undefined): boolean {
  if (!secret || !authorization?.startsWith('Bearer ')) return false;
  const given = Buffer.from(authorization.slice('Bearer '.length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
