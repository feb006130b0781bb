import { createRoute } from '@hono/zod-openapi';
import { customerPricesSchema, priceListSchema, pricingChoicesSchema } from '@parc/shared/contracts/billing';
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
  );
