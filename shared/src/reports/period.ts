import { addMonths, instantOfLocal, localDateKey } from '../meters/periods.ts';

/**
 * The days a report covers. A preset is read on the day the report runs, so a scheduled "last
 * month" covers November when it runs in December; the months are whole calendar months.
 */
export const PERIOD_PRESETS = ['this_month', 'last_month', 'last_3_months', 'last_12_months', 'this_year', 'last_year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** First and last day, both included, as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** `today` is the dealer's local date (`YYYY-MM-DD`). */
export function presetDays(preset: PeriodPreset, today: string): DayRange {
  const month = today.slice(0, 7);
  const year = today.slice(0, 4);
  switch (preset) {
    case 'this_month':
      return { from: `${month}-01`, to: lastDayOf(month) };
    case 'last_month':
      return { from: `${addMonths(month, -1)}-01`, to: lastDayOf(addMonths(month, -1)) };
    case 'last_3_months':
      return { from: `${addMonths(month, -3)}-01`, to: lastDayOf(addMonths(month, -1)) };
    case 'last_12_months':
      return { from: `${addMonths(month, -12)}-01`, to: lastDayOf(addMonths(month, -1)) };
    case 'this_year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'last_year':
      return { from: `${Number(year) - 1}-01-01`, to: `${Number(year) - 1}-12-31` };
  }
}

/** The instants [start, end) of a day range in a time zone. */
export function rangeInstants(range: DayRange, timeZone: string): { start: Date; end: Date } {
  const local = (day: string) => {
    const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
    return { year, month, day: dayOfMonth, hour: 0, minute: 0 };
  };
  const end = local(range.to);
  const next = new Date(Date.UTC(end.year, end.month - 1, end.day + 1));
  return {
    start: instantOfLocal(local(range.from), timeZone),
    end: instantOfLocal({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 }, timeZone),
  };
}

/** The months (`YYYY-MM`) a day range touches, in order. */
export function monthsOf(range: DayRange): string[] {
  const months: string[] = [];
  for (let month = range.from.slice(0, 7); month <= range.to.slice(0, 7); month = addMonths(month, 1)) months.push(month);
  return months;
}

// --- scheduled reports -------------------------------------------------------------------

/** Scheduled reports go out at this local hour, after the night's jobs (transmission, proactive orders). */
export const SCHEDULE_HOUR = 6;

export interface ScheduleTiming {
  frequency: 'daily' | 'weekly' | 'monthly';
  /** Weekly: 1 (Monday) to 7. Monthly: 1 to 28. Ignored for daily. */
  day: number | null;
}

/** ISO weekday (1 = Monday) of a local date. */
function weekdayOf(day: string): number {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(year, month - 1, dayOfMonth)).getUTCDay() + 6) % 7) + 1;
}

function addDays(day: string, days: number): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, dayOfMonth + days)).toISOString().slice(0, 10);
}

function isDueDay(timing: ScheduleTiming, day: string): boolean {
  switch (timing.frequency) {
    case 'daily':
      return true;
    case 'weekly':
      return weekdayOf(day) === (timing.day ?? 1);
    case 'monthly':
      return Number(day.slice(8, 10)) === (timing.day ?? 1);
  }
}

function dueInstant(day: string, timeZone: string): Date {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return instantOfLocal({ year, month, day: dayOfMonth, hour: SCHEDULE_HOUR, minute: 0 }, timeZone);
}

/**
 * The last time a schedule was due at or before `now` and not before `since` (its creation): a job
 * that was down sends the missed report once, never a backlog of them. Null when none is due.
 */
export function lastDueAt(timing: ScheduleTiming, now: Date, since: Date, timeZone: string): Date | null {
  const today = localDateKey(now, timeZone);
  // A monthly schedule is due at most 31 days back; look no further.
  for (let back = 0; back <= 31; back++) {
    const day = addDays(today, -back);
    if (!isDueDay(timing, day)) continue;
    const due = dueInstant(day, timeZone);
    if (due > now) continue;
    return due >= since ? due : null;
  }
  return null;
}

/** The next time a schedule is due after `now`. */
export function nextDueAt(timing: ScheduleTiming, now: Date, timeZone: string): Date {
  const today = localDateKey(now, timeZone);
  // Every frequency is due within 31 days (monthly days stop at 28).
  for (let ahead = 0; ahead <= 31; ahead++) {
    const day = addDays(today, ahead);
    if (!isDueDay(timing, day)) continue;
    const due = dueInstant(day, timeZone);
    if (due > now) return due;
  }
  throw new Error(`No due day within a month for ${timing.frequency} ${timing.day}`);
}
