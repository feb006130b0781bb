import { createRoute, z } from '@hono/zod-openapi';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '@parc/shared';
import { createRouter } from '../../http/router.ts';
import { errorResponses, idParams } from '../../http/openapi.ts';
import { requirePermission, type SessionUser } from '../auth/access.ts';
import { billingRunCsv, billingRunXlsx, exportFileName } from './runs.export.ts';
import { getRun } from './runs.service.ts';

const tags = ['billing'];
/** The headers' language; the signed-in user's own without it. */
const exportQuery = z.object({ lang: z.enum(LANGUAGES).optional() });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const languageOf = (query: { lang?: Language | undefined }, user: SessionUser): Language => query.lang ?? (isLanguage(user.language) ? user.language : DEFAULT_LANGUAGE);

const download = (fileName: string, contentType: string, language: Language) => ({
  'Content-Type': contentType,
  'Content-Language': language,
  'Content-Disposition': `attachment; filename="${fileName}"`,
});

/** A billing run for the dealer's accounting: one line per device and counter and the customer-level lines, adding up to the run's total. */
export const billingExportRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing-runs/{id}/export.csv',
      tags,
      summary: "A run's lines as CSV for accounting: UTF-8 with BOM, `;` between fields, `.` in decimals",
      middleware: [requirePermission('billing', 'view')] as const,
      request: { params: idParams, query: exportQuery },
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
    }),
    async (c) => {
      const user = c.get('user');
      const run = await getRun(c.get('deps').db, user, c.req.valid('param').id);
      const language = languageOf(c.req.valid('query'), user);
      return c.body(billingRunCsv(run, language), 200, download(exportFileName(run, 'csv'), 'text/csv; charset=utf-8', language));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing-runs/{id}/export.xlsx',
      tags,
      summary: "A run's lines as an Excel workbook: numeric cells, amounts in the currency's format, a total row",
      middleware: [requirePermission('billing', 'view')] as const,
      request: { params: idParams, query: exportQuery },
      responses: { 200: { description: 'XLSX', content: { [XLSX_TYPE]: { schema: z.string() } } }, ...errorResponses },
    }),
    async (c) => {
      const user = c.get('user');
      const run = await getRun(c.get('deps').db, user, c.req.valid('param').id);
      const language = languageOf(c.req.valid('query'), user);
      return c.body(new Uint8Array(await billingRunXlsx(run, language)), 200, download(exportFileName(run, 'xlsx'), XLSX_TYPE, language));
    },
  );
