import { describe, expect, it } from 'vitest';
import { DomainError } from '@parc/shared';
import { DEFAULT_PARTNER_CAMPAIGN, effectiveCalendar, latestCutoff, NO_OVERRIDES } from './campaign.settings.ts';

describe('effectiveCalendar', () => {
  it.each([
    ['no overrides: the partner defaults', NO_OVERRIDES, { schedule: { kind: 'monthly' }, sendDay: 20, lastValidDay: 4, timeZone: 'Europe/Zurich' }],
    [
      'customer on a quarterly schedule, sent on the 25th',
      { ...NO_OVERRIDES, schedule: { kind: 'quarterly' as const }, sendDay: 25 },
      { schedule: { kind: 'quarterly' }, sendDay: 25, lastValidDay: 4, timeZone: 'Europe/Zurich' },
    ],
    [
      'customer abroad with a later deadline',
      { ...NO_OVERRIDES, lastValidDay: 10, timeZone: 'America/New_York' },
      { schedule: { kind: 'monthly' }, sendDay: 20, lastValidDay: 10, timeZone: 'America/New_York' },
    ],
  ])('%s', (_, overrides, expected) => {
    expect(effectiveCalendar(DEFAULT_PARTNER_CAMPAIGN, overrides)).toMatchObject(expected);
  });

  it('refuses an override that makes the reminder precede the request', () => {
    const overrides = { ...NO_OVERRIDES, sendDay: 28, lastValidDay: 1 };
    expect(() => effectiveCalendar({ ...DEFAULT_PARTNER_CAMPAIGN, reminderDaysBefore: 3 }, overrides)).toThrow(DomainError);
  });
});

describe('latestCutoff', () => {
  it.each([
    ['after tonight’s cutoff (CET, UTC+1)', '2026-11-20T21:30:00Z', '22:00', '2026-11-20T21:00:00.000Z', '2026-11-20'],
    ['exactly at the cutoff counts as passed', '2026-11-20T21:00:00Z', '22:00', '2026-11-20T21:00:00.000Z', '2026-11-20'],
    ['before tonight’s cutoff: last night’s', '2026-11-20T20:59:00Z', '22:00', '2026-11-19T21:00:00.000Z', '2026-11-19'],
    ['summer time (CEST, UTC+2)', '2026-07-01T21:00:00Z', '22:00', '2026-07-01T20:00:00.000Z', '2026-07-01'],
    ['early-morning cutoff', '2026-11-20T05:00:00Z', '02:30', '2026-11-20T01:30:00.000Z', '2026-11-20'],
    ['first of the month, before the cutoff: the last day of the month before', '2026-12-01T10:00:00Z', '22:00', '2026-11-30T21:00:00.000Z', '2026-11-30'],
  ])('%s', (_, asOf, cutoff, instant, night) => {
    const result = latestCutoff(new Date(asOf), cutoff, 'Europe/Zurich');
    expect(result.instant.toISOString()).toBe(instant);
    expect(result.night).toBe(night);
  });
});
