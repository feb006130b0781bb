import type { CounterKind } from './counters.ts';
import { localDateKey } from './periods.ts';
import { resultFor, type DeviceClass, type PlausibilityResult } from './reasons.ts';
import {
  countWorkingDays,
  DEFAULT_USAGE_POLICY,
  lastReadingAt,
  usageProfile,
  type CounterReading,
  type UsagePolicy,
} from './usage.ts';

/**
 * Judges a counter value a customer (or technician) enters against the device's history.
 *
 * - Lower than the last known value: refused (counters only go up).
 * - Refused or to_check values name another counter of the device when the value would be a
 *   plausible reading of it (`otherCounter`): the mono/colour mix-up is the classic mistake.
 * - Pages since the last reading far above usual: to_check. "Usual" is the upper quartile of
 *   pages per working day over recent intervals (see usageProfile), times the working days of the
 *   interval but never fewer than a month's (`monthWorkingDays`): a reading a few hours or days
 *   after the last one is compared with a usual month, not a rate over almost no time (the last
 *   reading may be an agent's from this morning, the customer's display may be read days later).
 *   The value is flagged when the pages exceed `toCheckRatio` × usual AND usual +
 *   `minimumTolerancePages`, so a small printer is not flagged for a few hundred pages.
 * - Devices with too little history get a generous per-class cap instead of a learned band.
 * - Estimates are guesses made for the dealer's invoice, not readings: they are left out of the
 *   history, so a real value below an estimate is judged against the last real reading.
 */

export interface PlausibilityPolicy extends UsagePolicy {
  maxValue: number;
  toCheckRatio: number;
  minimumTolerancePages: number;
  /** Working days in a usual month: the shortest interval the learned band is applied to. */
  monthWorkingDays: number;
  /** Pages per working day above which a device without history is worth a second look. */
  classCapPagesPerWorkingDay: Record<DeviceClass, number>;
  /** Unknown class: assume an A3 workgroup MFP, the most common leased device, generously. */
  defaultDeviceClass: DeviceClass;
}

export const DEFAULT_PLAUSIBILITY_POLICY: PlausibilityPolicy = {
  ...DEFAULT_USAGE_POLICY,
  maxValue: 10 ** 10,
  toCheckRatio: 3,
  minimumTolerancePages: 500,
  monthWorkingDays: 21,
  classCapPagesPerWorkingDay: { personal: 200, office: 1_500, workgroup: 4_000, production: 50_000 },
  defaultDeviceClass: 'workgroup',
};

export interface PlausibilityInput {
  value: number;
  /** When the value was read: entry time for a customer, the agent's timestamp otherwise. */
  takenAt: Date;
  /** Earlier readings of the same counter, any source (manual, agent, technician, ...). */
  history: readonly CounterReading[];
  /** Histories of the device's other counters, to recognise a value entered in the wrong box. */
  otherCounters?: Partial<Record<CounterKind, readonly CounterReading[]>>;
  deviceClass?: DeviceClass;
}

function roundRate(rate: number): number {
  return Math.round(rate * 10) / 10;
}

const realReadings = (history: readonly CounterReading[]) => history.filter((reading) => reading.source !== 'estimate');

export function checkPlausibility(
  given: PlausibilityInput,
  policy: PlausibilityPolicy = DEFAULT_PLAUSIBILITY_POLICY,
): PlausibilityResult {
  const input: PlausibilityInput = {
    ...given,
    history: realReadings(given.history),
    otherCounters: Object.fromEntries(Object.entries(given.otherCounters ?? {}).map(([kind, history]) => [kind, realReadings(history)])),
  };
  const { value, takenAt } = input;
  if (!Number.isInteger(value)) return resultFor({ code: 'not_integer', params: {} });
  if (value < 0) return resultFor({ code: 'negative', params: {} });
  if (value > policy.maxValue) return resultFor({ code: 'too_large', params: { max: policy.maxValue } });

  const last = lastReadingAt(input.history, takenAt);
  if (!last) return resultFor({ code: 'first_reading', params: {} });
  const lastReading = { lastValue: last.value, lastDate: localDateKey(last.takenAt, policy.timeZone) };
  if (value === last.value) return resultFor({ code: 'unchanged', params: lastReading });
  // Only asked for values that are not fine as they are, where a hint helps the customer.
  const otherCounter = () => counterTheValueFits(input, policy) ?? null;
  if (value < last.value) return resultFor({ code: 'below_last', params: { ...lastReading, otherCounter: otherCounter() } });

  const pages = value - last.value;
  // A same-day re-entry still covers part of a working day; never divide by zero.
  const workingDays = Math.max(1, countWorkingDays(last.takenAt, takenAt, policy.timeZone));
  const pagesPerWorkingDay = pages / workingDays;
  const interval = { ...lastReading, value, pages, workingDays, pagesPerWorkingDay: roundRate(pagesPerWorkingDay) };

  const profile = usageProfile(input.history, takenAt, policy);
  if (profile) {
    const usual = profile.upperQuartilePagesPerWorkingDay;
    const shortInterval = workingDays < policy.monthWorkingDays;
    const expected = usual * Math.max(workingDays, policy.monthWorkingDays);
    const usualParams = { ...interval, usualPagesPerWorkingDay: roundRate(usual), usualPages: Math.round(expected), shortInterval };
    if (pages <= Math.max(policy.toCheckRatio * expected, expected + policy.minimumTolerancePages)) {
      return resultFor({ code: 'within_usual', params: usualParams });
    }
    const ratio = expected > 0 ? roundRate(pages / expected) : null;
    return resultFor({ code: 'above_usual', params: { ...usualParams, ratio, otherCounter: otherCounter() } });
  }

  const deviceClass = input.deviceClass ?? policy.defaultDeviceClass;
  const cap = policy.classCapPagesPerWorkingDay[deviceClass];
  const capParams = { ...interval, capPagesPerWorkingDay: cap };
  // The cap is already a ceiling, not a typical rate: compared as is, not times the ratio.
  if (pages <= Math.max(cap * workingDays, policy.minimumTolerancePages)) {
    return resultFor({ code: 'within_class_cap', params: capParams });
  }
  return resultFor({ code: 'above_class_cap', params: { ...capParams, deviceClass, otherCounter: otherCounter() } });
}

/** The first other counter for which the value would be a plausible new reading. */
function counterTheValueFits(input: PlausibilityInput, policy: PlausibilityPolicy): CounterKind | undefined {
  const entries = Object.entries(input.otherCounters ?? {}) as [CounterKind, readonly CounterReading[]][];
  return entries.find(([, history]) => {
    const { verdict, reason } = checkPlausibility({ ...input, history, otherCounters: {} }, policy);
    return verdict === 'plausible' && reason.code !== 'first_reading';
  })?.[0];
}
