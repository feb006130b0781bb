import { localDateTimeAt } from '../meters/periods.ts';

/**
 * Time as a printer consumes toner: counted in the customer's working days. A level history read on
 * the calendar mixes weekends (nothing printed) with weekdays; on this clock a week of five working
 * days is 5 units whatever the calendar, so a straight line through the levels is straight, and a
 * forecast walks forward over the customer's own week (public holidays are not known: they show up
 * as days that printed little).
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** ISO weekdays, 1 Monday … 7 Sunday. */
export const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];

/** UTC offsets by time zone and UTC hour: a forecast asks for thousands of instants, Intl is slow. */
const offsets = new Map<string, Map<number, number>>();

function offsetMs(ms: number, timeZone: string): number {
  let byHour = offsets.get(timeZone);
  if (!byHour) offsets.set(timeZone, (byHour = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const at = hour * HOUR_MS;
    const local = localDateTimeAt(new Date(at), timeZone);
    offset = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - at;
    if (byHour.size > 200_000) byHour.clear();
    byHour.set(hour, offset);
  }
  return offset;
}

/** The local day (days since 1970-01-01) of an instant and the share of that day gone by. */
export function localDay(at: Date | number, timeZone: string): { day: number; fraction: number } {
  const ms = typeof at === 'number' ? at : at.getTime();
  const local = ms + offsetMs(ms, timeZone);
  const day = Math.floor(local / DAY_MS);
  return { day, fraction: (local - day * DAY_MS) / DAY_MS };
}

/** ISO weekday (1 Monday … 7 Sunday) of a day counted from 1970-01-01, a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export interface WorkingClock {
  /** Working days since the clock's origin, with the elapsed share of the day when it is a working day. */
  at(instant: Date | number): number;
  /** The first instant the clock reads `x` (an instant within a working day). */
  instant(x: number): number;
  isWorkingDay(day: number): boolean;
}

/** A clock of working days in a time zone, on the customer's week (Monday to Friday when none is given). */
export function workingClock(timeZone: string, weekdays: readonly number[] = MONDAY_TO_FRIDAY, origin = 0): WorkingClock {
  const week = new Set(weekdays.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7));
  if (week.size === 0) for (const day of MONDAY_TO_FRIDAY) week.add(day);
  const perWeek = week.size;
  const isWorkingDay = (day: number) => week.has(isoWeekday(day));
  /** Working days in [origin, day). */
  const before = (day: number) => {
    const weeks = Math.floor((day - origin) / 7);
    let count = weeks * perWeek;
    for (let each = origin + weeks * 7; each < day; each++) if (isWorkingDay(each)) count++;
    return count;
  };
  return {
    isWorkingDay,
    at(instant) {
      const { day, fraction } = localDay(instant, timeZone);
      return before(day) + (isWorkingDay(day) ? fraction : 0);
    },
    instant(x) {
      const whole = Math.floor(x);
      // Jump whole weeks, then walk to the working day that holds `whole`.
      let day = origin + Math.floor(whole / perWeek) * 7;
      let count = before(day);
      while (!(isWorkingDay(day) && count === whole)) {
        if (isWorkingDay(day)) count++;
        day++;
      }
      const wall = (day + (x - whole)) * DAY_MS;
      return wall - offsetMs(wall - offsetMs(wall, timeZone), timeZone);
    },
  };
}
