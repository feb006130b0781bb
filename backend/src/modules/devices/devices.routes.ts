import { createRoute } from '@hono/zod-openapi';
import { deviceSwapSchema } from '@parc/shared/contracts/readings';
import { deviceCreateSchema, deviceDetailSchema, deviceListQuerySchema, devicePageSchema, deviceSchema, deviceUpdateSchema } from '@parc/shared/contracts/devices';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { changeDevice, createDevice, deactivateDevice, getDeviceDetail, listDevices, swapDevice } from './devices.service.ts';

const tags = ['devices'];

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
  );
