import { z } from 'zod';
import { COUNTER_KINDS } from './counters.ts';

/**
 * Machine-readable reasons for a plausibility verdict. They travel to the PWA and the emails,
 * which render them with `meters/messages.ts`. Dates are local dates 'YYYY-MM-DD'; rates are
 * pages per working day rounded to one decimal.
 */

export const PLAUSIBILITY_VERDICTS = ['refused', 'to_check', 'plausible'] as const;
export type PlausibilityVerdict = (typeof PLAUSIBILITY_VERDICTS)[number];

export const DEVICE_CLASSES = ['personal', 'office', 'workgroup', 'production'] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

const localDate = z.iso.date();
const count = z.number().int().nonnegative();
const rate = z.number().nonnegative();

const lastReading = { lastValue: count, lastDate: localDate };
const interval = { ...lastReading, value: count, pages: count, workingDays: count, pagesPerWorkingDay: rate };
/** Set when the value would be a plausible reading of another counter of the device: probably typed in the wrong box. */
const otherCounter = z.enum(COUNTER_KINDS).nullable();

export const readingReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('not_integer'), params: z.object({}) }),
  z.object({ code: z.literal('negative'), params: z.object({}) }),
  z.object({ code: z.literal('too_large'), params: z.object({ max: count }) }),
  z.object({ code: z.literal('below_last'), params: z.object({ ...lastReading, otherCounter }) }),
  z.object({
    code: z.literal('above_usual'),
    /** `ratio` is null when the device usually prints nothing at all. */
    params: z.object({ ...interval, usualPagesPerWorkingDay: rate, ratio: rate.nullable(), otherCounter }),
  }),
  /** A device without enough history, above the generous cap of its class. */
  z.object({
    code: z.literal('above_class_cap'),
    params: z.object({ ...interval, capPagesPerWorkingDay: rate, deviceClass: z.enum(DEVICE_CLASSES), otherCounter }),
  }),
  z.object({ code: z.literal('first_reading'), params: z.object({}) }),
  z.object({ code: z.literal('unchanged'), params: z.object(lastReading) }),
  z.object({ code: z.literal('within_usual'), params: z.object({ ...interval, usualPagesPerWorkingDay: rate }) }),
  z.object({ code: z.literal('within_class_cap'), params: z.object({ ...interval, capPagesPerWorkingDay: rate }) }),
]);

export type ReadingReason = z.infer<typeof readingReasonSchema>;
export type ReasonCode = ReadingReason['code'];
export type ReasonParams<C extends ReasonCode> = Extract<ReadingReason, { code: C }>['params'];

export const REASON_VERDICTS = {
  not_integer: 'refused',
  negative: 'refused',
  too_large: 'refused',
  below_last: 'refused',
  above_usual: 'to_check',
  above_class_cap: 'to_check',
  first_reading: 'plausible',
  unchanged: 'plausible',
  within_usual: 'plausible',
  within_class_cap: 'plausible',
} as const satisfies Record<ReasonCode, PlausibilityVerdict>;

export const REASON_CODES = Object.keys(REASON_VERDICTS) as ReasonCode[];

export const plausibilityResultSchema = z.object({
  verdict: z.enum(PLAUSIBILITY_VERDICTS),
  reason: readingReasonSchema,
});
export type PlausibilityResult = z.infer<typeof plausibilityResultSchema>;

export function resultFor(reason: ReadingReason): PlausibilityResult {
  return { verdict: REASON_VERDICTS[reason.code], reason };
}
