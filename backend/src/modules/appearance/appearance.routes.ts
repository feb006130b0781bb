import { createRoute, z } from '@hono/zod-openapi';
import { appearanceSchema, appearanceUpdateSchema, brandSchema, logoUploadSchema } from '@parc/shared/contracts/appearance';
import { createRouter } from '../../http/router.ts';
import { PARTNER_ROLES, publicRoute, requirePermission, requireSession } from '../auth/access.ts';
import { errorResponses, json, jsonBody } from '../../http/openapi.ts';
import { changeAppearance, getAppearance, getBrand, readLogo, removeLogo, uploadLogo } from './appearance.service.ts';

const tags = ['appearance'];

/** The dealer's branding: every console user reads its brand (the header takes its colour), settings screens the rest. */
export const appearanceRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/appearance/brand',
      tags,
      summary: "The dealer's name, colour and logo, which every console screen wears",
      middleware: [requireSession(...PARTNER_ROLES)] as const,
      responses: { 200: json(brandSchema, 'Brand'), ...errorResponses },
    }),
    async (c) => c.json(await getBrand(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/appearance',
      tags,
      summary: "The partner's logo, colour, sender, default language and contact details",
      middleware: [requirePermission('settings', 'view')] as const,
      responses: { 200: json(appearanceSchema, 'Appearance'), ...errorResponses },
    }),
    async (c) => c.json(await getAppearance(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/appearance',
      tags,
      summary: 'Change colour, sender address, default language or contact details',
      middleware: [requirePermission('settings', 'edit')] as const,
      request: { body: jsonBody(appearanceUpdateSchema) },
      responses: { 200: json(appearanceSchema, 'Appearance now'), ...errorResponses },
    }),
    async (c) => c.json(await changeAppearance(c.get('deps').db, c.get('user'), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/appearance/logo',
      tags,
      summary: 'Upload the logo (PNG, JPEG, SVG or WebP, 512 KB at most, base64 in JSON)',
      middleware: [requirePermission('settings', 'edit')] as const,
      request: { body: jsonBody(logoUploadSchema) },
      responses: { 200: json(appearanceSchema, 'Appearance with the new logo URL'), ...errorResponses },
    }),
    async (c) => c.json(await uploadLogo(c.get('deps'), c.get('user'), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/appearance/logo',
      tags,
      summary: 'Remove the logo',
      middleware: [requirePermission('settings', 'edit')] as const,
      responses: { 200: json(appearanceSchema, 'Appearance without logo'), ...errorResponses },
    }),
    async (c) => c.json(await removeLogo(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/public/logos/{partnerId}',
      tags,
      summary: "A partner's logo, public: emails and the customers' meter page load it without a session",
      middleware: [publicRoute] as const,
      request: { params: z.object({ partnerId: z.uuid() }) },
      responses: { 200: { description: 'The image' }, 404: json(z.object({ code: z.string(), message: z.string() }), 'No logo') },
    }),
    async (c) => {
      const logo = await readLogo(c.get('deps').db, c.req.valid('param').partnerId);
      return c.body(logo.image as Uint8Array<ArrayBuffer>, 200, {
        'content-type': logo.contentType,
        // The URL changes (?v=) with every upload, so a long cache is safe.
        'cache-control': 'public, max-age=86400',
        // An SVG opened directly must not run scripts on our origin.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'x-content-type-options': 'nosniff',
      });
    },
  );
