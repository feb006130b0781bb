import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './paging.ts';

/** The console's first screen: totals and pending tasks, each a link to its list. */
export const dashboardSummarySchema = z.object({
  customers: z.number().int().nonnegative(),
  devices: z.number().int().nonnegative(),
  readingsToCheck: z.number().int().nonnegative(),
  /** Printers an agent found that nobody has added or ignored yet. */
  devicesToAdd: z.number().int().nonnegative(),
  /** Enrolled agents heard from within their threshold, and those silent for longer. */
  agentsConnected: z.number().int().nonnegative(),
  agentsDisconnected: z.number().int().nonnegative(),
  /** Device alerts still reported. */
  openAlerts: z.number().int().nonnegative(),
  /** Customers' location change requests the dealer has not applied or dismissed yet. */
  locationRequests: z.number().int().nonnegative(),
  /** Maintenance requests nobody has started on yet (state unresolved). */
  newRequests: z.number().int().nonnegative(),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const VOLUME_GROUPS = ['total', 'customer', 'site', 'device', 'model'] as const;
export type VolumeGroup = (typeof VOLUME_GROUPS)[number];

const dateSchema = z.iso.date();

export const volumeQuerySchema = z
  .object({
    customerId: z.uuid().optional(),
    siteId: z.uuid().optional(),
    deviceId: z.uuid().optional(),
    /** First and last day (inclusive), in the partner's time zone. */
    from: dateSchema,
    to: dateSchema,
    bucket: z.enum(['day', 'month']).default('month'),
    groupBy: z.enum(VOLUME_GROUPS).default('total'),
  })
  .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['from'] })
  .refine((query) => query.bucket === 'month' || daysBetween(query.from, query.to) <= 366, { message: 'Daily volumes cover at most a year', path: ['to'] });
export type VolumeQuery = z.infer<typeof volumeQuerySchema>;

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

const pagesSchema = z.object({ mono: z.number().int().nonnegative(), colour: z.number().int().nonnegative() });

export const volumeSeriesSchema = z.object({
  /** The customer, site or device id, the model name, or 'total'. */
  key: z.string(),
  label: z.string(),
  /** One entry per bucket of `buckets`, in the same order. */
  points: z.array(pagesSchema),
  mono: z.number().int().nonnegative(),
  colour: z.number().int().nonnegative(),
});
export type VolumeSeries = z.infer<typeof volumeSeriesSchema>;

export const volumeReportSchema = z.object({
  bucket: z.enum(['day', 'month']),
  /** 'YYYY-MM' or 'YYYY-MM-DD', oldest first, quiet ones included. */
  buckets: z.array(z.string()),
  /** Largest volume first. */
  series: z.array(volumeSeriesSchema),
});
export type VolumeReport = z.infer<typeof volumeReportSchema>;

/** An agent's state as the agents module reports it: new (not enrolled yet), connected, disconnected, ambiguous (two installs share a key). */
export const AGENT_STATES = ['new', 'connected', 'disconnected', 'ambiguous'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** One row of the console's customers list, with everything its columns show. */
export const customerOverviewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  customerNumber: z.string(),
  prefix: z.string(),
  active: z.boolean(),
  /** The main site's address (the first site added; by name among sites added together), else the customer's; one line. */
  mainAddress: z.string().nullable(),
  siteCount: z.number().int().nonnegative(),
  deviceCount: z.number().int().nonnegative(),
  /** 'per_page', or null when no prices were set. */
  billingType: z.string().nullable(),
  /** The customer's most recently heard agent; null when it has none. */
  agent: z.object({ status: z.enum(AGENT_STATES), lastContactAt: z.string().nullable() }).nullable(),
  /** Pages printed in the last calendar month (mono + colour). */
  lastMonthPages: z.number().int().nonnegative(),
});
export type CustomerOverview = z.infer<typeof customerOverviewSchema>;

export const customerOverviewQuerySchema = pageQuerySchema.extend({
  /** Matches the name or the prefix. */
  search: z.string().trim().max(100).optional(),
});
export type CustomerOverviewQuery = z.infer<typeof customerOverviewQuerySchema>;

export const customerOverviewPageSchema = pageSchema(customerOverviewSchema).extend({ lastMonth: z.string() });
export type CustomerOverviewPage = z.infer<typeof customerOverviewPageSchema>;
