import { z } from 'zod';
import { COUNTER_KINDS, READING_SOURCES, READING_STATUSES } from '../meters/counters.ts';
import { hasSomeField, instantSchema, NOTHING_TO_CHANGE, optionalText, pageQuerySchema, pageSchema } from './paging.ts';

/** Counters never exceed ten billion pages; the database enforces the same bound. */
export const MAX_READING_VALUE = 10_000_000_000;

export const readingValueSchema = z.number().int('Must be a whole number').min(0).max(MAX_READING_VALUE);

export const readingSchema = z.object({
  id: z.uuid(),
  deviceId: z.uuid(),
  counterId: z.uuid(),
  counterKind: z.enum(COUNTER_KINDS),
  value: z.number().int(),
  takenAt: instantSchema,
  source: z.enum(READING_SOURCES),
  status: z.enum(READING_STATUSES),
  /** A user's email, "link:<id>", "agent:<id>"… */
  enteredBy: z.string(),
  clientId: z.uuid().nullable(),
  note: z.string().nullable(),
  /** Once locked (billed), a reading can no longer be changed. */
  lockedAt: instantSchema.nullable(),
  createdAt: instantSchema,
});
export type Reading = z.infer<typeof readingSchema>;

export const readingCreateSchema = z.strictObject({
  counterId: z.uuid(),
  value: readingValueSchema,
  /** Not in the future. */
  takenAt: instantSchema,
  note: optionalText(500),
  /** Made by the client: sending the same clientId again returns the first reading instead of a second one. */
  clientId: z.uuid().optional(),
});
export type ReadingCreate = z.infer<typeof readingCreateSchema>;

export const readingUpdateSchema = z.strictObject({ value: readingValueSchema, note: optionalText(500) }).partial().refine(hasSomeField, NOTHING_TO_CHANGE);
export type ReadingUpdate = z.infer<typeof readingUpdateSchema>;

export const readingListQuerySchema = pageQuerySchema.extend({
  counterId: z.uuid().optional(),
  /** Taken at or after. */
  from: instantSchema.optional(),
  /** Taken before. */
  to: instantSchema.optional(),
});
export type ReadingListQuery = z.infer<typeof readingListQuerySchema>;

export const readingPageSchema = pageSchema(readingSchema);
