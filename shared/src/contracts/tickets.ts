import { z } from 'zod';
import { LANGUAGES } from '../languages.ts';
import { IN_FLIGHT_ORDER_STATUSES, SUPPLY_COLOURS, SUPPLY_KINDS } from '../supplies/kinds.ts';
import { COUNTER_KINDS, READING_SOURCES, RESET_KINDS } from '../meters/counters.ts';
import { readingReasonSchema } from '../meters/reasons.ts';
import { COMPLEXITIES } from '../tickets/complexity.ts';
import { MAX_COMMENT_LENGTH, REQUEST_STATES } from '../tickets/states.ts';
import { DEFAULT_VISIBILITY, NOTE_VISIBILITIES } from '../tickets/visibility.ts';
import { ALERT_SEVERITIES } from './device-console.ts';
import { instantSchema, optionalText, pageQuerySchema, pageSchema, requiredText } from './paging.ts';
import { counterBreaksSchema, readingValueSchema } from './readings.ts';

/**
 * Maintenance (issue 6): current errors from the agents' alerts, maintenance requests, the
 * technician's offline day bundle and sync, and the coordinator's phone view.
 *
 * Routes (all under /api, session cookie):
 *   partner (partner_admin, partner_staff)
 *     GET   /errors                          ?repaired=auto (or 1) for auto-repaired, else current   -> errorPage
 *     GET   /errors/manually-repaired        requests in done/resolved                                -> requestPage
 *     POST  /requests                        requestCreate                                            -> 201 maintenanceRequest
 *     GET   /requests                        requestListQuery                                         -> requestPage
 *     GET   /requests/{id}                                                                          -> maintenanceRequest
 *     PATCH /requests/{id}                   requestUpdate (409 conflict body: requestConflict)       -> maintenanceRequest
 *     POST  /requests/{id}/transition        requestTransition                                        -> maintenanceRequest
 *     POST  /requests/{id}/notes             requestNote                                              -> 201 maintenanceRequest
 *     POST  /requests/{id}/attachments       attachmentUpload                                         -> 201 attachmentMeta
 *   partner, technician (assigned), coordinator (their customers: `customerView`, shared notes only)
 *     GET   /requests/{id}                                                                          -> maintenanceRequest
 *     GET   /requests/{id}/attachments/{attachmentId}   -> the bytes with their Content-Type
 *   technician
 *     GET   /tech/bundle                                                                          -> techBundle
 *     POST  /tech/sync                       syncBatchRequest                                         -> syncBatchResponse
 *   coordinator
 *     GET   /coordinator/overview                                                                 -> coordinatorOverview
 *     POST  /coordinator/problems            problemReport                                            -> 201 maintenanceRequest (200: clientId seen before)
 */

// ---------- Current errors ----------

export const errorDeviceSchema = z.object({
  id: z.uuid(),
  deviceCode: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  location: z.string().nullable(),
  customerId: z.uuid(),
  customerName: z.string(),
});
export type ErrorDevice = z.infer<typeof errorDeviceSchema>;

/** One alert of a device (prtAlertTable row or hrPrinterDetectedErrorState flag, group `status`). */
export const currentErrorSchema = z.object({
  id: z.uuid(),
  device: errorDeviceSchema,
  group: z.string(),
  code: z.string(),
  description: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  complexity: z.enum(COMPLEXITIES),
  openedAt: instantSchema,
  lastSeenAt: instantSchema,
  /** Set when the printer stopped reporting it: the alert is auto-repaired. */
  clearedAt: instantSchema.nullable(),
  /** The request generated from this alert, if any. */
  requestId: z.uuid().nullable(),
  /** The dealer ignores this condition on this device: until a time, or for good (`until` null). */
  ignored: z.object({ until: instantSchema.nullable(), by: z.string(), at: instantSchema }).nullable(),
});
export type CurrentError = z.infer<typeof currentErrorSchema>;

/** Forward an error by email: to whom, and a word of the dealer's (the device and the error are added). */
export const errorEmailSchema = z.strictObject({
  to: z.array(z.email().max(254)).min(1).max(10),
  message: z.string().trim().max(2000).default(''),
  language: z.enum(LANGUAGES),
});
export type ErrorEmail = z.input<typeof errorEmailSchema>;

export const errorNoteSchema = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export type ErrorNote = z.infer<typeof errorNoteSchema>;

/** Ignore an error for a number of days, or for good (`days` null). */
export const errorIgnoreSchema = z.strictObject({ days: z.number().int().min(1).max(365).nullable(), note: z.string().trim().max(500).default('') });
export type ErrorIgnore = z.input<typeof errorIgnoreSchema>;

export const errorListQuerySchema = pageQuerySchema.extend({
  /** `auto` (or `1`): cleared alerts, newest first. Absent: open alerts. */
  repaired: z
    .enum(['auto', '1'])
    .optional()
    .transform((value) => (value ? ('auto' as const) : undefined)),
  customerId: z.uuid().optional(),
  deviceId: z.uuid().optional(),
  complexity: z.enum(COMPLEXITIES).optional(),
  /** `true`: only the errors the dealer ignores. Absent: the others. */
  ignored: z.enum(['true']).optional(),
});
export type ErrorListQuery = z.infer<typeof errorListQuerySchema>;
export const errorPageSchema = pageSchema(currentErrorSchema);

// ---------- Maintenance requests ----------

export const MAX_STEPS = 20;
export const stepsSchema = z.array(requiredText(500)).max(MAX_STEPS);
export const commentSchema = requiredText(MAX_COMMENT_LENGTH);
/** Who may read a comment or note (see `tickets/visibility`); absent, it stays internal. */
export const visibilitySchema = z.enum(NOTE_VISIBILITIES).default(DEFAULT_VISIBILITY);

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** Decoded size limit of one attachment. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const attachmentMetaSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  fileName: z.string(),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  uploadedBy: z.string(),
  createdAt: instantSchema,
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

/**
 * An attachment travels as base64 in JSON: the PWA keeps the blob in IndexedDB and sends it inside
 * its queued op, so one mechanism (the sync batch) carries everything made offline. The server
 * checks the bytes (magic numbers), not only the declared type. `id` is client-made: resending is harmless.
 */
export const attachmentUploadSchema = z.strictObject({
  id: z.uuid(),
  fileName: requiredText(200),
  contentType: z.enum(ATTACHMENT_TYPES),
  dataBase64: z.base64().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'At most 5 MB'),
});
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;

export const REQUEST_EVENT_KINDS = ['created', 'state', 'note', 'assignment', 'edit', 'attachment', 'reading', 'supply'] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];

/** One line of a request's history (also shown in the device's history). */
export const requestEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(REQUEST_EVENT_KINDS),
  at: instantSchema,
  authorName: z.string(),
  /** The state-change comment, the note, or a short description of what changed. */
  comment: z.string().nullable(),
  /** Whether the customer's coordinators may read the comment (`shared`) or only the dealer and its technicians. */
  visibility: z.enum(NOTE_VISIBILITIES),
  fromState: z.enum(REQUEST_STATES).nullable(),
  toState: z.enum(REQUEST_STATES).nullable(),
  /** For `assignment`: the new technician (null: unassigned). */
  technicianId: z.uuid().nullable(),
  /** For `edit`: which fields changed. */
  fields: z.array(z.string()),
});
export type RequestEvent = z.infer<typeof requestEventSchema>;

export const requestSummarySchema = z.object({
  id: z.uuid(),
  device: errorDeviceSchema,
  /** The alert it was generated from; null when reported by hand. */
  alertId: z.uuid().nullable(),
  subject: z.string(),
  description: z.string(),
  technicianId: z.uuid().nullable(),
  technicianName: z.string().nullable(),
  /** "L'utilisateur peut résoudre lui-même le problème", with the steps to follow. */
  userCanFix: z.boolean(),
  steps: z.array(z.string()),
  complexity: z.enum(COMPLEXITIES).nullable(),
  state: z.enum(REQUEST_STATES),
  /** Grows by one with every change; sync ops and PATCH carry the version they were based on. */
  version: z.number().int().min(1),
  createdBy: z.string(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const maintenanceRequestSchema = requestSummarySchema.extend({
  events: z.array(requestEventSchema),
  attachments: z.array(attachmentMetaSchema),
});
export type MaintenanceRequest = z.infer<typeof maintenanceRequestSchema>;

export const requestCreateSchema = z.strictObject({
  deviceId: z.uuid(),
  /** Generating from an alert fills subject and complexity from it when they are not given. */
  alertId: z.uuid().optional(),
  subject: requiredText(200).optional(),
  description: z.string().trim().max(5000).default(''),
  technicianId: z.uuid().nullish(),
  /** Defaults to the alert's complexity being `user`. */
  userCanFix: z.boolean().optional(),
  steps: stepsSchema.default([]),
});
export type RequestCreate = z.infer<typeof requestCreateSchema>;

/** The fields of a request that change by edit (state changes go through transitions). */
export const REQUEST_EDITABLE_FIELDS = ['subject', 'description', 'technicianId', 'userCanFix', 'steps'] as const;
export type RequestEditableField = (typeof REQUEST_EDITABLE_FIELDS)[number];
/** Of those, what a technician may change from the field. */
export const TECHNICIAN_EDITABLE_FIELDS = ['description', 'userCanFix', 'steps'] as const satisfies readonly RequestEditableField[];

const editableFields = {
  subject: requiredText(200),
  description: z.string().trim().max(5000),
  technicianId: z.uuid().nullable(),
  userCanFix: z.boolean(),
  steps: stepsSchema,
};

export const requestUpdateSchema = z
  .strictObject({
    /**
     * The version the editor saw. Given: a field someone else changed since is a 409 `conflict`
     * (body `requestConflict`), other fields merge. Absent: last write wins.
     */
    baseVersion: z.number().int().min(1).optional(),
    ...editableFields,
  })
  .partial()
  .refine((value) => REQUEST_EDITABLE_FIELDS.some((field) => value[field] !== undefined), 'Give at least one field to change');
export type RequestUpdate = z.infer<typeof requestUpdateSchema>;

export const requestConflictSchema = z.object({
  code: z.literal('conflict'),
  message: z.string(),
  fields: z.array(z.string()),
  server: maintenanceRequestSchema,
});
export type RequestConflict = z.infer<typeof requestConflictSchema>;

export const requestTransitionSchema = z.strictObject({ to: z.enum(REQUEST_STATES), comment: commentSchema, visibility: visibilitySchema });
export type RequestTransition = z.infer<typeof requestTransitionSchema>;

export const requestNoteSchema = z.strictObject({ comment: commentSchema, visibility: visibilitySchema });
export type RequestNote = z.infer<typeof requestNoteSchema>;

export const requestListQuerySchema = pageQuerySchema.extend({
  /** One state, or `open` for unresolved, in_progress and done. */
  state: z.enum([...REQUEST_STATES, 'open']).optional(),
  deviceId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  technicianId: z.uuid().optional(),
});
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;
export const requestPageSchema = pageSchema(requestSummarySchema);

// ---------- Devices as the technician and coordinator see them ----------

export const bundleSupplySchema = z.object({
  supplyIndex: z.string(),
  description: z.string(),
  type: z.string(),
  colour: z.string().nullable(),
  /** Percent of full; null when unknown. */
  percent: z.number().nullable(),
  readAt: instantSchema,
  /**
   * The order on its way for it ("toner on its way"), if any: what it brings (its kind and colour as
   * the order has them, the part ordered, else the one the printer reports) for the technician to install.
   */
  order: z
    .object({
      code: z.string(),
      status: z.enum(IN_FLIGHT_ORDER_STATUSES),
      shippedAt: instantSchema.nullable(),
      trackingLink: z.string().nullable(),
      kind: z.enum(SUPPLY_KINDS),
      colour: z.enum(SUPPLY_COLOURS),
      partNumber: z.string().nullable(),
    })
    .nullable()
    .default(null),
});
export type BundleSupply = z.infer<typeof bundleSupplySchema>;

export const bundleCounterSchema = z.object({
  kind: z.enum(COUNTER_KINDS),
  lastValue: z.number().int().nullable(),
  lastTakenAt: instantSchema.nullable(),
});

/**
 * The device's recent history, newest first: request events, readings, declared resets, supply
 * replacements, alerts. Data, not sentences: the app words each entry in its user's language.
 */
const historyBase = { at: instantSchema, requestId: z.uuid().nullable() };
export const deviceHistoryEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...historyBase, kind: z.literal('request'), subject: z.string(), event: z.enum(REQUEST_EVENT_KINDS), toState: z.enum(REQUEST_STATES).nullable(), comment: z.string().nullable() }),
  z.object({ ...historyBase, kind: z.literal('reading'), counter: z.enum(COUNTER_KINDS), value: z.number().int(), source: z.enum(READING_SOURCES) }),
  z.object({ ...historyBase, kind: z.literal('counter_reset'), counters: counterBreaksSchema, note: z.string().nullable() }),
  z.object({ ...historyBase, kind: z.literal('supply_replacement'), supplyType: z.string(), colour: z.string().nullable(), note: z.string().nullable() }),
  z.object({ ...historyBase, kind: z.literal('alert'), severity: z.enum(ALERT_SEVERITIES), group: z.string(), code: z.string(), description: z.string(), cleared: z.boolean() }),
]);
export type DeviceHistoryEntry = z.infer<typeof deviceHistoryEntrySchema>;

export const fieldDeviceSchema = errorDeviceSchema.extend({
  serial: z.string(),
  ip: z.string().nullable(),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  counters: z.array(bundleCounterSchema),
  supplies: z.array(bundleSupplySchema),
  openErrors: z.array(currentErrorSchema),
});
export type FieldDevice = z.infer<typeof fieldDeviceSchema>;

// ---------- Technician: day bundle and sync ----------

export const techBundleSchema = z.object({
  generatedAt: instantSchema,
  technician: z.object({ id: z.uuid(), name: z.string() }),
  /** Open requests assigned to the technician (unresolved, in_progress, done), with history and attachment metadata. */
  requests: z.array(maintenanceRequestSchema),
  /** Every device those requests are about. */
  devices: z.array(fieldDeviceSchema.extend({ history: z.array(deviceHistoryEntrySchema) })),
});
export type TechBundle = z.infer<typeof techBundleSchema>;

const opBase = { opId: z.uuid(), createdAt: instantSchema };

export const syncOpSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...opBase,
    kind: z.literal('request.transition'),
    requestId: z.uuid(),
    baseVersion: z.number().int().min(1),
    to: z.enum(REQUEST_STATES),
    comment: commentSchema,
    visibility: visibilitySchema,
  }),
  z.strictObject({
    ...opBase,
    kind: z.literal('request.edit'),
    requestId: z.uuid(),
    baseVersion: z.number().int().min(1),
    changes: z.strictObject({ description: editableFields.description, userCanFix: editableFields.userCanFix, steps: editableFields.steps }).partial(),
  }),
  /** Notes and photos only add: they never conflict and need no base version. */
  z.strictObject({ ...opBase, kind: z.literal('request.note'), requestId: z.uuid(), text: commentSchema, visibility: visibilitySchema }),
  z.strictObject({ ...opBase, kind: z.literal('request.attachment'), requestId: z.uuid(), attachment: attachmentUploadSchema }),
  /** Recorded with source `technician`, plausibility-checked; a refused value is answered `rejected`. */
  z.strictObject({ ...opBase, kind: z.literal('reading'), deviceId: z.uuid(), counter: z.enum(COUNTER_KINDS), value: readingValueSchema, takenAt: instantSchema, requestId: z.uuid().optional() }),
  z.strictObject({
    ...opBase,
    kind: z.literal('supply.replacement'),
    deviceId: z.uuid(),
    /** The device_supplies row replaced, when known. */
    supplyIndex: z.string().max(100).optional(),
    supplyType: requiredText(100),
    colour: optionalText(50),
    replacedAt: instantSchema,
    note: optionalText(1000),
    requestId: z.uuid().optional(),
  }),
  /**
   * A counter reset or board replacement seen on site: per counter, what it showed before and what
   * it shows after. Declared through the readings writer (source `technician`); refused values are
   * answered `rejected` with the reason.
   */
  z.strictObject({
    ...opBase,
    kind: z.literal('counter.reset'),
    deviceId: z.uuid(),
    resetKind: z.enum(RESET_KINDS),
    at: instantSchema,
    counters: counterBreaksSchema,
    note: optionalText(1000),
    requestId: z.uuid().optional(),
  }),
]);
export type SyncOp = z.infer<typeof syncOpSchema>;
export type SyncOpKind = SyncOp['kind'];

export const MAX_SYNC_OPS = 100;
export const syncBatchRequestSchema = z.strictObject({
  /** The app installation (made once, kept in IndexedDB): whose earlier ops a field change follows. */
  clientId: z.uuid(),
  ops: z.array(syncOpSchema).min(1).max(MAX_SYNC_OPS),
});
export type SyncBatchRequest = z.infer<typeof syncBatchRequestSchema>;

const appliedOutcome = {
  status: z.literal('applied'),
  /** For request ops: the request after the change. */
  request: maintenanceRequestSchema.nullable(),
  /**
   * For readings: the id and the plausibility verdict (`to_check` readings are kept for review),
   * with its structured reason for the app to say with the shared messages (`meters/messages`).
   */
  reading: z.object({ id: z.uuid(), verdict: z.enum(['ok', 'to_check']), reason: readingReasonSchema.nullable() }).nullable(),
};
const conflictOutcome = {
  status: z.literal('conflict'),
  /** The fields both sides changed (empty when held back by `blockedBy`). */
  fields: z.array(z.string()),
  /**
   * Set when this op was not tried because an earlier op on the same request conflicted in this
   * batch: the server did not record it; the client keeps it queued behind that conflict.
   */
  blockedBy: z.uuid().nullable(),
  server: maintenanceRequestSchema,
};
const rejectedOutcome = {
  status: z.literal('rejected'),
  code: z.string(),
  /** A sentence for a person (in the user's language for refused readings). */
  reason: z.string(),
  /** For a refused reading (`reading_refused`): why, structured like an applied reading's reason. */
  readingReason: readingReasonSchema.optional(),
  /** For a refused op on a request the technician still sees: the request as it is now, to say why. */
  server: maintenanceRequestSchema.optional(),
  /** For a refused change of state: its comment was added to the request's history as a note, so it is not lost. */
  keptAsNote: z.boolean().optional(),
};

/** The first answer an op got; a resent op gets it again wrapped in `duplicate`. */
export const syncOutcomeSchema = z.discriminatedUnion('status', [z.object(appliedOutcome), z.object(conflictOutcome), z.object(rejectedOutcome)]);
export type SyncOutcome = z.infer<typeof syncOutcomeSchema>;

const opId = z.uuid();
export const syncResultSchema = z.discriminatedUnion('status', [
  z.object({ opId, ...appliedOutcome }),
  z.object({ opId, ...conflictOutcome }),
  z.object({ opId, ...rejectedOutcome }),
  z.object({ opId, status: z.literal('duplicate'), original: syncOutcomeSchema }),
]);
export type SyncResult = z.infer<typeof syncResultSchema>;

/** One result per op, in the order sent. */
export const syncBatchResponseSchema = z.object({ serverTime: instantSchema, results: z.array(syncResultSchema) });
export type SyncBatchResponse = z.infer<typeof syncBatchResponseSchema>;

// ---------- Coordinator ----------

export const coordinatorOverviewSchema = z.object({
  customers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  devices: z.array(fieldDeviceSchema.extend({ openRequestCount: z.number().int() })),
  openRequests: z.array(requestSummarySchema),
});
export type CoordinatorOverview = z.infer<typeof coordinatorOverviewSchema>;

export const problemReportSchema = z.strictObject({
  /** Made by the app once per report: sending it again (a retry after a lost answer) opens no second request. */
  clientId: z.uuid(),
  deviceId: z.uuid(),
  subject: requiredText(200),
  description: z.string().trim().max(5000).default(''),
  attachments: z.array(attachmentUploadSchema).max(3).default([]),
});
export type ProblemReport = z.infer<typeof problemReportSchema>;
