import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  addMonths,
  campaignCalendar,
  expiryInstant,
  instantOfLocal,
  isReadingDue,
  localDateKey,
  openPeriodsAt,
  parsePeriod,
  periodKeyAt,
  reminderInstant,
  sendInstant,
} from './periods.ts';

const zurich = campaignCalendar();
const newYork = campaignCalendar({ timeZone: 'America/New_York' });
const tokyo = campaignCalendar({ timeZone: 'Asia/Tokyo' });

describe('period keys', () => {
  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-03', -15, '2024-12'],
    ['2026-05', 0, '2026-05'],
  ])('%s + %i months = %s', (key, months, expected) => {
    expect(addMonths(key, months)).toBe(expected);
  });

  it.each(['2026-13', '2026-00', '26-11', '2026-1', 'november'])('rejects %s', (key) => {
    expect(() => parsePeriod(key)).toThrow(DomainError);
  });

  it.each([
    ['2026-11-30T22:59:59Z', 'Europe/Zurich', '2026-11'],
    ['2026-11-30T23:00:00Z', 'Europe/Zurich', '2026-12'],
    ['2026-12-31T23:30:00Z', 'Europe/Zurich', '2027-01'],
    ['2027-01-01T03:00:00Z', 'America/New_York', '2026-12'],
    ['2026-12-31T15:00:00Z', 'Asia/Tokyo', '2027-01'],
  ])('the instant %s in %s belongs to %s', (instant, timeZone, expected) => {
    expect(periodKeyAt(new Date(instant), timeZone)).toBe(expected);
  });
});

describe('schedules', () => {
  it.each([
    [{ kind: 'monthly' } as const, '2026-02', true],
    [{ kind: 'quarterly' } as const, '2026-03', true],
    [{ kind: 'quarterly' } as const, '2026-12', true],
    [{ kind: 'quarterly' } as const, '2026-11', false],
    [{ kind: 'months', months: [1, 7] } as const, '2026-07', true],
    [{ kind: 'months', months: [1, 7] } as const, '2026-08', false],
  ])('%o: reading due for %s is %s', (schedule, period, due) => {
    expect(isReadingDue(campaignCalendar({ schedule }), period)).toBe(due);
  });
});

describe('calendar validation', () => {
  it.each([
    [{ sendDay: 0 }, 'sendDay'],
    [{ sendDay: 32 }, 'sendDay'],
    [{ lastValidDay: 4.5 }, 'lastValidDay'],
    [{ sendHour: 24 }, 'sendHour'],
    [{ timeZone: 'Europe/Atlantis' }, 'timeZone'],
    [{ schedule: { kind: 'months', months: [] } }, 'schedule'],
    [{ schedule: { kind: 'months', months: [13] } }, 'schedule'],
    [{ sendDay: 28, lastValidDay: 1, reminderDaysBefore: 3 }, 'reminderDaysBefore'],
  ] as const)('rejects %o on field %s', (overrides, field) => {
    expect(() => campaignCalendar(overrides as never)).toThrow(expect.objectContaining({ code: 'bad_request', meta: { field } }));
  });
});

describe('instantOfLocal across DST', () => {
  it.each([
    // Zurich spring-forward 2026-03-29 02:00 -> 03:00: 02:30 does not exist, lands 03:30 CEST.
    [{ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Zurich', '2026-03-29T01:30:00.000Z'],
    // Zurich fall-back 2026-10-25 03:00 -> 02:00: 02:30 happens twice, first occurrence (CEST).
    [{ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Zurich', '2026-10-25T00:30:00.000Z'],
    [{ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, 'Europe/Zurich', '2026-10-25T02:30:00.000Z'],
    // Santiago jumps from 00:00 to 01:00 on 2026-09-06: midnight does not exist.
    [{ year: 2026, month: 9, day: 6, hour: 0, minute: 0 }, 'America/Santiago', '2026-09-06T04:00:00.000Z'],
    [{ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York', '2026-03-08T07:30:00.000Z'],
    [{ year: 2026, month: 7, day: 1, hour: 9, minute: 0 }, 'Asia/Tokyo', '2026-07-01T00:00:00.000Z'],
  ])('%o in %s is %s', (local, timeZone, expected) => {
    expect(instantOfLocal(local, timeZone).toISOString()).toBe(expected);
  });
});

describe('send, reminder and expiry instants', () => {
  it.each([
    // Default: sent on the 20th at 08:00, valid to the end of the 4th of the next month.
    [zurich, '2026-11', '2026-11-20T07:00:00.000Z', '2026-12-01T07:00:00.000Z', '2026-12-04T23:00:00.000Z'],
    // Year rollover.
    [zurich, '2026-12', '2026-12-20T07:00:00.000Z', '2027-01-01T07:00:00.000Z', '2027-01-04T23:00:00.000Z'],
    // Sent in summer time (CEST), expires in winter time (CET): Zurich falls back on 2026-10-25.
    [zurich, '2026-10', '2026-10-20T06:00:00.000Z', '2026-11-01T07:00:00.000Z', '2026-11-04T23:00:00.000Z'],
    // Sent in winter, expires in summer: Zurich springs forward on 2026-03-29, reminder on 03-29 itself.
    [campaignCalendar({ lastValidDay: 1, reminderDaysBefore: 3 }), '2026-03', '2026-03-20T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-04-01T22:00:00.000Z'],
    // New York falls back on 2026-11-01: send in EDT, expiry in EST.
    [newYork, '2026-10', '2026-10-20T12:00:00.000Z', '2026-11-01T13:00:00.000Z', '2026-11-05T05:00:00.000Z'],
    [newYork, '2026-12', '2026-12-20T13:00:00.000Z', '2027-01-01T13:00:00.000Z', '2027-01-05T05:00:00.000Z'],
    // Tokyo has no DST.
    [tokyo, '2026-10', '2026-10-19T23:00:00.000Z', '2026-10-31T23:00:00.000Z', '2026-11-04T15:00:00.000Z'],
    // Days beyond the month's end are clamped: 31st of February -> 28th, 31st of April -> 30th.
    [campaignCalendar({ sendDay: 31, lastValidDay: 31 }), '2026-03', '2026-03-31T06:00:00.000Z', '2026-04-27T06:00:00.000Z', '2026-04-30T22:00:00.000Z'],
    [campaignCalendar({ sendDay: 31, lastValidDay: 5 }), '2026-02', '2026-02-28T07:00:00.000Z', '2026-03-02T07:00:00.000Z', '2026-03-05T23:00:00.000Z'],
    // Santiago: the day after the last valid day starts at 01:00 because midnight is skipped.
    [campaignCalendar({ timeZone: 'America/Santiago', lastValidDay: 5 }), '2026-08', '2026-08-20T12:00:00.000Z', '2026-09-02T12:00:00.000Z', '2026-09-06T04:00:00.000Z'],
  ])('%# period %s: send %s, reminder %s, expiry %s', (calendar, period, send, reminder, expiry) => {
    expect(sendInstant(calendar, period).toISOString()).toBe(send);
    expect(reminderInstant(calendar, period).toISOString()).toBe(reminder);
    expect(expiryInstant(calendar, period).toISOString()).toBe(expiry);
  });

  it('the last valid day is still the 4th one millisecond before expiry', () => {
    const expiry = expiryInstant(newYork, '2026-10');
    expect(localDateKey(new Date(expiry.getTime() - 1), 'America/New_York')).toBe('2026-11-04');
    expect(localDateKey(expiry, 'America/New_York')).toBe('2026-11-05');
  });
});

describe('openPeriodsAt', () => {
  const quarterly = campaignCalendar({ schedule: { kind: 'quarterly' } });
  const overlapping = campaignCalendar({ sendDay: 1, lastValidDay: 10, reminderDaysBefore: 3 });
  it.each([
    [zurich, '2026-11-10T12:00:00Z', []],
    [zurich, '2026-11-20T06:59:59Z', []],
    [zurich, '2026-11-20T07:00:00Z', ['2026-11']],
    [zurich, '2026-12-04T22:59:59Z', ['2026-11']],
    [zurich, '2026-12-04T23:00:00Z', []],
    [zurich, '2027-01-03T12:00:00Z', ['2026-12']],
    [tokyo, '2026-12-04T16:00:00Z', []],
    [newYork, '2026-12-05T04:59:59Z', ['2026-11']],
    [quarterly, '2026-11-25T12:00:00Z', []],
    [quarterly, '2026-12-25T12:00:00Z', ['2026-12']],
    [overlapping, '2026-12-05T12:00:00Z', ['2026-11', '2026-12']],
  ])('%# at %s: %o', (calendar, instant, expected) => {
    expect(openPeriodsAt(calendar, new Date(instant))).toEqual(expected);
  });
});
