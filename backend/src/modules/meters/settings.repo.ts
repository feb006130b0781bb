import { and, eq } from 'drizzle-orm';
import type { CampaignCalendar, CampaignSchedule } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { campaignSettings, customerCampaignSettings } from '../../db/schema/index.ts';
import { DEFAULT_PARTNER_CAMPAIGN, effectiveCalendar, NO_OVERRIDES, type CustomerCampaignOverrides, type PartnerCampaignDefaults } from './campaign.settings.ts';

type PartnerRow = typeof campaignSettings.$inferSelect;
type CustomerRow = typeof customerCampaignSettings.$inferSelect;

function scheduleOf(kind: PartnerRow['scheduleKind'], months: number[] | null): CampaignSchedule {
  return kind === 'months' ? { kind, months: months ?? [] } : { kind };
}

const scheduleColumns = (schedule: CampaignSchedule | null) => ({
  scheduleKind: schedule?.kind ?? null,
  scheduleMonths: schedule?.kind === 'months' ? [...schedule.months] : null,
});

export function toPartnerDefaults(row: PartnerRow | null | undefined): PartnerCampaignDefaults {
  if (!row) return DEFAULT_PARTNER_CAMPAIGN;
  return {
    schedule: scheduleOf(row.scheduleKind, row.scheduleMonths),
    sendDay: row.sendDay,
    lastValidDay: row.lastValidDay,
    reminderDaysBefore: row.reminderDaysBefore,
    timeZone: row.timezone,
    nightlyCutoff: row.nightlyCutoff,
    exportFolder: row.exportFolder,
    webhookUrl: row.webhookUrl,
    webhookSecret: row.webhookSecret,
  };
}

export function toOverrides(row: CustomerRow | null | undefined): CustomerCampaignOverrides {
  if (!row) return NO_OVERRIDES;
  return {
    schedule: row.scheduleKind ? scheduleOf(row.scheduleKind, row.scheduleMonths) : null,
    sendDay: row.sendDay,
    lastValidDay: row.lastValidDay,
    timeZone: row.timezone,
    enabled: row.enabled,
  };
}

export async function loadPartnerDefaults(db: Db, partnerId: string): Promise<PartnerCampaignDefaults> {
  const [row] = await db.select().from(campaignSettings).where(eq(campaignSettings.partnerId, partnerId));
  return toPartnerDefaults(row);
}

export async function savePartnerDefaults(db: Db, partnerId: string, defaults: PartnerCampaignDefaults, now: Date): Promise<void> {
  const { scheduleKind, scheduleMonths } = scheduleColumns(defaults.schedule);
  const values = {
    scheduleKind: scheduleKind!,
    scheduleMonths,
    sendDay: defaults.sendDay,
    lastValidDay: defaults.lastValidDay,
    reminderDaysBefore: defaults.reminderDaysBefore,
    timezone: defaults.timeZone,
    nightlyCutoff: defaults.nightlyCutoff,
    exportFolder: defaults.exportFolder,
    webhookUrl: defaults.webhookUrl,
    webhookSecret: defaults.webhookSecret,
    updatedAt: now,
  };
  await db.insert(campaignSettings).values({ partnerId, ...values }).onConflictDoUpdate({ target: campaignSettings.partnerId, set: values });
}

export async function loadOverrides(db: Db, partnerId: string, customerId: string): Promise<CustomerCampaignOverrides> {
  const [row] = await db
    .select()
    .from(customerCampaignSettings)
    .where(and(eq(customerCampaignSettings.partnerId, partnerId), eq(customerCampaignSettings.customerId, customerId)));
  return toOverrides(row);
}

export async function saveOverrides(db: Db, partnerId: string, customerId: string, overrides: CustomerCampaignOverrides, now: Date): Promise<void> {
  const values = {
    ...scheduleColumns(overrides.schedule),
    sendDay: overrides.sendDay,
    lastValidDay: overrides.lastValidDay,
    timezone: overrides.timeZone,
    enabled: overrides.enabled,
    updatedAt: now,
  };
  await db
    .insert(customerCampaignSettings)
    .values({ partnerId, customerId, ...values })
    .onConflictDoUpdate({ target: customerCampaignSettings.customerId, set: values });
}

/** The calendar a customer's links and emails follow (what issueLink needs for the expiry). */
export async function customerCalendar(db: Db, partnerId: string, customerId: string): Promise<CampaignCalendar> {
  const [defaults, overrides] = await Promise.all([loadPartnerDefaults(db, partnerId), loadOverrides(db, partnerId, customerId)]);
  return effectiveCalendar(defaults, overrides);
}
