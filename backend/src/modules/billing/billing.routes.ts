import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { customerPricesInputSchema, customerPricesSchema, type CustomerPrices } from '@parc/shared/contracts/billing';
import type { Db } from '../../db/client.ts';
import { customerPrices } from '../../db/schema/index.ts';
import { createRouter } from '../../http/router.ts';
import { requirePermission } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';

const tags = ['billing'];

type PriceRow = typeof customerPrices.$inferSelect;

/** numeric comes back as text with the column's scale ("0.1000"); shown as entered, trailing zeros dropped. */
const price = (value: string) => value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

function toPrices({ partnerId: _partner, ...row }: PriceRow): CustomerPrices {
  return { ...row, monoPrice: price(row.monoPrice), colourPrice: price(row.colourPrice), scanPrice: price(row.scanPrice), updatedAt: row.updatedAt.toISOString() };
}

async function findPrices(db: Db, partnerId: string, customerId: string): Promise<CustomerPrices | null> {
  const [row] = await db.select().from(customerPrices).where(and(eq(customerPrices.partnerId, partnerId), eq(customerPrices.customerId, customerId)));
  return row ? toPrices(row) : null;
}

export const billingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}/prices',
      tags,
      summary: "A customer's prices per page (null when none were set)",
      middleware: [requirePermission('customers', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(z.object({ prices: customerPricesSchema.nullable() }), 'The prices'), ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const customer = await getCustomer(db, c.get('user'), c.req.valid('param').id);
      return c.json({ prices: await findPrices(db, customer.partnerId, customer.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/customers/{id}/prices',
      tags,
      summary: "Set a customer's prices per page (mono, colour, scan), currency and optional included pages",
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams, body: jsonBody(customerPricesInputSchema) },
      responses: { 200: json(customerPricesSchema, 'The saved prices'), ...errorResponses },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      const customer = await getCustomer(db, c.get('user'), c.req.valid('param').id);
      const values = { ...c.req.valid('json'), updatedAt: clock() };
      const [row] = await db
        .insert(customerPrices)
        .values({ ...values, customerId: customer.id, partnerId: customer.partnerId })
        .onConflictDoUpdate({ target: customerPrices.customerId, set: values })
        .returning();
      return c.json(toPrices(row!), 200);
    },
  );
