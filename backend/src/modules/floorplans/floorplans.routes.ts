import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import { floorPlanPositionsSchema, floorPlanSchema, floorPlanUploadQuerySchema, FLOOR_PLAN_TYPES, MAX_FLOOR_PLAN_BYTES } from '@parc/shared/contracts/floorplans';
import { sites } from '../../db/schema/index.ts';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { customerDeviceIds, deletePlan, findPlanImage, findPlanOwner, findPlans, insertPlan, replacePositions } from './floorplans.repo.ts';
import { checkedPlanImage } from './plan-image.ts';

const tags = ['floorplans'];
const notFound = () => new DomainError('plan.not_found');
const imageBody = Object.fromEntries(FLOOR_PLAN_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]));

export const floorPlanRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}/floorplans',
      tags,
      summary: "A customer's floor plans, lowest floor first, with the devices placed on each",
      middleware: [requirePermission('customers', 'view', ALL_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: json(z.object({ items: z.array(floorPlanSchema) }), 'The plans'), ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const customer = await getCustomer(db, c.get('user'), c.req.valid('param').id);
      return c.json({ items: await findPlans(db, c.get('user'), { customerId: customer.id }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{id}/floorplans',
      tags,
      summary: `Upload a floor plan (PNG, JPEG or SVG, at most ${MAX_FLOOR_PLAN_BYTES / 1024 / 1024} MB) as the raw request body`,
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams, query: floorPlanUploadQuerySchema, body: { required: true, content: imageBody } },
      responses: { 201: json(floorPlanSchema, 'The new plan'), ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const user = c.get('user');
      const customer = await getCustomer(db, user, c.req.valid('param').id);
      const { name, floor, siteId } = c.req.valid('query');
      if (siteId) {
        const [site] = await db.select({ id: sites.id }).from(sites).where(and(eq(sites.partnerId, user.partnerId), eq(sites.customerId, customer.id), eq(sites.id, siteId)));
        if (!site) throw new DomainError('plan.foreign_site', { field: 'siteId' });
      }
      const declared = Number(c.req.header('content-length') ?? 0);
      if (declared > MAX_FLOOR_PLAN_BYTES) throw new DomainError('plan.too_large', { maximum: MAX_FLOOR_PLAN_BYTES, field: 'image' });
      const image = new Uint8Array(await c.req.arrayBuffer());
      const contentType = checkedPlanImage(image);
      const id = await insertPlan(db, { partnerId: user.partnerId, customerId: customer.id, siteId: siteId ?? null, name, floor, contentType, image });
      const [plan] = await findPlans(db, user, { planId: id });
      return c.json(plan!, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/floorplans/{id}/image',
      tags,
      summary: 'The plan image',
      middleware: [requirePermission('customers', 'view', ALL_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: { description: 'The image', content: imageBody }, ...errorResponses },
    }),
    async (c) => {
      const plan = await findPlanImage(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      if (!plan) throw notFound();
      return c.body(plan.image as Uint8Array<ArrayBuffer>, 200, {
        'content-type': plan.contentType,
        // An SVG opened on its own must not run scripts in Parc's origin.
        'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=31536000, immutable',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/floorplans/{id}/devices',
      tags,
      summary: "Place the customer's devices on the plan (x, y in % of the image); replaces the plan's positions",
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams, body: jsonBody(floorPlanPositionsSchema) },
      responses: { 200: json(floorPlanSchema, 'The plan with its devices'), ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const user = c.get('user');
      const planId = c.req.valid('param').id;
      const owner = await findPlanOwner(db, user, planId);
      if (!owner) throw notFound();
      const { devices } = c.req.valid('json');
      const ids = devices.map((device) => device.deviceId);
      if (new Set(ids).size !== ids.length) throw new DomainError('plan.device_twice', { field: 'devices' });
      const known = await customerDeviceIds(db, owner.partnerId, owner.customerId, ids);
      if (known.size !== ids.length) throw new DomainError('plan.foreign_device', { field: 'devices' });
      await replacePositions(db, owner.partnerId, planId, devices);
      const [plan] = await findPlans(db, user, { planId });
      return c.json(plan!, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/floorplans/{id}',
      tags,
      summary: 'Remove a floor plan and its device positions',
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(z.object({ deleted: z.literal(true) }), 'Removed'), ...errorResponses },
    }),
    async (c) => {
      if (!(await deletePlan(c.get('deps').db, c.get('user'), c.req.valid('param').id))) throw notFound();
      return c.json({ deleted: true as const }, 200);
    },
  );
