/**
 * Declared counter resets (a board swap, a firmware reset, a device replaced under the same
 * counter): the counter restarts from `startValue` at `at`, after showing `finalValue`.
 *
 * Every rule reads a counter's history as one continuous series: a value taken after a reset is
 * worth `value + (finalValue − startValue)` of the reset, summed over the resets at or before it.
 * Volumes and plausibility then continue across the break as if the counter had never restarted.
 */

export interface CounterReset {
  at: Date;
  finalValue: number;
  startValue: number;
}

/** What the resets at or before `at` add to a raw value to put it on the continuous series. */
export function resetOffsetAt(resets: readonly CounterReset[], at: Date): number {
  let offset = 0;
  for (const reset of resets) if (reset.at.getTime() <= at.getTime()) offset += reset.finalValue - reset.startValue;
  return offset;
}

/**
 * Values shifted onto the scale of the counter as it reads at `frame`: readings of the same stretch
 * keep their value, earlier stretches are moved below it. With no reset, nothing moves.
 */
export function inFrameOf<Point extends { value: number; takenAt: Date }>(points: readonly Point[], resets: readonly CounterReset[], frame: Date): Point[] {
  if (resets.length === 0) return [...points];
  const base = resetOffsetAt(resets, frame);
  return points.map((point) => ({ ...point, value: point.value + resetOffsetAt(resets, point.takenAt) - base }));
}

/** Values on the continuous series (as if the counter had never been reset), for volumes. */
export function continuousValues<Point extends { value: number; takenAt: Date }>(points: readonly Point[], resets: readonly CounterReset[]): Point[] {
  return inFrameOf(points, resets, new Date(-8.64e15));
}
