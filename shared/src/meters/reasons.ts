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
const usual = { usualPagesPerWorkingDay: rate, usualPages: count, shortInterval: z.boolean() };
/** Set when the value would be a plausible reading of another counter of the device: probably typed in the wrong box. */
const otherCounter = z.enum(COUNTER_KINDS).nullable();

export const readingReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('not_integer'), params: z.object({}) }),
  z.object({ code: z.literal('negative'), params: z.object({}) }),
  z.object({ code: z.literal('too_large'), params: z.object({ max: count }) }),
  z.object({ code: z.literal('below_last'), params: z.object({ ...lastReading, otherCounter }) }),
  z.object({
    code: z.literal('above_usual'),
    /**
     * `usualPages`: what the device usually prints over the interval, and never less than over a
     * month (`shortInterval`), so a reading taken days after the last one is judged against a
     * usual month, not a rate over almost no time. `ratio` = pages ÷ usualPages, null when the
     * device usually prints nothing at all.
     */
    params: z.object({ ...interval, ...usual, ratio: rate.nullable(), otherCounter }),
  }),
  /** A device without enough history, above the generous cap of its class. */
  z.object({
    code: z.literal('above_class_cap'),
    params: z.object({ ...interval, capPagesPerWorkingDay: rate, deviceClass: z.enum(DEVICE_CLASSES), otherCounter }),
  }),
  z.object({ code: z.literal('first_reading'), params: z.object({}) }),
  z.object({ code: z.literal('unchanged'), params: z.object(lastReading) }),
  z.object({ code: z.literal('within_usual'), params: z.object({ ...interval, ...usual }) }),
  /** Taken later than the server's clock (more than a few minutes of drift). */
  z.object({ code: z.literal('in_future'), params: z.object({}) }),
  /** Taken before the device was installed at the customer's. */
  z.object({ code: z.literal('before_install'), params: z.object({ installDate: localDate }) }),
  /** Backdated above a reading taken after it: the counter would have gone down since. */
  z.object({ code: z.literal('above_next'), params: z.object({ nextValue: count, nextDate: localDate }) }),
  /** The dealer accepted or corrected this period's value: only the dealer changes it now. */
  z.object({ code: z.literal('settled'), params: z.object({ value: count }) }),
  /** An agent value far below the last one: probably a board or device swap, for the dealer to declare. */
  z.object({ code: z.literal('suspected_reset'), params: z.object(lastReading) }),
  /** Made by the campaign for a missed reading; bounds nothing. */
  z.object({ code: z.literal('estimate'), params: z.object({}) }),
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
  in_future: 'refused',
  before_install: 'refused',
  above_next: 'refused',
  settled: 'refused',
  suspected_reset: 'to_check',
  estimate: 'plausible',
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
