import { createRoute, z } from '@hono/zod-openapi';
import { billingEstimateSchema, customerPricesSchema, priceListSchema, pricingChoicesSchema } from '@parc/shared/contracts/billing';
import { getCustomer } from '../customers/customers.service.ts';
import { billingEstimate } from './estimate.service.ts';
import { createRouter } from '../../http/router.ts';
import { requirePermission } from '../auth/access.ts';
import { errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { customerPrices, pricingChoices, savePrices } from './prices.service.ts';

const tags = ['billing'];

export const billingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}/prices',
      tags,
      summary: "A customer's prices: the version in force, every earlier version, and the period a change made now takes effect from",
      middleware: [requirePermission('billing', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(customerPricesSchema, 'The prices'), ...errorResponses },
    }),
    async (c) => c.json(await customerPrices(c.get('deps'), c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/customers/{id}/prices',
      tags,
      summary: "Save a new version of a customer's prices, in force from the start of the current billing period",
      middleware: [requirePermission('billing', 'edit')] as const,
      request: { params: idParams, body: jsonBody(priceListSchema) },
      responses: { 200: json(customerPricesSchema, 'The prices with the new version'), ...errorResponses },
    }),
    async (c) => c.json(await savePrices(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}/pricing-choices',
      tags,
      summary: "The fleet's models, devices and supply models, to price in the prices tab",
      middleware: [requirePermission('billing', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(pricingChoicesSchema, 'What can be priced'), ...errorResponses },
    }),
    async (c) => c.json(await pricingChoices(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}/billing/estimate',
      tags,
      summary: 'The current billing period so far and where it is heading: pages and amounts, against the included pages (null without prices)',
      middleware: [requirePermission('billing', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(z.object({ estimate: billingEstimateSchema.nullable() }), 'The estimate'), ...errorResponses },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      const customer = await getCustomer(db, c.get('user'), c.req.valid('param').id);
      return c.json({ estimate: await billingEstimate(db, customer, clock()) }, 200);
    },
  );
