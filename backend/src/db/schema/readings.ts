import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PLAUSIBILITY_VERDICTS, READING_STATUSES, RESET_KINDS, type ReadingReason } from '@parc/shared';
import { REVISION_ACTIONS } from '@parc/shared/contracts/readings';
import { counters, devices, readings } from './devices.ts';

/** Only `modules/readings` writes these tables (see readings.writer.ts). */

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Why a stored reading got its verdict from the acceptance policy: what the review queue and the history explain. */
export const readingChecks = pgTable(
  'reading_checks',
  {
    readingId: uuid('reading_id')
      .primaryKey()
      .references(() => readings.id, { onDelete: 'cascade' }),
    verdict: text('verdict', { enum: PLAUSIBILITY_VERDICTS }).notNull(),
    reason: jsonb('reason').$type<ReadingReason>().notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('reading_checks_verdict_check', sql`${t.verdict} in ('refused', 'to_check', 'plausible')`)],
);

/** Every change made to a stored reading: who, when, old → new and why. Nothing is changed silently. */
export const readingRevisions = pgTable(
  'reading_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    readingId: uuid('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    action: text('action', { enum: REVISION_ACTIONS }).notNull(),
    oldValue: bigint('old_value', { mode: 'number' }).notNull(),
    newValue: bigint('new_value', { mode: 'number' }).notNull(),
    oldStatus: text('old_status', { enum: READING_STATUSES }).notNull(),
    newStatus: text('new_status', { enum: READING_STATUSES }).notNull(),
    note: text('note'),
    by: text('by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('reading_revisions_reading').on(t.readingId, t.at),
    check('reading_revisions_action', sql`${t.action} in (${inList(REVISION_ACTIONS)})`),
  ],
);

/**
 * A declared break in a counter's series (board replaced, counter reset, device replaced): after
 * `at` the counter restarts from `start_value`, having ended at `final_value`. Volumes and the
 * acceptance policy continue across it (shared/meters/resets.ts).
 */
export const counterResets = pgTable(
  'counter_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    counterId: uuid('counter_id').notNull(),
    kind: text('kind', { enum: RESET_KINDS }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    finalValue: bigint('final_value', { mode: 'number' }).notNull(),
    startValue: bigint('start_value', { mode: 'number' }).notNull(),
    note: text('note'),
    declaredBy: text('declared_by').notNull(),
    idempotencyKey: uuid('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }),
    foreignKey({ columns: [t.partnerId, t.counterId], foreignColumns: [counters.partnerId, counters.id] }),
    index('counter_resets_counter').on(t.counterId, t.at),
    uniqueIndex('counter_resets_idempotency').on(t.idempotencyKey, t.counterId),
    check('counter_resets_kind', sql`${t.kind} in (${inList(RESET_KINDS)})`),
    check('counter_resets_values', sql`${t.finalValue} >= 0 and ${t.startValue} >= 0 and ${t.finalValue} <= 10000000000 and ${t.startValue} <= 10000000000`),
  ],
);
