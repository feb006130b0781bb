import { z } from 'zod';
import { DomainError } from '../errors.ts';

/**
 * Campaign calendar: when a customer is asked for meter readings and until when the link works.
 * A period is a calendar month ('2026-11'); its request goes out on `sendDay` of that month and
 * stays valid until the END of `lastValidDay` of the following month, in the customer's time zone.
 * Time-zone maths uses Intl.DateTimeFormat only (no tz library), so DST is whatever ICU says.
 */

export const periodKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a period like 2026-11');
export type PeriodKey = string;

export interface Period {
  year: number;
  /** 1–12 */
  month: number;
}

export type CampaignSchedule =
  | { kind: 'monthly' }
  /** Readings at the end of each quarter: March, June, September, December. */
  | { kind: 'quarterly' }
  | { kind: 'months'; months: readonly number[] };

export interface CampaignCalendar {
  schedule: CampaignSchedule;
  /** Day of the period's month the request is sent (clamped to the month's length). */
  sendDay: number;
  /** Local hour of day requests and reminders go out. */
  sendHour: number;
  /** Day of the month AFTER the period that is the last valid day (clamped to that month's length). */
  lastValidDay: number;
  /** The reminder goes out this many days before the last valid day. */
  reminderDaysBefore: number;
  /** IANA time zone of the customer. */
  timeZone: string;
}

export const DEFAULT_CAMPAIGN_CALENDAR: CampaignCalendar = {
  schedule: { kind: 'monthly' },
  sendDay: 20,
  sendHour: 8,
  lastValidDay: 4,
  reminderDaysBefore: 3,
  timeZone: 'Europe/Zurich',
};

const QUARTER_END_MONTHS: readonly number[] = [3, 6, 9, 12];
/** The shortest month; settings must make sense in every month. */
const SHORTEST_MONTH_DAYS = 28;

function invalid(field: string, message: string): never {
  throw new DomainError('bad_request', message, { field });
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

// Building an Intl.DateTimeFormat is costly and a campaign checks every customer's zone: remember the answers.
// Bounded by the few hundred zones IANA knows, as an unknown zone is not remembered.
const knownTimeZones = new Set<string>();

export function isValidTimeZone(timeZone: string): boolean {
  if (knownTimeZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    knownTimeZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Builds a calendar from defaults plus overrides, rejecting settings that cannot work. */
export function campaignCalendar(overrides: Partial<CampaignCalendar> = {}): CampaignCalendar {
  const calendar = { ...DEFAULT_CAMPAIGN_CALENDAR, ...overrides };
  if (!isIntegerIn(calendar.sendDay, 1, 31)) invalid('sendDay', 'sendDay must be a day of the month (1–31)');
  if (!isIntegerIn(calendar.sendHour, 0, 23)) invalid('sendHour', 'sendHour must be an hour (0–23)');
  if (!isIntegerIn(calendar.lastValidDay, 1, 31)) invalid('lastValidDay', 'lastValidDay must be a day of the month (1–31)');
  if (!isIntegerIn(calendar.reminderDaysBefore, 0, 27)) invalid('reminderDaysBefore', 'reminderDaysBefore must be 0–27');
  if (!isValidTimeZone(calendar.timeZone)) invalid('timeZone', `unknown time zone ${calendar.timeZone}`);
  if (calendar.schedule.kind === 'months') {
    const { months } = calendar.schedule;
    if (months.length === 0 || !months.every((month) => isIntegerIn(month, 1, 12))) {
      invalid('schedule', 'schedule months must be a non-empty list of months 1–12');
    }
  }
  // In the worst case (a 28-day month) the reminder must still fall after the send day.
  const shortestWindowDays = SHORTEST_MONTH_DAYS - Math.min(calendar.sendDay, SHORTEST_MONTH_DAYS) + calendar.lastValidDay;
  if (calendar.reminderDaysBefore >= shortestWindowDays) {
    invalid('reminderDaysBefore', 'the reminder would go out before the request itself');
  }
  return calendar;
}

export function parsePeriod(key: PeriodKey): Period {
  if (!periodKeySchema.safeParse(key).success) invalid('period', `invalid period ${key}`);
  const [year, month] = key.split('-').map(Number) as [number, number];
  return { year, month };
}

export function periodKey({ year, month }: Period): PeriodKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(key: PeriodKey, months: number): PeriodKey {
  const { year, month } = parsePeriod(key);
  const index = year * 12 + (month - 1) + months;
  return periodKey({ year: Math.floor(index / 12), month: (index % 12) + 1 });
}

export function isReadingDue(calendar: CampaignCalendar, key: PeriodKey): boolean {
  const { month } = parsePeriod(key);
  switch (calendar.schedule.kind) {
    case 'monthly':
      return true;
    case 'quarterly':
      return QUARTER_END_MONTHS.includes(month);
    case 'months':
      return calendar.schedule.months.includes(month);
  }
}

// --- local time <-> instant -------------------------------------------------------------

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time of an instant in a time zone. */
export function localDateTimeAt(instant: Date, timeZone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/**
 * Local dates already worked out, per time zone and quarter hour: every offset in use today is a
 * whole number of quarter hours, so local midnight and clock changes fall on a quarter hour in UTC
 * and one answer holds for the whole slot. Volumes over a year ask this for every reading.
 */
const QUARTER_HOUR_MS = 900_000;
const dateKeys = new Map<string, string>();

/** The local date of an instant as 'YYYY-MM-DD'. */
export function localDateKey(instant: Date, timeZone: string): string {
  const slot = `${timeZone} ${Math.floor(instant.getTime() / QUARTER_HOUR_MS)}`;
  const known = dateKeys.get(slot);
  if (known !== undefined) return known;
  const { year, month, day } = localDateTimeAt(instant, timeZone);
  const key = `${periodKey({ year, month })}-${String(day).padStart(2, '0')}`;
  if (dateKeys.size >= 100_000) dateKeys.clear();
  dateKeys.set(slot, key);
  return key;
}

function wallClockAsUtcMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** UTC offset (ms) of a time zone at an instant. */
function offsetMs(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockAsUtcMs(localDateTimeAt(new Date(wholeSecond), timeZone)) - wholeSecond;
}

/**
 * The instant a wall-clock time happens in a time zone. A time that occurs twice (autumn
 * fall-back) resolves to its first occurrence; a time skipped by a spring-forward gap resolves
 * to the same distance after the gap starts (02:30 in a 02:00→03:00 gap becomes 03:30).
 */
export function instantOfLocal(local: Omit<LocalDateTime, 'second'> & { second?: number }, timeZone: string): Date {
  const wall = wallClockAsUtcMs({ ...local, second: local.second ?? 0 });
  // The offset can differ by at most one transition around the wall time; probe both sides.
  const offsets = [...new Set([offsetMs(wall - 86_400_000, timeZone), offsetMs(wall + 86_400_000, timeZone), offsetMs(wall, timeZone)])];
  const matches = offsets.map((offset) => wall - offset).filter((candidate) => candidate + offsetMs(candidate, timeZone) === wall);
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In a gap: the offset before the gap is the smaller one.
  return new Date(wall - Math.min(...offsets));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function clampedDay({ year, month }: Period, day: number): number {
  return Math.min(day, daysInMonth(year, month));
}

// --- the period's instants -------------------------------------------------------------

/** The calendar month (in the time zone) that contains the instant. */
export function periodKeyAt(instant: Date, timeZone: string): PeriodKey {
  const { year, month } = localDateTimeAt(instant, timeZone);
  return periodKey({ year, month });
}

/** When the request for a period goes out. */
export function sendInstant(calendar: CampaignCalendar, key: PeriodKey): Date {
  const period = parsePeriod(key);
  return instantOfLocal(
    { ...period, day: clampedDay(period, calendar.sendDay), hour: calendar.sendHour, minute: 0 },
    calendar.timeZone,
  );
}

function lastValidDate(calendar: CampaignCalendar, key: PeriodKey): Period & { day: number } {
  const next = parsePeriod(addMonths(key, 1));
  return { ...next, day: clampedDay(next, calendar.lastValidDay) };
}

/**
 * The instant the period's link stops working: local midnight at the end of the last valid day
 * (exclusive bound: valid while `now < expiry`).
 */
export function expiryInstant(calendar: CampaignCalendar, key: PeriodKey): Date {
  const last = lastValidDate(calendar, key);
  const dayAfter = new Date(Date.UTC(last.year, last.month - 1, last.day + 1));
  return instantOfLocal(
    { year: dayAfter.getUTCFullYear(), month: dayAfter.getUTCMonth() + 1, day: dayAfter.getUTCDate(), hour: 0, minute: 0 },
    calendar.timeZone,
  );
}

/** When the reminder goes out: `reminderDaysBefore` days before the last valid day, at the send hour. */
export function reminderInstant(calendar: CampaignCalendar, key: PeriodKey): Date {
  const last = lastValidDate(calendar, key);
  const day = new Date(Date.UTC(last.year, last.month - 1, last.day - calendar.reminderDaysBefore));
  return instantOfLocal(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: calendar.sendHour, minute: 0 },
    calendar.timeZone,
  );
}

/**
 * Due periods whose window [send, expiry) contains the instant, oldest first. A window ends in
 * the month after its period, so only the current and previous local months can be open.
 */
export function openPeriodsAt(calendar: CampaignCalendar, instant: Date): PeriodKey[] {
  const current = periodKeyAt(instant, calendar.timeZone);
  return [addMonths(current, -1), current].filter(
    (key) =>
      isReadingDue(calendar, key) &&
      sendInstant(calendar, key).getTime() <= instant.getTime() &&
      instant.getTime() < expiryInstant(calendar, key).getTime(),
  );
}
