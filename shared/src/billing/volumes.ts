import { isCounting, type ReadingSource, type ReadingStatus } from '../meters/counters.ts';
import { continuousValues, type CounterReset } from '../meters/resets.ts';

/**
 * The pages one counter printed in a billing period, from its readings:
 *   volume = value at the period's end − value at the previous period's end,
 * where "value at" is the last counting reading at or before that instant, on the continuous series
 * across declared resets (so pages printed between two readings are never lost, and a board
 * replacement neither loses nor doubles pages). Estimates stand in only where no real reading was
 * taken since the previous boundary. A link reading belongs to its link's period: entered on the
 * 3rd for last month, it counts at last month's end.
 */

export interface BillingReading {
  value: number;
  takenAt: Date;
  source: ReadingSource;
  status: ReadingStatus;
  /** For link entries: the end of the period the link asked for. */
  linkPeriodEnd?: Date | null;
}

export interface CounterVolume {
  pages: number;
  /** The end value is an estimate (no real reading in the period). */
  estimated: boolean;
  /** No reading at or before the period's end yet: nothing billed. */
  unknown: boolean;
}

/** When a reading counts for billing: a link entry at its period's end at the latest. */
function billingInstant(reading: BillingReading): number {
  const taken = reading.takenAt.getTime();
  return reading.linkPeriodEnd ? Math.min(taken, reading.linkPeriodEnd.getTime() - 1) : taken;
}

interface Point {
  value: number;
  at: number;
  estimate: boolean;
  /** Index of the reading in the caller's list. */
  index: number;
}

/** The value at `boundary`: the last real reading since `since` if any, else an estimate since then, else the last real reading before. */
function valueAt(points: readonly Point[], since: number, boundary: number): Point | undefined {
  const upTo = points.filter((point) => point.at <= boundary);
  const real = upTo.filter((point) => !point.estimate);
  const recentReal = real.filter((point) => point.at > since).at(-1);
  if (recentReal) return recentReal;
  const recentEstimate = upTo.filter((point) => point.estimate && point.at > since).at(-1);
  return recentEstimate ?? real.at(-1);
}

/** A counter's volume and the readings it runs from and to (what a billing line shows and an approval locks). */
export interface CounterSpan<R extends BillingReading> extends CounterVolume {
  /** The reading the volume starts from; null when none (the end reading is then the first ever). */
  from: R | null;
  /** The reading at the period's end; null when unknown. */
  to: R | null;
  /** When those readings count for billing (a link entry at its period's end at the latest). */
  fromAt: Date | null;
  toAt: Date | null;
}

export function counterSpanInPeriod<R extends BillingReading>(
  readings: readonly R[],
  resets: readonly CounterReset[],
  period: { start: Date; end: Date; previousStart: Date },
): CounterSpan<R> {
  const counted = readings.flatMap((reading, index) =>
    isCounting(reading.status) ? [{ value: reading.value, takenAt: new Date(billingInstant(reading)), estimate: reading.source === 'estimate', index }] : [],
  );
  const continuous = continuousValues(counted, resets);
  const points: Point[] = continuous.map((point) => ({ value: point.value, at: point.takenAt.getTime(), estimate: point.estimate, index: point.index })).sort((a, b) => a.at - b.at);
  const endBoundary = period.end.getTime() - 1;
  const startBoundary = period.start.getTime() - 1;
  const end = valueAt(points, startBoundary, endBoundary);
  if (!end) return { pages: 0, estimated: false, unknown: true, from: null, to: null, fromAt: null, toAt: null };
  // The first reading ever, inside the period, is the starting point (a device installed mid-period).
  const start = valueAt(points, period.previousStart.getTime() - 1, startBoundary) ?? points.find((point) => point.at > startBoundary);
  return {
    pages: Math.max(0, end.value - (start?.value ?? end.value)),
    estimated: end.estimate,
    unknown: false,
    from: start ? readings[start.index]! : null,
    to: readings[end.index]!,
    fromAt: start ? new Date(start.at) : null,
    toAt: new Date(end.at),
  };
}

export function counterVolumeInPeriod(
  readings: readonly BillingReading[],
  resets: readonly CounterReset[],
  period: { start: Date; end: Date; previousStart: Date },
): CounterVolume {
  const { pages, estimated, unknown } = counterSpanInPeriod(readings, resets, period);
  return { pages, estimated, unknown };
}
