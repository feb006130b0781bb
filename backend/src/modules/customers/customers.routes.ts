import { createRoute } from '@hono/zod-openapi';
import { customerAvailabilityQuerySchema, customerAvailabilitySchema, customerCreateSchema, customerListQuerySchema, customerPageSchema, customerSchema, customerUpdateSchema } from '@parc/shared/contracts/customers';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { changeCustomer, createCustomer, customerAvailability, deactivateCustomer, getCustomer, listCustomers } from './customers.service.ts';
import { toCustomer } from './customers.repo.ts';
import { conflictResponse, errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';

const tags = ['customers'];

export const customerRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers',
      tags,
      summary: 'Customers the user may see, filtered and paged',
      middleware: [requirePermission('customers', 'view', ALL_ROLES)] as const,
      request: { query: customerListQuerySchema },
      responses: { 200: json(customerPageSchema, 'One page of customers'), ...errorResponses },
    }),
    async (c) => c.json(await listCustomers(c.get('deps').db, c.get('user'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers',
      tags,
      summary: 'Add a customer',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { body: jsonBody(customerCreateSchema) },
      responses: { 201: json(customerSchema, 'Created'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await createCustomer(c.get('deps').db, c.get('user'), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/availability',
      tags,
      summary: 'Whether another customer of the dealer already has a number or a prefix, before adding a customer',
      // A read like the list (which shows every number and prefix to the dealer's office): a read-only key may ask too.
      middleware: [requirePermission('customers', 'view')] as const,
      request: { query: customerAvailabilityQuerySchema },
      responses: { 200: json(customerAvailabilitySchema, 'What is taken'), ...errorResponses },
    }),
    async (c) => c.json(await customerAvailability(c.get('deps').db, c.get('user'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}',
      tags,
      summary: 'One customer',
      middleware: [requirePermission('customers', 'view', ALL_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: json(customerSchema, 'The customer'), ...errorResponses },
    }),
    async (c) => c.json(toCustomer(await getCustomer(c.get('deps').db, c.get('user'), c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/customers/{id}',
      tags,
      summary: 'Change a customer; the prefix is fixed once devices exist',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams, body: jsonBody(customerUpdateSchema) },
      responses: { 200: json(customerSchema, 'The changed customer'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await changeCustomer(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{id}/deactivate',
      tags,
      summary: 'Deactivate a customer (kept, with its history)',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(customerSchema, 'The deactivated customer'), ...errorResponses },
    }),
    async (c) => c.json(await deactivateCustomer(c.get('deps').db, c.get('user'), c.req.valid('param').id), 200),
  );
