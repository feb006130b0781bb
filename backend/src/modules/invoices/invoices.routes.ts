import { createRoute, z } from '@hono/zod-openapi';
import { INVOICE_DOCUMENT_TYPES, invoiceCreateSchema, invoiceInputSchema, invoiceListQuerySchema, invoiceListSchema, invoiceSchema, paymentInputSchema } from '@parc/shared/contracts/billing';
import { createRouter } from '../../http/router.ts';
import { requirePermission } from '../auth/access.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { addPayment, createInvoice, deleteInvoice, deletePayment, getInvoice, invoiceFile, listInvoices, updateInvoice } from './invoices.service.ts';

const tags = ['invoices'];
const view = requirePermission('billing', 'view');
const edit = requirePermission('billing', 'edit');
const paymentParams = z.object({ id: z.uuid(), paymentId: z.uuid() });
const documentBody = Object.fromEntries(INVOICE_DOCUMENT_TYPES.map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }]));

export const invoiceRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/invoices',
      tags,
      summary: 'Invoices with their payments, amount paid, remaining and status (open, partly paid, paid, overdue), newest first',
      middleware: [view] as const,
      request: { query: invoiceListQuerySchema },
      responses: { 200: json(invoiceListSchema, 'The invoices'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listInvoices(c.get('deps'), c.get('user'), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invoices',
      tags,
      summary: 'Add an invoice, linked to a billing run or not, with its PDF or image document (checked by its bytes)',
      middleware: [edit] as const,
      request: { body: jsonBody(invoiceCreateSchema) },
      responses: { 201: json(invoiceSchema, 'The invoice'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await createInvoice(c.get('deps'), c.get('user'), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/invoices/{id}',
      tags,
      summary: 'One invoice with its payments',
      middleware: [view] as const,
      request: { params: idParams },
      responses: { 200: json(invoiceSchema, 'The invoice'), ...errorResponses },
    }),
    async (c) => c.json(await getInvoice(c.get('deps'), c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/invoices/{id}',
      tags,
      summary: 'Change an invoice; `document` absent keeps the file, null removes it',
      middleware: [edit] as const,
      request: { params: idParams, body: jsonBody(invoiceInputSchema) },
      responses: { 200: json(invoiceSchema, 'The invoice'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await updateInvoice(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/invoices/{id}',
      tags,
      summary: 'Delete an invoice and its payments',
      middleware: [edit] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteInvoice(c.get('deps'), c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/invoices/{id}/document',
      tags,
      summary: "The invoice's document",
      middleware: [view] as const,
      request: { params: idParams },
      responses: { 200: { description: 'The file', content: documentBody }, ...errorResponses },
    }),
    async (c) => {
      const file = await invoiceFile(c.get('deps'), c.get('user'), c.req.valid('param').id);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.type,
        'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'X-Content-Type-Options': 'nosniff',
        // A PDF opened from here runs no script and reaches nothing.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'Cache-Control': 'private, no-store',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invoices/{id}/payments',
      tags,
      summary: 'Record one payment (of possibly several); never more than what remains; a replayed clientId records nothing more',
      middleware: [edit] as const,
      request: { params: idParams, body: jsonBody(paymentInputSchema) },
      responses: { 201: json(invoiceSchema, 'The invoice with the payment'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await addPayment(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/invoices/{id}/payments/{paymentId}',
      tags,
      summary: 'Remove a payment recorded by mistake',
      middleware: [edit] as const,
      request: { params: paymentParams },
      responses: { 200: json(invoiceSchema, 'The invoice without the payment'), ...errorResponses },
    }),
    async (c) => {
      const { id, paymentId } = c.req.valid('param');
      return c.json(await deletePayment(c.get('deps'), c.get('user'), id, paymentId), 200);
    },
  );
