import { createRoute, z } from '@hono/zod-openapi';
import { dealerSetupResultSchema, dealerSetupSchema, setupLinkSchema } from '@parc/shared/contracts/setup';
import { clientAddress, consumeAttempt, createRateLimiter } from '../../http/rate-limit.ts';
import { createRouter } from '../../http/router.ts';
import { errorSchema, errorsFor, json, jsonBody } from '../../http/openapi.ts';
import { publicRoute } from '../auth/access.ts';
import { completeSetup, openSetupLink } from './setup.service.ts';

/** Per client address, opening and sending together: a person needs a few, a token guesser is stopped. */
export const SETUP_LIMIT = { limit: 30, windowMs: 10 * 60_000 };

const tags = ['setup'];
const tokenParams = z.object({ token: z.string().min(1).max(200) });
const linkGone = { 410: json(errorSchema, 'The link is unknown, used or expired (`setup.link_*`), or a first-run link once a dealer exists (`setup.partner_exists`)') };

export function createSetupRoutes() {
  const limiter = createRateLimiter('setup.token', SETUP_LIMIT);
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/setup/{token}',
        tags,
        summary: 'Whether a one-time setup link (printed by the server or `npm run job -- setup-link|add-partner`) still works',
        middleware: [publicRoute] as const,
        request: { params: tokenParams },
        responses: { 200: json(setupLinkSchema, 'The link works until expiresAt'), ...linkGone, ...errorsFor(409, 429) },
      }),
      async (c) => {
        const deps = c.get('deps');
        await consumeAttempt(limiter, deps.db, clientAddress(c), deps.clock());
        return c.json(await openSetupLink(deps, c.req.valid('param').token), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/setup/{token}',
        tags,
        summary: "Create a dealer and its first administrator with a setup link; the link is spent (sign in next with the administrator's email and password)",
        middleware: [publicRoute] as const,
        request: { params: tokenParams, body: jsonBody(dealerSetupSchema) },
        responses: { 201: json(dealerSetupResultSchema, 'The dealer exists; its administrator can sign in'), ...linkGone, ...errorsFor(400, 409, 429) },
      }),
      async (c) => {
        const deps = c.get('deps');
        await consumeAttempt(limiter, deps.db, clientAddress(c), deps.clock());
        return c.json(await completeSetup(deps, c.req.valid('param').token, c.req.valid('json')), 201);
      },
    );
}
