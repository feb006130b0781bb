import { addMonths, instantOfLocal, isReadingDue, parsePeriod, periodKeyAt, type CampaignCalendar, type PeriodKey } from '../meters/periods.ts';

/**
 * Billing periods follow the customer's campaign calendar: a monthly customer is billed per
 * calendar month; a quarterly one (or one read in chosen months) per run of months ending with a
 * month its readings are due. A period is named by its last month ('2026-12' for Q4) and runs from
 * local midnight of its first day to local midnight after its last day (end exclusive), in the
 * customer's time zone.
 */

export interface BillingPeriod {
  key: PeriodKey;
  /** The months it covers, first to last. */
  months: PeriodKey[];
  start: Date;
  /** Exclusive. */
  end: Date;
  /** Start of the period before it: where the volume's starting value is looked for. */
  previousStart: Date;
}

const monthStart = (key: PeriodKey, timeZone: string) => instantOfLocal({ ...parsePeriod(key), day: 1, hour: 0, minute: 0 }, timeZone);

/** The period's last month: the first month from `month` on whose readings are due (within a year). */
export function billingPeriodKeyOf(calendar: CampaignCalendar, month: PeriodKey): PeriodKey {
  for (let ahead = 0; ahead < 12; ahead++) {
    const candidate = addMonths(month, ahead);
    if (isReadingDue(calendar, candidate)) return candidate;
  }
  return month;
}

/** The months of the period ending with `key` (a month whose readings are due). */
function monthsEndingWith(calendar: CampaignCalendar, key: PeriodKey): PeriodKey[] {
  const months = [key];
  for (let back = 1; back < 12; back++) {
    const candidate = addMonths(key, -back);
    if (isReadingDue(calendar, candidate)) break;
    months.unshift(candidate);
  }
  return months;
}

export function billingPeriod(calendar: CampaignCalendar, key: PeriodKey): BillingPeriod {
  const last = billingPeriodKeyOf(calendar, key);
  const months = monthsEndingWith(calendar, last);
  const first = months[0]!;
  const previous = monthsEndingWith(calendar, addMonths(first, -1))[0]!;
  return {
    key: last,
    months,
    start: monthStart(first, calendar.timeZone),
    end: monthStart(addMonths(last, 1), calendar.timeZone),
    previousStart: monthStart(previous, calendar.timeZone),
  };
}

/** The billing period an instant falls in: the one a price change saved now takes effect from. */
export function billingPeriodAt(calendar: CampaignCalendar, instant: Date): BillingPeriod {
  return billingPeriod(calendar, periodKeyAt(instant, calendar.timeZone));
}

/** Periods are named by their last month, so they sort and compare as text. */
export const isPeriodBefore = (a: PeriodKey, b: PeriodKey): boolean => a < b;
