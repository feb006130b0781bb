import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SyncOutcome } from '@parc/shared/contracts/tickets';
import type { FieldStamp } from '@parc/shared/sync/merge';
import { REQUEST_STATES } from '@parc/shared/tickets/states';
import { COMPLEXITIES } from '@parc/shared/tickets/complexity';
import { NOTE_VISIBILITIES } from '@parc/shared/tickets/visibility';
import { REQUEST_EVENT_KINDS } from '@parc/shared/contracts/tickets';
import { customers } from './customers.ts';
import { devices } from './devices.ts';
import { users } from './partners.ts';
import { bytea } from './bytea.ts';


const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A maintenance request on one device; `version` grows with every change, `stamps` say who last changed each field and when. */
export const maintenanceRequests = pgTable(
  'maintenance_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    alertId: uuid('alert_id'),
    /** A coordinator's problem report: the app's id for it, so sending it again opens no second request. */
    clientId: uuid('client_id'),
    subject: text('subject').notNull(),
    description: text('description').notNull().default(''),
    technicianId: uuid('technician_id').references(() => users.id),
    userCanFix: boolean('user_can_fix').notNull().default(false),
    steps: jsonb('steps').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    complexity: text('complexity', { enum: COMPLEXITIES }),
    state: text('state', { enum: REQUEST_STATES }).notNull().default('unresolved'),
    version: integer('version').notNull().default(1),
    stamps: jsonb('stamps').$type<Record<string, FieldStamp>>().notNull().default(sql`'{}'::jsonb`),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }),
    index('maintenance_requests_partner_state').on(t.partnerId, t.state),
    index('maintenance_requests_technician').on(t.technicianId, t.state),
    index('maintenance_requests_device').on(t.deviceId),
    uniqueIndex('maintenance_requests_client').on(t.partnerId, t.clientId),
    check('maintenance_requests_state', sql`${t.state} in (${inList(REQUEST_STATES)})`),
    check('maintenance_requests_version', sql`${t.version} >= 1`),
  ],
);

/** A request's history, append-only: state changes with their comment, notes, assignments, edits, attachments… */
export const requestEvents = pgTable(
  'request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: several events of one change share their instant. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    partnerId: uuid('partner_id').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => maintenanceRequests.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REQUEST_EVENT_KINDS }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    comment: text('comment'),
    /** Who may read the comment: `shared` reaches the customer's coordinators (emails, their screens), `internal` stays with the dealer. */
    visibility: text('visibility', { enum: NOTE_VISIBILITIES }).notNull().default('internal'),
    fromState: text('from_state', { enum: REQUEST_STATES }),
    toState: text('to_state', { enum: REQUEST_STATES }),
    technicianId: uuid('technician_id'),
    fields: jsonb('fields').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    index('request_events_request').on(t.requestId, t.at),
    // Changes made lately, across requests: what notices look for every few minutes.
    index('request_events_at').on(t.at),
    check('request_events_visibility', sql`${t.visibility} in (${inList(NOTE_VISIBILITIES)})`),
  ],
);

export const requestAttachments = pgTable(
  'request_attachments',
  {
    /** Made by the client, so a resent upload is recognised. */
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => maintenanceRequests.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('request_attachments_request').on(t.requestId), check('request_attachments_size', sql`${t.size} between 1 and 5242880`)],
);

/** Every sync op a client sent, with the first answer it got: a resent op is answered `duplicate` with it. */
export const syncOps = pgTable('sync_ops', {
  opId: uuid('op_id').primaryKey(),
  partnerId: uuid('partner_id').notNull(),
  userId: uuid('user_id').notNull(),
  clientId: uuid('client_id').notNull(),
  kind: text('kind').notNull(),
  result: jsonb('result').$type<SyncOutcome>().notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
});

/** A supply a technician replaced on site; part of the device's history. */
export const supplyReplacements = pgTable(
  'supply_replacements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    requestId: uuid('request_id').references(() => maintenanceRequests.id, { onDelete: 'set null' }),
    supplyIndex: text('supply_index'),
    supplyType: text('supply_type').notNull(),
    colour: text('colour'),
    note: text('note'),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull(),
    /** How Parc knows: a technician's report, or the agent (a level that rose, a new supply serial). */
    detectedBy: text('detected_by', { enum: ['technician', 'level', 'serial'] }).notNull().default('technician'),
    /** The order this replacement fulfilled. */
    orderId: uuid('order_id'),
    technicianId: uuid('technician_id').references(() => users.id),
    opId: uuid('op_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
    index('supply_replacements_device').on(t.deviceId, t.replacedAt),
  ],
);
