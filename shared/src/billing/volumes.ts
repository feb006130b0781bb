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

export function counterVolumeInPeriod(
  readings: readonly BillingReading[],
  resets: readonly CounterReset[],
  period: { start: Date; end: Date; previousStart: Date },
): CounterVolume {
  const counted = readings.filter((reading) => isCounting(reading.status));
  const continuous = continuousValues(
    counted.map((reading) => ({ value: reading.value, takenAt: new Date(billingInstant(reading)), estimate: reading.source === 'estimate' })),
    resets,
  );
  const points: Point[] = continuous.map((point) => ({ value: point.value, at: point.takenAt.getTime(), estimate: point.estimate })).sort((a, b) => a.at - b.at);
  const endBoundary = period.end.getTime() - 1;
  const startBoundary = period.start.getTime() - 1;
  const end = valueAt(points, startBoundary, endBoundary);
  if (!end) return { pages: 0, estimated: false, unknown: true };
  // The first reading ever, inside the period, is the starting point (a device installed mid-period).
  const start = valueAt(points, period.previousStart.getTime() - 1, startBoundary) ?? points.find((point) => point.at > startBoundary);
  return { pages: Math.max(0, end.value - (start?.value ?? end.value)), estimated: end.estimate, unknown: false };
}
