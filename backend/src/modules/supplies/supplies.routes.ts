import { createRoute, z } from '@hono/zod-openapi';
import { pageQuerySchema } from '@parc/shared/contracts/paging';
import {
  carrierInputSchema,
  carrierListSchema,
  carrierSchema,
  carrierUpdateSchema,
  deviceSuppliesSchema,
  orderConfigLevelSchema,
  orderConfigViewSchema,
  orderCreateSchema,
  orderListQuerySchema,
  orderRouteInputSchema,
  orderRouteListSchema,
  orderRouteOrderSchema,
  orderRouteSchema,
  orderUpdateSchema,
  supplierInputSchema,
  supplierListSchema,
  supplierSchema,
  supplierUpdateSchema,
  supplyModelListQuerySchema,
  supplyModelPageSchema,
  supplyModelSchema,
  supplyModelUpdateSchema,
  supplyAlarmListQuerySchema,
  supplyAlarmPageSchema,
  supplyOrderPageSchema,
  supplyOrderSchema,
} from '@parc/shared/contracts/supplies';
import { createRouter } from '../../http/router.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { requirePermission } from '../auth/access.ts';
import { listSupplyAlarms, settleSupplyAlarm } from './alarms.service.ts';
import { deviceSuppliesView } from './device-supplies.ts';
import { changeOrder, createOrder, listOrders } from './orders.service.ts';
import {
  assertCarrier,
  carriersOf,
  changeSupplyModel,
  createRoute as createOrderRoute,
  deleteCarrier,
  deleteRoute,
  deleteSupplier,
  listSupplyModels,
  orderConfigOf,
  reorderRoutes,
  replaceRoute,
  routesOf,
  saveCarrier,
  saveOrderConfig,
  saveSupplier,
  suppliersOf,
  type ConfigTarget,
} from './settings.service.ts';

const tags = ['consumables'];
const view = requirePermission('consumables', 'view');
const edit = requirePermission('consumables', 'edit');
const deleted = json(z.object({ deleted: z.literal(true) }), 'Removed');
const customerParams = z.object({ customerId: z.uuid() });
const deviceParams = z.object({ deviceId: z.uuid() });

/** The console's consumables: catalogue, suppliers and carriers, orders, order configuration (three levels), routing. */
export const supplyRoutes = createRouter()
  .openapi(
    createRoute({ method: 'get', path: '/supplies/models', tags, summary: 'The catalogue: supply models the fleet reports, with the dealer’s data and consumption per month', middleware: [view] as const, request: { query: supplyModelListQuerySchema.extend(pageQuerySchema.shape) }, responses: { 200: json(supplyModelPageSchema, 'One page'), ...errorResponses } }),
    async (c) => c.json(await listSupplyModels(c.get('deps').db, c.get('user'), c.req.valid('query'), c.get('deps').clock()), 200),
  )
  .openapi(
    createRoute({ method: 'patch', path: '/supplies/models/{id}', tags, summary: 'The dealer’s data on a catalogue entry (yield, reference, price, supplier, kind)', middleware: [edit] as const, request: { params: idParams, body: jsonBody(supplyModelUpdateSchema) }, responses: { 200: json(supplyModelSchema, 'Changed'), ...errorResponses } }),
    async (c) => c.json(await changeSupplyModel(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.get('deps').clock()), 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/supplies/suppliers', tags, summary: 'Suppliers by name', middleware: [view] as const, responses: { 200: json(supplierListSchema, 'Suppliers'), ...errorResponses } }),
    async (c) => c.json(await suppliersOf(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/supplies/suppliers', tags, summary: 'Add a supplier', middleware: [edit] as const, request: { body: jsonBody(supplierInputSchema) }, responses: { 201: json(supplierSchema, 'Added'), ...conflictResponse, ...errorResponses } }),
    async (c) => c.json(await saveSupplier(c.get('deps').db, c.get('user'), null, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({ method: 'patch', path: '/supplies/suppliers/{id}', tags, summary: 'Change a supplier', middleware: [edit] as const, request: { params: idParams, body: jsonBody(supplierUpdateSchema) }, responses: { 200: json(supplierSchema, 'Changed'), ...conflictResponse, ...errorResponses } }),
    async (c) => c.json(await saveSupplier(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({ method: 'delete', path: '/supplies/suppliers/{id}', tags, summary: 'Remove a supplier (its catalogue entries keep no supplier)', middleware: [edit] as const, request: { params: idParams }, responses: { 200: deleted, ...errorResponses } }),
    async (c) => {
      await deleteSupplier(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.json({ deleted: true as const }, 200);
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/supplies/carriers', tags, summary: 'Carriers by name', middleware: [view] as const, responses: { 200: json(carrierListSchema, 'Carriers'), ...errorResponses } }),
    async (c) => c.json(await carriersOf(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/supplies/carriers', tags, summary: 'Add a carrier', middleware: [edit] as const, request: { body: jsonBody(carrierInputSchema) }, responses: { 201: json(carrierSchema, 'Added'), ...conflictResponse, ...errorResponses } }),
    async (c) => c.json(await saveCarrier(c.get('deps').db, c.get('user'), null, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({ method: 'patch', path: '/supplies/carriers/{id}', tags, summary: 'Change a carrier', middleware: [edit] as const, request: { params: idParams, body: jsonBody(carrierUpdateSchema) }, responses: { 200: json(carrierSchema, 'Changed'), ...conflictResponse, ...errorResponses } }),
    async (c) => c.json(await saveCarrier(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({ method: 'delete', path: '/supplies/carriers/{id}', tags, summary: 'Remove a carrier (its orders keep no carrier)', middleware: [edit] as const, request: { params: idParams }, responses: { 200: deleted, ...errorResponses } }),
    async (c) => {
      await deleteCarrier(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.json({ deleted: true as const }, 200);
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/supplies/orders', tags, summary: 'Orders, newest first: pending (in flight) or by status, with filters', middleware: [view] as const, request: { query: orderListQuerySchema }, responses: { 200: json(supplyOrderPageSchema, 'One page'), ...errorResponses } }),
    async (c) => c.json(await listOrders(c.get('deps').db, c.get('user'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/supplies/orders', tags, summary: 'Order a supply by hand; refused while one is on its way for it', middleware: [edit] as const, request: { body: jsonBody(orderCreateSchema) }, responses: { 201: json(supplyOrderSchema, 'Placed and sent'), ...conflictResponse, ...errorResponses } }),
    async (c) => c.json(await createOrder(c.get('deps'), c.get('user'), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({ method: 'patch', path: '/supplies/orders/{id}', tags, summary: 'Move an order on (ship, deliver, replace, cancel, reopen) and/or change its details', middleware: [edit] as const, request: { params: idParams, body: jsonBody(orderUpdateSchema) }, responses: { 200: json(supplyOrderSchema, 'Changed'), ...conflictResponse, ...errorResponses } }),
    async (c) => {
      const { db, clock } = c.get('deps');
      const change = c.req.valid('json');
      await assertCarrier(db, c.get('user'), change.carrierId);
      return c.json(await changeOrder(db, c.get('user'), clock, c.req.valid('param').id, change), 200);
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/devices/{deviceId}/supplies', tags, summary: 'A device’s supplies: levels, days to empty as a range, the order on its way, open alarms; and its orders', middleware: [view] as const, request: { params: deviceParams }, responses: { 200: json(deviceSuppliesSchema, 'Supplies'), ...errorResponses } }),
    async (c) => c.json(await deviceSuppliesView(c.get('deps').db, c.get('user'), c.req.valid('param').deviceId, c.get('deps').clock()), 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/supplies/alarms', tags, summary: 'Open supply alarms of the fleet, newest first', middleware: [view] as const, request: { query: supplyAlarmListQuerySchema }, responses: { 200: json(supplyAlarmPageSchema, 'One page'), ...errorResponses } }),
    async (c) => c.json(await listSupplyAlarms(c.get('deps').db, c.get('user'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/supplies/alarms/{id}/resolve', tags, summary: 'Settle an alarm by hand: it stops blocking the supply’s automatic orders', middleware: [edit] as const, request: { params: idParams }, responses: { 200: json(z.object({ resolved: z.literal(true) }), 'Settled'), ...errorResponses } }),
    async (c) => {
      await settleSupplyAlarm(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.get('deps').clock());
      return c.json({ resolved: true as const }, 200);
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/supplies/routes', tags, summary: 'Order routing rules, first match first', middleware: [view] as const, responses: { 200: json(orderRouteListSchema, 'Rules'), ...errorResponses } }),
    async (c) => c.json(await routesOf(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/supplies/routes', tags, summary: 'Add a routing rule (last)', middleware: [edit] as const, request: { body: jsonBody(orderRouteInputSchema) }, responses: { 201: json(orderRouteSchema, 'Added'), ...errorResponses } }),
    async (c) => c.json(await createOrderRoute(c.get('deps').db, c.get('user'), c.req.valid('json'), c.get('deps').clock()), 201),
  )
  .openapi(
    createRoute({ method: 'put', path: '/supplies/routes/order', tags, summary: 'Reorder the routing rules (every rule’s id, first match first)', middleware: [edit] as const, request: { body: jsonBody(orderRouteOrderSchema) }, responses: { 200: json(orderRouteListSchema, 'Reordered'), ...conflictResponse, ...errorResponses } }),
    async (c) => c.json(await reorderRoutes(c.get('deps').db, c.get('user'), c.req.valid('json').ids), 200),
  )
  .openapi(
    createRoute({ method: 'put', path: '/supplies/routes/{id}', tags, summary: 'Replace a routing rule', middleware: [edit] as const, request: { params: idParams, body: jsonBody(orderRouteInputSchema) }, responses: { 200: json(orderRouteSchema, 'Replaced'), ...errorResponses } }),
    async (c) => c.json(await replaceRoute(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({ method: 'delete', path: '/supplies/routes/{id}', tags, summary: 'Remove a routing rule', middleware: [edit] as const, request: { params: idParams }, responses: { 200: deleted, ...errorResponses } }),
    async (c) => {
      await deleteRoute(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.json({ deleted: true as const }, 200);
    },
  );

/** The order configuration at each level: GET what applies (and from where), PUT this level's own settings. */
const configLevels: { path: string; params?: z.ZodObject; target: (params: Record<string, string>) => ConfigTarget; summary: string }[] = [
  { path: '/supplies/order-config', target: () => ({ level: 'dealer' }), summary: 'the dealer’s default' },
  { path: '/customers/{customerId}/order-config', params: customerParams, target: (params) => ({ level: 'customer', customerId: params.customerId! }), summary: 'a customer’s' },
  { path: '/devices/{deviceId}/order-config', params: deviceParams, target: (params) => ({ level: 'device', deviceId: params.deviceId! }), summary: 'a device’s' },
];

for (const level of configLevels) {
  supplyRoutes.openapi(
    createRoute({ method: 'get', path: level.path, tags, summary: `Order configuration: ${level.summary}, with where each setting comes from`, middleware: [view] as const, request: level.params ? { params: level.params } : {}, responses: { 200: json(orderConfigViewSchema, 'Configuration'), ...errorResponses } }),
    async (c) => c.json(await orderConfigOf(c.get('deps').db, c.get('user'), level.target(c.req.param())), 200),
  );
  supplyRoutes.openapi(
    createRoute({ method: 'put', path: level.path, tags, summary: `Order configuration: set ${level.summary} (what it leaves out is inherited)`, middleware: [edit] as const, request: { ...(level.params ? { params: level.params } : {}), body: jsonBody(orderConfigLevelSchema) }, responses: { 200: json(orderConfigViewSchema, 'Saved'), ...errorResponses } }),
    async (c) => c.json(await saveOrderConfig(c.get('deps').db, c.get('user'), level.target(c.req.param()), c.req.valid('json'), c.get('deps').clock()), 200),
  );
}
