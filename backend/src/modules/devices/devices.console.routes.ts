import { createRoute } from '@hono/zod-openapi';
import { deviceConsoleSchema, deviceEventListSchema, deviceRowPageSchema, deviceRowQuerySchema, deviceSettingsSchema, deviceSettingsUpdateSchema } from '@parc/shared/contracts/device-console';
import { createRouter } from '../../http/router.ts';
import { requirePermission } from '../auth/access.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { listDeviceEvents } from '../events/events.service.ts';
import { changeDeviceSettings, getDeviceConsole, listDeviceRows } from './devices.console.ts';

const tags = ['devices'];

/** The partner console's device list, device page, settings and history. */
export const deviceConsoleRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/console/devices',
      tags,
      summary: 'Devices with state, alert, supplies, latest counters and connection; quick and advanced search, sorted and paged',
      middleware: [requirePermission('devices', 'view')] as const,
      request: { query: deviceRowQuerySchema },
      responses: { 200: json(deviceRowPageSchema, 'One page of devices'), ...errorResponses },
    }),
    async (c) => c.json(await listDeviceRows(c.get('deps').db, c.get('user'), c.req.valid('query'), c.get('deps').clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices/{id}/console',
      tags,
      summary: 'The device page: counters with history, monthly statistics, supplies, open alerts, settings',
      middleware: [requirePermission('devices', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(deviceConsoleSchema, 'The device page'), ...errorResponses },
    }),
    async (c) => c.json(await getDeviceConsole(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.get('deps').clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/devices/{id}/settings',
      tags,
      summary: 'Site, coordinator, active, included in reports, SNMP credentials (secrets are never returned)',
      middleware: [requirePermission('devices', 'edit')] as const,
      request: { params: idParams, body: jsonBody(deviceSettingsUpdateSchema) },
      responses: { 200: json(deviceSettingsSchema, 'The settings now'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await changeDeviceSettings(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.get('deps').clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices/{id}/events',
      tags,
      summary: 'The device history, newest first: added, (de)activated, settings, flagged readings, errors, supplies installed',
      middleware: [requirePermission('devices', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(deviceEventListSchema, 'Events'), ...errorResponses },
    }),
    async (c) => c.json(await listDeviceEvents(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  );
