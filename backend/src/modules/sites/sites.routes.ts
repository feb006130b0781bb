import { decodeCsv } from '@parc/shared/csv';
import { createRoute, z } from '@hono/zod-openapi';
import {
  siteCreateSchema,
  siteImportQuerySchema,
  siteImportRefusedSchema,
  siteImportResultSchema,
  siteListQuerySchema,
  siteListSchema,
  siteSchema,
  siteUpdateSchema,
} from '@parc/shared/contracts/sites';
import { DomainError } from '@parc/shared';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { changeSite, createSite, deactivateSite, getSite, importSites, listSites, reactivateSite, removeSite } from './sites.service.ts';

const tags = ['sites'];
const customerParams = z.object({ customerId: z.uuid() });
/** Enough for thousands of sites; anything bigger is not a sites list. */
const MAX_IMPORT_BYTES = 1_000_000;

export const siteRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{customerId}/sites',
      tags,
      summary: "A customer's sites",
      middleware: [requirePermission('customers', 'view', ALL_ROLES)] as const,
      request: { params: customerParams, query: siteListQuerySchema },
      responses: { 200: json(siteListSchema, 'Sites by name'), ...errorResponses },
    }),
    async (c) => c.json(await listSites(c.get('deps').db, c.get('user'), c.req.valid('param').customerId, c.req.valid('query').active), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{customerId}/sites',
      tags,
      summary: "Add a site; without coordinatorId it gets the customer's main coordinator",
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: customerParams, body: jsonBody(siteCreateSchema) },
      responses: { 201: json(siteSchema, 'Created'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await createSite(c.get('deps').db, c.get('user'), c.req.valid('param').customerId, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{customerId}/sites/import',
      tags,
      summary: 'Import sites from CSV (comma or semicolon, UTF-8): preview judges each line, commit writes all or nothing',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: {
        params: customerParams,
        query: siteImportQuerySchema,
        body: { required: true, content: { 'text/csv': { schema: z.string() } } },
      },
      responses: {
        200: json(siteImportResultSchema, 'Per-line results; in commit mode the sites were created'),
        ...errorResponses,
        400: json(siteImportRefusedSchema, 'Commit refused: some lines are wrong and nothing was written'),
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > MAX_IMPORT_BYTES) throw new DomainError('site_import.too_large', { maximum: MAX_IMPORT_BYTES });
      // A spreadsheet's "CSV" is often Windows-1252: "Genève" must not arrive as "Gen\uFFFDve".
      const { text: csv } = decodeCsv(bytes);
      const outcome = await importSites(c.get('deps').db, c.get('user'), c.req.valid('param').customerId, csv, c.req.valid('query').mode);
      if (outcome.refused) {
        const wrong = outcome.lines.filter((line) => line.status === 'error').length;
        return c.json({ code: 'bad_request' as const, message: `${wrong} line(s) have errors; no site was created.`, lines: outcome.lines }, 400);
      }
      return c.json(outcome.result, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/sites/{id}',
      tags,
      summary: 'One site',
      middleware: [requirePermission('customers', 'view', ALL_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: json(siteSchema, 'The site'), ...errorResponses },
    }),
    async (c) => c.json(await getSite(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/sites/{id}',
      tags,
      summary: 'Change a site',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams, body: jsonBody(siteUpdateSchema) },
      responses: { 200: json(siteSchema, 'The changed site'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await changeSite(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sites/{id}/deactivate',
      tags,
      summary: 'Deactivate a site: it is no longer offered for new devices',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(siteSchema, 'The deactivated site'), ...errorResponses },
    }),
    async (c) => c.json(await deactivateSite(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sites/{id}/reactivate',
      tags,
      summary: 'Reactivate a site: it is offered for new devices again',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(siteSchema, 'The reactivated site'), ...errorResponses },
    }),
    async (c) => c.json(await reactivateSite(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/sites/{id}',
      tags,
      summary: 'Delete a site nothing refers to; one with devices, floor plans or local stocks is refused (site.in_use): deactivate it instead',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...conflictResponse, ...errorResponses },
    }),
    async (c) => {
      await removeSite(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
