import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { DomainError, readingReasonSchema } from '@parc/shared';
import type {
  AttachmentUpload,
  DeviceHistoryEntry,
  FieldDevice,
  MaintenanceRequest,
  ProblemReport,
  RequestCreate,
  RequestEditableField,
  RequestUpdate,
  SyncOp,
  SyncOutcome,
} from '@parc/shared/contracts/tickets';
import { TECHNICIAN_EDITABLE_FIELDS } from '@parc/shared/contracts/tickets';
import { reasonMessage } from '@parc/shared/meters/messages';
import { classifyAlert } from '@parc/shared/tickets/complexity';
import { assertTransition, checkTransition, type RequestActor, type TransitionVerdict } from '@parc/shared/tickets/states';
import { customerView, DEFAULT_VISIBILITY, type NoteVisibility } from '@parc/shared/tickets/visibility';
import { entityKeyOf } from '@parc/shared/tickets/sync-ops';
import { runBatch, type BatchResult } from '@parc/shared/sync/batch';
import { mergeChange, type VersionedRecord } from '@parc/shared/sync/merge';
import type { Db } from '../../db/client.ts';
import {
  counters,
  deviceAlerts,
  deviceSupplies,
  devices,
  maintenanceRequests,
  readings,
  requestAttachments,
  requestEvents,
  sites,
  supplyReplacements,
  syncOps,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { contactLanguage } from '../../mail/dealer.ts';
import type { SessionUser } from '../auth/access.ts';
import { COUNTING_STATUS_LIST, findResets } from '../readings/readings.repo.ts';
import { declareReset, recordReading } from '../readings/readings.writer.ts';
import { checkedAttachment } from './attachments.ts';
import { findErrorDevice, findRequestRow, insertEvent, loadRequest, selectErrors, type RequestRow } from './tickets.repo.ts';
import { ordersOnTheirWay } from '../supplies/orders.service.ts';
import { recordReplacement } from '../supplies/replacements.ts';

const notFound = () => new DomainError('request.not_found');

export function actorOf(user: SessionUser): RequestActor {
  return user.role === 'technician' ? 'technician' : user.role === 'coordinator' ? 'coordinator' : 'partner';
}

/** Whether the user may see this request at all: partner staff all, technicians theirs, coordinators their customers'. */
export function canSee(user: SessionUser, row: Pick<RequestRow, 'technicianId' | 'customerId'>): boolean {
  if (user.role === 'technician') return row.technicianId === user.id;
  if (user.customerIds) return user.customerIds.includes(row.customerId);
  return true;
}

/** A comment or note as written, with who may read it. */
export interface WrittenComment {
  text: string;
  visibility: NoteVisibility;
}

/** A change that happened, to tell people about once it is committed. */
export interface Change {
  requestId: string;
  /** The technician now assigned (they get `requestAssigned`), when the assignment changed. */
  assignedTo: string | null;
  comment: WrittenComment | null;
  /** False when the news is the dealer's only (an internal note): the customer's coordinators are not written to. */
  toCustomer: boolean;
}

/** What is written by a coordinator is the customer's own: shared. What the dealer's side writes is as they chose. */
const visibilityOf = (user: SessionUser, chosen: NoteVisibility = DEFAULT_VISIBILITY): NoteVisibility => (actorOf(user) === 'coordinator' ? 'shared' : chosen);

type Editable = Pick<RequestRow, RequestEditableField | 'state'>;

function versioned(row: RequestRow): VersionedRecord<Editable> {
  const { subject, description, technicianId, userCanFix, steps, state } = row;
  return { version: row.version, fields: { subject, description, technicianId, userCanFix, steps, state }, stamps: row.stamps };
}

async function assertTechnician(db: Db, partnerId: string, technicianId: string | null | undefined): Promise<void> {
  if (!technicianId) return;
  const [row] = await db.execute<{ ok: number }>(sql`select 1 as ok from users where id = ${technicianId} and partner_id = ${partnerId} and role = 'technician' and active`).then((result) =>
    Array.isArray(result) ? result : (result as unknown as { rows: { ok: number }[] }).rows,
  );
  if (!row) throw new DomainError('request.technician_not_found', { field: 'technicianId' });
}

export async function createRequest(tx: Db, deps: Pick<AppDeps, 'clock'>, user: SessionUser, input: RequestCreate, clientId: string | null = null): Promise<Change> {
  const device = await findErrorDevice(tx, user.partnerId, input.deviceId);
  if (!device || (user.customerIds && !user.customerIds.includes(device.customerId))) throw new DomainError('device.not_found', { field: 'deviceId' });
  const [alert] = input.alertId
    ? await tx
        .select()
        .from(deviceAlerts)
        .where(and(eq(deviceAlerts.partnerId, user.partnerId), eq(deviceAlerts.id, input.alertId), eq(deviceAlerts.deviceId, device.id)))
    : [];
  if (input.alertId && !alert) throw new DomainError('request.alert_not_found', { field: 'alertId' });
  const subject = input.subject ?? alert?.description;
  if (!subject) throw new DomainError('request.subject_required', { field: 'subject' });
  await assertTechnician(tx, user.partnerId, input.technicianId);
  const complexity = alert ? classifyAlert(alert) : null;
  const now = deps.clock();
  const [row] = await tx
    .insert(maintenanceRequests)
    .values({
      partnerId: user.partnerId,
      customerId: device.customerId,
      deviceId: device.id,
      alertId: alert?.id ?? null,
      clientId,
      subject,
      description: input.description,
      technicianId: input.technicianId ?? null,
      userCanFix: input.userCanFix ?? complexity === 'user',
      steps: input.steps,
      complexity,
      createdBy: user.name,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  // A description the dealer writes stays internal; a coordinator's report is theirs to read.
  const visibility = visibilityOf(user);
  await insertEvent(tx, row!, { kind: 'created', at: now, authorId: user.id, authorName: user.name, comment: input.description || null, visibility, toState: 'unresolved', technicianId: row!.technicianId });
  return { requestId: row!.id, assignedTo: row!.technicianId, comment: input.description ? { text: input.description, visibility } : null, toCustomer: true };
}

export async function saveAttachment(tx: Db, deps: Pick<AppDeps, 'clock'>, user: SessionUser, request: RequestRow, upload: AttachmentUpload): Promise<void> {
  const bytes = checkedAttachment(upload);
  const [existing] = await tx.select({ requestId: requestAttachments.requestId }).from(requestAttachments).where(eq(requestAttachments.id, upload.id));
  if (existing) {
    if (existing.requestId !== request.id) throw new DomainError('request.attachment_id_taken', { field: 'id' });
    return;
  }
  const now = deps.clock();
  await tx.insert(requestAttachments).values({
    id: upload.id,
    partnerId: request.partnerId,
    requestId: request.id,
    fileName: upload.fileName,
    contentType: upload.contentType,
    size: bytes.length,
    data: bytes,
    uploadedBy: user.name,
    createdAt: now,
  });
  await insertEvent(tx, request, { kind: 'attachment', at: now, authorId: user.id, authorName: user.name, comment: upload.fileName, visibility: visibilityOf(user) });
  await touch(tx, request, now);
}

/** Adding notes and files changes no field but is news: the version grows so other screens refresh. */
async function touch(tx: Db, request: RequestRow, now: Date): Promise<void> {
  await tx
    .update(maintenanceRequests)
    .set({ version: sql`${maintenanceRequests.version} + 1`, updatedAt: now })
    .where(eq(maintenanceRequests.id, request.id));
}

export type ChangeResult = { status: 'applied'; change: Change | null } | { status: 'conflict'; fields: string[] };

/**
 * Edits and state changes, merged field by field against `baseVersion` (absent: the current
 * version, last write wins). `by` is who changes: `user:<id>` or `client:<id>` for the app.
 */
export async function changeRequest(
  tx: Db,
  deps: Pick<AppDeps, 'clock'>,
  user: SessionUser,
  row: RequestRow,
  change: { baseVersion?: number; by: string; fields: Partial<Editable>; comment?: string; visibility?: NoteVisibility },
): Promise<ChangeResult> {
  const actor = actorOf(user);
  if (actor === 'coordinator') throw new DomainError('request.coordinator_cannot_change');
  if (actor === 'technician') {
    const outside = Object.keys(change.fields).filter((field) => field !== 'state' && !(TECHNICIAN_EDITABLE_FIELDS as readonly string[]).includes(field));
    if (outside.length) throw new DomainError('request.technician_cannot_change', { fields: outside });
  }
  if (change.fields.state !== undefined) {
    assertTransition({ from: row.state, to: change.fields.state, actor, isAssignee: row.technicianId === user.id, comment: change.comment ?? '' });
  }
  if (change.fields.technicianId !== undefined) await assertTechnician(tx, user.partnerId, change.fields.technicianId);
  const merged = mergeChange(versioned(row), { baseVersion: change.baseVersion ?? row.version, by: change.by, changes: change.fields });
  if (merged.status === 'rejected') throw new DomainError('request.change_refused', { reason: merged.reason, field: 'baseVersion' });
  if (merged.status === 'conflict') return { status: 'conflict', fields: merged.fields };
  if (merged.changed.length === 0) return { status: 'applied', change: null };
  const now = deps.clock();
  await tx
    .update(maintenanceRequests)
    .set({ ...merged.record.fields, version: merged.record.version, stamps: merged.record.stamps as Record<string, { version: number; by: string }>, updatedAt: now })
    .where(eq(maintenanceRequests.id, row.id));
  const author = { at: now, authorId: user.id, authorName: user.name };
  const comment = change.comment ? { text: change.comment, visibility: visibilityOf(user, change.visibility) } : null;
  if (merged.changed.includes('state')) {
    await insertEvent(tx, row, { ...author, kind: 'state', comment: comment?.text ?? null, visibility: comment?.visibility, fromState: row.state, toState: change.fields.state! });
  }
  if (merged.changed.includes('technicianId')) {
    await insertEvent(tx, row, { ...author, kind: 'assignment', technicianId: change.fields.technicianId ?? null });
  }
  const edited = merged.changed.filter((field) => field !== 'state' && field !== 'technicianId');
  if (edited.length) await insertEvent(tx, row, { ...author, kind: 'edit', fields: edited });
  return {
    status: 'applied',
    change: { requestId: row.id, assignedTo: merged.changed.includes('technicianId') ? (change.fields.technicianId ?? null) : null, comment, toCustomer: true },
  };
}

/** A note in the request's history; an internal one is news for the dealer's side only. */
export async function addNote(tx: Db, deps: Pick<AppDeps, 'clock'>, user: SessionUser, row: RequestRow, text: string, chosen: NoteVisibility): Promise<Change> {
  const now = deps.clock();
  const visibility = visibilityOf(user, chosen);
  await insertEvent(tx, row, { kind: 'note', at: now, authorId: user.id, authorName: user.name, comment: text, visibility });
  await touch(tx, row, now);
  return { requestId: row.id, assignedTo: null, comment: { text, visibility }, toCustomer: visibility === 'shared' };
}

export async function requireVisibleRow(db: Db, user: SessionUser, id: string, lock = false): Promise<RequestRow> {
  const row = await findRequestRow(db, user.partnerId, id, lock);
  if (!row || !canSee(user, row)) throw notFound();
  return row;
}

/** The request as `user` may read it: whole for the dealer's side, `customerView` for a coordinator. */
export async function requireRequest(db: Db, user: SessionUser, id: string): Promise<MaintenanceRequest> {
  await requireVisibleRow(db, user, id);
  const request = (await loadRequest(db, user.partnerId, id))!;
  return actorOf(user) === 'coordinator' ? customerView(request) : request;
}

/**
 * A coordinator's problem report opens a request with its photos, once per `clientId`: a report
 * sent again (its answer was lost) finds the request it opened and changes nothing.
 */
export async function reportProblem(tx: Db, deps: Pick<AppDeps, 'clock'>, user: SessionUser, report: ProblemReport): Promise<{ requestId: string; created: Change | null }> {
  const [earlier] = await tx
    .select({ id: maintenanceRequests.id })
    .from(maintenanceRequests)
    .where(and(eq(maintenanceRequests.partnerId, user.partnerId), eq(maintenanceRequests.clientId, report.clientId)));
  if (earlier) return { requestId: earlier.id, created: null };
  const input: RequestCreate = { deviceId: report.deviceId, subject: report.subject, description: report.description, steps: [] };
  const created = await createRequest(tx, deps, user, input, report.clientId);
  const row = await requireVisibleRow(tx, user, created.requestId, true);
  for (const attachment of report.attachments) await saveAttachment(tx, deps, user, row, attachment);
  return { requestId: created.requestId, created };
}

export function updateToFields(update: RequestUpdate): Partial<Editable> {
  const { baseVersion: _baseVersion, ...fields } = update;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Editable>;
}

// ---------- Sync ----------

/**
 * Runs a technician's batch: each op in its own transaction with its sync_ops row, so an op takes
 * effect exactly when its answer is recorded. Changes to notify are collected for after the commits.
 */
export async function syncBatch(deps: AppDeps, user: SessionUser, clientId: string, ops: SyncOp[], changes: Change[]): Promise<BatchResult<SyncOutcome>[]> {
  const by = `client:${clientId}`;
  return runBatch<SyncOp, SyncOutcome>(
    ops,
    {
      recall: async (opId) => {
        const [row] = await deps.db.select({ result: syncOps.result, userId: syncOps.userId }).from(syncOps).where(eq(syncOps.opId, opId));
        return row && row.userId === user.id ? row.result : undefined;
      },
      blocked: async (op, blockedBy) => {
        const server = await loadRequest(deps.db, user.partnerId, (op as { requestId: string }).requestId);
        return { status: 'conflict', fields: [], blockedBy, server: server! };
      },
      apply: async (op) => {
        try {
          return await deps.db.transaction(async (tx) => {
            // Claims the opId first: a concurrent resend waits here, then finds it taken.
            const claimed = await tx
              .insert(syncOps)
              .values({ opId: op.opId, partnerId: user.partnerId, userId: user.id, clientId, kind: op.kind, result: { status: 'rejected', code: 'internal', reason: 'pending' }, receivedAt: deps.clock() })
              .onConflictDoNothing()
              .returning({ opId: syncOps.opId });
            if (claimed.length === 0) throw new DomainError('request.op_id_taken');
            const { outcome, change } = await applyOp(tx, deps, user, by, op);
            await tx.update(syncOps).set({ result: outcome }).where(eq(syncOps.opId, op.opId));
            if (change) changes.push(change);
            return outcome;
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          // Refused ops are recorded too (outside the rolled-back transaction), so a resend gets the same answer.
          const outcome: SyncOutcome = { status: 'rejected', code: error.code, reason: error.message };
          const [stored] = await deps.db
            .insert(syncOps)
            .values({ opId: op.opId, partnerId: user.partnerId, userId: user.id, clientId, kind: op.kind, result: outcome, receivedAt: deps.clock() })
            .onConflictDoNothing()
            .returning({ result: syncOps.result });
          if (stored) return outcome;
          const [first] = await deps.db.select({ result: syncOps.result }).from(syncOps).where(eq(syncOps.opId, op.opId));
          return first!.result;
        }
      },
    },
    entityKeyOf,
  );
}

async function applyOp(tx: Db, deps: AppDeps, user: SessionUser, by: string, op: SyncOp): Promise<{ outcome: SyncOutcome; change: Change | null }> {
  const applied = async (requestId: string, change: Change | null) => ({
    outcome: { status: 'applied' as const, request: await loadRequest(tx, user.partnerId, requestId), reading: null },
    change,
  });
  switch (op.kind) {
    case 'request.transition':
    case 'request.edit': {
      const row = await requireVisibleRow(tx, user, op.requestId, true);
      if (op.kind === 'request.transition') {
        // Already where the technician wanted it (the dealer moved it there meanwhile): nothing to refuse, the comment joins the history.
        if (row.state === op.to) return applied(row.id, await addNote(tx, deps, user, row, op.comment, op.visibility));
        const verdict = checkTransition({ from: row.state, to: op.to, actor: actorOf(user), isAssignee: row.technicianId === user.id, comment: op.comment });
        if (!verdict.allowed && verdict.code !== 'bad_request') return refuseTransition(tx, deps, user, row, op, verdict);
      }
      const fields = op.kind === 'request.transition' ? { state: op.to } : op.changes;
      const comment = op.kind === 'request.transition' ? op.comment : undefined;
      const visibility = op.kind === 'request.transition' ? op.visibility : undefined;
      const result = await changeRequest(tx, deps, user, row, { baseVersion: op.baseVersion, by, fields, comment, visibility });
      if (result.status === 'conflict') {
        return { outcome: { status: 'conflict', fields: result.fields, blockedBy: null, server: (await loadRequest(tx, user.partnerId, row.id))! }, change: null };
      }
      return applied(row.id, result.change);
    }
    case 'request.note': {
      const row = await requireVisibleRow(tx, user, op.requestId, true);
      return applied(row.id, await addNote(tx, deps, user, row, op.text, op.visibility));
    }
    case 'request.attachment': {
      const row = await requireVisibleRow(tx, user, op.requestId, true);
      await saveAttachment(tx, deps, user, row, op.attachment);
      return applied(row.id, null);
    }
    case 'reading': {
      await requireTechnicianDevice(tx, user, op.deviceId);
      const recorded = await recordReading(
        tx,
        {
          partnerId: user.partnerId,
          deviceId: op.deviceId,
          counter: op.counter,
          value: op.value,
          takenAt: new Date(op.takenAt),
          source: 'technician',
          actor: user.email,
          idempotencyKey: op.opId,
        },
        deps.clock(),
      );
      if (!recorded.reading) {
        const reason = reasonMessage(recorded.reason, contactLanguage(user.language));
        return { outcome: { status: 'rejected', code: 'reading_refused', reason, readingReason: recorded.reason }, change: null };
      }
      const verdict = recorded.verdict === 'to_check' ? 'to_check' : 'ok';
      return { outcome: { status: 'applied', request: null, reading: { id: recorded.reading.id, verdict, reason: recorded.reason } }, change: null };
    }
    case 'counter.reset': {
      await requireTechnicianDevice(tx, user, op.deviceId);
      if (op.requestId) await requireVisibleRow(tx, user, op.requestId);
      try {
        // A savepoint: a refused counter undoes the values already recorded for the others.
        const declaration = {
          partnerId: user.partnerId,
          deviceId: op.deviceId,
          kind: op.resetKind,
          at: new Date(op.at),
          counters: op.counters,
          source: 'technician' as const,
          actor: user.email,
          note: op.note ?? null,
          idempotencyKey: op.opId,
        };
        await tx.transaction((savepoint) => declareReset(savepoint, declaration, deps.clock()));
      } catch (error) {
        if (!(error instanceof DomainError) || !['reading_refused', 'conflict', 'bad_request'].includes(error.code)) throw error;
        const readingReason = readingReasonSchema.safeParse(error.meta.reason);
        const reason = readingReason.success ? reasonMessage(readingReason.data, contactLanguage(user.language)) : error.message;
        return { outcome: { status: 'rejected', code: error.code, reason, ...(readingReason.success ? { readingReason: readingReason.data } : {}) }, change: null };
      }
      return { outcome: { status: 'applied', request: null, reading: null }, change: null };
    }
    case 'supply.replacement': {
      await requireTechnicianDevice(tx, user, op.deviceId);
      if (op.requestId) await requireVisibleRow(tx, user, op.requestId);
      const now = deps.clock();
      await recordReplacement(
        tx,
        {
          partnerId: user.partnerId,
          deviceId: op.deviceId,
          requestId: op.requestId ?? null,
          supplyIndex: op.supplyIndex ?? null,
          supplyType: op.supplyType,
          colour: op.colour ?? null,
          note: op.note ?? null,
          replacedAt: new Date(op.replacedAt),
          technicianId: user.id,
          opId: op.opId,
        },
        now,
      );
      if (op.requestId) {
        const row = (await findRequestRow(tx, user.partnerId, op.requestId))!;
        await insertEvent(tx, row, { kind: 'supply', at: now, authorId: user.id, authorName: user.name, comment: `${op.supplyType}${op.colour ? ` (${op.colour})` : ''}` });
      }
      return { outcome: { status: 'applied', request: null, reading: null }, change: null };
    }
  }
}

/**
 * A change of state the request no longer allows (the dealer moved it meanwhile, typically while
 * the technician was offline) is refused, with the request as it now is so the app can say why;
 * its comment, written on site, is not lost: it goes into the history as a note, as visible as chosen.
 */
async function refuseTransition(
  tx: Db,
  deps: AppDeps,
  user: SessionUser,
  row: RequestRow,
  op: Extract<SyncOp, { kind: 'request.transition' }>,
  verdict: Extract<TransitionVerdict, { allowed: false }>,
): Promise<{ outcome: SyncOutcome; change: Change }> {
  const change = await addNote(tx, deps, user, row, op.comment, op.visibility);
  const server = (await loadRequest(tx, user.partnerId, row.id))!;
  return { outcome: { status: 'rejected', code: verdict.code, reason: verdict.reason, server, keptAsNote: true }, change };
}

/** A technician records on devices of requests assigned to them, open or not. */
async function requireTechnicianDevice(tx: Db, user: SessionUser, deviceId: string): Promise<void> {
  const [row] = await tx
    .select({ id: maintenanceRequests.id })
    .from(maintenanceRequests)
    .where(and(eq(maintenanceRequests.partnerId, user.partnerId), eq(maintenanceRequests.deviceId, deviceId), eq(maintenanceRequests.technicianId, user.id)))
    .limit(1);
  if (!row) throw new DomainError('request.device_not_yours', { field: 'deviceId' });
}

// ---------- Devices for the field ----------

export async function fieldDevices(db: Db, partnerId: string, deviceIds: string[]): Promise<FieldDevice[]> {
  if (deviceIds.length === 0) return [];
  const [rows, counterRows, supplies, errors, onTheirWay] = await Promise.all([
    db
      .select({ device: devices, siteName: sites.name })
      .from(devices)
      .leftJoin(sites, eq(sites.id, devices.siteId))
      .where(and(eq(devices.partnerId, partnerId), inArray(devices.id, deviceIds))),
    db.execute(sql`
      select c.device_id as "deviceId", c.kind, r.value as "lastValue", r.taken_at as "lastTakenAt"
      from counters c
      left join lateral (select value, taken_at from readings where counter_id = c.id and status in ${COUNTING_STATUS_LIST} order by taken_at desc limit 1) r on true
      where c.partner_id = ${partnerId} and c.active and c.device_id in (${sql.join(deviceIds.map((id) => sql`${id}`), sql`, `)})
      order by c.kind`),
    db.select().from(deviceSupplies).where(and(eq(deviceSupplies.partnerId, partnerId), inArray(deviceSupplies.deviceId, deviceIds))).orderBy(deviceSupplies.supplyIndex),
    selectErrors(db, [eq(deviceAlerts.partnerId, partnerId), inArray(deviceAlerts.deviceId, deviceIds)], false),
    ordersOnTheirWay(db, partnerId, deviceIds),
  ]);
  const counterList = (Array.isArray(counterRows) ? counterRows : (counterRows as unknown as { rows: unknown[] }).rows) as {
    deviceId: string;
    kind: FieldDevice['counters'][number]['kind'];
    lastValue: string | number | null;
    lastTakenAt: string | Date | null;
  }[];
  const customerNames = new Map(errors.items.map((error) => [error.device.customerId, error.device.customerName]));
  const names = await customerNamesOf(db, rows.map((row) => row.device.customerId), customerNames);
  return rows.map(({ device, siteName }) => ({
    id: device.id,
    deviceCode: device.deviceCode,
    manufacturer: device.manufacturer,
    model: device.model,
    location: device.location,
    customerId: device.customerId,
    customerName: names.get(device.customerId) ?? '',
    serial: device.serial,
    ip: device.ip,
    siteId: device.siteId,
    siteName,
    counters: counterList
      .filter((row) => row.deviceId === device.id)
      .map((row) => ({
        kind: row.kind,
        lastValue: row.lastValue === null ? null : Number(row.lastValue),
        lastTakenAt: row.lastTakenAt === null ? null : new Date(row.lastTakenAt).toISOString(),
      })),
    supplies: supplies
      .filter((supply) => supply.deviceId === device.id)
      .map((supply) => ({
        supplyIndex: supply.supplyIndex,
        description: supply.description,
        type: supply.type,
        colour: supply.colour,
        percent: supply.percent,
        readAt: supply.readAt.toISOString(),
        order: onTheirWay.get(`${device.id}\u0000${supply.supplyIndex}`) ?? null,
      })),
    openErrors: errors.items.filter((error) => error.device.id === device.id),
  }));
}

async function customerNamesOf(db: Db, ids: string[], known: Map<string, string>): Promise<Map<string, string>> {
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  if (missing.length === 0) return known;
  const rows = await db.execute(sql`select id, name from customers where id in (${sql.join(missing.map((id) => sql`${id}`), sql`, `)})`);
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { id: string; name: string }[];
  return new Map([...known, ...list.map((row) => [row.id, row.name] as const)]);
}

/** The device's recent history, newest first: request events, technician readings, supply replacements, alerts. */
/** One history entry per declaration: the counters reset at the same instant with the same note. */
function groupResets(resets: Awaited<ReturnType<typeof findResets>>): Extract<DeviceHistoryEntry, { kind: 'counter_reset' }>[] {
  const byDeclaration = new Map<string, Extract<DeviceHistoryEntry, { kind: 'counter_reset' }>>();
  for (const reset of resets) {
    const key = `${reset.at.toISOString()}|${reset.note ?? ''}`;
    const entry = byDeclaration.get(key) ?? { kind: 'counter_reset' as const, at: reset.at.toISOString(), requestId: null, counters: [], note: reset.note };
    entry.counters.push({ counter: reset.counterKind, finalValue: reset.finalValue, startValue: reset.startValue });
    byDeclaration.set(key, entry);
  }
  return [...byDeclaration.values()];
}

export async function deviceHistory(db: Db, partnerId: string, deviceId: string, limit = 30): Promise<DeviceHistoryEntry[]> {
  const [events, replacements, readingRows, alerts] = await Promise.all([
    db
      .select({ event: requestEvents, subject: maintenanceRequests.subject })
      .from(requestEvents)
      .innerJoin(maintenanceRequests, eq(maintenanceRequests.id, requestEvents.requestId))
      .where(and(eq(maintenanceRequests.partnerId, partnerId), eq(maintenanceRequests.deviceId, deviceId)))
      .orderBy(desc(requestEvents.at))
      .limit(limit),
    db.select().from(supplyReplacements).where(and(eq(supplyReplacements.partnerId, partnerId), eq(supplyReplacements.deviceId, deviceId))).orderBy(desc(supplyReplacements.replacedAt)).limit(limit),
    db
      .select({ value: readings.value, takenAt: readings.takenAt, source: readings.source, kind: counters.kind })
      .from(readings)
      .innerJoin(counters, eq(counters.id, readings.counterId))
      .where(and(eq(readings.partnerId, partnerId), eq(readings.deviceId, deviceId)))
      .orderBy(desc(readings.takenAt))
      .limit(limit),
    db.select().from(deviceAlerts).where(and(eq(deviceAlerts.partnerId, partnerId), eq(deviceAlerts.deviceId, deviceId))).orderBy(desc(deviceAlerts.openedAt)).limit(limit),
  ]);
  const resets = await findResets(db, partnerId, [deviceId]);
  const entries: DeviceHistoryEntry[] = [
    ...events.map(({ event, subject }) => ({
      kind: 'request' as const,
      at: event.at.toISOString(),
      requestId: event.requestId,
      subject,
      event: event.kind,
      toState: event.toState,
      comment: event.comment,
    })),
    ...replacements.map((row) => ({ kind: 'supply_replacement' as const, at: row.replacedAt.toISOString(), requestId: row.requestId, supplyType: row.supplyType, colour: row.colour, note: row.note })),
    ...readingRows.map((row) => ({ kind: 'reading' as const, at: row.takenAt.toISOString(), requestId: null, counter: row.kind, value: row.value, source: row.source })),
    ...groupResets(resets),
    ...alerts.map((row) => ({
      kind: 'alert' as const,
      at: row.openedAt.toISOString(),
      requestId: null,
      severity: row.severity,
      group: row.group,
      code: row.code,
      description: row.description,
      cleared: row.clearedAt !== null,
    })),
  ];
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
