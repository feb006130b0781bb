import { localDateKey } from '../meters/periods.ts';
import { MONDAY_TO_FRIDAY, workingClock, type WorkingClock } from './working-time.ts';

/**
 * Days until a supply (toner, drum…) is empty, as a range: P50, the median day, and P90, the day it
 * lasts at least nine times in ten (the earlier one: what an order placed in time must beat). The
 * console shows the range; the proactive ordering rule orders when P90 reaches its N days.
 *
 * Method, and why. The levels a printer reports are a poor signal: sensor noise of a few percent,
 * coarse steps (25/20/10 %, or only "some remaining"), cartridges shaken by users (the level jumps
 * back up a few percent, then falls again), agents off for days, and a history stored only when the
 * level changes. So:
 *  - time runs on the customer's working days (see working-time.ts): printing happens on them, and a
 *    line through the levels is then straight across weekends;
 *  - the history is cut at the last replacement (a technician's op, or a rise of REFILL_RISE points
 *    or more): only the current cartridge says how fast it empties;
 *  - the rate is a Theil–Sen slope (the median of the slopes between pairs of points): up to ~29 %
 *    of bad points (shakes, noise, a stray reading) do not move it, where least squares follows
 *    them. Fine levels are first merged to one median per day (less noise, fewer pairs) and the
 *    level still read unchanged since the last stored row counts on every day since; coarse steps
 *    keep only the moment each step was first reported (a crossing), a quarter step above it;
 *  - the level now is the median of the latest points carried forward along that slope (a recent
 *    shake is one or two points of five), kept within the step a coarse printer still reports;
 *  - the early bound divides a lower level (the scatter around the line, or the step's width) by a
 *    faster rate: the faster of what the history shows (the rates between points as far apart as
 *    the horizon ahead) and what it cannot (office printing swings from day to day, the rate was
 *    measured over a limited span, and the pace drifts from week to week). These constants were
 *    calibrated on the synthetic backtest (bench/supplies.bench.ts), so that about one cartridge in
 *    ten empties before P90;
 *  - when the levels are useless (no measured level, too few, stuck while the counters print) it
 *    falls back to the yield: the pages the last cartridge lasted, else the rated yield, × the share
 *    left (or less the pages printed since the replacement) ÷ pages per working day.
 * Deterministic: no randomness.
 */

const DAY_MS = 86_400_000;

export type SupplyLevelState = 'measured' | 'some_remaining' | 'unknown' | 'other';

/** One stored level (a device_supply_levels row): percent null when the printer gives none. */
export interface SupplyLevelPoint {
  at: Date;
  percent: number | null;
  state?: SupplyLevelState;
}

export interface SupplyForecastInput {
  /** The supply's level history as stored (a row at each change), in any order. */
  levels: readonly SupplyLevelPoint[];
  /** When the agent last read the supply (device_supplies.read_at): the latest level still held then. */
  lastReadAt?: Date | null;
  /** The technician's replacements of this supply. */
  replacements?: readonly Date[];
  now: Date;
  /** The customer's time zone and working week (ISO weekdays, 1 Monday … 7 Sunday; Monday to Friday by default). */
  timeZone: string;
  workingWeekdays?: readonly number[];
  /** The supply's rated yield in pages (the catalogue's); null when unknown. */
  ratedYield?: number | null;
  /** The device's pages per working day, from its counters; null when unknown. */
  pagesPerWorkingDay?: number | null;
  /** Days of counter history behind pagesPerWorkingDay. */
  counterHistoryDays?: number | null;
  /** Pages printed (that use this supply) since the current cartridge went in (`currentCycleStart`), from the counters. */
  cyclePages?: number | null;
  /** Pages the previous cartridge lasted when it ran empty: this printer's real yield, better than the rated one. */
  lastCycleYield?: number | null;
}

export type ForecastBasis = 'levels' | 'rated_yield' | 'none';

export type ForecastReason =
  /** The history was cut at a replacement (technician op or a jump of the level). */
  | 'replaced'
  /** The printer reports in coarse steps. */
  | 'coarse_steps'
  /** The level rose a little within the cartridge (shaken): not taken as toner added. */
  | 'shaken'
  /** The agent has not read the supply for a while: the level is carried forward. */
  | 'stale'
  /** No measured level (only "some remaining" or unknown). */
  | 'no_measured_levels'
  /** Too few levels, or over too short a time, for a rate. */
  | 'too_few_levels'
  /** The levels have not moved: nothing consumed. */
  | 'no_consumption'
  /** The levels have not moved though the counters print: the sensor is stuck. */
  | 'levels_stuck'
  /** A rated-yield forecast without the yield or the pages per working day. */
  | 'no_rated_yield'
  /** The yield forecast stood on the pages the previous cartridge lasted, not the rated yield. */
  | 'yield_of_last_cartridge'
  | 'no_print_rate'
  /** Less than a month of history: the proactive rule must not order on it. */
  | 'under_a_month'
  /** A month, but less than the three that make a good forecast. */
  | 'under_three_months'
  /** Already empty. */
  | 'empty';

export interface SupplyForecast {
  basis: ForecastBasis;
  reasons: ForecastReason[];
  /** Calendar days from `now` to the median empty day; null when nothing is consumed or no basis. */
  p50Days: number | null;
  /** Calendar days it lasts at least, nine times in ten (≤ p50Days). */
  p90Days: number | null;
  /** The same as local dates (YYYY-MM-DD). */
  p50Date: string | null;
  p90Date: string | null;
  /** The level now (percent) the forecast stands on, and the consumption per working day. */
  percentNow: number | null;
  percentPerWorkingDay: number | null;
  /** The current cartridge's start (the last replacement), when known. */
  cycleStart: Date | null;
  /** Days of history behind the forecast (levels, or counters for a rated-yield forecast). */
  historyDays: number;
  /** Whether the proactive rule may order on it: a basis and at least a month of history. */
  proactive: boolean;
}

/** A rise this large within a cartridge is a new (or refilled) one; smaller rises are shakes and noise. */
export const REFILL_RISE = 20;
const SAME_REPLACEMENT_DAYS = 2;
/** Steps a printer may report in, largest first. */
const COARSE_STEPS = [25, 20, 10] as const;
/** Only levels of the last FIT_DAYS days count: an old cartridge's early rate says little about now. */
const FIT_DAYS = 120;
/** A rate needs points spread over at least this many working days. */
const MIN_SPAN_WORKING_DAYS = 3;
/** A level older than this (days) is stale: the forecast says so, and the checks raise "level not updated". */
export const STALE_DAYS = 7;
/** Below this consumption (percent per working day) the supply is not being used. */
const NO_CONSUMPTION = 0.02;
/** History needed by the proactive rule (the manual: a month, ideally three). */
export const PROACTIVE_MIN_DAYS = 30;
const GOOD_HISTORY_DAYS = 90;
/** z of the 90th percentile of a normal law. */
const Z90 = 1.2816;
/** The least relative uplift of the rate for P90: what no history shows (a large job, a new user). */
const MIN_RATE_UPLIFT = 0.12;
/** A rated-yield forecast: real coverage is rarely the 5 % the yield is rated at. */
const RATED_YIELD_P90_SHARE = 0.45;
/** The same from the yield the last cartridge gave: the coverage is this printer's, the pace still varies. */
const LAST_YIELD_P90_SHARE = 0.6;
/** Assumed coefficient of variation of one working day's printing, and drift of the pace per week (5 working days). */
const DAILY_VARIATION = 0.5;
const WEEKLY_DRIFT = 0.12;

interface Point {
  x: number;
  v: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** The step a printer reports in, or 0 for fine levels: the largest of 25/20/10 that every level is a multiple of. */
export function reportingStep(percents: readonly number[]): number {
  const distinct = new Set(percents);
  if (distinct.size < 2) return 0;
  return COARSE_STEPS.find((step) => [...distinct].every((percent) => percent % step === 0)) ?? 0;
}

/**
 * The starts of the cartridges the history shows: technician replacements, and jumps of REFILL_RISE
 * points or more (more than one step for a printer reporting in steps: a level on the edge of two
 * steps flaps between them), or "some remaining" again after empty. In time order; a technician op
 * within SAME_REPLACEMENT_DAYS of a jump is the same replacement (an op is often entered a little off):
 * the later of the two stands.
 */
export function cycleStarts(levels: readonly SupplyLevelPoint[], replacements: readonly Date[] = []): Date[] {
  const step = reportingStep(levels.flatMap((point) => (point.percent === null ? [] : [point.percent])));
  const starts: Date[] = [];
  let lowest: number | null = null;
  let wasEmpty = false;
  for (const point of levels) {
    if (point.percent === null) {
      if (wasEmpty && point.state === 'some_remaining') starts.push(point.at);
      wasEmpty = false;
      continue;
    }
    if (lowest !== null && point.percent - lowest >= REFILL_RISE && point.percent - lowest > step) {
      starts.push(point.at);
      lowest = point.percent;
    } else lowest = lowest === null ? point.percent : Math.min(lowest, point.percent);
    wasEmpty = point.percent <= 0;
  }
  const merged: Date[] = [];
  for (const start of [...starts, ...replacements].sort((a, b) => a.getTime() - b.getTime())) {
    const last = merged.at(-1);
    if (last && start.getTime() - last.getTime() <= SAME_REPLACEMENT_DAYS * DAY_MS) merged[merged.length - 1] = start;
    else merged.push(start);
  }
  return merged;
}

/** The start of the current cartridge (the last of cycleStarts), null when the history shows none. */
export function currentCycleStart(levels: readonly SupplyLevelPoint[], replacements: readonly Date[] = []): Date | null {
  return cycleStarts(levels, replacements).at(-1) ?? null;
}

/** Theil–Sen: the median slope of the pairs at least `minDx` apart, with those pairs (for the spread). */
function theilSen(points: readonly Point[], minDx: number): { slope: number; dxs: Float64Array; slopes: Float64Array } | null {
  const most = (points.length * (points.length - 1)) / 2;
  const dxs = new Float64Array(most);
  const slopes = new Float64Array(most);
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j]!.x - points[i]!.x;
      if (dx >= minDx) {
        dxs[count] = dx;
        slopes[count++] = (points[j]!.v - points[i]!.v) / dx;
      }
    }
  }
  if (count === 0) return null;
  const sorted = slopes.slice(0, count).sort();
  const middle = count >> 1;
  return { slope: count % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2, dxs: dxs.subarray(0, count), slopes: slopes.subarray(0, count) };
}

function historyQuality(days: number): ForecastReason[] {
  if (days < PROACTIVE_MIN_DAYS) return ['under_a_month'];
  return days < GOOD_HISTORY_DAYS ? ['under_three_months'] : [];
}

export function forecastDaysToEmpty(input: SupplyForecastInput): SupplyForecast {
  const now = input.now.getTime();
  const clock = workingClock(input.timeZone, input.workingWeekdays ?? MONDAY_TO_FRIDAY);
  const levels = input.levels.filter((point) => point.at.getTime() <= now).sort((a, b) => a.at.getTime() - b.at.getTime());
  const replacements = (input.replacements ?? []).filter((at) => at.getTime() <= now);
  const reasons: ForecastReason[] = [];
  const cycleStart = currentCycleStart(levels, replacements);
  if (cycleStart && levels.some((point) => point.at < cycleStart)) reasons.push('replaced');
  const firstLevel = levels[0]?.at.getTime() ?? now;
  const levelHistoryDays = (now - firstLevel) / DAY_MS;

  const inCycle = levels.filter((point) => !cycleStart || point.at >= cycleStart);
  const measured = inCycle.filter((point): point is SupplyLevelPoint & { percent: number } => point.percent !== null && Number.isFinite(point.percent));
  const lastReadAt = Math.max(input.lastReadAt?.getTime() ?? 0, inCycle.at(-1)?.at.getTime() ?? 0) || null;
  const stale = lastReadAt !== null && now - lastReadAt > STALE_DAYS * DAY_MS;

  /** The answer, from working days to calendar days and dates. */
  const result = (fields: { basis: ForecastBasis; p50Working?: number; p90Working?: number; percentNow?: number; percentPerWorkingDay?: number; reasons?: ForecastReason[] }, historyDays: number): SupplyForecast => {
    const all = [...reasons, ...(fields.basis === 'none' ? [] : historyQuality(historyDays)), ...(fields.reasons ?? [])];
    const days = (working: number | undefined) => (working === undefined ? null : toCalendarDays(clock, now, working));
    const p50Days = days(fields.p50Working);
    const p90Days = days(fields.p90Working);
    const date = (calendarDays: number | null) => (calendarDays === null ? null : localDateKey(new Date(now + calendarDays * DAY_MS), input.timeZone));
    return {
      basis: fields.basis,
      reasons: [...new Set(all)],
      p50Days,
      p90Days,
      p50Date: date(p50Days),
      p90Date: date(p90Days),
      percentNow: fields.percentNow ?? null,
      percentPerWorkingDay: fields.percentPerWorkingDay ?? null,
      cycleStart,
      historyDays: Math.round(historyDays * 10) / 10,
      proactive: fields.basis !== 'none' && historyDays >= PROACTIVE_MIN_DAYS,
    };
  };

  const lastPercent = measured.at(-1)?.percent ?? null;
  if (lastPercent !== null && lastPercent <= 0) {
    return result({ basis: 'levels', p50Working: 0, p90Working: 0, percentNow: 0, reasons: ['empty'] }, levelHistoryDays);
  }
  if (stale) reasons.push('stale');

  const fromLevels = levelForecast(measured, clock, now, lastReadAt, reasons);
  const counterDays = input.counterHistoryDays ?? 0;
  const ratedYield = input.ratedYield ?? null;
  const pagesPerDay = input.pagesPerWorkingDay ?? null;
  const printing = pagesPerDay !== null && pagesPerDay > 0;

  if (fromLevels && fromLevels.rate >= NO_CONSUMPTION) {
    const { rate, percentNow, uplift, levelMargin } = fromLevels;
    const p50 = percentNow / rate;
    const p90 = Math.max(0, percentNow - levelMargin) / (rate * (1 + uplift));
    return result({ basis: 'levels', p50Working: p50, p90Working: Math.min(p50, p90), percentNow, percentPerWorkingDay: rate }, levelHistoryDays);
  }
  if (fromLevels) {
    // Flat levels: stuck if the counters printed a visible share of the cartridge meanwhile.
    const share = ratedYield && printing ? ((pagesPerDay * fromLevels.spanWorkingDays) / ratedYield) * 100 : 0;
    if (share < 5) return result({ basis: 'levels', percentNow: fromLevels.percentNow, percentPerWorkingDay: 0, reasons: ['no_consumption'] }, levelHistoryDays);
    reasons.push('levels_stuck');
  } else reasons.push(measured.length === 0 ? 'no_measured_levels' : 'too_few_levels');

  // Yield × remaining share ÷ pages per working day; the yield the last cartridge gave when known, else the rated one.
  const lastYield = input.lastCycleYield && input.lastCycleYield > 0 ? input.lastCycleYield : null;
  const yieldPages = lastYield ?? (ratedYield && ratedYield > 0 ? ratedYield : null);
  if (!yieldPages) return result({ basis: 'none', reasons: ['no_rated_yield'] }, 0);
  if (!printing) return result({ basis: 'none', reasons: ['no_print_rate'] }, 0);
  if (lastYield) reasons.push('yield_of_last_cartridge');
  let remainingPages: number | null = null;
  // A coarse step means anything from a step below to half a step above: its middle.
  const step = reportingStep(measured.map((point) => point.percent));
  if (lastPercent !== null && !reasons.includes('levels_stuck')) remainingPages = (yieldPages * Math.max(0, lastPercent - step / 4)) / 100;
  else if (cycleStart && input.cyclePages !== null && input.cyclePages !== undefined) remainingPages = Math.max(0, yieldPages - input.cyclePages);
  else if (cycleStart) remainingPages = Math.max(0, yieldPages - pagesPerDay * Math.max(0, clock.at(now) - clock.at(cycleStart)));
  if (remainingPages === null) return result({ basis: 'none', reasons: ['no_measured_levels'] }, 0);
  const p50 = remainingPages / pagesPerDay;
  return result(
    {
      basis: 'rated_yield',
      p50Working: p50,
      p90Working: p50 * (lastYield ? LAST_YIELD_P90_SHARE : RATED_YIELD_P90_SHARE),
      percentNow: (remainingPages / yieldPages) * 100,
      percentPerWorkingDay: (pagesPerDay / yieldPages) * 100,
    },
    Math.max(counterDays, levelHistoryDays),
  );
}

/** Working days from `now` → calendar days from `now`, over the customer's week. */
function toCalendarDays(clock: WorkingClock, now: number, working: number): number {
  if (working <= 0) return 0;
  return Math.max(0, (clock.instant(clock.at(now) + working) - now) / DAY_MS);
}

interface LevelFit {
  rate: number;
  percentNow: number;
  uplift: number;
  levelMargin: number;
  spanWorkingDays: number;
}

function levelForecast(measured: readonly { at: Date; percent: number }[], clock: WorkingClock, now: number, lastReadAt: number | null, reasons: ForecastReason[]): LevelFit | null {
  const recent = measured.filter((point) => point.at.getTime() >= now - FIT_DAYS * DAY_MS);
  if (recent.length === 0) return null;
  const step = reportingStep(recent.map((point) => point.percent));
  const xNow = clock.at(now);
  let points: Point[];
  let lowest = Infinity;
  if (step > 0) {
    reasons.push('coarse_steps');
    // Each step the moment it was first reported: the level crossed into it then, at the step
    // itself if the printer rounds up, half a step above if it rounds: a quarter step above. A full
    // cartridge as read, only while fewer than two crossings give the rate on their own.
    const crossings: Point[] = [];
    let full: Point | null = null;
    recent.forEach((point, index) => {
      if (point.percent < lowest) {
        if (index > 0) crossings.push({ x: clock.at(point.at), v: point.percent + step / 4 });
        else if (point.percent >= 100) full = { x: clock.at(point.at), v: point.percent };
        lowest = point.percent;
      } else if (index > 0) reasons.push('shaken');
    });
    points = crossings.length < 2 && full ? [full, ...crossings] : crossings;
  } else {
    // Fine levels: one median per local day; a rise over the lowest day so far is a shake.
    const byDay = new Map<number, { xs: number[]; vs: number[] }>();
    for (const point of recent) {
      const x = clock.at(point.at);
      const key = Math.floor(x);
      const day = byDay.get(key) ?? { xs: [], vs: [] };
      day.xs.push(x);
      day.vs.push(point.percent);
      byDay.set(key, day);
    }
    points = [...byDay.values()].map((day) => ({ x: median(day.xs), v: median(day.vs) }));
    for (const point of points) {
      if (point.v > lowest + 2) reasons.push('shaken');
      lowest = Math.min(lowest, point.v);
    }
    // The last level was still read, unchanged, until the last read: the agent stored it once, the
    // line must see it on every working day since.
    const last = recent.at(-1)!;
    const lastX = clock.at(last.at);
    const readX = lastReadAt === null ? lastX : clock.at(lastReadAt);
    for (let x = Math.floor(lastX) + 1; x < readX; x++) points.push({ x, v: last.percent });
    if (readX - lastX >= 1) points.push({ x: readX, v: last.percent });
  }
  const spanWorkingDays = points.length ? points.at(-1)!.x - points[0]!.x : 0;
  // Coarse steps: two steps first reported are a rate, however close (each is a crossing).
  if (points.length < 2 || spanWorkingDays < (step > 0 ? 0.5 : MIN_SPAN_WORKING_DAYS)) {
    // A stuck level over a long time says "flat" even from one stored row (history is stored on change only).
    const last = recent.at(-1)!;
    const heldWorkingDays = lastReadAt === null ? 0 : clock.at(lastReadAt) - clock.at(recent[0]!.at);
    if (recent.every((point) => point.percent === last.percent) && heldWorkingDays >= 10) return { rate: 0, percentNow: last.percent, uplift: 0, levelMargin: 0, spanWorkingDays: heldWorkingDays };
    return null;
  }
  const fit = theilSen(points, 0.5);
  if (!fit) return null;
  const rate = Math.max(0, -fit.slope);
  // The level now: the latest points carried forward along the line (their median).
  const tail = points.slice(-Math.min(points.length, step > 0 ? 2 : 5));
  const carried = tail.map((point) => point.v - rate * (xNow - point.x));
  const residuals = points.map((point) => point.v - (median(carried) + rate * (xNow - point.x)));
  let percentNow = median(carried);
  if (step > 0 && lastReadAt !== null) {
    // Still reporting the last step when last read: the level was within it then (a step below if
    // rounded up, half a step above if rounded).
    const last = recent.at(-1)!.percent;
    const elapsed = rate * Math.max(0, xNow - clock.at(lastReadAt));
    percentNow = Math.min(Math.max(percentNow, last - step - elapsed), last + step / 2 - elapsed);
  }
  percentNow = Math.max(0, Math.min(100, percentNow));

  // Spread. How much faster than the line a stretch as long as the horizon ran (pairs that far apart).
  const horizon = rate > 0 ? percentNow / rate : Infinity;
  const reach = Math.max(MIN_SPAN_WORKING_DAYS, Math.min(horizon, spanWorkingDays / 2));
  const far: number[] = [];
  for (let index = 0; index < fit.slopes.length; index++) if (fit.dxs[index]! >= reach) far.push(-fit.slopes[index]!);
  far.sort((a, b) => a - b);
  const fast = far.length >= 3 ? quantile(far, 0.9) : rate;
  // What a history cannot show, from how office printing varies: the days ahead average out their
  // day-to-day swings, the rate was measured over a limited span, and the pace drifts meanwhile.
  const ahead = Math.max(1, Math.min(horizon, 250));
  const span = Math.max(1, spanWorkingDays);
  const assumed = Z90 * Math.sqrt(DAILY_VARIATION ** 2 / ahead + DAILY_VARIATION ** 2 / span + (WEEKLY_DRIFT ** 2 * (ahead + span)) / 5);
  const uplift = Math.min(1.5, Math.max(MIN_RATE_UPLIFT, assumed, rate > 0 ? fast / rate - 1 : 0));
  const scatter = 1.4826 * median(residuals.map((residual) => Math.abs(residual))) * (step > 0 ? 0 : 1);
  const levelMargin = Z90 * Math.sqrt((scatter * scatter) / Math.max(1, tail.length) + (step > 0 ? (step * step) / 12 : 0));
  return { rate, percentNow, uplift, levelMargin, spanWorkingDays };
}
