import { isCounting, REVIEWER_SOURCES, type CounterKind, type ReadingSource, type ReadingStatus } from './counters.ts';
import { localDateKey } from './periods.ts';
import { checkPlausibility, DEFAULT_PLAUSIBILITY_POLICY, type PlausibilityPolicy } from './plausibility.ts';
import { resultFor, type DeviceClass, type PlausibilityResult } from './reasons.ts';
import { inFrameOf, type CounterReset } from './resets.ts';
import { sortedByTime, type CounterReading } from './usage.ts';

/**
 * The one acceptance policy for a counter value, whatever brought it (link, partner, agent,
 * technician, correction, estimate). The writer in `modules/readings` asks it before every insert
 * or change of a reading; nothing else decides whether a value counts.
 *
 * In order:
 * - a link entry the dealer already accepted or corrected is settled: refused (`settled`);
 * - taken in the future (beyond a few minutes of clock drift) or before the device was installed: refused;
 * - the value itself and the reading before it (`checkPlausibility`): not a whole number, negative,
 *   too large or lower than the last real reading: refused; an agent value far below the last one
 *   is a suspected reset for the dealer to declare (`suspected_reset`, to check) instead;
 * - higher than a reading taken after it (backdated): refused (`above_next`);
 * - estimates bound nothing and are never judged against the band;
 * - far above the usual consumption: to check, except from the dealer (partner, correction), whose
 *   own value is accepted with the reason shown.
 *
 * Only counting readings (entered, accepted, corrected) are history: a value still to check, refused
 * or deleted bounds nothing. Declared resets put every reading on one continuous series.
 */

export interface HistoryReading extends CounterReading {
  status: ReadingStatus;
}

export interface CounterHistory {
  readings: readonly HistoryReading[];
  resets: readonly CounterReset[];
}

export interface AcceptanceInput {
  value: number;
  takenAt: Date;
  source: ReadingSource;
  /** The server's clock. */
  now: Date;
  installedAt: Date;
  /** The counter's history, the reading being replaced left out. */
  counter: CounterHistory;
  /** The device's other counters, to recognise a value typed into the wrong box. */
  otherCounters?: Partial<Record<CounterKind, CounterHistory>>;
  /** The reading this value replaces (a customer changing this period's entry, a dealer's edit). */
  replacing?: { status: ReadingStatus; value: number } | null;
  deviceClass?: DeviceClass;
}

export interface AcceptancePolicy extends PlausibilityPolicy {
  /** Clocks drift: a value this far ahead of the server is still taken as "now". */
  futureToleranceMs: number;
  /** An agent value below this share of the last one is a suspected reset, not a glitch. */
  suspectedResetBelowShare: number;
}

export const DEFAULT_ACCEPTANCE_POLICY: AcceptancePolicy = {
  ...DEFAULT_PLAUSIBILITY_POLICY,
  futureToleranceMs: 5 * 60_000,
  suspectedResetBelowShare: 0.5,
};

/** What the writer stores: null when refused (a refused value is never a reading). */
export type AcceptedStatus = 'entered' | 'to_check' | 'accepted';

export interface AcceptanceResult extends PlausibilityResult {
  status: AcceptedStatus | null;
}

function settle(result: PlausibilityResult, source: ReadingSource): AcceptanceResult {
  if (result.verdict === 'refused') return { ...result, status: null };
  if (result.verdict === 'to_check') return { ...result, status: REVIEWER_SOURCES.includes(source) ? 'accepted' : 'to_check' };
  return { ...result, status: 'entered' };
}

/** The counting readings of a history, on the scale of the counter as it reads at `at`. */
function countingInFrame(history: CounterHistory, at: Date): CounterReading[] {
  const counting = history.readings.filter((reading) => isCounting(reading.status));
  return inFrameOf(counting, history.resets, at).map(({ value, takenAt, source }) => ({ value, takenAt, source }));
}

export function judgeReading(input: AcceptanceInput, policy: AcceptancePolicy = DEFAULT_ACCEPTANCE_POLICY): AcceptanceResult {
  const { value, takenAt, source } = input;
  const local = (instant: Date) => localDateKey(instant, policy.timeZone);
  if (source === 'link' && input.replacing && ['accepted', 'corrected'].includes(input.replacing.status)) {
    return settle(resultFor({ code: 'settled', params: { value: input.replacing.value } }), source);
  }
  if (takenAt.getTime() > input.now.getTime() + policy.futureToleranceMs) return settle(resultFor({ code: 'in_future', params: {} }), source);
  if (local(takenAt) < local(input.installedAt)) return settle(resultFor({ code: 'before_install', params: { installDate: local(input.installedAt) } }), source);

  const history = countingInFrame(input.counter, takenAt);
  const otherCounters = Object.fromEntries(
    Object.entries(input.otherCounters ?? {}).map(([kind, other]) => [kind, countingInFrame(other, takenAt)]),
  ) as Partial<Record<CounterKind, CounterReading[]>>;
  const checked = checkPlausibility({ value, takenAt, history, otherCounters, deviceClass: input.deviceClass }, policy);
  if (checked.verdict === 'refused') {
    const { reason } = checked;
    if (source === 'agent' && reason.code === 'below_last' && value < reason.params.lastValue * policy.suspectedResetBelowShare) {
      return settle(resultFor({ code: 'suspected_reset', params: { lastValue: reason.params.lastValue, lastDate: reason.params.lastDate } }), source);
    }
    return settle(checked, source);
  }

  const realAfter = sortedByTime(history.filter((reading) => reading.source !== 'estimate' && reading.takenAt.getTime() > takenAt.getTime()));
  const lowerLater = realAfter.find((reading) => reading.value < value);
  if (lowerLater) {
    // Report the later reading as the counter showed it, not on the shifted scale.
    const raw = input.counter.readings.find((reading) => reading.takenAt.getTime() === lowerLater.takenAt.getTime() && isCounting(reading.status));
    return settle(resultFor({ code: 'above_next', params: { nextValue: raw?.value ?? lowerLater.value, nextDate: local(lowerLater.takenAt) } }), source);
  }
  if (source === 'estimate') return settle(resultFor({ code: 'estimate', params: {} }), source);
  return settle(checked, source);
}
