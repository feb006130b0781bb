import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '@parc/shared';
import {
  attachmentUploadSchema,
  errorListQuerySchema,
  problemReportSchema,
  requestCreateSchema,
  requestListQuerySchema,
  requestTransitionSchema,
  requestUpdateSchema,
  syncBatchRequestSchema,
  type CoordinatorOverview,
  type TechBundle,
} from '@parc/shared/contracts/tickets';
import { MANUALLY_REPAIRED_STATES, OPEN_REQUEST_STATES } from '@parc/shared/tickets/states';
import { customers, deviceAlerts, devices, maintenanceRequests, requestAttachments } from '../../db/schema/index.ts';
import { validationError } from '../../http/errors.ts';
import { createRouter } from '../../http/router.ts';
import { ALL_ROLES, PARTNER_ROLES, requireRole, type SessionUser } from '../auth/access.ts';
import { notifyChanges } from './notifications.ts';
import { selectErrors, selectRequests, selectSummaries } from './tickets.repo.ts';
import {
  addNote,
  changeRequest,
  createRequest,
  deviceHistory,
  fieldDevices,
  problemToCreate,
  requireRequest,
  requireVisibleRow,
  saveAttachment,
  syncBatch,
  updateToFields,
  type Change,
} from './tickets.service.ts';

function parse<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

const body = async (c: { req: { json(): Promise<unknown> } }) => c.req.json().catch(() => {
  throw new DomainError('bad_request', 'The body must be JSON.');
});

const paging = (query: { page: number; pageSize: number }) => ({ limit: query.pageSize, offset: (query.page - 1) * query.pageSize });

const partnerOnly = requireRole(...PARTNER_ROLES);
const technicianOnly = requireRole('technician');
const coordinatorOnly = requireRole('coordinator');

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
  .get('/errors', partnerOnly, async (c) => {
    const { db } = c.get('deps');
    const user = userOf(c);
    const query = parse(errorListQuerySchema, c.req.query());
    const where = [
      eq(deviceAlerts.partnerId, user.partnerId),
      query.customerId ? eq(devices.customerId, query.customerId) : undefined,
      query.deviceId ? eq(deviceAlerts.deviceId, query.deviceId) : undefined,
    ].filter((condition): condition is SQL => condition !== undefined);
    // Complexity is computed from data, not stored: filter after classifying.
    if (query.complexity) {
      const all = await selectErrors(db, where, query.repaired === 'auto');
      const items = all.items.filter((item) => item.complexity === query.complexity);
      const { limit, offset } = paging(query);
      return c.json({ items: items.slice(offset, offset + limit), total: items.length, page: query.page, pageSize: query.pageSize });
    }
    const { items, total } = await selectErrors(db, where, query.repaired === 'auto', paging(query));
    return c.json({ items, total, page: query.page, pageSize: query.pageSize });
  })
  .get('/errors/manually-repaired', partnerOnly, async (c) => {
    const user = userOf(c);
    const query = parse(requestListQuerySchema, c.req.query());
    const where = and(scopeOf(user), inArray(maintenanceRequests.state, [...MANUALLY_REPAIRED_STATES]));
    const { items, total } = await selectSummaries(c.get('deps').db, where, paging(query));
    return c.json({ items, total, page: query.page, pageSize: query.pageSize });
  })
  .post('/requests', partnerOnly, async (c) => {
    const deps = c.get('deps');
    const user = userOf(c);
    const input = parse(requestCreateSchema, await body(c));
    const change = await committed(deps, user, async (tx, changes) => {
      const created = await createRequest(tx, deps, user, input);
      changes.push(created);
      return created;
    });
    return c.json(await requireRequest(deps.db, user, change.requestId), 201);
  })
  .get('/requests', partnerOnly, async (c) => {
    const user = userOf(c);
    const query = parse(requestListQuerySchema, c.req.query());
    const where = and(
      scopeOf(user),
      query.state === 'open' ? inArray(maintenanceRequests.state, [...OPEN_REQUEST_STATES]) : query.state ? eq(maintenanceRequests.state, query.state) : undefined,
      query.deviceId ? eq(maintenanceRequests.deviceId, query.deviceId) : undefined,
      query.customerId ? eq(maintenanceRequests.customerId, query.customerId) : undefined,
      query.technicianId ? eq(maintenanceRequests.technicianId, query.technicianId) : undefined,
    );
    const { items, total } = await selectSummaries(c.get('deps').db, where, paging(query));
    return c.json({ items, total, page: query.page, pageSize: query.pageSize });
  })
  .get('/requests/:id', requireRole(...ALL_ROLES), async (c) => {
    return c.json(await requireRequest(c.get('deps').db, userOf(c), idOf(c.req.param('id'))));
  })
  .patch('/requests/:id', partnerOnly, async (c) => {
    const deps = c.get('deps');
    const user = userOf(c);
    const id = idOf(c.req.param('id'));
    const update = parse(requestUpdateSchema, await body(c));
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
    return c.json(request);
  })
  .post('/requests/:id/transition', requireRole('partner_admin', 'partner_staff', 'technician'), async (c) => {
    const deps = c.get('deps');
    const user = userOf(c);
    const id = idOf(c.req.param('id'));
    const { to, comment } = parse(requestTransitionSchema, await body(c));
    await committed(deps, user, async (tx, changes) => {
      const row = await requireVisibleRow(tx, user, id, true);
      const changed = await changeRequest(tx, deps, user, row, { by: `user:${user.id}`, fields: { state: to }, comment });
      if (changed.status === 'applied' && changed.change) changes.push(changed.change);
    });
    return c.json(await requireRequest(deps.db, user, id));
  })
  .post('/requests/:id/notes', requireRole('partner_admin', 'partner_staff', 'technician'), async (c) => {
    const deps = c.get('deps');
    const user = userOf(c);
    const id = idOf(c.req.param('id'));
    const { comment } = parse(requestTransitionSchema.pick({ comment: true }), await body(c));
    await committed(deps, user, async (tx, changes) => {
      const row = await requireVisibleRow(tx, user, id, true);
      await addNote(tx, deps, user, row, comment);
      changes.push({ requestId: id, assignedTo: null, comment });
    });
    return c.json(await requireRequest(deps.db, user, id), 201);
  })
  .post('/requests/:id/attachments', partnerOnly, async (c) => {
    const deps = c.get('deps');
    const user = userOf(c);
    const id = idOf(c.req.param('id'));
    const upload = parse(attachmentUploadSchema, await body(c));
    await deps.db.transaction(async (tx) => saveAttachment(tx, deps, user, await requireVisibleRow(tx, user, id, true), upload));
    const request = await requireRequest(deps.db, user, id);
    return c.json(request.attachments.find((attachment) => attachment.id === upload.id)!, 201);
  })
  .get('/requests/:id/attachments/:attachmentId', requireRole(...ALL_ROLES), async (c) => {
    const { db } = c.get('deps');
    const user = userOf(c);
    const row = await requireVisibleRow(db, user, idOf(c.req.param('id')));
    const [file] = await db
      .select()
      .from(requestAttachments)
      .where(and(eq(requestAttachments.requestId, row.id), eq(requestAttachments.id, idOf(c.req.param('attachmentId')))));
    if (!file) throw new DomainError('not_found', 'No such attachment.');
    return c.body(file.data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `inline; filename="${encodeURIComponent(file.fileName)}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=86400',
    });
  })
  // ---------- Technician ----------
  .get('/tech/bundle', technicianOnly, async (c) => {
    const deps = c.get('deps');
    const user = userOf(c);
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
    return c.json(bundle);
  })
  .post('/tech/sync', technicianOnly, async (c) => {
    const deps = c.get('deps');
    const user = userOf(c);
    const batch = parse(syncBatchRequestSchema, await body(c));
    const changes: Change[] = [];
    const results = await syncBatch(deps, user, batch.clientId, batch.ops, changes);
    await notifyChanges(deps, user.partnerId, changes);
    return c.json({ serverTime: deps.clock().toISOString(), results });
  })
  // ---------- Coordinator ----------
  .get('/coordinator/overview', coordinatorOnly, async (c) => {
    const { db } = c.get('deps');
    const user = userOf(c);
    const customerIds = user.customerIds ?? [];
    if (customerIds.length === 0) return c.json({ customers: [], devices: [], openRequests: [] } satisfies CoordinatorOverview);
    const [customerRows, deviceRows, open] = await Promise.all([
      db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.partnerId, user.partnerId), inArray(customers.id, customerIds))).orderBy(customers.name),
      db
        .select({ id: devices.id })
        .from(devices)
        .where(and(eq(devices.partnerId, user.partnerId), inArray(devices.customerId, customerIds), eq(devices.active, true)))
        .orderBy(devices.deviceCode),
      selectSummaries(db, and(scopeOf(user), inArray(maintenanceRequests.state, [...OPEN_REQUEST_STATES]))),
    ]);
    const fieldList = await fieldDevices(db, user.partnerId, deviceRows.map((row) => row.id));
    const overview: CoordinatorOverview = {
      customers: customerRows,
      devices: fieldList
        .sort((a, b) => a.deviceCode.localeCompare(b.deviceCode, undefined, { numeric: true }))
        .map((device) => ({ ...device, openRequestCount: open.items.filter((request) => request.device.id === device.id).length })),
      openRequests: open.items,
    };
    return c.json(overview);
  })
  .post('/coordinator/problems', coordinatorOnly, async (c) => {
    const deps = c.get('deps');
    const user = userOf(c);
    const report = parse(problemReportSchema, await body(c));
    const change = await committed(deps, user, async (tx, changes) => {
      const created = await createRequest(tx, deps, user, problemToCreate(report));
      const row = await requireVisibleRow(tx, user, created.requestId, true);
      for (const attachment of report.attachments) await saveAttachment(tx, deps, user, row, attachment);
      changes.push(created);
      return created;
    });
    return c.json(await requireRequest(deps.db, user, change.requestId), 201);
  });

function userOf(c: unknown): SessionUser {
  return (c as { get(key: 'user'): SessionUser }).get('user');
}

/** Malformed ids are as absent as other tenants' ones. */
function idOf(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new DomainError('not_found', 'No such record.');
  return value;
}
