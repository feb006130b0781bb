import { mulberry32 } from '../random.ts';
import { cycleStarts, type SupplyForecastInput, type SupplyLevelPoint } from './forecast.ts';
import { localDay, MONDAY_TO_FRIDAY, workingClock } from './working-time.ts';

/**
 * SYNTHETIC supply histories, labelled so wherever they are used: the forecast's backtest
 * (bench/supplies.bench.ts) and tests. No real level history was available: the SNMP walks in
 * ../shared/snmp-walks are one snapshot per printer. What the generator draws comes from those
 * snapshots and from how printers behave: levels read every few hours by the agent and stored only
 * when they change; fine levels with sensor noise, or coarse steps (25/20/10 %, reported rounded
 * or rounded up), or only "some remaining"; pages printed on working days at a pace that wanders
 * from week to week, holidays that print almost nothing, shaken cartridges whose level jumps back up
 * a few percent and falls again, agents off for days, cartridges replaced a few days after empty
 * (or early, at a low level, never reaching empty) and sometimes refilled rather than new.
 * Seeded (mulberry32): the same seed gives the same history on every run and platform.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** How the printer reports the level: fine percentages, coarse steps, or only "some remaining" until empty. */
export type SyntheticReporting = 'fine' | 'steps' | 'low_only';

/** One cartridge of the history: when it went in, when it truly ran empty, when the next replaced it. */
export interface SyntheticCycle {
  start: Date;
  /** When it ran empty (null when replaced before, or still in at the end). */
  emptyAt: Date | null;
  /** When the next cartridge went in (null for the last one). */
  replacedAt: Date | null;
}

export interface SyntheticSupplyHistory {
  label: 'synthetic';
  seed: number;
  reporting: SyntheticReporting;
  /** The step of a coarse printer (0 for fine levels). */
  step: number;
  noise: number;
  timeZone: string;
  workingWeekdays: readonly number[];
  /** The catalogue's rated yield (the true yield differs with the coverage printed). */
  ratedYield: number;
  /** As the agent stores them: a row at each change. */
  levels: SupplyLevelPoint[];
  /** Every instant the agent read the supply (ms). */
  reads: number[];
  /** Technician replacement ops (about half of the replacements are entered). */
  replacements: Date[];
  cycles: SyntheticCycle[];
  /** Pages printed per local day (ms of the day's start → pages), for the counters' pace. */
  pagesByDay: Map<number, number>;
}

export interface SyntheticOptions {
  start?: Date;
  days?: number;
  timeZone?: string;
  workingWeekdays?: readonly number[];
  reporting?: SyntheticReporting;
}

/** A year (by default) of one supply's history, drawn from the seed. */
export function syntheticSupplyHistory(seed: number, options: SyntheticOptions = {}): SyntheticSupplyHistory {
  const random = mulberry32(seed);
  const between = (min: number, max: number) => min + random() * (max - min);
  const chance = (p: number) => random() < p;
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const timeZone = options.timeZone ?? 'Europe/Zurich';
  const workingWeekdays = options.workingWeekdays ?? MONDAY_TO_FRIDAY;
  const clock = workingClock(timeZone, workingWeekdays);
  const start = (options.start ?? new Date('2025-01-06T00:00:00Z')).getTime();
  const end = start + (options.days ?? 365) * DAY_MS;

  const draw = random();
  const reporting: SyntheticReporting = options.reporting ?? (draw < 0.5 ? 'fine' : draw < 0.85 ? 'steps' : 'low_only');
  const step = reporting === 'steps' ? ([25, 20, 10] as const)[Math.floor(random() * 3)]! : 0;
  const roundUp = chance(0.5);
  const noise = reporting === 'fine' ? [0, 0.5, 1.5, 3][Math.floor(random() * 4)]! : 0.7;
  const ratedYield = [3_000, 6_000, 10_000, 15_000, 25_000][Math.floor(random() * 5)]!;
  // Coverage: the true yield is the rated one give or take.
  const trueYield = ratedYield * between(0.7, 1.3);
  // A pace that empties a cartridge in 20 to 90 working days.
  const basePages = trueYield / between(20, 90);

  const history: SyntheticSupplyHistory = {
    label: 'synthetic',
    seed,
    reporting,
    step,
    noise,
    timeZone,
    workingWeekdays,
    ratedYield,
    levels: [],
    reads: [],
    replacements: [],
    cycles: [],
    pagesByDay: new Map(),
  };

  let level = 100;
  let cycleYield = trueYield * between(0.95, 1.05);
  let cycle: SyntheticCycle = { start: new Date(start), emptyAt: null, replacedAt: null };
  let replaceAt: number | null = null;
  let replaceEarlyBelow = chance(0.15) ? between(3, 12) : -1;
  let shake = 0;
  let shakeDecay = 0;
  let pace = 1;
  let holidayLeft = 0;
  let offlineUntil = 0;
  let dayPages = 0;
  let currentDay = -1;
  let workingDay = false;
  let last: SupplyLevelPoint | null = null;

  const report = (at: number) => {
    history.reads.push(at);
    const sensed = Math.max(0, Math.min(100, level + shake + noise * gaussian()));
    let point: SupplyLevelPoint;
    if (reporting === 'low_only') point = level <= 0 ? { at: new Date(at), percent: 0, state: 'measured' } : { at: new Date(at), percent: null, state: 'some_remaining' };
    else if (reporting === 'steps') {
      // The lowest step is shown until the cartridge is out.
      const stepped = level <= 0 ? 0 : Math.min(100, Math.max(step, (roundUp ? Math.ceil(sensed / step) : Math.round(sensed / step)) * step));
      point = { at: new Date(at), percent: stepped, state: 'measured' };
    } else point = { at: new Date(at), percent: level <= 0 ? 0 : Math.round(sensed), state: 'measured' };
    if (!last || last.percent !== point.percent || last.state !== point.state) {
      history.levels.push(point);
      last = point;
    }
  };

  // The agent reads every 4 hours, from a random hour.
  let nextRead = start + Math.floor(random() * 4) * HOUR_MS;
  for (let at = start; at < end; at += HOUR_MS) {
    const { day, fraction } = localDay(at, timeZone);
    if (day !== currentDay) {
      currentDay = day;
      workingDay = clock.isWorkingDay(day);
      if (isoMonday(day)) pace = Math.min(2, Math.max(0.5, pace * Math.exp(0.12 * gaussian())));
      if (workingDay) {
        if (holidayLeft > 0) holidayLeft--;
        else if (chance(1 / 110)) holidayLeft = Math.round(between(4, 12));
      }
      if (offlineUntil <= at && chance(1 / 45)) offlineUntil = at + between(2, 18) * DAY_MS;
      const lognormal = Math.exp(0.45 * gaussian() - 0.1);
      dayPages = workingDay ? basePages * pace * lognormal * (holidayLeft > 0 ? 0.05 : 1) : chance(0.1) ? basePages * 0.1 * lognormal : 0;
      if (shake > 0 && workingDay) shake = Math.max(0, shake - shakeDecay);
      if (workingDay && level > 0 && level < 35 && shake === 0 && chance(0.05)) {
        shake = between(3, 10);
        shakeDecay = shake / between(2, 6);
      }
    }
    const hour = fraction * 24;
    if (hour >= 8 && hour < 18 && level > 0) {
      const pages = Math.min(dayPages / 10, (level / 100) * cycleYield);
      const dayStart = (day * DAY_MS) as number;
      history.pagesByDay.set(dayStart, (history.pagesByDay.get(dayStart) ?? 0) + pages);
      level -= (pages / cycleYield) * 100;
      if (level <= 1e-9) {
        level = 0;
        shake = 0;
        cycle.emptyAt = new Date(at + HOUR_MS);
        replaceAt = at + between(0.3, 5) * DAY_MS;
      } else if (replaceEarlyBelow > 0 && level < replaceEarlyBelow && replaceAt === null) {
        replaceAt = at + between(0, 2) * DAY_MS;
      }
    }
    if (replaceAt !== null && at >= replaceAt) {
      cycle.replacedAt = new Date(at);
      history.cycles.push(cycle);
      if (chance(0.5)) history.replacements.push(new Date(at + between(-0.5, 1) * DAY_MS));
      // Refilled now and then rather than new.
      level = chance(0.15) ? between(85, 98) : 100;
      cycleYield = trueYield * between(0.95, 1.05);
      shake = 0;
      cycle = { start: new Date(at), emptyAt: null, replacedAt: null };
      replaceAt = null;
      replaceEarlyBelow = chance(0.15) ? between(3, 12) : -1;
    }
    if (at >= nextRead) {
      if (at >= offlineUntil) report(at);
      nextRead += 4 * HOUR_MS;
    }
  }
  history.cycles.push(cycle);
  history.replacements = history.replacements.filter((at) => at.getTime() < end);
  return history;
}

function isoMonday(day: number): boolean {
  return (((day + 3) % 7) + 7) % 7 === 0;
}

/**
 * What the platform knows of a synthetic history at an instant, as the forecast's input: the levels
 * and replacement ops so far, and from the counters the pace of the last 30 days, the pages since the
 * cartridge the history shows went in, and the pages the one before lasted if it was seen empty.
 */
export function syntheticHistoryAt(history: SyntheticSupplyHistory, now: Date): SupplyForecastInput {
  const at = now.getTime();
  const levels = history.levels.filter((point) => point.at.getTime() <= at);
  const reads = history.reads.filter((read) => read <= at);
  const replacements = history.replacements.filter((replacement) => replacement.getTime() <= at);
  const clock = workingClock(history.timeZone, history.workingWeekdays);
  const pagesBetween = (from: number, to: number) => {
    let pages = 0;
    for (const [dayStart, count] of history.pagesByDay) if (dayStart >= from && dayStart < to) pages += count;
    return pages;
  };
  const from = Math.max(history.reads[0] ?? at, at - 30 * DAY_MS);
  const workingDays = clock.at(at) - clock.at(from);
  const starts = cycleStarts(levels, replacements).map((start) => start.getTime());
  const [previous, current] = starts.slice(-2);
  const seenEmpty = current !== undefined && previous !== undefined && levels.some((point) => point.percent === 0 && point.at.getTime() >= previous && point.at.getTime() < current);
  return {
    levels,
    lastReadAt: reads.length ? new Date(reads.at(-1)!) : null,
    replacements,
    now,
    timeZone: history.timeZone,
    workingWeekdays: history.workingWeekdays,
    ratedYield: history.ratedYield,
    pagesPerWorkingDay: workingDays >= 5 ? pagesBetween(from, at) / workingDays : null,
    counterHistoryDays: (at - (history.reads[0] ?? at)) / DAY_MS,
    cyclePages: starts.length ? pagesBetween(starts.at(-1)!, at) : null,
    lastCycleYield: seenEmpty ? pagesBetween(previous!, current!) : null,
  };
}
