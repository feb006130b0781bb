import { z } from '@hono/zod-openapi';
import { LANGUAGES, periodKeySchema } from '@parc/shared';

/** Request and response shapes of the campaign API (settings, contacts, stats, jobs). */

const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly') }),
  z.object({ kind: z.literal('quarterly') }),
  z.object({ kind: z.literal('months'), months: z.array(z.number().int().min(1).max(12)).min(1).max(12).readonly() }),
]);
const day = z.number().int().min(1).max(31);
const timeZone = z.string().min(1).max(64);

export const partnerCampaignSettingsSchema = z.object({
  schedule: scheduleSchema,
  sendDay: day,
  lastValidDay: day,
  reminderDaysBefore: z.number().int().min(0).max(27),
  timeZone,
  nightlyCutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time like 22:00'),
  exportFolder: z.boolean(),
  webhookUrl: z.url({ protocol: /^https?$/ }).nullable(),
  /** Write-only: the answer says whether one is set, never what it is. */
  hasWebhookSecret: z.boolean(),
});
export type PartnerCampaignSettings = z.infer<typeof partnerCampaignSettingsSchema>;

export const partnerCampaignSettingsUpdateSchema = partnerCampaignSettingsSchema.omit({ hasWebhookSecret: true }).extend({
  /** Omitted: keep the current secret; null: remove it. */
  webhookSecret: z.string().min(16).max(200).nullable().optional(),
});
export type PartnerCampaignSettingsUpdate = z.infer<typeof partnerCampaignSettingsUpdateSchema>;

export const customerCampaignOverridesSchema = z.object({
  schedule: scheduleSchema.nullable(),
  sendDay: day.nullable(),
  lastValidDay: day.nullable(),
  timeZone: timeZone.nullable(),
  enabled: z.boolean(),
});

export const customerCampaignSettingsSchema = z.object({
  overrides: customerCampaignOverridesSchema,
  /** What the campaign actually follows for this customer. */
  effective: z.object({
    schedule: scheduleSchema,
    sendDay: day,
    lastValidDay: day,
    reminderDaysBefore: z.number().int(),
    timeZone,
    enabled: z.boolean(),
  }),
});

const language = z.enum(LANGUAGES);
const email = z.email().max(254).transform((value) => value.toLowerCase());

export const contactInviteSchema = z.object({ email, language: language.default('fr') });
export const signupSchema = z.object({
  customerNumber: z.string().min(1).max(50),
  email,
  language: language.default('fr'),
  /** The dealer whose sign-up page was used; optional when the installation has a single dealer. */
  partnerId: z.uuid().optional(),
});
export type Signup = z.infer<typeof signupSchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  language: z.string(),
  state: z.enum(['pending', 'confirmed', 'unsubscribed']),
  confirmedAt: z.string().nullable(),
  unsubscribedAt: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const tokenParams = z.object({ token: z.string().min(10).max(200) });
export const customerIdParams = z.object({ id: z.uuid() });

export const statsQuerySchema = z.object({ period: periodKeySchema });
export const campaignStatsSchema = z.object({
  period: z.string(),
  totals: z.object({ customers: z.number(), issued: z.number(), sent: z.number(), opened: z.number(), firstEntry: z.number(), complete: z.number() }),
  customers: z.array(
    z.object({
      customerId: z.uuid(),
      customerNumber: z.string(),
      name: z.string(),
      state: z.enum(['not_issued', 'issued', 'sent', 'opened', 'first_entry', 'complete', 'revoked', 'expired']),
      emailsSent: z.number(),
      /** Of this customer's sent links over the last 12 periods, the share with at least one entry; null before any. */
      responseRate: z.number().nullable(),
    }),
  ),
});
export type CampaignStats = z.infer<typeof campaignStatsSchema>;

export const JOB_NAMES = ['campaign', 'nightly', 'overage', 'setup-link', 'add-partner'] as const;
export type JobName = (typeof JOB_NAMES)[number];
export const jobParams = z.object({ name: z.enum(JOB_NAMES) });
/** A date ('2026-11-20', meaning the end of that day, UTC) or an instant; default: now. */
export const asOfSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const jobRunBodySchema = z.object({ asOf: asOfSchema.optional() });

/** `--as-of 2026-11-20` runs as at the last moment of that day (UTC), so everything due that day is done. */
export function parseAsOf(value: string | undefined, now: Date): Date {
  if (!value) return now;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}
