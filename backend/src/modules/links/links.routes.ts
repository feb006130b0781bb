import { createRoute, z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  DomainError,
  linkInvalidBodySchema,
  locationChangeRequestSchema,
  LANGUAGES,
  LINK_STATES,
  meterEntryPageSchema,
  meterEntryResultsSchema,
  meterEntrySubmissionSchema,
  periodKeySchema,
  readingReasonSchema,
  COUNTER_KINDS,
  READING_SOURCES,
  type CampaignCalendar,
  type LinkInvalidBody,
  type MeterEntryPage,
} from '@parc/shared';
import { meterForecastSchema } from '@parc/shared/contracts/forecast';
import { readingSchema, readingValueSchema } from '@parc/shared/contracts/readings';
import type { AppDeps } from '../../deps.ts';
import { createRouter, type AppEnv } from '../../http/router.ts';
import { clientAddress, consumeAttempt, createRateLimiter, type RateLimiter } from '../../http/rate-limit.ts';
import { declareAccess, requirePermission } from '../auth/access.ts';
import { errorResponses, errorSchema, idParams, json, jsonBody } from '../../http/openapi.ts';
import { meterPageForecast } from '../billing/forecast.service.ts';
import { acceptFlagged, correctFlagged, toCheckQueue } from './links.review.ts';
import { isVerifiedToken } from './links.tokens.ts';
import {
  dealerForInvalidLink,
  listLinks,
  meterEntryPageJson,
  meterEntryReceipt,
  openLink,
  requestLocationChange,
  resendLink,
  revokeLink,
  submitEntries,
  type IssuedLink,
  type OpenedLink,
} from './links.service.ts';

/** Token endpoints per client address and minute: generous for a person, a wall for a scanner. */
export const LINK_READ_LIMIT = { limit: 60, windowMs: 60_000 };
export const LINK_WRITE_LIMIT = { limit: 120, windowMs: 60_000 };

type WindowLimit = { limit: number; windowMs: number };

export interface LinkRoutesOptions {
  /** The customer's campaign calendar: a resent link expires at its last valid day. The standard calendar without it. */
  calendarOf?: (deps: AppDeps, customer: { partnerId: string; customerId: string }) => Promise<CampaignCalendar>;
  /** Sends the email for a link the partner resent; without it the caller of the API sends it. */
  onResend?: (deps: AppDeps, link: IssuedLink & { partnerId: string }) => Promise<void>;
  /** Per client address; LINK_READ_LIMIT and LINK_WRITE_LIMIT unless given (a benchmark raises them). */
  readLimit?: WindowLimit;
  writeLimit?: WindowLimit;
  /** The read limiter itself, in place of the database-backed one (a benchmark isolates the handler's cost). */
  readLimiter?: RateLimiter;
}

const tags = ['links'];
const tokenParams = z.object({ token: z.string().min(1).max(4096) });
const receiptQuery = z.object({ lang: z.enum(LANGUAGES).optional() });
const INVALID_MESSAGE = 'This link is incorrect or no longer valid. Please try again or contact your dealer.';

/**
 * What the token endpoints go through (the entry page has its own gate below): the rate limit,
 * then the token. A link that does not work answers 410 with the dealer's contacts when the dealer
 * is known, never customer data.
 */
function linkGate(limiter: RateLimiter) {
  return declareAccess({ kind: 'link' }, createMiddleware<AppEnv & { Variables: { opened: OpenedLink } }>(async (c, next) => {
    const deps = c.get('deps');
    await consumeAttempt(limiter, deps.db, clientAddress(c), deps.clock());
    try {
      c.set('opened', await openLink(deps, c.req.param('token') ?? ''));
    } catch (error) {
      return invalidLinkAnswer(c, error);
    }
    await next();
  }));
}

/**
 * The entry page's gate: the limit is there against guessing, so it counts every token this process
 * has not verified before and every link that does not work, but not a customer's reloads of a
 * working link, which the page cache answers without the database.
 */
function pageGate(limiter: RateLimiter) {
  return declareAccess({ kind: 'link' }, createMiddleware<AppEnv & { Variables: { pageJson: string } }>(async (c, next) => {
    const deps = c.get('deps');
    const token = c.req.param('token') ?? '';
    const counted = !isVerifiedToken(deps.db, token);
    if (counted) await consumeAttempt(limiter, deps.db, clientAddress(c), deps.clock());
    try {
      c.set('pageJson', await meterEntryPageJson(deps, token));
    } catch (error) {
      if (!counted && isInvalidLink(error)) await consumeAttempt(limiter, deps.db, clientAddress(c), deps.clock());
      return invalidLinkAnswer(c, error);
    }
    await next();
  }));
}

const isInvalidLink = (error: unknown): error is DomainError => error instanceof DomainError && error.code === 'link_invalid';

/** 410 with the dealer's contacts for a link that does not work; any other error goes on to the error handler. */
async function invalidLinkAnswer<E extends AppEnv>(c: Context<E>, error: unknown) {
  if (!isInvalidLink(error)) throw error;
  const partnerId = typeof error.meta.partnerId === 'string' ? error.meta.partnerId : null;
  const body: LinkInvalidBody = { code: 'link_invalid', message: INVALID_MESSAGE, dealer: await dealerForInvalidLink(c.get('deps').db, partnerId) };
  return c.json(body, 410);
}

const invalidLink = { 410: json(linkInvalidBodySchema, 'Expired, revoked or tampered link'), 429: json(errorSchema, 'Too many requests') } as const;

const linkSummarySchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerNumber: z.string(),
  period: periodKeySchema,
  state: z.enum(LINK_STATES),
  issuedAt: z.string(),
  expiresAt: z.string(),
  sentAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  firstEntryAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const issuedLinkSchema = z.object({ linkId: z.uuid(), token: z.string(), url: z.string(), expiresAt: z.string() });
const point = z.object({ value: z.number().int(), takenAt: z.string() }).nullable();
const toCheckItemSchema = z.object({
  readingId: z.uuid(),
  customerId: z.uuid(),
  customerNumber: z.string(),
  deviceId: z.uuid(),
  deviceCode: z.string(),
  model: z.string(),
  counter: z.enum(COUNTER_KINDS),
  value: z.number().int(),
  takenAt: z.string(),
  source: z.enum(READING_SOURCES),
  enteredBy: z.string(),
  previous: point,
  agentLatest: point,
  reason: readingReasonSchema.nullable(),
  explanation: z.string().nullable(),
});

/** The rate-limit counters live in the database, shared by every instance (see rate-limit.ts). */
export function createLinkRoutes(options: LinkRoutesOptions = {}) {
  const readLimiter = options.readLimiter ?? createRateLimiter('link.read', options.readLimit ?? LINK_READ_LIMIT);
  const readGate = linkGate(readLimiter);
  const entryPageGate = pageGate(readLimiter);
  const writeGate = linkGate(createRateLimiter('link.write', options.writeLimit ?? LINK_WRITE_LIMIT));
  // Links and the to-check queue are the readings screen's, as far as a staff profile goes.
  const viewReadings = requirePermission('readings', 'view');
  const editReadings = requirePermission('readings', 'edit');

  return (
    createRouter()
      // --- the customer's side: public, the token is the credential ---
      .openapi(
        createRoute({
          method: 'get',
          path: '/links/{token}',
          tags,
          summary: "The customer's meter-entry page; customer number only",
          middleware: [entryPageGate] as const,
          request: { params: tokenParams },
          responses: { 200: json(meterEntryPageSchema, 'The page'), ...invalidLink },
        }),
        // Already JSON: the page as kept for reloads, or as just read.
        (c) => c.body(c.get('pageJson'), 200, { 'content-type': 'application/json' }) as unknown as TypedResponse<MeterEntryPage, 200, 'json'>,
      )
      .openapi(
        createRoute({
          method: 'post',
          path: '/links/{token}/entries',
          tags,
          summary: 'Enter counters; one result per entry, idempotent by clientId',
          middleware: [writeGate] as const,
          request: { params: tokenParams, body: jsonBody(meterEntrySubmissionSchema) },
          responses: { 200: json(meterEntryResultsSchema, 'A result per entry'), 400: json(errorSchema, 'Invalid input'), ...invalidLink },
        }),
        async (c) => c.json({ results: await submitEntries(c.get('deps'), c.get('opened'), c.req.valid('json').entries) }, 200),
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/links/{token}/forecast',
          tags,
          summary: 'The included pages this billing period: so far, projected, when they run out; pages only, null without included pages',
          middleware: [readGate] as const,
          request: { params: tokenParams },
          responses: { 200: json(meterForecastSchema, 'The forecast'), ...invalidLink },
        }),
        async (c) => {
          const deps = c.get('deps');
          const { link, customer } = c.get('opened');
          return c.json(await meterPageForecast(deps.db, { id: customer.id, partnerId: link.partnerId }, deps.clock()), 200);
        },
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/links/{token}/receipt.pdf',
          tags,
          summary: 'The receipt to print for the records (PDF), in the language the page is read in',
          middleware: [readGate] as const,
          request: { params: tokenParams, query: receiptQuery },
          responses: {
            200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
            400: json(errorSchema, 'A language Parc does not speak'),
            ...invalidLink,
          },
        }),
        async (c) => {
          const opened = c.get('opened');
          // The page's language (the customer may have switched it), else the customer's stored one.
          const language = c.req.valid('query').lang ?? opened.customer.language;
          const pdf = await meterEntryReceipt(c.get('deps'), opened, language);
          return c.body(new Uint8Array(pdf), 200, {
            'Content-Type': 'application/pdf',
            'Content-Language': language,
            'Content-Disposition': `attachment; filename="receipt-${opened.customer.customerNumber.replace(/[^\w-]/g, '')}-${opened.link.period}.pdf"`,
            'Cache-Control': 'no-store',
          });
        },
      )
      .openapi(
        createRoute({
          method: 'post',
          path: '/links/{token}/location-requests',
          tags,
          summary: "Ask the dealer to change a machine's location text",
          middleware: [writeGate] as const,
          request: { params: tokenParams, body: jsonBody(locationChangeRequestSchema) },
          responses: { 202: { description: 'Passed on to the dealer' }, 400: json(errorSchema, 'Invalid input'), ...invalidLink },
        }),
        async (c) => {
          await requestLocationChange(c.get('deps'), c.get('opened'), c.req.valid('json'));
          return c.body(null, 202);
        },
      )
      // --- the partner's side ---
      .openapi(
        createRoute({
          method: 'get',
          path: '/links',
          tags,
          summary: 'Links with their campaign state (issued, sent, opened, first entry, complete, revoked, expired)',
          middleware: [viewReadings] as const,
          request: { query: z.object({ customerId: z.uuid().optional(), period: periodKeySchema.optional() }) },
          responses: { 200: json(z.object({ items: z.array(linkSummarySchema) }), 'Links, newest period first'), ...errorResponses },
        }),
        async (c) => c.json({ items: await listLinks(c.get('deps'), c.get('user').partnerId, c.req.valid('query')) }, 200),
      )
      .openapi(
        createRoute({
          method: 'post',
          path: '/links/{id}/revoke',
          tags,
          summary: 'Stop a link working at once',
          middleware: [editReadings] as const,
          request: { params: idParams },
          responses: { 200: json(linkSummarySchema.omit({ customerNumber: true }), 'The revoked link'), ...errorResponses },
        }),
        async (c) => c.json(await revokeLink(c.get('deps'), { partnerId: c.get('user').partnerId, linkId: c.req.valid('param').id }), 200),
      )
      .openapi(
        createRoute({
          method: 'post',
          path: '/links/{id}/resend',
          tags,
          summary: 'Revoke the link and issue a new one for the same customer and period',
          middleware: [editReadings] as const,
          request: { params: idParams },
          responses: { 201: json(issuedLinkSchema, 'The new link'), 409: json(errorSchema, 'The period is closed'), ...errorResponses },
        }),
        async (c) => {
          const deps = c.get('deps');
          const partnerId = c.get('user').partnerId;
          const calendarOf = options.calendarOf && ((customerId: string) => options.calendarOf!(deps, { partnerId, customerId }));
          const link = await resendLink(deps, { partnerId, linkId: c.req.valid('param').id, calendarOf });
          await options.onResend?.(deps, { ...link, partnerId });
          return c.json({ linkId: link.linkId, token: link.token, url: link.url, expiresAt: link.expiresAt.toISOString() }, 201);
        },
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/readings/to-check',
          tags: ['readings'],
          summary: 'Readings flagged "to check", with why, the previous value and the agent\'s latest',
          middleware: [viewReadings] as const,
          responses: { 200: json(z.object({ items: z.array(toCheckItemSchema) }), 'The review queue, oldest first'), ...errorResponses },
        }),
        async (c) => c.json({ items: await toCheckQueue(c.get('deps').db, c.get('user')) }, 200),
      )
      .openapi(
        createRoute({
          method: 'post',
          path: '/readings/{id}/accept',
          tags: ['readings'],
          summary: 'Accept a flagged reading as it is',
          middleware: [editReadings] as const,
          request: { params: idParams, body: jsonBody(z.strictObject({ note: z.string().trim().max(500).optional() })) },
          responses: { 200: json(readingSchema, 'The accepted reading'), 409: json(errorSchema, 'Not waiting for review'), ...errorResponses },
        }),
        async (c) => c.json(await acceptFlagged(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(
        createRoute({
          method: 'post',
          path: '/readings/{id}/correct',
          tags: ['readings'],
          summary: 'Replace a flagged value, with a note saying why',
          middleware: [editReadings] as const,
          request: { params: idParams, body: jsonBody(z.strictObject({ value: readingValueSchema, note: z.string().trim().min(1).max(500) })) },
          responses: {
            200: json(readingSchema, 'The corrected reading'),
            409: json(errorSchema, 'Not waiting for review'),
            422: json(errorSchema, 'Lower than the reading before it'),
            423: json(errorSchema, 'Already sent'),
            ...errorResponses,
          },
        }),
        async (c) => c.json(await correctFlagged(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
  );
}
