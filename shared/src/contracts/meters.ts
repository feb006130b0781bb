import { z } from 'zod';
import { COUNTER_KINDS } from '../meters/counters.ts';
import { periodKeySchema } from '../meters/periods.ts';
import { readingReasonSchema } from '../meters/reasons.ts';
import { LANGUAGES } from '../languages.ts';

/**
 * The customer's meter-entry page (reached through a signed link) and its submissions.
 * The page is anonymous by design: the customer number is the only customer datum shown, so the
 * page and machine objects are strict and a stray name fails validation instead of leaking.
 */

export const counterKindSchema = z.enum(COUNTER_KINDS);
const instant = z.iso.datetime({ offset: true });
const counterValue = z.number().int().nonnegative();

/** Where one counter stands for the period. */
export const counterEntryStateSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('to_enter') }),
  z.strictObject({ state: z.literal('entered'), value: counterValue, enteredAt: instant }),
  /** Saved but unusual: shown in orange, the customer may correct it until it is sent. */
  z.strictObject({ state: z.literal('to_check'), value: counterValue, enteredAt: instant, reason: readingReasonSchema }),
  /** Refused by the dealer on review; `reason` is null when the dealer gave no machine-readable one. */
  z.strictObject({ state: z.literal('refused'), value: counterValue, enteredAt: instant, reason: readingReasonSchema.nullable() }),
  /** Passed on to the dealer (the night after entry): can no longer be changed. */
  z.strictObject({ state: z.literal('sent'), value: counterValue, enteredAt: instant }),
  /** The dealer accepted or corrected the value: settled, only the dealer changes it now (the page shows the dealer's contact). */
  z.strictObject({ state: z.literal('settled'), value: counterValue, enteredAt: instant }),
]);
export type CounterEntryState = z.infer<typeof counterEntryStateSchema>;

export const meterEntryCounterSchema = z.strictObject({
  counter: counterKindSchema,
  last: z.strictObject({ value: counterValue, takenAt: instant }).nullable(),
  entry: counterEntryStateSchema,
});
export type MeterEntryCounter = z.infer<typeof meterEntryCounterSchema>;

export const meterEntryMachineSchema = z.strictObject({
  /** Opaque id used when submitting. */
  deviceId: z.uuid(),
  /** The dealer's device ID shown to the customer (PREFIX-n). */
  deviceCode: z.string().min(1),
  manufacturer: z.string(),
  model: z.string(),
  /** The customer's own number for the machine ("0002"). */
  internalNumber: z.string().nullable(),
  /** Where the machine stands ("REZ - COMPTABILITÉ"). */
  location: z.string().nullable(),
  /** The location the customer asked for, while the dealer has not applied or dismissed it ("requested"). */
  requestedLocation: z.string().nullable(),
  serial: z.string(),
  counters: z.array(meterEntryCounterSchema).min(1),
});
export type MeterEntryMachine = z.infer<typeof meterEntryMachineSchema>;

/** The dealer behind the link: branding for the page and the contacts shown when the link no longer works. */
export const meterEntryDealerSchema = z.strictObject({
  name: z.string().min(1),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  logoUrl: z.string().nullable(),
  /** '#rrggbb'; the page falls back to Parc's colour when it is missing or malformed. */
  brandColour: z.string().nullable(),
});
export type MeterEntryDealer = z.infer<typeof meterEntryDealerSchema>;

export const meterEntryPageSchema = z.strictObject({
  customerNumber: z.string().min(1),
  /** The customer's language: the page opens in it. */
  language: z.enum(LANGUAGES),
  dealer: meterEntryDealerSchema,
  period: periodKeySchema,
  /** The link stops working at this instant (exclusive). */
  expiresAt: instant,
  /** The last day entries are accepted, in the customer's time zone. */
  lastValidDay: z.iso.date(),
  timeZone: z.string().min(1),
  machines: z.array(meterEntryMachineSchema),
});
export type MeterEntryPage = z.infer<typeof meterEntryPageSchema>;

/**
 * The 410 body for an expired, revoked or tampered link. `dealer` is null when the token does not
 * name a dealer it can be trusted for; nothing in it tells whether the customer exists.
 */
export const linkInvalidBodySchema = z.strictObject({
  code: z.literal('link_invalid'),
  message: z.string(),
  dealer: meterEntryDealerSchema.nullable(),
});
export type LinkInvalidBody = z.infer<typeof linkInvalidBodySchema>;

/** The customer asks the dealer to change a machine's location text (answered 202). */
export const locationChangeRequestSchema = z.strictObject({
  deviceId: z.uuid(),
  location: z.string().trim().min(1).max(200),
  message: z.string().max(1000),
});
export type LocationChangeRequest = z.infer<typeof locationChangeRequestSchema>;

export const meterEntrySchema = z.strictObject({
  /** Made by the client, so a retried submission is applied once. */
  clientId: z.uuid(),
  deviceId: z.uuid(),
  counter: counterKindSchema,
  /** Any number: non-integers and out-of-range values get a plausibility reason, not a 400. */
  value: z.number(),
});
export type MeterEntry = z.infer<typeof meterEntrySchema>;

export const MAX_ENTRIES_PER_SUBMISSION = 200;

export const meterEntrySubmissionSchema = z.strictObject({
  entries: z.array(meterEntrySchema).min(1).max(MAX_ENTRIES_PER_SUBMISSION),
});
export type MeterEntrySubmission = z.infer<typeof meterEntrySubmissionSchema>;

/** One result per submitted entry, in submission order: a bad entry never fails the others. */
export const meterEntryResultSchema = z.discriminatedUnion('status', [
  /** Stored; `entry` is the counter's new state (entered or to_check). */
  z.strictObject({ clientId: z.uuid(), status: z.literal('saved'), entry: counterEntryStateSchema }),
  /** Not stored: the value is impossible (lower than the last one, not an integer...). */
  z.strictObject({ clientId: z.uuid(), status: z.literal('refused'), reason: readingReasonSchema }),
  /** Not stored for a reason unrelated to the value: unknown device, counter already sent... */
  z.strictObject({ clientId: z.uuid(), status: z.literal('rejected'), error: z.strictObject({ code: z.string(), message: z.string() }) }),
]);
export type MeterEntryResult = z.infer<typeof meterEntryResultSchema>;

export const meterEntryResultsSchema = z.strictObject({ results: z.array(meterEntryResultSchema) });
export type MeterEntryResults = z.infer<typeof meterEntryResultsSchema>;
