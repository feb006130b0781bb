import type { z } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { effectiveCalendar, type CustomerCampaignOverrides } from './campaign.settings.ts';
import type { customerCampaignSettingsSchema, PartnerCampaignSettings, PartnerCampaignSettingsUpdate } from './meters.schemas.ts';
import { loadOverrides, loadPartnerDefaults, saveOverrides, savePartnerDefaults } from './settings.repo.ts';

type CustomerCampaignSettings = z.infer<typeof customerCampaignSettingsSchema>;

export async function getPartnerSettings(db: Db, user: SessionUser): Promise<PartnerCampaignSettings> {
  const { webhookSecret, ...settings } = await loadPartnerDefaults(db, user.partnerId);
  return { ...settings, hasWebhookSecret: webhookSecret !== null };
}

export async function putPartnerSettings(db: Db, user: SessionUser, input: PartnerCampaignSettingsUpdate, now: Date): Promise<PartnerCampaignSettings> {
  const current = await loadPartnerDefaults(db, user.partnerId);
  const { webhookSecret, ...rest } = input;
  const next = { ...rest, webhookSecret: webhookSecret === undefined ? current.webhookSecret : webhookSecret };
  // Validates the combination (time zone, reminder after the request) before anything is stored.
  effectiveCalendar(next);
  await savePartnerDefaults(db, user.partnerId, next, now);
  return getPartnerSettings(db, user);
}

export async function getCustomerSettings(db: Db, user: SessionUser, customerId: string): Promise<CustomerCampaignSettings> {
  await getCustomer(db, user, customerId);
  const [defaults, overrides] = await Promise.all([loadPartnerDefaults(db, user.partnerId), loadOverrides(db, user.partnerId, customerId)]);
  const { schedule, sendDay, lastValidDay, reminderDaysBefore, timeZone } = effectiveCalendar(defaults, overrides);
  return { overrides, effective: { schedule, sendDay, lastValidDay, reminderDaysBefore, timeZone, enabled: overrides.enabled } };
}

export async function putCustomerSettings(
  db: Db,
  user: SessionUser,
  customerId: string,
  overrides: CustomerCampaignOverrides,
  now: Date,
): Promise<CustomerCampaignSettings> {
  await getCustomer(db, user, customerId);
  effectiveCalendar(await loadPartnerDefaults(db, user.partnerId), overrides);
  await saveOverrides(db, user.partnerId, customerId, overrides, now);
  return getCustomerSettings(db, user, customerId);
}
