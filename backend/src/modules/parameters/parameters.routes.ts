import { createRoute } from '@hono/zod-openapi';
import {
  parameterCreateSchema,
  parameterListQuerySchema,
  parameterListSchema,
  parameterSchema,
  parameterUpdateSchema,
  parameterValueListSchema,
  parameterValuesUpdateSchema,
  type ParameterTarget,
} from '@parc/shared/contracts/parameters';
import type { Screen } from '@parc/shared/contracts/profiles';
import { createRouter } from '../../http/router.ts';
import { requireAnyPermission, requirePermission } from '../auth/access.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { changeParameter, createParameter, deleteParameter, listParameters, listValues, setValues } from './parameters.service.ts';

const tags = ['parameters'];
const screenOf: Record<ParameterTarget, Screen> = { customer: 'customers', device: 'devices' };

function valueRoutes(target: ParameterTarget, collection: 'customers' | 'devices') {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: `/${collection}/{id}/parameters`,
        tags,
        summary: `Every ${target} parameter with its value on this ${target}`,
        middleware: [requirePermission(screenOf[target], 'view')] as const,
        request: { params: idParams },
        responses: { 200: json(parameterValueListSchema, 'Parameters and values'), ...errorResponses },
      }),
      async (c) => c.json(await listValues(c.get('deps').db, c.get('user'), target, c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: `/${collection}/{id}/parameters`,
        tags,
        summary: `Set or clear values on this ${target}; a list value must be one of its choices, OID values come from the agent`,
        middleware: [requirePermission(screenOf[target], 'edit')] as const,
        request: { params: idParams, body: jsonBody(parameterValuesUpdateSchema) },
        responses: { 200: json(parameterValueListSchema, 'Parameters and values now'), ...errorResponses },
      }),
      async (c) => c.json(await setValues(c.get('deps').db, c.get('user'), target, c.req.valid('param').id, c.req.valid('json'), c.get('deps').clock()), 200),
    );
}

/** The partner's custom parameters (definitions under settings) and their values on customers and devices. */
export const parameterRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/parameters',
      tags,
      summary: "The partner's custom parameters",
      // Defined in settings, and shown (filters, columns, values) on the customers and devices screens.
      middleware: [requireAnyPermission({ screen: 'settings', level: 'view' }, { screen: 'customers', level: 'view' }, { screen: 'devices', level: 'view' })] as const,
      request: { query: parameterListQuerySchema },
      responses: { 200: json(parameterListSchema, 'Parameters'), ...errorResponses },
    }),
    async (c) => c.json(await listParameters(c.get('deps').db, c.get('user'), c.req.valid('query').appliesTo), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/parameters',
      tags,
      summary: 'Add a text, list or OID parameter for customers or devices',
      middleware: [requirePermission('settings', 'edit')] as const,
      request: { body: jsonBody(parameterCreateSchema) },
      responses: { 201: json(parameterSchema, 'Created'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await createParameter(c.get('deps').db, c.get('user'), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/parameters/{id}',
      tags,
      summary: 'Rename, change the choices (values of a removed choice are cleared) or the OID',
      middleware: [requirePermission('settings', 'edit')] as const,
      request: { params: idParams, body: jsonBody(parameterUpdateSchema) },
      responses: { 200: json(parameterSchema, 'Changed'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await changeParameter(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/parameters/{id}',
      tags,
      summary: 'Delete a parameter and all its values',
      middleware: [requirePermission('settings', 'edit')] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteParameter(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .route('/', valueRoutes('customer', 'customers'))
  .route('/', valueRoutes('device', 'devices'));
