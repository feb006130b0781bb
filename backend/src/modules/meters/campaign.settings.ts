import {
  campaignCalendar,
  DEFAULT_CAMPAIGN_CALENDAR,
  instantOfLocal,
  localDateKey,
  localDateTimeAt,
  type CampaignCalendar,
  type CampaignSchedule,
} from '@parc/shared';

/**
 * Campaign settings as the partner sets them (defaults for all customers) and as a customer may
 * override them; the effective calendar is what the jobs and the links use. Pure.
 */

export interface PartnerCampaignDefaults {
  schedule: CampaignSchedule;
  sendDay: number;
  lastValidDay: number;
  reminderDaysBefore: number;
  timeZone: string;
  /** Local 'HH:MM': entries made before it are locked and transmitted that night. */
  nightlyCutoff: string;
  /** Write a CSV per night in DATA_DIR/exports. */
  exportFolder: boolean;
  webhookUrl: string | null;
  webhookSecret: string | null;
}

export interface CustomerCampaignOverrides {
  schedule: CampaignSchedule | null;
  sendDay: number | null;
  lastValidDay: number | null;
  timeZone: string | null;
  enabled: boolean;
}

export const DEFAULT_PARTNER_CAMPAIGN: PartnerCampaignDefaults = {
  schedule: DEFAULT_CAMPAIGN_CALENDAR.schedule,
  sendDay: DEFAULT_CAMPAIGN_CALENDAR.sendDay,
  lastValidDay: DEFAULT_CAMPAIGN_CALENDAR.lastValidDay,
  reminderDaysBefore: DEFAULT_CAMPAIGN_CALENDAR.reminderDaysBefore,
  timeZone: DEFAULT_CAMPAIGN_CALENDAR.timeZone,
  nightlyCutoff: '22:00',
  exportFolder: true,
  webhookUrl: null,
  webhookSecret: null,
};

export const NO_OVERRIDES: CustomerCampaignOverrides = { schedule: null, sendDay: null, lastValidDay: null, timeZone: null, enabled: true };

/** The calendar a customer's campaign follows: its overrides over the partner's defaults. Throws bad_request when they cannot work together. */
export function effectiveCalendar(defaults: PartnerCampaignDefaults, overrides: CustomerCampaignOverrides = NO_OVERRIDES): CampaignCalendar {
  return campaignCalendar({
    schedule: overrides.schedule ?? defaults.schedule,
    sendDay: overrides.sendDay ?? defaults.sendDay,
    lastValidDay: overrides.lastValidDay ?? defaults.lastValidDay,
    reminderDaysBefore: defaults.reminderDaysBefore,
    timeZone: overrides.timeZone ?? defaults.timeZone,
  });
}

/** The nightly cutoff most recently passed at `asOf` (inclusive), and the local date it falls on. */
export function latestCutoff(asOf: Date, cutoff: string, timeZone: string): { instant: Date; night: string } {
  const [hour, minute] = cutoff.split(':').map(Number) as [number, number];
  const today = localDateTimeAt(asOf, timeZone);
  let instant = instantOfLocal({ year: today.year, month: today.month, day: today.day, hour, minute }, timeZone);
  if (instant.getTime() > asOf.getTime()) {
    const yesterday = new Date(Date.UTC(today.year, today.month - 1, today.day - 1));
    instant = instantOfLocal(
      { year: yesterday.getUTCFullYear(), month: yesterday.getUTCMonth() + 1, day: yesterday.getUTCDate(), hour, minute },
      timeZone,
    );
  }
  return { instant, night: localDateKey(instant, timeZone) };
}
