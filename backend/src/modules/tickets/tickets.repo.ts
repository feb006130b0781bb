import { and, desc, eq, gt, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AttachmentMeta, CurrentError, ErrorDevice, MaintenanceRequest, RequestEvent, RequestSummary } from '@parc/shared/contracts/tickets';
import { classifyAlert } from '@parc/shared/tickets/complexity';
import type { Db } from '../../db/client.ts';
import { customers, deviceAlertIgnores, deviceAlerts, devices, maintenanceRequests, requestAttachments, requestEvents, users } from '../../db/schema/index.ts';

export type RequestRow = typeof maintenanceRequests.$inferSelect;
export type NewEvent = Omit<typeof requestEvents.$inferInsert, 'partnerId' | 'requestId'>;

const deviceColumns = {
  id: devices.id,
  deviceCode: devices.deviceCode,
  manufacturer: devices.manufacturer,
  model: devices.model,
  location: devices.location,
  customerId: devices.customerId,
  customerName: customers.name,
};

/** A device of the partner with its customer, or null (other tenants' ids look absent). */
export async function findErrorDevice(db: Db, partnerId: string, deviceId: string): Promise<ErrorDevice | null> {
  const [row] = await db
    .select(deviceColumns)
    .from(devices)
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .where(and(eq(devices.partnerId, partnerId), eq(devices.id, deviceId)));
  return row ?? null;
}

export async function findRequestRow(db: Db, partnerId: string, id: string, lock = false): Promise<RequestRow | null> {
  const query = db
    .select()
    .from(maintenanceRequests)
    .where(and(eq(maintenanceRequests.partnerId, partnerId), eq(maintenanceRequests.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertEvent(db: Db, request: Pick<RequestRow, 'id' | 'partnerId'>, event: NewEvent): Promise<void> {
  await db.insert(requestEvents).values({ ...event, partnerId: request.partnerId, requestId: request.id });
}

const iso = (date: Date) => date.toISOString();

/** Request summaries matching `where`, newest change first. */
export async function selectSummaries(db: Db, where: SQL | undefined, page?: { limit: number; offset: number }): Promise<{ items: RequestSummary[]; total: number }> {
  const base = db
    .select({ request: maintenanceRequests, device: deviceColumns, technicianName: users.name })
    .from(maintenanceRequests)
    .innerJoin(devices, eq(devices.id, maintenanceRequests.deviceId))
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .leftJoin(users, eq(users.id, maintenanceRequests.technicianId))
    .where(where)
    .orderBy(desc(maintenanceRequests.updatedAt), maintenanceRequests.id);
  const rows = page ? await base.limit(page.limit).offset(page.offset) : await base;
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(maintenanceRequests).where(where);
  return {
    total: count?.total ?? 0,
    items: rows.map(({ request, device, technicianName }) => ({
      id: request.id,
      device,
      alertId: request.alertId,
      subject: request.subject,
      description: request.description,
      technicianId: request.technicianId,
      technicianName,
      userCanFix: request.userCanFix,
      steps: request.steps,
      complexity: request.complexity,
      state: request.state,
      version: request.version,
      createdBy: request.createdBy,
      createdAt: iso(request.createdAt),
      updatedAt: iso(request.updatedAt),
    })),
  };
}

export async function selectRequests(db: Db, where: SQL | undefined): Promise<MaintenanceRequest[]> {
  const { items } = await selectSummaries(db, where);
  if (items.length === 0) return [];
  const ids = items.map((item) => item.id);
  const [events, attachments] = await Promise.all([
    db.select().from(requestEvents).where(inArray(requestEvents.requestId, ids)).orderBy(requestEvents.seq),
    db
      .select({
        id: requestAttachments.id,
        requestId: requestAttachments.requestId,
        fileName: requestAttachments.fileName,
        contentType: requestAttachments.contentType,
        size: requestAttachments.size,
        uploadedBy: requestAttachments.uploadedBy,
        createdAt: requestAttachments.createdAt,
      })
      .from(requestAttachments)
      .where(inArray(requestAttachments.requestId, ids))
      .orderBy(requestAttachments.createdAt),
  ]);
  return items.map((item) => ({
    ...item,
    events: events
      .filter((event) => event.requestId === item.id)
      .map(
        (event): RequestEvent => ({
          id: event.id,
          kind: event.kind,
          at: iso(event.at),
          authorName: event.authorName,
          comment: event.comment,
          visibility: event.visibility,
          fromState: event.fromState,
          toState: event.toState,
          technicianId: event.technicianId,
          fields: event.fields,
        }),
      ),
    attachments: attachments
      .filter((attachment) => attachment.requestId === item.id)
      .map((attachment) => ({ ...attachment, contentType: attachment.contentType as AttachmentMeta['contentType'], createdAt: iso(attachment.createdAt) })),
  }));
}

export async function loadRequest(db: Db, partnerId: string, id: string): Promise<MaintenanceRequest | null> {
  const [request] = await selectRequests(db, and(eq(maintenanceRequests.partnerId, partnerId), eq(maintenanceRequests.id, id)));
  return request ?? null;
}

/** Open (or, `cleared`, auto-repaired) alerts of the partner's devices, with the request made from each. */
/** The ignore in force on an alert's condition at `now`, if any. */
const activeIgnore = (now: Date) =>
  and(eq(deviceAlertIgnores.deviceId, deviceAlerts.deviceId), eq(deviceAlertIgnores.key, deviceAlerts.key), or(isNull(deviceAlertIgnores.until), gt(deviceAlertIgnores.until, now)));

/**
 * Errors, open or cleared; `ignored` says whether to list the ones the dealer ignores at `now` or the
 * others (undefined: both, as the device page and the coordinator see them).
 */
export async function selectErrors(
  db: Db,
  where: SQL[],
  cleared: boolean,
  page?: { limit: number; offset: number },
  ignoring?: { ignored: boolean; now: Date },
): Promise<{ items: CurrentError[]; total: number }> {
  const ignoredFilter = ignoring ? (ignoring.ignored ? isNotNull(deviceAlertIgnores.deviceId) : isNull(deviceAlertIgnores.deviceId)) : undefined;
  const condition = and(cleared ? isNotNull(deviceAlerts.clearedAt) : isNull(deviceAlerts.clearedAt), ignoredFilter, ...where);
  const now = ignoring?.now ?? new Date();
  const base = db
    .select({
      alert: deviceAlerts,
      device: deviceColumns,
      requestId: sql<string | null>`(select r.id from maintenance_requests r where r.alert_id = ${deviceAlerts.id} order by r.created_at desc limit 1)`,
      // Flat: drizzle would drop a nested left-joined object whose first field (`until`, null for good) is null.
      ignoredBy: deviceAlertIgnores.by,
      ignoredAt: deviceAlertIgnores.at,
      ignoredUntil: deviceAlertIgnores.until,
    })
    .from(deviceAlerts)
    .innerJoin(devices, eq(devices.id, deviceAlerts.deviceId))
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .leftJoin(deviceAlertIgnores, activeIgnore(now))
    .where(condition)
    .orderBy(cleared ? desc(deviceAlerts.clearedAt) : desc(deviceAlerts.openedAt), deviceAlerts.id);
  const rows = page ? await base.limit(page.limit).offset(page.offset) : await base;
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(deviceAlerts)
    .innerJoin(devices, eq(devices.id, deviceAlerts.deviceId))
    .leftJoin(deviceAlertIgnores, activeIgnore(now))
    .where(condition);
  return {
    total: count?.total ?? 0,
    items: rows.map(({ alert, device, requestId, ignoredBy, ignoredAt, ignoredUntil }) => ({
      id: alert.id,
      device,
      group: alert.group,
      code: alert.code,
      description: alert.description,
      severity: alert.severity,
      complexity: classifyAlert(alert),
      openedAt: iso(alert.openedAt),
      lastSeenAt: iso(alert.lastSeenAt),
      clearedAt: alert.clearedAt ? iso(alert.clearedAt) : null,
      requestId,
      ignored: ignoredBy && ignoredAt ? { until: ignoredUntil && iso(ignoredUntil), by: ignoredBy, at: iso(ignoredAt) } : null,
    })),
  };
}
