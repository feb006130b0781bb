import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import {
  ATTACHMENT_TYPES,
  attachmentMetaSchema,
  attachmentUploadSchema,
  coordinatorOverviewSchema,
  errorEmailSchema,
  errorIgnoreSchema,
  errorListQuerySchema,
  errorNoteSchema,
  errorPageSchema,
  maintenanceRequestSchema,
  problemReportSchema,
  requestConflictSchema,
  requestCreateSchema,
  requestListQuerySchema,
  requestNoteSchema,
  requestPageSchema,
  requestTransitionSchema,
  requestUpdateSchema,
  syncBatchRequestSchema,
  syncBatchResponseSchema,
  techBundleSchema,
  type CoordinatorOverview,
  type MaintenanceRequest,
  type RequestSummary,
  type TechBundle,
} from '@parc/shared/contracts/tickets';
import { MANUALLY_REPAIRED_STATES, OPEN_REQUEST_STATES } from '@parc/shared/tickets/states';
import { customerView } from '@parc/shared/tickets/visibility';
import type { Db } from '../../db/client.ts';
import { customers, deviceAlerts, devices, maintenanceRequests, requestAttachments } from '../../db/schema/index.ts';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, requirePermission, requireRole, type SessionUser } from '../auth/access.ts';
import { errorResponses, idParams, json, jsonBody } from '../../http/openapi.ts';
import { followAlert, forwardAlert, ignoreAlert, noteAlert } from './alert-actions.ts';
import { notifyChanges } from './notifications.ts';
import { selectErrors, selectRequests, selectSummaries } from './tickets.repo.ts';
import {
  addNote,
  changeRequest,
  createRequest,
  deviceHistory,
  fieldDevices,
  reportProblem,
  requireRequest,
  requireVisibleRow,
  saveAttachment,
  syncBatch,
  updateToFields,
  type Change,
} from './tickets.service.ts';

const paging = (query: { page: number; pageSize: number }) => ({ limit: query.pageSize, offset: (query.page - 1) * query.pageSize });

/** One page of request summaries, in the page shape every list answers. */
async function requestPage(db: Db, where: SQL | undefined, query: { page: number; pageSize: number }) {
  const { items, total } = await selectSummaries(db, where, paging(query));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

// Errors and maintenance requests are the maintenance screen's, as far as a staff profile goes.
const viewMaintenance = requirePermission('maintenance', 'view');
const editMaintenance = requirePermission('maintenance', 'edit');
const technicianOnly = requireRole('technician');
const coordinatorOnly = requireRole('coordinator');
const partnerOrTechnician = requirePermission('maintenance', 'edit', ['partner_admin', 'partner_staff', 'technician']);

const tags = ['tickets'];
/** Malformed ids are as absent as other tenants' ones: 404, not 400 (see `idOf`). */
const requestParams = z.object({ id: z.string() });
const attachmentParams = requestParams.extend({ attachmentId: z.string() });
const requestResponse = (description: string) => json(maintenanceRequestSchema, description);
const attachmentBody = Object.fromEntries(ATTACHMENT_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]));

/** Runs `work` in one transaction, then emails about what it changed (after the commit, never before). */
async function committed<T>(deps: Parameters<typeof notifyChanges>[0], user: SessionUser, work: (tx: typeof deps.db, changes: Change[]) => Promise<T>): Promise<T> {
  const changes: Change[] = [];
  const result = await deps.db.transaction((tx) => work(tx, changes));
  await notifyChanges(deps, user.partnerId, changes);
  return result;
}

const scopeOf = (user: SessionUser): SQL | undefined =>
  and(eq(maintenanceRequests.partnerId, user.partnerId), user.customerIds ? inArray(maintenanceRequests.customerId, user.customerIds.length ? user.customerIds : ['00000000-0000-0000-0000-000000000000']) : undefined);

export const ticketRoutes = createRouter()
  // ---------- Partner: errors and requests ----------
  .openapi(
    createRoute({
      method: 'get',
      path: '/errors',
      tags,
      summary: "Devices' current errors, classified by complexity, filtered and paged",
      middleware: [viewMaintenance] as const,
      request: { query: errorListQuerySchema },
      responses: { 200: json(errorPageSchema, 'One page of errors'), ...errorResponses },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      const user = c.get('user');
      const query = c.req.valid('query');
      const ignoring = { ignored: query.ignored === 'true', now: clock() };
      const where = [
        eq(deviceAlerts.partnerId, user.partnerId),
        query.customerId ? eq(devices.customerId, query.customerId) : undefined,
        query.deviceId ? eq(deviceAlerts.deviceId, query.deviceId) : undefined,
      ].filter((condition): condition is SQL => condition !== undefined);
      // Complexity is computed from data, not stored: filter after classifying.
      if (query.complexity) {
        const all = await selectErrors(db, where, query.repaired === 'auto', undefined, ignoring);
        const items = all.items.filter((item) => item.complexity === query.complexity);
        const { limit, offset } = paging(query);
        return c.json({ items: items.slice(offset, offset + limit), total: items.length, page: query.page, pageSize: query.pageSize }, 200);
      }
      const { items, total } = await selectErrors(db, where, query.repaired === 'auto', paging(query), ignoring);
      return c.json({ items, total, page: query.page, pageSize: query.pageSize }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/errors/{id}/email',
      tags,
      summary: 'Forward an error by email (the device, the customer number and the error, with a word of yours); noted in the device history',
      middleware: [editMaintenance] as const,
      request: { params: idParams, body: jsonBody(errorEmailSchema) },
      responses: { 204: { description: 'Sent' }, ...errorResponses },
    }),
    async (c) => {
      await forwardAlert(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json'));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/errors/{id}/notes',
      tags,
      summary: "A note on an error, in the device's history",
      middleware: [editMaintenance] as const,
      request: { params: idParams, body: jsonBody(errorNoteSchema) },
      responses: { 204: { description: 'Noted' }, ...errorResponses },
    }),
    async (c) => {
      await noteAlert(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json'));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/errors/{id}/ignore',
      tags,
      summary: 'Ignore an error on its device for some days or for good (reported again, it stays ignored); the errors page leaves it out',
      middleware: [editMaintenance] as const,
      request: { params: idParams, body: jsonBody(errorIgnoreSchema) },
      responses: { 204: { description: 'Ignored' }, ...errorResponses },
    }),
    async (c) => {
      await ignoreAlert(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json'));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/errors/{id}/ignore',
      tags,
      summary: 'Follow an ignored error again',
      middleware: [editMaintenance] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Followed' }, ...errorResponses },
    }),
    async (c) => {
      await followAlert(c.get('deps'), c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/errors/manually-repaired',
      tags,
      summary: 'Requests closed as repaired by hand, newest change first',
      middleware: [viewMaintenance] as const,
      request: { query: requestListQuerySchema },
      responses: { 200: json(requestPageSchema, 'One page of requests'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const where = and(scopeOf(c.get('user')), inArray(maintenanceRequests.state, [...MANUALLY_REPAIRED_STATES]));
      return c.json(await requestPage(c.get('deps').db, where, query), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/requests',
      tags,
      summary: 'Open a maintenance request on a device; the assigned technician is emailed',
      middleware: [editMaintenance] as const,
      request: { body: jsonBody(requestCreateSchema) },
      responses: { 201: requestResponse('Created'), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = c.get('user');
      const input = c.req.valid('json');
      const change = await committed(deps, user, async (tx, changes) => {
        const created = await createRequest(tx, deps, user, input);
        changes.push(created);
        return created;
      });
      return c.json(await requireRequest(deps.db, user, change.requestId), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/requests',
      tags,
      summary: 'Maintenance requests, filtered and paged, newest change first',
      middleware: [viewMaintenance] as const,
      request: { query: requestListQuerySchema },
      responses: { 200: json(requestPageSchema, 'One page of requests'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const where = and(
        scopeOf(c.get('user')),
        query.state === 'open' ? inArray(maintenanceRequests.state, [...OPEN_REQUEST_STATES]) : query.state ? eq(maintenanceRequests.state, query.state) : undefined,
        query.deviceId ? eq(maintenanceRequests.deviceId, query.deviceId) : undefined,
        query.customerId ? eq(maintenanceRequests.customerId, query.customerId) : undefined,
        query.technicianId ? eq(maintenanceRequests.technicianId, query.technicianId) : undefined,
      );
      return c.json(await requestPage(c.get('deps').db, where, query), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/requests/{id}',
      tags,
      summary: 'One request with its history and attachments, for whoever may see it',
      middleware: [requirePermission('maintenance', 'view', ALL_ROLES)] as const,
      request: { params: requestParams },
      responses: { 200: requestResponse('The request'), ...errorResponses },
    }),
    async (c) => c.json(await requireRequest(c.get('deps').db, c.get('user'), idOf(c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/requests/{id}',
      tags,
      summary: 'Change fields; with baseVersion, fields changed meanwhile by someone else are a 409',
      middleware: [editMaintenance] as const,
      request: { params: requestParams, body: jsonBody(requestUpdateSchema) },
      responses: { 200: requestResponse('The changed request'), 409: json(requestConflictSchema, 'Changed meanwhile: the fields both changed, and the request now'), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = c.get('user');
      const id = idOf(c.req.valid('param').id);
      const update = c.req.valid('json');
      const result = await committed(deps, user, async (tx, changes) => {
        const row = await requireVisibleRow(tx, user, id, true);
        const changed = await changeRequest(tx, deps, user, row, { baseVersion: update.baseVersion, by: `user:${user.id}`, fields: updateToFields(update) });
        if (changed.status === 'applied' && changed.change) changes.push(changed.change);
        return changed;
      });
      const request = await requireRequest(deps.db, user, id);
      if (result.status === 'conflict') {
        return c.json({ code: 'conflict' as const, message: `Changed meanwhile by someone else: ${result.fields.join(', ')}.`, fields: result.fields, server: request }, 409);
      }
      return c.json(request, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/requests/{id}/transition',
      tags,
      summary: 'Move a request to another state, with a comment for its history',
      middleware: [partnerOrTechnician] as const,
      request: { params: requestParams, body: jsonBody(requestTransitionSchema) },
      responses: { 200: requestResponse('The request in its new state'), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = c.get('user');
      const id = idOf(c.req.valid('param').id);
      const { to, comment, visibility } = c.req.valid('json');
      await committed(deps, user, async (tx, changes) => {
        const row = await requireVisibleRow(tx, user, id, true);
        const changed = await changeRequest(tx, deps, user, row, { by: `user:${user.id}`, fields: { state: to }, comment, visibility });
        if (changed.status === 'applied' && changed.change) changes.push(changed.change);
      });
      return c.json(await requireRequest(deps.db, user, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/requests/{id}/notes',
      tags,
      summary: "Add a note to a request's history, internal or shared with the customer",
      middleware: [partnerOrTechnician] as const,
      request: { params: requestParams, body: jsonBody(requestNoteSchema) },
      responses: { 201: requestResponse('The request with the note'), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = c.get('user');
      const id = idOf(c.req.valid('param').id);
      const { comment, visibility } = c.req.valid('json');
      await committed(deps, user, async (tx, changes) => {
        const row = await requireVisibleRow(tx, user, id, true);
        changes.push(await addNote(tx, deps, user, row, comment, visibility));
      });
      return c.json(await requireRequest(deps.db, user, id), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/requests/{id}/attachments',
      tags,
      summary: 'Attach a photo (base64, client-made id) to a request',
      middleware: [editMaintenance] as const,
      request: { params: requestParams, body: jsonBody(attachmentUploadSchema) },
      responses: { 201: json(attachmentMetaSchema, 'The stored attachment'), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = c.get('user');
      const id = idOf(c.req.valid('param').id);
      const upload = c.req.valid('json');
      await deps.db.transaction(async (tx) => saveAttachment(tx, deps, user, await requireVisibleRow(tx, user, id, true), upload));
      const request = await requireRequest(deps.db, user, id);
      return c.json(request.attachments.find((attachment) => attachment.id === upload.id)!, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/requests/{id}/attachments/{attachmentId}',
      tags,
      summary: "An attachment's bytes",
      middleware: [requirePermission('maintenance', 'view', ALL_ROLES)] as const,
      request: { params: attachmentParams },
      responses: { 200: { description: 'The image', content: attachmentBody }, ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const params = c.req.valid('param');
      const row = await requireVisibleRow(db, c.get('user'), idOf(params.id));
      const [file] = await db
        .select()
        .from(requestAttachments)
        .where(and(eq(requestAttachments.requestId, row.id), eq(requestAttachments.id, idOf(params.attachmentId))));
      if (!file) throw new DomainError('attachment.not_found');
      return c.body(file.data as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `inline; filename="${encodeURIComponent(file.fileName)}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, max-age=86400',
      });
    },
  )
  // ---------- Technician ----------
  .openapi(
    createRoute({
      method: 'get',
      path: '/tech/bundle',
      tags,
      summary: "What the technician app keeps offline: the technician's open requests and their devices with history",
      middleware: [technicianOnly] as const,
      responses: { 200: json(techBundleSchema, 'The bundle'), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = c.get('user');
      const requests = await selectRequests(
        deps.db,
        and(eq(maintenanceRequests.partnerId, user.partnerId), eq(maintenanceRequests.technicianId, user.id), inArray(maintenanceRequests.state, [...OPEN_REQUEST_STATES])),
      );
      const deviceIds = [...new Set(requests.map((request) => request.device.id))];
      const fieldList = await fieldDevices(deps.db, user.partnerId, deviceIds);
      const bundle: TechBundle = {
        generatedAt: deps.clock().toISOString(),
        technician: { id: user.id, name: user.name },
        requests,
        devices: await Promise.all(fieldList.map(async (device) => ({ ...device, history: await deviceHistory(deps.db, user.partnerId, device.id) }))),
      };
      return c.json(bundle, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tech/sync',
      tags,
      summary: "Apply the technician app's queued ops in order; one result per op, resent ops answered again",
      middleware: [technicianOnly] as const,
      request: { body: jsonBody(syncBatchRequestSchema) },
      responses: { 200: json(syncBatchResponseSchema, 'One result per op, in the order sent'), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = c.get('user');
      const batch = c.req.valid('json');
      const changes: Change[] = [];
      const results = await syncBatch(deps, user, batch.clientId, batch.ops, changes);
      await notifyChanges(deps, user.partnerId, changes);
      return c.json({ serverTime: deps.clock().toISOString(), results }, 200);
    },
  )
  // ---------- Coordinator ----------
  .openapi(
    createRoute({
      method: 'get',
      path: '/coordinator/overview',
      tags,
      summary: "The coordinator's customers, their devices with open request counts, and the open requests",
      middleware: [coordinatorOnly] as const,
      responses: { 200: json(coordinatorOverviewSchema, 'The overview'), ...errorResponses },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const user = c.get('user');
      const customerIds = user.customerIds ?? [];
      if (customerIds.length === 0) return c.json({ customers: [], devices: [], openRequests: [] } satisfies CoordinatorOverview, 200);
      const [customerRows, deviceRows, open] = await Promise.all([
        db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.partnerId, user.partnerId), inArray(customers.id, customerIds))).orderBy(customers.name),
        db
          .select({ id: devices.id })
          .from(devices)
          .where(and(eq(devices.partnerId, user.partnerId), inArray(devices.customerId, customerIds), eq(devices.active, true)))
          .orderBy(devices.deviceCode),
        selectRequests(db, and(scopeOf(user), inArray(maintenanceRequests.state, [...OPEN_REQUEST_STATES]))),
      ]);
      const fieldList = await fieldDevices(db, user.partnerId, deviceRows.map((row) => row.id));
      const overview: CoordinatorOverview = {
        customers: customerRows,
        devices: fieldList
          .sort((a, b) => a.deviceCode.localeCompare(b.deviceCode, undefined, { numeric: true }))
          .map((device) => ({ ...device, openRequestCount: open.filter((request) => request.device.id === device.id).length })),
        openRequests: open.map((request) => summaryOf(customerView(request))),
      };
      return c.json(overview, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/coordinator/problems',
      tags,
      summary: "Report a problem on one of the coordinator's devices: opens a request with up to 3 photos, once per clientId",
      middleware: [coordinatorOnly] as const,
      request: { body: jsonBody(problemReportSchema) },
      responses: { 201: requestResponse('The request opened'), 200: requestResponse('Sent before (same clientId): the request it opened'), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = c.get('user');
      const { requestId, created } = await committed(deps, user, async (tx, changes) => {
        const reported = await reportProblem(tx, deps, user, c.req.valid('json'));
        if (reported.created) changes.push(reported.created);
        return reported;
      });
      return c.json(await requireRequest(deps.db, user, requestId), created ? 201 : 200);
    },
  );

function summaryOf({ events: _events, attachments: _attachments, ...summary }: MaintenanceRequest): RequestSummary {
  return summary;
}

/** Malformed ids are as absent as other tenants' ones. */
function idOf(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new DomainError('request.not_found');
  return value;
}
