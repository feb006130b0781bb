import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ReportDefinitionBody, ScheduleRecipients } from '@parc/shared/contracts/reports';
import { CSV_SEPARATORS, CUSTOMER_SELECTIONS, REPORT_FORMATS, REPORT_FREQUENCIES, REPORT_RUN_STATUSES, REPORT_SOURCES } from '@parc/shared/reports/vocabulary';
import { bytea } from './bytea.ts';
import { partners, users } from './partners.ts';

/** Only `modules/reports` writes these tables. */

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A dealer's own report: a source, its columns, filters and sort; private to its owner unless shared. */
export const reportDefinitions = pgTable(
  'report_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    name: text('name').notNull(),
    source: text('source', { enum: REPORT_SOURCES }).notNull(),
    body: jsonb('body').$type<ReportDefinitionBody>().notNull(),
    shared: boolean('shared').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_definitions_partner').on(t.partnerId), check('report_definitions_source_check', sql`${t.source} in (${inList(REPORT_SOURCES)})`)],
);

/** When, to whom and for which customers a report is sent by email. */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    /** A predefined report's key, or an own report's id. */
    reportKey: text('report_key').notNull(),
    frequency: text('frequency', { enum: REPORT_FREQUENCIES }).notNull(),
    /** 1 (Monday) to 7 for weekly schedules, 1 to 28 for monthly ones. */
    day: smallint('day'),
    format: text('format', { enum: REPORT_FORMATS }).notNull(),
    separator: text('separator', { enum: CSV_SEPARATORS }).notNull().default(';'),
    language: text('language').notNull(),
    recipients: jsonb('recipients').$type<ScheduleRecipients>().notNull(),
    customerSelection: text('customer_selection', { enum: CUSTOMER_SELECTIONS }).notNull().default('all'),
    customerIds: jsonb('customer_ids').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_schedules_partner').on(t.partnerId),
    check('report_schedules_frequency_check', sql`${t.frequency} in (${inList(REPORT_FREQUENCIES)})`),
    check('report_schedules_format_check', sql`${t.format} in (${inList(REPORT_FORMATS)})`),
    check('report_schedules_selection_check', sql`${t.customerSelection} in (${inList(CUSTOMER_SELECTIONS)})`),
  ],
);

/**
 * One generation of a report into a file, asked from the console or by a schedule. Its definition is
 * copied in, so editing the report later does not change a file being made; the file's bytes are in
 * `report_run_chunks` (in the database, so any instance, or a Worker, serves it) until `expires_at`.
 */
export const reportRuns = pgTable(
  'report_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    requestedBy: uuid('requested_by').notNull().references(() => users.id),
    reportKey: text('report_key').notNull(),
    name: text('name').notNull(),
    source: text('source', { enum: REPORT_SOURCES }).notNull(),
    body: jsonb('body').$type<ReportDefinitionBody>().notNull(),
    format: text('format', { enum: REPORT_FORMATS }).notNull(),
    separator: text('separator', { enum: CSV_SEPARATORS }).notNull().default(';'),
    language: text('language').notNull(),
    scheduleId: uuid('schedule_id').references(() => reportSchedules.id, { onDelete: 'set null' }),
    status: text('status', { enum: REPORT_RUN_STATUSES }).notNull().default('queued'),
    rowsTotal: integer('rows_total'),
    rowsWritten: integer('rows_written').notNull().default(0),
    bytes: integer('bytes').notNull().default(0),
    fileName: text('file_name').notNull(),
    errorCode: text('error_code'),
    /** A scheduled file too large to attach is emailed as a link carrying a token; only its hash is kept. */
    downloadTokenHash: text('download_token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('report_runs_partner_created').on(t.partnerId, t.createdAt),
    index('report_runs_expires').on(t.expiresAt),
    uniqueIndex('report_runs_download_token').on(t.downloadTokenHash),
    check('report_runs_status_check', sql`${t.status} in (${inList(REPORT_RUN_STATUSES)})`),
    check('report_runs_format_check', sql`${t.format} in (${inList(REPORT_FORMATS)})`),
  ],
);

/** A run's file, in pieces of about a megabyte, read back in `seq` order. */
export const reportRunChunks = pgTable(
  'report_run_chunks',
  {
    runId: uuid('run_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] }), foreignKey({ columns: [t.runId], foreignColumns: [reportRuns.id] }).onDelete('cascade')],
);

/** What a schedule sent, once per due time: the unique (schedule, due) claim keeps two instances from sending it twice. */
export const reportDeliveries = pgTable(
  'report_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => reportSchedules.id, { onDelete: 'cascade' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    runId: uuid('run_id').references(() => reportRuns.id, { onDelete: 'set null' }),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    /** Whether the file went as an attachment or, too large for one, as a download link. */
    attached: boolean('attached'),
    /** Kept after the run's file expires: the history says what was sent. */
    fileName: text('file_name'),
    rows: integer('rows'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    errorCode: text('error_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_deliveries_due').on(t.scheduleId, t.dueAt)],
);
