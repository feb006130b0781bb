import { createRoute, z } from '@hono/zod-openapi';
import { deviceImportQuerySchema, deviceImportRefusedSchema, deviceImportResultSchema } from '@parc/shared/contracts/device-import';
import { deviceSwapSchema } from '@parc/shared/contracts/readings';
import { deviceCreateSchema, deviceDetailSchema, deviceListQuerySchema, deviceModelListSchema, devicePageSchema, deviceSchema, deviceUpdateSchema } from '@parc/shared/contracts/devices';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { errorMessage } from '@parc/shared/errors/catalogue';
import { changeDevice, createDevice, deactivateDevice, getDeviceDetail, listDeviceModels, listDevices, reactivateDevice, removeDevice, swapDevice } from './devices.service.ts';
import { importDevices } from './device-import.ts';

const tags = ['devices'];
const customerParams = z.object({ customerId: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const deviceRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices/{id}/swap',
      tags,
      summary: 'Replace a device by another (new serial): the old one is retired with its final counters, the new one starts from the declared values',
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { params: idParams, body: jsonBody(deviceSwapSchema) },
      responses: { 201: json(deviceDetailSchema, 'The new device'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await swapDevice(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices',
      tags,
      summary: 'Devices the user may see, filtered and paged',
      middleware: [requirePermission('devices', 'view', ALL_ROLES)] as const,
      request: { query: deviceListQuerySchema },
      responses: { 200: json(devicePageSchema, 'One page of devices'), ...errorResponses },
    }),
    async (c) => c.json(await listDevices(c.get('deps').db, c.get('user'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices/models',
      tags,
      summary: "Makes and models to suggest when adding a device: the partner's fleet, then common real models",
      middleware: [requirePermission('devices', 'view')] as const,
      responses: { 200: json(deviceModelListSchema, 'Suggestions; any other make and model may be typed'), ...errorResponses },
    }),
    async (c) => c.json(await listDeviceModels(c.get('deps').db, c.get('user')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{customerId}/devices/import',
      tags,
      summary: 'Import devices from CSV (comma or semicolon, UTF-8 or Windows-1252) or XLSX: preview judges each line, commit writes all or nothing',
      middleware: [requirePermission('devices', 'edit')] as const,
      request: {
        params: customerParams,
        query: deviceImportQuerySchema,
        body: { required: true, content: { 'text/csv': { schema: z.string() }, [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } },
      },
      responses: {
        200: json(deviceImportResultSchema, 'Per-line results; in commit mode the devices were created'),
        ...errorResponses,
        400: json(deviceImportRefusedSchema, 'Commit refused: some lines are wrong and nothing was written'),
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const outcome = await importDevices(c.get('deps'), c.get('user'), c.req.valid('param').customerId, bytes, c.req.valid('query').mode);
      if (outcome.refused) {
        const params = { lines: outcome.lines.filter((line) => line.status === 'error').length };
        return c.json({ code: 'bad_request' as const, key: 'device_import.lines_wrong' as const, params, message: errorMessage('device_import.lines_wrong', params, 'en'), lines: outcome.lines }, 400);
      }
      return c.json(outcome.result, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices',
      tags,
      summary: "Add a device: it gets the customer's next PREFIX-n and its counters",
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { body: jsonBody(deviceCreateSchema) },
      responses: { 201: json(deviceDetailSchema, 'Created, with its counters'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await createDevice(c.get('deps'), c.get('user'), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices/{id}',
      tags,
      summary: 'One device with its counters',
      middleware: [requirePermission('devices', 'view', ALL_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: json(deviceDetailSchema, 'The device'), ...errorResponses },
    }),
    async (c) => c.json(await getDeviceDetail(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/devices/{id}',
      tags,
      summary: 'Change a device; its customer and ID stay',
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { params: idParams, body: jsonBody(deviceUpdateSchema) },
      responses: { 200: json(deviceDetailSchema, 'The changed device'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await changeDevice(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices/{id}/deactivate',
      tags,
      summary: 'Deactivate a device: its ID is never reused and its serial becomes free',
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(deviceSchema, 'The deactivated device'), ...errorResponses },
    }),
    async (c) => c.json(await deactivateDevice(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices/{id}/reactivate',
      tags,
      summary: 'Reactivate a device, if no other active device took its serial; one a swap retired stays retired',
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(deviceSchema, 'The reactivated device'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await reactivateDevice(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/devices/{id}',
      tags,
      summary: 'Delete a device entered by mistake; one with readings, resets, a swap, tickets or a link is refused (device.has_history): deactivate it instead',
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...conflictResponse, ...errorResponses },
    }),
    async (c) => {
      await removeDevice(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
