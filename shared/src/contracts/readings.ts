import { z } from 'zod';
import { COUNTER_KINDS, READING_SOURCES, READING_STATUSES, RESET_KINDS } from '../meters/counters.ts';
import { readingReasonSchema } from '../meters/reasons.ts';
import { hasSomeField, instantSchema, NOTHING_TO_CHANGE, optionalText, pageQuerySchema, pageSchema } from './paging.ts';

/** Counters never exceed ten billion pages; the database enforces the same bound. */
export const MAX_READING_VALUE = 10_000_000_000;

export const readingValueSchema = z.number().int('Must be a whole number').min(0).max(MAX_READING_VALUE);

export const REVISION_ACTIONS = ['edit', 'delete', 'accept', 'correct', 'replace'] as const;

/** One change made to a stored reading: who, when, old → new and why. */
export const readingRevisionSchema = z.object({
  action: z.enum(REVISION_ACTIONS),
  oldValue: z.number().int(),
  newValue: z.number().int(),
  oldStatus: z.enum(READING_STATUSES),
  newStatus: z.enum(READING_STATUSES),
  note: z.string().nullable(),
  by: z.string(),
  at: instantSchema,
});
export type ReadingRevision = z.infer<typeof readingRevisionSchema>;

export const readingSchema = z.object({
  id: z.uuid(),
  deviceId: z.uuid(),
  counterId: z.uuid(),
  counterKind: z.enum(COUNTER_KINDS),
  value: z.number().int(),
  takenAt: instantSchema,
  source: z.enum(READING_SOURCES),
  status: z.enum(READING_STATUSES),
  /** Who: a user's email, "link:<id>", "agent:<id>", "estimate:<period>"… */
  enteredBy: z.string(),
  /** The sender's idempotency key (outbox entry, technician op, agent sample). */
  clientId: z.uuid().nullable(),
  note: z.string().nullable(),
  /** Once locked (sent by the nightly transmission, billed), a reading can no longer be changed. */
  lockedAt: instantSchema.nullable(),
  createdAt: instantSchema,
  /** Why the acceptance policy gave its verdict; null for values stored before it existed. */
  reason: readingReasonSchema.nullable(),
  /** Every change since it was stored, oldest first. */
  revisions: z.array(readingRevisionSchema),
});
export type Reading = z.infer<typeof readingSchema>;

export const readingCreateSchema = z.strictObject({
  counterId: z.uuid(),
  value: readingValueSchema,
  /** Not in the future, not before the device was installed. */
  takenAt: instantSchema,
  note: optionalText(500),
  /** Made by the client: sending the same clientId again returns the first reading instead of a second one. */
  clientId: z.uuid().optional(),
});
export type ReadingCreate = z.infer<typeof readingCreateSchema>;

export const readingUpdateSchema = z.strictObject({ value: readingValueSchema, note: optionalText(500) }).partial().refine(hasSomeField, NOTHING_TO_CHANGE);
export type ReadingUpdate = z.infer<typeof readingUpdateSchema>;

/** Deleting a reading says why; the reading stays in the history, counted nowhere. */
export const readingDeleteSchema = z.strictObject({ note: z.string().trim().min(1).max(500) });
export type ReadingDelete = z.infer<typeof readingDeleteSchema>;

export const readingListQuerySchema = pageQuerySchema.extend({
  counterId: z.uuid().optional(),
  /** Taken at or after. */
  from: instantSchema.optional(),
  /** Taken before. */
  to: instantSchema.optional(),
});
export type ReadingListQuery = z.infer<typeof readingListQuerySchema>;

export const readingPageSchema = pageSchema(readingSchema);

/**
 * One counter across a break (reset, board replacement, device swap): what it showed last, before,
 * and what it shows right after (0 for a new board, or the replacement's own counter).
 */
export const counterBreakSchema = z.strictObject({ counter: z.enum(COUNTER_KINDS), finalValue: readingValueSchema, startValue: readingValueSchema });
export const counterBreaksSchema = z.array(counterBreakSchema).min(1).max(COUNTER_KINDS.length);

/** A counter reset or board replacement declared on the device page or by a technician. */
export const counterResetCreateSchema = z.strictObject({
  kind: z.enum(RESET_KINDS),
  at: instantSchema,
  counters: counterBreaksSchema,
  note: optionalText(500),
  clientId: z.uuid(),
});
export type CounterResetCreate = z.infer<typeof counterResetCreateSchema>;

export const counterResetSchema = z.object({
  id: z.uuid(),
  counterId: z.uuid(),
  counterKind: z.enum(COUNTER_KINDS),
  kind: z.enum(RESET_KINDS),
  at: instantSchema,
  finalValue: z.number().int(),
  startValue: z.number().int(),
  note: z.string().nullable(),
  declaredBy: z.string(),
});
export type CounterReset = z.infer<typeof counterResetSchema>;
export const counterResetListSchema = z.object({ items: z.array(counterResetSchema) });

/** A device swap: the old device is retired with its final counters, a new one (new serial) takes its place. Sent again, it answers the same new device. */
export const deviceSwapSchema = z.strictObject({
  serial: z.string().trim().min(1).max(100),
  manufacturer: z.string().trim().min(1).max(100).optional(),
  model: z.string().trim().min(1).max(100).optional(),
  at: instantSchema,
  counters: counterBreaksSchema,
  note: optionalText(500),
});
export type DeviceSwap = z.infer<typeof deviceSwapSchema>;
