/** The dashboard's period choices as the date range the statistics API takes. */
import { isoDate } from '../console/format.ts';

export const PERIOD_MONTHS = [3, 6, 12] as const;
export type PeriodMonths = (typeof PERIOD_MONTHS)[number];

/** The last `months` whole months plus the current one, ending today. */
export function periodRange(months: number, today: Date): { from: string; to: string } {
  const start = new Date(today.getFullYear(), today.getMonth() - months, 1);
  return { from: isoDate(start), to: isoDate(today) };
}
