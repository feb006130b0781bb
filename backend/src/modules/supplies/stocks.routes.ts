import { createRoute, z } from '@hono/zod-openapi';
import {
  localStockInputSchema,
  localStockListQuerySchema,
  localStockListSchema,
  localStockSchema,
  localStockUpdateSchema,
  replenishmentCreateSchema,
  replenishmentListQuerySchema,
  replenishmentListSchema,
  replenishmentSchema,
  replenishmentUpdateSchema,
  stockItemInputSchema,
  stockMovementListSchema,
} from '@parc/shared/contracts/stocks';
import { createRouter } from '../../http/router.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { requirePermission } from '../auth/access.ts';
import { sendLowStockNotices } from './stock-notices.ts';
import {
  changeReplenishment,
  changeStock,
  createReplenishment,
  createStock,
  getStock,
  listReplenishments,
  listStocks,
  removeStock,
  removeStockItem,
  saveStockItem,
  stockMovements,
} from './stocks.service.ts';

const tags = ['consumables'];
const view = requirePermission('consumables', 'view');
const edit = requirePermission('consumables', 'edit');
const itemParams = z.object({ id: z.uuid(), supplyModelId: z.uuid() });

/** Local stocks at customers' sites: what they hold, the devices they serve, their replenishments. */
export const stockRoutes = createRouter()
  .openapi(
    createRoute({ method: 'get', path: '/supplies/stocks', tags, summary: 'Local stocks with their devices and items (quantity, minimum, target, in transit)', middleware: [view] as const, request: { query: localStockListQuerySchema }, responses: { 200: json(localStockListSchema, 'Stocks'), ...errorResponses } }),
    async (c) => c.json(await listStocks(c.get('deps').db, c.get('user'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/supplies/stocks', tags, summary: 'Add a local stock at a customer’s site, with the site’s devices it serves', middleware: [edit] as const, request: { body: jsonBody(localStockInputSchema) }, responses: { 201: json(localStockSchema, 'Added'), ...conflictResponse, ...errorResponses } }),
    async (c) => c.json(await createStock(c.get('deps').db, c.get('user'), c.req.valid('json'), c.get('deps').clock()), 201),
  )
  .openapi(
    createRoute({ method: 'get', path: '/supplies/stocks/{id}', tags, summary: 'One local stock', middleware: [view] as const, request: { params: idParams }, responses: { 200: json(localStockSchema, 'Stock'), ...errorResponses } }),
    async (c) => c.json(await getStock(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({ method: 'patch', path: '/supplies/stocks/{id}', tags, summary: 'Rename a stock, change its devices or its manager', middleware: [edit] as const, request: { params: idParams, body: jsonBody(localStockUpdateSchema) }, responses: { 200: json(localStockSchema, 'Changed'), ...conflictResponse, ...errorResponses } }),
    async (c) => c.json(await changeStock(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.get('deps').clock()), 200),
  )
  .openapi(
    createRoute({ method: 'delete', path: '/supplies/stocks/{id}', tags, summary: 'Remove a stock (its devices are then served by deliveries only)', middleware: [edit] as const, request: { params: idParams }, responses: { 200: json(z.object({ deleted: z.literal(true) }), 'Removed'), ...errorResponses } }),
    async (c) => {
      await removeStock(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.json({ deleted: true as const }, 200);
    },
  )
  .openapi(
    createRoute({ method: 'put', path: '/supplies/stocks/{id}/items/{supplyModelId}', tags, summary: 'Keep a supply in a stock, set its minimum and target, or record an inventory count', middleware: [edit] as const, request: { params: itemParams, body: jsonBody(stockItemInputSchema) }, responses: { 200: json(localStockSchema, 'Saved'), ...errorResponses } }),
    async (c) => {
      const deps = c.get('deps');
      const { id, supplyModelId } = c.req.valid('param');
      const stock = await saveStockItem(deps.db, c.get('user'), id, supplyModelId, c.req.valid('json'), deps.clock());
      // A count may have taken it to its minimum.
      await sendLowStockNotices(deps, c.get('user').partnerId);
      return c.json(stock, 200);
    },
  )
  .openapi(
    createRoute({ method: 'delete', path: '/supplies/stocks/{id}/items/{supplyModelId}', tags, summary: 'Stop keeping a supply in a stock', middleware: [edit] as const, request: { params: itemParams }, responses: { 200: json(localStockSchema, 'Removed'), ...errorResponses } }),
    async (c) => {
      const { id, supplyModelId } = c.req.valid('param');
      return c.json(await removeStockItem(c.get('deps').db, c.get('user'), id, supplyModelId), 200);
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/supplies/stocks/{id}/movements', tags, summary: 'A stock’s last 100 movements: counts, replenishments received, replacements drawn', middleware: [view] as const, request: { params: idParams }, responses: { 200: json(stockMovementListSchema, 'Movements'), ...errorResponses } }),
    async (c) => c.json(await stockMovements(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/supplies/stocks/{id}/replenishments', tags, summary: 'Order a replenishment from the central stock (shipped at once when given a tracking number)', middleware: [edit] as const, request: { params: idParams, body: jsonBody(replenishmentCreateSchema) }, responses: { 201: json(replenishmentSchema, 'Placed'), ...errorResponses } }),
    async (c) => c.json(await createReplenishment(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.get('deps').clock()), 201),
  )
  .openapi(
    createRoute({ method: 'get', path: '/supplies/replenishments', tags, summary: 'Replenishments, newest first (the last 200), by stock and status', middleware: [view] as const, request: { query: replenishmentListQuerySchema }, responses: { 200: json(replenishmentListSchema, 'Replenishments'), ...errorResponses } }),
    async (c) => c.json(await listReplenishments(c.get('deps').db, c.get('user'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({ method: 'patch', path: '/supplies/replenishments/{id}', tags, summary: 'Ship, receive into the stock or cancel a replenishment, and/or change its carrier and tracking', middleware: [edit] as const, request: { params: idParams, body: jsonBody(replenishmentUpdateSchema) }, responses: { 200: json(replenishmentSchema, 'Changed'), ...conflictResponse, ...errorResponses } }),
    async (c) => c.json(await changeReplenishment(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.get('deps').clock()), 200),
  );
