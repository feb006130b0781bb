import { describe, expect, it } from 'vitest';
import { campaignCalendar, type CampaignSchedule } from '../meters/periods.ts';
import { billingPeriod, billingPeriodAt, isPeriodBefore } from './periods.ts';

const monthly: CampaignSchedule = { kind: 'monthly' };
const quarterly: CampaignSchedule = { kind: 'quarterly' };

type Case = [name: string, schedule: CampaignSchedule, timeZone: string, key: string, expected: { key: string; months: string[]; start: string; end: string; previousStart: string }];

describe('billing periods from the campaign calendar', () => {
  it.each<Case>([
    [
      'a monthly customer: the calendar month, local midnight to local midnight (summer time ends on the 25th)',
      monthly,
      'Europe/Zurich',
      '2026-10',
      { key: '2026-10', months: ['2026-10'], start: '2026-09-30T22:00:00.000Z', end: '2026-10-31T23:00:00.000Z', previousStart: '2026-08-31T22:00:00.000Z' },
    ],
    [
      'a month in which summer time starts is an hour shorter',
      monthly,
      'Europe/Zurich',
      '2026-03',
      { key: '2026-03', months: ['2026-03'], start: '2026-02-28T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z', previousStart: '2026-01-31T23:00:00.000Z' },
    ],
    [
      'in another zone, its own midnights and its own change of time',
      monthly,
      'America/New_York',
      '2026-03',
      { key: '2026-03', months: ['2026-03'], start: '2026-03-01T05:00:00.000Z', end: '2026-04-01T04:00:00.000Z', previousStart: '2026-02-01T05:00:00.000Z' },
    ],
    [
      'southern summer time starts in October',
      monthly,
      'Australia/Sydney',
      '2026-10',
      { key: '2026-10', months: ['2026-10'], start: '2026-09-30T14:00:00.000Z', end: '2026-10-31T13:00:00.000Z', previousStart: '2026-08-31T14:00:00.000Z' },
    ],
    [
      'a quarterly customer: any month of the quarter names the quarter by its last month',
      quarterly,
      'Europe/Zurich',
      '2026-11',
      { key: '2026-12', months: ['2026-10', '2026-11', '2026-12'], start: '2026-09-30T22:00:00.000Z', end: '2026-12-31T23:00:00.000Z', previousStart: '2026-06-30T22:00:00.000Z' },
    ],
    [
      'the first quarter starts in winter time and ends in summer time',
      quarterly,
      'Europe/Zurich',
      '2026-01',
      { key: '2026-03', months: ['2026-01', '2026-02', '2026-03'], start: '2025-12-31T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z', previousStart: '2025-09-30T22:00:00.000Z' },
    ],
    [
      'readings due in chosen months: a period runs from the month after one to the next',
      { kind: 'months', months: [6, 12] },
      'Europe/Zurich',
      '2026-08',
      {
        key: '2026-12',
        months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
        start: '2026-06-30T22:00:00.000Z',
        end: '2026-12-31T23:00:00.000Z',
        previousStart: '2025-12-31T23:00:00.000Z',
      },
    ],
    [
      'one reading a year: a year-long period across the turn of the year',
      { kind: 'months', months: [4] },
      'Europe/Zurich',
      '2026-05',
      {
        key: '2027-04',
        months: ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04'],
        start: '2026-04-30T22:00:00.000Z',
        end: '2027-04-30T22:00:00.000Z',
        previousStart: '2025-04-30T22:00:00.000Z',
      },
    ],
  ])('%s', (_name, schedule, timeZone, key, expected) => {
    const period = billingPeriod(campaignCalendar({ schedule, timeZone }), key);
    expect({ ...period, start: period.start.toISOString(), end: period.end.toISOString(), previousStart: period.previousStart.toISOString() }).toEqual(expected);
  });

  it.each([
    ['just after local midnight on 1 November is November', monthly, '2026-10-31T23:30:00Z', '2026-11'],
    ['just before it is still October', monthly, '2026-10-31T22:59:59Z', '2026-10'],
    ['a quarterly customer in November is in the quarter ending in December', quarterly, '2026-11-20T08:00:00Z', '2026-12'],
  ])('finds the period of an instant: %s', (_name, schedule, instant, key) => {
    expect(billingPeriodAt(campaignCalendar({ schedule }), new Date(instant)).key).toBe(key);
  });

  it('orders periods by their names', () => {
    expect([isPeriodBefore('2026-09', '2026-10'), isPeriodBefore('2026-10', '2026-10'), isPeriodBefore('2027-01', '2026-12')]).toEqual([true, false, false]);
  });
});
